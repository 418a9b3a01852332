// What the compliance figures are (docs/stats.md): the figures' ids, labels and legal references,
// the shape of a month's figures per group and for the unit, and the months they are asked for.
import { referenceText, ruleFor, type DeadlineKind, type Period, type RuleTable } from '../domain/rules.js';
import type { Calendar } from '../domain/calendar.js';
import type { Group, LocalDate } from '../domain/schemas.js';
import { addDays, addMonths } from '../domain/time.js';

/** 'ÅÅÅÅ-MM', e.g. 2026-11. */
export type Month = string;

export const FIGURE_IDS = [
  'skyddsbedomning',
  'forhandsbedomning_14',
  'forhandsbedomning_i_kraft',
  'utredning_4_manader',
  'utredning_i_kraft',
  'forlangning_i_tid',
  'aterkoppling',
  'kontakt',
  'lvu',
] as const;
export type FigureId = (typeof FIGURE_IDS)[number];

/** A new investigation about the same child opened within this many days of a closed one continues its clock. */
export const DEFAULT_CONTINUATION_DAYS = 30;

export interface Figure {
  id: FigureId;
  /** Swedish, as the card and the export show it. */
  label: string;
  /** The contact figure's limit in days (the rule table's noContactDays), for its name in another language. */
  limitDays?: number;
  /** The statutory period a figure names (the rule table's row in force now), for its name in another language. */
  period?: Period;
  /** The legal basis (the rule row's reference text). */
  reference: string;
  /** Clocks judged (their deadline fell in the month and has passed). */
  total: number;
  met: number;
  late: number;
  /** Share met, 0–1, or null when nothing was judged. */
  share: number | null;
  /** Clocks of the month still running (deadline today or later): not yet judged. */
  pending: number;
  /** The cases behind `late` (pseudonymous references), sorted. Continuing clocks list every case. */
  lateCases: string[];
}

export interface DaysSummary {
  median: number | null;
  p90: number | null;
  max: number | null;
}

export interface UnassignedFigure {
  /** Reports received in the month. */
  received: number;
  /** Of these, still without an owner today (counted up to today). */
  stillUnassigned: number;
  workingDays: DaysSummary;
  calendarDays: DaysSummary;
  /** The reports that waited longest (working days), at most ten, longest first. */
  longest: { caseId: string; workingDays: number }[];
}

export interface ScopeStats {
  /** null for the whole unit. */
  groupId: string | null;
  name: string;
  figures: Figure[];
  unassigned: UnassignedFigure;
}

export interface MonthStats {
  month: Month;
  from: LocalDate;
  to: LocalDate;
  /** The day the figures were computed for ("as of"): a clock still running then is pending. */
  asOf: LocalDate;
  /** The month has ended. */
  complete: boolean;
  unit: ScopeStats;
  groups: ScopeStats[];
}

export interface StatsOptions {
  now: Date;
  rules: RuleTable;
  calendar: Calendar;
  /** The organisation's groups, in the order they are shown. */
  groups: readonly Group[];
  continuationDays?: number;
}

export const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const isMonth = (s: string): boolean => MONTH_PATTERN.test(s);
export const monthOf = (d: LocalDate): Month => d.slice(0, 7);
export const firstDayOf = (m: Month): LocalDate => `${m}-01`;
export const lastDayOf = (m: Month): LocalDate => addDays(addMonths(firstDayOf(m), 1), -1);
export const addMonthsTo = (m: Month, n: number): Month => monthOf(addMonths(firstDayOf(m), n));

/** The month and the `n - 1` months before it, oldest first. */
export function monthsEndingWith(m: Month, n: number): Month[] {
  return Array.from({ length: n }, (_, i) => addMonthsTo(m, i - (n - 1)));
}

export const FIGURE_LABELS: Record<FigureId, string> = {
  skyddsbedomning: 'Skyddsbedömning samma dag',
  forhandsbedomning_14: 'Förhandsbedömning inom 14 dagar',
  forhandsbedomning_i_kraft: 'Förhandsbedömning inom frist (med förlängning)',
  utredning_4_manader: 'Utredning klar inom 4 månader',
  utredning_i_kraft: 'Utredning klar inom frist (med förlängning)',
  forlangning_i_tid: 'Förlängning beslutad före fristen',
  aterkoppling: 'Återkoppling i tid',
  kontakt: 'Utredning med kontakt med familj eller barn',
  lvu: 'LVU-frister (6 §, 7 §, 8 §) hållna',
};

const KIND_OF: Record<FigureId, DeadlineKind> = {
  skyddsbedomning: 'skyddsbedomning',
  forhandsbedomning_14: 'forhandsbedomning',
  forhandsbedomning_i_kraft: 'forhandsbedomning',
  utredning_4_manader: 'utredning',
  utredning_i_kraft: 'utredning',
  forlangning_i_tid: 'utredning',
  aterkoppling: 'aterkoppling',
  kontakt: 'utredning',
  lvu: 'lvu_understallning',
};

/** The figures named by their statutory period, which the rule table may change (docs/rules.md). */
export const PERIOD_FIGURES = { forhandsbedomning_14: 'forhandsbedomning', utredning_4_manader: 'utredning' } as const;

const SV_UNITS: Record<Period['unit'], [string, string]> = {
  days: ['dag', 'dagar'],
  weeks: ['vecka', 'veckor'],
  months: ['månad', 'månader'],
};

/** "14 dagar", "4 månader", "1 vecka": how the Swedish labels and the export write a period. */
export const periodSv = (p: Period): string => `${p.amount} ${SV_UNITS[p.unit][p.amount === 1 ? 0 : 1]}`;

/** The statutory period of a figure named by it, from the rule row in force now; undefined for the others. */
export function figurePeriod(id: FigureId, rules: RuleTable): Period | undefined {
  const kind = (PERIOD_FIGURES as Partial<Record<FigureId, DeadlineKind>>)[id];
  return kind ? ruleFor(rules, kind).period : undefined;
}

/** The label of a figure: the contact figure names the limit in days, two others their statutory period. */
export function figureLabel(id: FigureId, rules: RuleTable): string {
  if (id === 'kontakt') return `Utredning med kontakt med familj eller barn minst var ${rules.noContactDays}:e dag`;
  const period = figurePeriod(id, rules);
  if (id === 'forhandsbedomning_14' && period) return `Förhandsbedömning inom ${periodSv(period)}`;
  if (id === 'utredning_4_manader' && period) return `Utredning klar inom ${periodSv(period)}`;
  return FIGURE_LABELS[id];
}

export function figureReference(id: FigureId, rules: RuleTable): string {
  if (id === 'lvu') return 'LVU (1990:52) 6 §, 7 § och 8 §';
  if (id === 'kontakt')
    return `${referenceText(ruleFor(rules, 'utredning'))}; gränsen ${rules.noContactDays} dagar är kommunens inställning`;
  return referenceText(ruleFor(rules, KIND_OF[id]));
}
