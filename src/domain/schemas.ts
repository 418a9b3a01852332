// The shapes of the domain: one zod schema each, types derived from them (never written twice).
// Instants are ISO 8601 strings with an offset; calendar dates are 'YYYY-MM-DD' in Europe/Stockholm.
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

/** A Teams thread id as the bot sees it, e.g. 19:abc123@thread.tacv2 (a team's id is its General channel's). */
const THREAD_ID = /^19:[A-Za-z0-9_.\-]{1,200}@thread\.(tacv2|skype|v2)$/;
const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const encodedHint = (s: string) =>
  /%3a|%40/i.test(s) ? ' (den är URL-kodad: skriv : i stället för %3a och @ i stället för %40)' : '';

/**
 * Where a group's cards go, named in the organisation file (docs/contract.md): the bot binds the
 * channel as soon as it is installed in that team, without anyone typing `koppla`.
 */
export const GroupChannelConfig = z
  .object({
    /** The team: its thread id (19:…@thread.tacv2) or its Microsoft 365 group id (the GUID in the channel link's groupId). */
    teamId: z
      .string()
      .trim()
      .superRefine((s, ctx) => {
        if (!THREAD_ID.test(s) && !GUID_RE.test(s))
          ctx.addIssue({
            code: 'custom',
            message: `ska vara teamets id, 19:…@thread.tacv2, eller gruppens GUID (groupId i kanalens länk)${encodedHint(s)}`,
          });
      }),
    /** The channel's thread id, 19:…@thread.tacv2 (from the channel's link, decoded). */
    channelId: z
      .string()
      .trim()
      .superRefine((s, ctx) => {
        if (!THREAD_ID.test(s))
          ctx.addIssue({
            code: 'custom',
            message: `ska vara kanalens id, 19:…@thread.tacv2 (ur kanalens länk i Teams)${encodedHint(s)}`,
          });
      }),
  })
  .strict();
export type GroupChannelConfig = z.infer<typeof GroupChannelConfig>;

export const Group = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'Grupp-id: små bokstäver, siffror och bindestreck'),
  name: z.string().min(1).max(100),
  kind: GroupKind,
  /** Optional: the group's channel, bound without `koppla` once the bot is in that team. */
  channel: GroupChannelConfig.optional(),
});
export type Group = z.infer<typeof Group>;

export const Staff = z.object({
  aadObjectId: StaffId,
  name: z.string().min(1).max(100),
  role: Role,
  groups: z.array(z.string()),
  /** How many open cases this caseworker is expected to carry. */
  capacity: z.number().int().positive().max(200).optional(),
});
export type Staff = z.infer<typeof Staff>;

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

export const Phase = z.enum(['skyddsbedomning', 'forhandsbedomning', 'utredning', 'closed']);
export type Phase = z.infer<typeof Phase>;

export const Skyddsbedomning = z.object({
  at: Instant,
  by: StaffId,
  immediateProtection: z.boolean(),
  motivation: z.string().max(2000),
  /** The date of the assessment as entered (default the day it was recorded). */
  decidedOn: LocalDate.optional(),
});
export type Skyddsbedomning = z.infer<typeof Skyddsbedomning>;

export const ForhandsOutcome = z.enum(['open', 'not_open', 'already_ongoing']);
export type ForhandsOutcome = z.infer<typeof ForhandsOutcome>;

export const Forhandsbedomning = z.object({
  decidedAt: Instant,
  by: StaffId,
  outcome: ForhandsOutcome,
  motivation: z.string().max(2000),
  /** Set when the 14 days were exceeded for "synnerliga skäl" (older records). */
  synnerligaSkal: z.string().max(2000).optional(),
  /** A report about violence or honour-related oppression not opened: the written reason why (required then). */
  violenceReason: z.string().max(2000).optional(),
  /** The date of the decision as entered (default the day it was recorded): every clock counts from it. */
  decidedOn: LocalDate.optional(),
  /** Decided after the deadline in force: an overrun, counted as one in every figure. */
  late: z.boolean().optional(),
});
export type Forhandsbedomning = z.infer<typeof Forhandsbedomning>;

export const Extension = z.object({
  at: Instant,
  by: StaffId,
  previousDeadline: LocalDate,
  newDeadline: LocalDate,
  reason: z.string().min(1).max(2000),
  /** The date of the extension decision as entered. */
  decidedOn: LocalDate.optional(),
  /** Decided after the deadline had run out: recorded, but the deadline stays counted as missed. */
  overrun: z.boolean().optional(),
});
export type Extension = z.infer<typeof Extension>;

