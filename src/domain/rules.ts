// The deadline rule table: data, not code, so that a municipality's lawyer can correct a reference or
// a limit without touching the program (config may load a replacement file validated by RuleTable).
// Each row carries its reference in the old (2001:453) and the new (2025:400) Socialtjänstlag and
// whether the new reference has been verified against the statute text.
import { z } from 'zod';

export const DeadlineKind = z.enum([
  'skyddsbedomning',
  'forhandsbedomning',
  'utredning',
  'aterkoppling',
  'uppfoljning',
]);
export type DeadlineKind = z.infer<typeof DeadlineKind>;

const LegalRef = z.object({ old: z.string(), new: z.string(), verified: z.boolean() });

const Period = z.union([
  z.object({ unit: z.literal('days'), amount: z.number().int().nonnegative() }),
  z.object({ unit: z.literal('months'), amount: z.number().int().positive() }),
]);

export const Rule = z.object({
  kind: DeadlineKind,
  /** Swedish label shown on cards. */
  label: z.string(),
  /** What the clock counts from. */
  from: z.enum(['received', 'forhandsbedomning_decided', 'utredning_opened', 'closed']),
  period: Period,
  /** Only skyddsbedömning: a report received at or after this time is due the next day. */
  lateArrivalCutoff: z
    .string()
    .regex(/^\d{2}:\d{2}$/)
    .optional(),
  /** Longest period that may be chosen (uppföljning): the end date is set by the team, within this. */
  maxPeriod: Period.optional(),
  /** Working days before the due date when reminders go out (0 = the day itself). */
  reminderLeadWorkingDays: z.array(z.number().int().nonnegative()),
  legalRef: LegalRef,
  note: z.string().optional(),
});
export type Rule = z.infer<typeof Rule>;

export const RuleTable = z.object({
  rules: z
    .array(Rule)
    .refine((rs) => new Set(rs.map((r) => r.kind)).size === rs.length, 'Varje fristtyp får bara finnas en gång'),
  /** Investigations with no contact with the family or child for this many days are flagged. */
  noContactDays: z.number().int().positive(),
  /** Roles that may extend an investigation (the nämnd's delegation decides; a setting). */
  extendRoles: z.array(z.enum(['caseworker', 'team_lead', 'unit_manager'])).min(1),
});
export type RuleTable = z.infer<typeof RuleTable>;

export const DEFAULT_RULES: RuleTable = {
  noContactDays: 21,
  extendRoles: ['team_lead', 'unit_manager'],
  rules: [
    {
      kind: 'skyddsbedomning',
      label: 'Skyddsbedömning',
      from: 'received',
      period: { unit: 'days', amount: 0 },
      lateArrivalCutoff: '16:00',
      reminderLeadWorkingDays: [0],
      legalRef: {
        old: 'SoL (2001:453) 11 kap. 1 a § första stycket',
        new: 'SoL (2025:400) – ny paragraf att verifiera',
        verified: false,
      },
      note: 'Genast, samma dag. En anmälan som kommer efter brytpunkten ska bedömas nästa dag på morgonen.',
    },
    {
      kind: 'forhandsbedomning',
      label: 'Förhandsbedömning',
      from: 'received',
      period: { unit: 'days', amount: 14 },
      reminderLeadWorkingDays: [3, 1],
      legalRef: {
        old: 'SoL (2001:453) 11 kap. 1 a § andra stycket',
        new: 'SoL (2025:400) 20 kap. 2 §',
        verified: false,
      },
      note: 'Beslut inom 14 dagar från att anmälan kom in; längre bara vid synnerliga skäl (aldrig arbetsbelastning).',
    },
    {
      kind: 'utredning',
      label: 'Utredning',
      from: 'utredning_opened',
      period: { unit: 'months', amount: 4 },
      reminderLeadWorkingDays: [10, 5, 1],
      legalRef: {
        old: 'SoL (2001:453) 11 kap. 2 §',
        new: 'SoL (2025:400) – ny paragraf att verifiera',
        verified: false,
      },
      note: 'Skyndsamt, klar inom fyra månader från beslutet att inleda. Förlängning för viss tid vid särskilda skäl.',
    },
    {
      kind: 'aterkoppling',
      label: 'Återkoppling till anmälaren',
      from: 'forhandsbedomning_decided',
      period: { unit: 'days', amount: 14 },
      reminderLeadWorkingDays: [2, 1],
      legalRef: {
        old: 'SoL (2001:453) 14 kap. 1 b §',
        new: 'SoL (2025:400) – ändring enligt prop. 2025/26 att verifiera',
        verified: false,
      },
      note: 'Yrkesverksam anmälare får veta om utredning inleddes. Tidsgränsen är en inställning tills lagtexten är verifierad.',
    },
    {
      kind: 'uppfoljning',
      label: 'Uppföljning',
      from: 'closed',
      period: { unit: 'months', amount: 2 },
      maxPeriod: { unit: 'months', amount: 2 },
      reminderLeadWorkingDays: [5, 1],
      legalRef: {
        old: 'SoL (2001:453) 11 kap. 4 a–c §§',
        new: 'SoL (2025:400) – ny paragraf att verifiera',
        verified: false,
      },
      note: 'Efter avslutad utredning utan insats kan uppföljning beslutas; slutdatumet sätts vid avslutet.',
    },
  ],
};

export function ruleFor(rules: RuleTable, kind: DeadlineKind): Rule {
  const rule = rules.rules.find((r) => r.kind === kind);
  if (!rule) throw new Error(`No rule for ${kind} in the rule table`);
  return rule;
}
