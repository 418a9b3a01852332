// The deadlines of one case, derived from the rule table and what has been recorded. The statutory date
// is always shown as it is: the bot never extends a deadline because it falls on a weekend (lag
// 1930:173 2 § is unsettled for the nämnd's own limits); it warns on the working day before instead.
import type { Calendar } from './calendar.js';
import { ruleFor, type DeadlineKind, type Rule, type RuleTable } from './rules.js';
import type { Case, LocalDate } from './schemas.js';
import { addDays, addMonths, stockholmDate, stockholmTime } from './time.js';

export interface Deadline {
  kind: DeadlineKind;
  label: string;
  /** The date in force (after extensions, for an utredning). */
  due: LocalDate;
  /** The date the law gives, never moved. */
  statutoryDue: LocalDate;
  done: boolean;
}

export type DeadlineStatus = 'done' | 'overdue' | 'due_today' | 'soon' | 'ok';

export function addPeriod(d: LocalDate, period: Rule['period']): LocalDate {
  return period.unit === 'days' ? addDays(d, period.amount) : addMonths(d, period.amount);
}

/**
 * Skyddsbedömning: the day of receipt, or the next calendar day ("the next morning") for a report that
 * arrived at or after the rule's cut-off (default 16:00 Swedish time). Weekends and holidays do not
 * move it: "genast" is the socialjour's duty then, and the bot shows it as due, never later.
 */
export function skyddsbedomningDue(receivedAt: string, rules: RuleTable): LocalDate {
  const rule = ruleFor(rules, 'skyddsbedomning');
  const day = stockholmDate(receivedAt);
  const late = rule.lateArrivalCutoff !== undefined && stockholmTime(receivedAt) >= rule.lateArrivalCutoff;
  return addPeriod(late ? addDays(day, 1) : day, rule.period);
}

export function forhandsbedomningDue(receivedAt: string, rules: RuleTable): LocalDate {
  return addPeriod(stockholmDate(receivedAt), ruleFor(rules, 'forhandsbedomning').period);
}

export function utredningDue(openedOn: LocalDate, rules: RuleTable): LocalDate {
  return addPeriod(openedOn, ruleFor(rules, 'utredning').period);
}

export function aterkopplingDue(decidedOn: LocalDate, rules: RuleTable): LocalDate {
  return addPeriod(decidedOn, ruleFor(rules, 'aterkoppling').period);
}

export function deadlinesOf(c: Case, rules: RuleTable): Deadline[] {
  const label = (k: DeadlineKind) => ruleFor(rules, k).label;
  const closed = c.phase === 'closed';
  const out: Deadline[] = [];
  const skydd = skyddsbedomningDue(c.receivedAt, rules);
  out.push({
    kind: 'skyddsbedomning',
    label: label('skyddsbedomning'),
    due: skydd,
    statutoryDue: skydd,
    done: !!c.skyddsbedomning || closed,
  });
  const forhand = forhandsbedomningDue(c.receivedAt, rules);
  out.push({
    kind: 'forhandsbedomning',
    label: label('forhandsbedomning'),
    due: forhand,
    statutoryDue: forhand,
    done: !!c.forhandsbedomning || closed,
  });
  if (c.utredning) {
    out.push({
      kind: 'utredning',
      label: label('utredning'),
      due: c.utredning.deadline,
      statutoryDue: c.utredning.statutoryDeadline,
      done: closed,
    });
  }
  if (c.aterkoppling) {
    out.push({
      kind: 'aterkoppling',
      label: label('aterkoppling'),
      due: c.aterkoppling.due,
      statutoryDue: c.aterkoppling.due,
      done: !!c.aterkoppling.doneAt,
    });
  }
  if (c.uppfoljning) {
    out.push({
      kind: 'uppfoljning',
      label: label('uppfoljning'),
      due: c.uppfoljning.due,
      statutoryDue: c.uppfoljning.due,
      done: !!c.uppfoljning.doneAt,
    });
  }
  return out;
}

/**
 * Where a deadline stands today. 'soon' means within `soonWorkingDays` working days, so that a
 * deadline on a Saturday is already 'soon' on the Friday before.
 */
export function deadlineStatus(d: Deadline, now: Date, calendar: Calendar, soonWorkingDays = 3): DeadlineStatus {
  if (d.done) return 'done';
  const today = stockholmDate(now);
  if (d.due < today) return 'overdue';
  if (d.due === today) return 'due_today';
  return calendar.workingDaysBetween(today, d.due) <= soonWorkingDays || !hasWorkingDayBetween(calendar, today, d.due)
    ? 'soon'
    : 'ok';
}

function hasWorkingDayBetween(calendar: Calendar, today: LocalDate, due: LocalDate): boolean {
  // True when at least one working day lies after today and before the due date itself.
  for (let x = addDays(today, 1); x < due; x = addDays(x, 1)) if (calendar.isWorkingDay(x)) return true;
  return false;
}

/**
 * The open deadline that comes first, or undefined when nothing is left. `now` is accepted for the
 * planned signature; an overdue deadline still comes first, so it does not change the answer.
 */
export function nextDeadline(c: Case, rules: RuleTable, _now?: Date): Deadline | undefined {
  return deadlinesOf(c, rules)
    .filter((d) => !d.done)
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0))[0];
}

/** Is today the last working day before this open deadline (the day to warn when it falls on a weekend)? */
export function isLastWorkingDayBefore(d: Deadline, now: Date, calendar: Calendar): boolean {
  if (d.done) return false;
  const today = stockholmDate(now);
  return today < d.due && calendar.previousWorkingDay(d.due) === today;
}
