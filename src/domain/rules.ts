// The deadline rule table: data, not code, so that a municipality's lawyer can correct a reference, a
// quote or a limit without touching the program (RULES_FILE replaces the built-in table, validated
// here at start; see docs/rules.md). A rule that changes on a date is two rows with in-force dates,
// never one row edited in place: a case is judged by the row in force on the day its clock started.
import { z } from 'zod';
import { BUILT_IN_RULES } from './ruleTable.js';
import type { LocalDate } from './schemas.js';

export const DeadlineKind = z.enum([
  'skyddsbedomning',
  'forhandsbedomning',
  'utredning',
  'utredning_information',
  'aterkoppling',
  'uppfoljning',
  'uppfoljning_information',
  'lvu_namnd',
  'lvu_understallning',
  'lvu_ansokan',
  'lvu_dom',
  'lvu_vard_paborjad',
  'lvu_overvagande',
  'lvu_provning',
  'lvu_begransning',
]);
export type DeadlineKind = z.infer<typeof DeadlineKind>;

/** The event a clock counts from (documented per row in docs/rules.md). */
export const StartEvent = z.enum([
  'received',
  'forhandsbedomning_decided',
  'utredning_opened',
  'closed',
  'lvu_decided',
  'lvu_verkstalld',
  'lvu_ansokan',
  'lvu_final',
  'lvu_vard_started',
  'lvu_restriction',
]);
export type StartEvent = z.infer<typeof StartEvent>;

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Datum ska skrivas ÅÅÅÅ-MM-DD');

export const Period = z.object({
  unit: z.enum(['days', 'weeks', 'months'], { error: 'Enhet: days, weeks eller months' }),
  amount: z.number({ error: 'Antal: ett heltal' }).int('Antal: ett heltal').nonnegative('Antal: 0 eller mer'),
});
export type Period = z.infer<typeof Period>;

const Roles = z.array(z.enum(['caseworker', 'team_lead', 'unit_manager']));

export const ExtensionRule = z.object({
  /** Who decides (in words, e.g. "nämnden eller delegat"). */
  who: z.string().min(1, 'Ange vem som beslutar'),
  /** 'deadline': only before the deadline has passed; 'any': later is recorded as an overrun. */
  before: z.enum(['deadline', 'any'], { error: 'before: deadline eller any' }),
  /** Which reason the law accepts, e.g. "synnerliga skäl". */
  reason: z.string().min(1, 'Ange vilket skäl lagen kräver'),
});

export const Rule = z
  .object({
    kind: DeadlineKind,
    /** Swedish label shown on cards. */
    label: z.string().min(1, 'Etikett saknas'),
    from: StartEvent,
    /** Absent: no time limit (e.g. återkoppling for decisions before 2026-01-15). */
    period: Period.optional(),
    /** Only skyddsbedömning: a report received at or after this time is due the next day. */
    lateArrivalCutoff: z
      .string()
      .regex(/^\d{2}:\d{2}$/, 'Tid som HH:MM')
      .optional(),
    /** Longest period that may be chosen (uppföljning): the end date is set by the team, within this. */
    maxPeriod: Period.optional(),
    extension: ExtensionRule.optional(),
    /** Working days before the due date when reminders go out (0 = the day itself). */
    reminderLeadWorkingDays: z.array(z.number().int().nonnegative()),
    /** Remind the owner every working morning from the day the clock starts (LVU 7 § and 8 §). */
    remindFromStart: z.boolean().default(false),
    /** Tell the team lead and the unit manager this many working days before (LVU 7 § and 8 §). */
    escalateWorkingDaysBefore: z.number().int().positive().optional(),
    /** A deadline where a weekend never gives more time (LVU): say so, and warn on the working day before. */
    noWeekendGrace: z.boolean().default(false),
    /** Not the nämnd's own duty (the court's time): shown, never reminded or escalated. */
    informational: z.boolean().default(false),
    legalRef: z.object({ old: z.string(), new: z.string().min(1, 'Ny lagrumshänvisning saknas') }),
    /** A short quote of the statute text, to compare with riksdagen.se. */
    quote: z.string().min(1, 'Citat ur lagtexten saknas'),
    /** Where the quote was read. */
    source: z.string().min(1, 'Källa saknas'),
    /** First day the row applies. */
    inForce: date,
    /** Last day the row applies, for a rule that was replaced. */
    endsOn: date.optional(),
    /** A proposal, not yet law (the new LVU from 2027). */
    proposed: z.boolean().default(false),
    /** True only when a lawyer has compared the row with the statute text on riksdagen.se. */
    verified: z.boolean(),
    note: z.string(),
  })
  .refine((r) => !r.endsOn || r.endsOn >= r.inForce, { path: ['endsOn'], message: 'Slutdatum före ikraftträdande' });