/** An extension of the förhandsbedömning (20 kap. 2 §): a decision of its own, before day 14. */
export const ForhandsExtension = z.object({
  decidedOn: LocalDate,
  /** Who decided (a staff member). */
  decidedBy: StaffId,
  previousDeadline: LocalDate,
  newDeadline: LocalDate,
  /** The synnerliga skäl. */
  reason: z.string().min(1).max(2000),
  at: Instant,
  by: StaffId,
});
export type ForhandsExtension = z.infer<typeof ForhandsExtension>;

/** The information task when an investigation opens (20 kap. 4 §): told on a date, or why not. */
export const InformationTask = z.object({
  givenOn: LocalDate.optional(),
  notGivenReason: z.string().max(2000).optional(),
  at: Instant,
  by: StaffId,
});
export type InformationTask = z.infer<typeof InformationTask>;

export const Utredning = z.object({
  /** The date of the decision to open: the 4-month clock starts here. */
  openedOn: LocalDate,
  /** The statutory deadline (openedOn + 4 months), never moved. */
  statutoryDeadline: LocalDate,
  /** The deadline in force: the statutory one or the last extension's. */
  deadline: LocalDate,
  extensions: z.array(Extension),
  /** 20 kap. 4 § SoL: those concerned are told "genast"; set when the bot opened the investigation. */
  informationDue: LocalDate.optional(),
  /** Those concerned told that the investigation was opened (or why not). */
  information: InformationTask.optional(),
});
export type Utredning = z.infer<typeof Utredning>;

export const ContactKind = z.enum(['barnsamtal', 'hembesok', 'vardnadshavarmote', 'other']);
export type ContactKind = z.infer<typeof ContactKind>;

export const Contact = z.object({
  kind: ContactKind,
  date: LocalDate,
  /** For a barnsamtal: which child (pseudonymous reference). */
  childRef: CaseRef.optional(),
  by: StaffId,
  at: Instant,
  note: z.string().max(2000).optional(),
});
export type Contact = z.infer<typeof Contact>;

export const Task = z.object({
  due: LocalDate,
  doneAt: Instant.optional(),
  by: StaffId.optional(),
});
export type Task = z.infer<typeof Task>;

/** How an uppföljning ended (recorded by the caseworker; the legal record is the case-management system). */
export const UppfoljningOutcome = z.enum(['no_action', 'new_investigation', 'insats']);
export type UppfoljningOutcome = z.infer<typeof UppfoljningOutcome>;

/** Återkoppling: a duty only when the reporter asked; `due` absent = no time limit (the old rule). */
export const AterkopplingTask = z.object({
  requestedOn: LocalDate.optional(),
  due: LocalDate.optional(),
  doneAt: Instant.optional(),
  by: StaffId.optional(),
});
export type AterkopplingTask = z.infer<typeof AterkopplingTask>;

export const UppfoljningTask = Task.extend({
  /** The closing date: the clock and the information task start here. */
  startedOn: LocalDate.optional(),
  /** Ended before its date because a new investigation about the child was opened. */
  endedEarly: z.object({ on: LocalDate, caseId: z.string() }).optional(),
  /** The child (15 or older) and the guardians told. */
  informedAt: Instant.optional(),
  /** Recorded as ended ("Uppföljning avslutad"): how it ended and an optional comment (doneAt, by: who and when). */
  outcome: UppfoljningOutcome.optional(),
  note: z.string().max(2000).optional(),
});
export type UppfoljningTask = z.infer<typeof UppfoljningTask>;

export const Closure = z.object({
  at: Instant,
  by: StaffId,
  /** not_opened: no investigation; already_ongoing: handled in an investigation that is running. */
  outcome: z.enum(['insats', 'ingen_insats', 'not_opened', 'already_ongoing']),
  motivation: z.string().max(2000).optional(),
  /** The closing date as entered (default the day it was recorded): the statistics count from it. */
  closedOn: LocalDate.optional(),
});
export type Closure = z.infer<typeof Closure>;

const LvuStep = z.object({ on: LocalDate, at: Instant, by: StaffId });

