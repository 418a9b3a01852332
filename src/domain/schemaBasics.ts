// The shapes every other schema builds on: roles, concerns, kinds of group, dates and instants, the
// reporter and the anmälan as it comes in (src/domain/schemas.ts gathers all the shapes).
import { z } from 'zod';

export const Role = z.enum(['caseworker', 'team_lead', 'unit_manager']);
export type Role = z.infer<typeof Role>;

export const ReporterType = z.enum([
  'preschool',
  'school',
  'police',
  'healthcare',
  'social_services',
  'relative',
  'private_person',
  'anonymous',
  'other',
]);
export type ReporterType = z.infer<typeof ReporterType>;

export const Concern = z.enum([
  'violence',
  'neglect',
  'parental_substance_abuse',
  'own_behaviour',
  'mental_health',
  'honour_related',
  'other',
]);
export type Concern = z.infer<typeof Concern>;

/**
 * intake, investigation, violence and out_of_hours are the child and youth section (barn och unga);
 * adult (vuxen: missbruk, ekonomiskt bistånd) and other are sections outside child welfare, which
 * the bot only links to a family's child cases (docs/family.md).
 */
export const GroupKind = z.enum(['intake', 'investigation', 'violence', 'out_of_hours', 'adult', 'other']);
export type GroupKind = z.infer<typeof GroupKind>;

/** The kinds outside child welfare: no child-welfare deadlines, only the family link. */
export const OTHER_SECTION_KINDS: ReadonlySet<GroupKind> = new Set(['adult', 'other']);

/** A calendar date in Swedish time, e.g. 2026-02-28. */
export const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Datum ska skrivas ÅÅÅÅ-MM-DD');
export type LocalDate = z.infer<typeof LocalDate>;

/** An instant with its offset, e.g. 2026-11-20T09:15:00+01:00. */
export const Instant = z.iso.datetime({ offset: true });
export type Instant = z.infer<typeof Instant>;

/** Staff are identified by their Entra ID (AAD) object id, as Teams sends it in from.aadObjectId. */
export const StaffId = z.string().min(1).max(100);
export type StaffId = z.infer<typeof StaffId>;

export const Reporter = z.object({
  type: ReporterType,
  professional: z.boolean(),
  /** The reporter asked to be told the outcome (återkoppling, see docs/rules.md). */
  requestsFeedback: z.boolean().optional(),
});
export type Reporter = z.infer<typeof Reporter>;

/**
 * A case reference from the case-management system. Pseudonymous: never a personnummer
 * (the secrecy guard checks that too).
 */
export const CaseRef = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_./-]{0,63}$/, 'Ärendereferens: bokstäver, siffror, - _ . /');
export type CaseRef = z.infer<typeof CaseRef>;

/** A report (anmälan) as it enters through the API, an import or the Teams form. */
export const ReportInput = z.object({
  externalId: CaseRef,
  receivedAt: Instant,
  groupId: z.string().min(1),
  childRef: CaseRef,
  reporter: Reporter,
  concerns: z.array(Concern).min(1).max(7),
  summary: z.string().max(2000).optional(),
  /**
   * The case-management system's family or household number (pseudonymous, guarded like every
   * reference): cases with the same familyRef are shown together (docs/family.md).
   */
  familyRef: CaseRef.optional(),
});
export type ReportInput = z.infer<typeof ReportInput>;