export type Rule = z.infer<typeof Rule>;

/** Kinds the program counts itself and so must find in every table. */
const REQUIRED: readonly DeadlineKind[] = DeadlineKind.options;

export const RuleTable = z
  .object({
    rules: z.array(Rule).min(1),
    /** Investigations with no contact with the family or child for this many days are flagged. */
    noContactDays: z.number().int().positive(),
    /** Roles that may extend an investigation (the nämnd's delegation decides; a setting). */
    extendRoles: Roles.min(1),
  })
  .superRefine((t, ctx) => {
    for (const kind of REQUIRED) {
      const rows = t.rules.map((r, i) => ({ r, i })).filter(({ r }) => r.kind === kind && !r.proposed);
      if (rows.length === 0) ctx.addIssue({ code: 'custom', path: ['rules'], message: `Rad för ${kind} saknas` });
      const sorted = rows.sort((a, b) => (a.r.inForce < b.r.inForce ? -1 : 1));
      for (let k = 1; k < sorted.length; k++) {
        const prev = sorted[k - 1].r;
        if (!prev.endsOn || prev.endsOn >= sorted[k].r.inForce)
          ctx.addIssue({
            code: 'custom',
            path: ['rules', sorted[k].i, 'inForce'],
            message: `Två rader för ${kind} gäller samtidigt: ange endsOn på den äldre raden`,
          });
      }
    }
  });
export type RuleTable = z.infer<typeof RuleTable>;
export type RuleTableInput = z.input<typeof RuleTable>;

/** A replacement table parsed with Swedish messages; the caller names the file and the fields. */
export function parseRuleTable(input: unknown) {
  return RuleTable.safeParse(input, { error: z.locales.sv().localeError });
}

/**
 * The row in force on a date (the day the case's clock started). Before the first row's in-force date
 * the earliest row applies: a case that started before the table's first date is still counted.
 */
export function ruleFor(rules: RuleTable, kind: DeadlineKind, on?: LocalDate): Rule {
  // Remembered per table, kind and date: lists and statistics ask it for every case (a table is never
  // changed in place; RULES_FILE replaces the whole table).
  let memo = ruleMemo.get(rules);
  if (!memo) ruleMemo.set(rules, (memo = new Map()));
  const key = `${kind}|${on ?? ''}`;
  let row = memo.get(key);
  if (!row) {
    if (memo.size > 50_000) memo.clear();
    memo.set(key, (row = findRule(rules, kind, on)));
  }
  return row;
}

const ruleMemo = new WeakMap<RuleTable, Map<string, Rule>>();

function findRule(rules: RuleTable, kind: DeadlineKind, on?: LocalDate): Rule {
  const rows = rules.rules
    .filter((r) => r.kind === kind && !r.proposed)
    .sort((a, b) => (a.inForce < b.inForce ? -1 : 1));
  if (rows.length === 0) throw new Error(`No rule for ${kind} in the rule table`);
  if (on === undefined) return rows[rows.length - 1];
  return (
    rows.find((r) => r.inForce <= on && (!r.endsOn || on <= r.endsOn)) ??
    (on < rows[0].inForce ? rows[0] : rows[rows.length - 1])
  );
}

/** "SoL (2025:400) 20 kap. 2 § (tidigare SoL (2001:453) 11 kap. 1 a § andra stycket)". */
export function referenceText(r: Rule): string {
  return r.legalRef.old ? `${r.legalRef.new} (tidigare ${r.legalRef.old})` : r.legalRef.new;
}

/** The built-in table, validated like a replacement file (a broken row fails at start, not on a case). */
export const DEFAULT_RULES: RuleTable = RuleTable.parse(BUILT_IN_RULES);