export const LvuTrack = z.object({
  /** Omedelbart omhändertagande: the day of the decision (the 7 § week counts from it). */
  decidedOn: LocalDate,
  /** The nämnd itself, its chair, or a member it appointed (6 §: then reported at the next meeting). */
  decidedBy: z.enum(['namnd', 'ordforande', 'ledamot']),
  /** 2 § (home conditions) or 3 § (own behaviour): 13 § övervägande or prövning. */
  ground: z.enum(['2', '3']),
  /** The day it was carried out (the 8 § four weeks count from it). */
  verkstalldOn: LocalDate.optional(),
  /** The nämnd's next meeting after the decision, from the organisation file. */
  namndMeetingOn: LocalDate.optional(),
  recordedAt: Instant,
  recordedBy: StaffId,
  namndReported: LvuStep.optional(),
  understalld: LvuStep.optional(),
  ansokan: LvuStep.optional(),
  /** The court granted more time for the application (9 §). */
  courtExtendedTo: LocalDate.optional(),
  courtDecision: z
    .object({
      on: LocalDate,
      outcome: z.enum(['vard', 'avslag']),
      /** The day the decision became final (5 §: vård must begin within four weeks). */
      finalOn: LocalDate.optional(),
      at: Instant,
      by: StaffId,
    })
    .optional(),
  vardBegun: LvuStep.optional(),
  reviews: z.array(LvuStep.extend({ kind: z.enum(['overvagande', 'provning', 'begransning']) })),
  restrictions: z.array(LvuStep.extend({ kind: z.enum(['umgange', 'hemlig_vistelseort']) })),
  /** The omhändertagande or vård ended (the court said no, or it was lifted). */
  endedOn: LocalDate.optional(),
});
export type LvuTrack = z.infer<typeof LvuTrack>;

/** What was done to protect a child at once (src/domain/protection.ts). */
export const ProtectiveMeasureKind = z.enum(['placement', 'lvu_6', 'police', 'other']);
export type ProtectiveMeasureKind = z.infer<typeof ProtectiveMeasureKind>;

export const ProtectiveMeasure = z.object({
  kind: ProtectiveMeasureKind,
  /** The day it was done. */
  on: LocalDate,
  /** HH:MM Swedish time, when given. */
  time: z.string().optional(),
  /** Who did it (a staff member). */
  doneBy: StaffId,
  motivation: z.string().max(2000),
  at: Instant,
  by: StaffId,
});
export type ProtectiveMeasure = z.infer<typeof ProtectiveMeasure>;

/** One case: one anmälan about one child, through its phases. `id` is the external case reference. */
export const Case = z.object({
  id: CaseRef,
  version: z.number().int().nonnegative(),
  groupId: z.string(),
  childRef: CaseRef,
  receivedAt: Instant,
  reporter: Reporter,
  concerns: z.array(Concern),
  summary: z.string().optional(),
  phase: Phase,
  /** Owners, the first is the responsible caseworker; an investigation may have two. */
  assignees: z.array(StaffId),
  /** When the case first got an owner (for "unassigned for N days" statistics). */
  firstAssignedAt: Instant.optional(),
  skyddsbedomning: Skyddsbedomning.optional(),
  forhandsbedomning: Forhandsbedomning.optional(),
  utredning: Utredning.optional(),
  contacts: z.array(Contact),
  /** Why no barnsamtal was held (the child's age, language, ...). */
  barnsamtalNotHeldReason: z.string().max(2000).optional(),
  /** Återkoppling to a professional reporter who asked for it. */
  aterkoppling: AterkopplingTask.optional(),
  forhandsExtensions: z.array(ForhandsExtension).optional(),
  closure: Closure.optional(),
  /** Uppföljning after an investigation closed without insats. */
  uppfoljning: UppfoljningTask.optional(),
  /** The LVU track, when the child was taken into care at once (src/domain/lvu.ts). */
  lvu: LvuTrack.optional(),
  /** Protective measures after a skyddsbedömning said the child needs immediate protection. */
  protectiveMeasures: z.array(ProtectiveMeasure).optional(),
  /** Other open cases about the same child (childRef) in other groups. */
  linkedCaseIds: z.array(CaseRef),
  /** The family or household reference (docs/family.md): siblings and other sections are found by it. */
  familyRef: CaseRef.optional(),
  /**
   * Set when the case belongs to a group outside child welfare (kind adult or other): the bot keeps
   * no child-welfare deadlines on it and shows it to the child side only as "section involved".
   */
  sectionKind: z.enum(['adult', 'other']).optional(),
  createdAt: Instant,
  updatedAt: Instant,
  updatedBy: StaffId,
});
export type Case = z.infer<typeof Case>;

export const Absence = z.object({
  id: z.string(),
  staffId: StaffId,
  /**
   * The kind of absence, only when the person registering it said so: sick leave, leave (planned),
   * other. Never shown in a channel; cards say "frånvarande" (see docs/privacy.md).
   */
  kind: z.enum(['sick', 'planned', 'other']).optional(),
  from: LocalDate,
  /** Last day of absence; open-ended when missing. */
  to: LocalDate.optional(),
  registeredBy: StaffId,
  registeredAt: Instant,
  endedAt: Instant.optional(),
  endedBy: StaffId.optional(),
});
export type Absence = z.infer<typeof Absence>;

/** Who acts: resolved from the organisation file by aadObjectId. */
export interface Actor {
  id: StaffId;
  name: string;
  role: Role;
  groups: string[];
  /** The bot itself acting for an integration (intake API, import): may register reports only. */
  system?: boolean;
}

/** What the domain says happened; the audit log stores these with before/after. */
export interface DomainEvent {
  type: string;
  caseId?: string;
  /** Free-form, JSON-serialisable details; never a personnummer (guarded at the edge). */
  data?: Record<string, unknown>;
  /** The reason given by the person, when one was asked for. */
  reason?: string;
}

/** A refusal: the Swedish text is shown to the person who acted. */
export interface Refusal {
  ok: false;
  code: 'forbidden' | 'invalid' | 'conflict' | 'not_found' | 'stale';
  message: string;
  /** Field-level messages for forms: path → Swedish message. */
  fields?: Record<string, string>;
}

export interface Decided<S> {
  ok: true;
  state: S;
  events: DomainEvent[];
}

export type Decision<S> = Decided<S> | Refusal;

export const refuse = (code: Refusal['code'], message: string, fields?: Record<string, string>): Refusal => ({
  ok: false,
  code,
  message,
  ...(fields ? { fields } : {}),
});

/** The organisation file (docs/contract.md): who is who, in which groups. */
export const Organisation = z
  .object({
    /** The Entra tenant (directory) id: activities from any other tenant are ignored. */
    tenantId: z
      .string()
      .regex(
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
        'ska vara organisationens katalog-id i Entra (ett GUID, xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)',
      ),
    /** Municipal practice: midsommarafton, julafton and nyårsafton are not working days. */
    eveHolidaysAreNonWorking: z.boolean().default(true),
    /** The nämnd's meeting dates (LVU 6 §: a chair's decision is reported at the next one). */
    namndMeetings: z.array(LocalDate).optional(),
    /** The family history on the case card (docs/family.md); every key has a default. */
    family: z
      .object({
        /** A report is "repeated" when it is at least the n:th about the child within the months below. */
        repeatedReports: z.number().int().min(2).max(50).optional(),
        repeatedWithinMonths: z.number().int().min(1).max(36).optional(),
      })
      .strict()
      .optional(),
    /** Office hours on Swedish working days (default 08:00–16:00); outside them the socialjour answers. */
    officeHours: z
      .object({
        start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Tid som HH:MM, t.ex. 08:00'),
        end: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Tid som HH:MM, t.ex. 16:00'),
      })
      .refine((h) => h.start < h.end, { message: 'Kontorstiden ska sluta efter att den börjar', path: ['end'] })
      .optional(),
    groups: z.array(Group).min(1),
    staff: z.array(Staff),
  })
  .superRefine((org, ctx) => {
    const groupIds = new Set(org.groups.map((g) => g.id));
    const seenGroups = new Set<string>();
    org.groups.forEach((g, i) => {
      if (seenGroups.has(g.id))
        ctx.addIssue({ code: 'custom', path: ['groups', i, 'id'], message: `Grupp-id ${g.id} finns två gånger` });
      seenGroups.add(g.id);
    });
    const seenStaff = new Set<string>();
    org.staff.forEach((s, i) => {
      if (seenStaff.has(s.aadObjectId))
        ctx.addIssue({
          code: 'custom',
          path: ['staff', i, 'aadObjectId'],
          message: 'Samma aadObjectId finns två gånger',
        });
      seenStaff.add(s.aadObjectId);
      s.groups.forEach((g, j) => {
        if (!groupIds.has(g))
          ctx.addIssue({ code: 'custom', path: ['staff', i, 'groups', j], message: `Okänd grupp: ${g}` });
      });
    });
  });
export type Organisation = z.infer<typeof Organisation>;
