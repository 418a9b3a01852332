// The deadlines of one case, derived from the rule table and what has been recorded. Each case is
// judged by the row in force on the day its clock started (docs/rules.md). The statutory date is
// always shown as it is: the bot never extends a deadline because it falls on a weekend (lag 1930:173
// 2 § is unsettled for the nämnd's own limits, and for LVU a weekend never gives more time); it warns
// on the working day before instead.
import type { Calendar } from './calendar.js';
import { addPeriod, deadlineFrom, type Deadline } from './deadlineRow.js';
import { lvuDeadlines } from './lvuDeadlines.js';
import { ruleFor, type DeadlineKind, type RuleTable } from './rules.js';
import type { Case, LocalDate } from './schemas.js';
import { addDays, stockholmDate, stockholmTime } from './time.js';

export { addPeriod, deadlineFrom, type Deadline } from './deadlineRow.js';

export type DeadlineStatus = 'done' | 'overdue' | 'due_today' | 'soon' | 'ok';

/** The row's period from a start date, or undefined when the row sets no time limit. */
export function dueFrom(rules: RuleTable, kind: DeadlineKind, start: LocalDate): LocalDate | undefined {
  const p = ruleFor(rules, kind, start).period;
  return p ? addPeriod(start, p) : undefined;
}

/**
 * Skyddsbedömning: the day of receipt, or the next calendar day ("the next morning") for a report that
 * arrived at or after the rule's cut-off (default 16:00 Swedish time). Weekends and holidays do not
 * move it: "genast" is the socialjour's duty then, and the bot shows it as due, never later.
 */
export function skyddsbedomningDue(receivedAt: string, rules: RuleTable): LocalDate {
  return skyddsbedomningDueOn(stockholmDate(receivedAt), stockholmTime(receivedAt), rules);
}

/** The same from the Swedish date and time of receipt (for callers that have them already). */
export function skyddsbedomningDueOn(day: LocalDate, hhmm: string, rules: RuleTable): LocalDate {
  const rule = ruleFor(rules, 'skyddsbedomning', day);
  const late = rule.lateArrivalCutoff !== undefined && hhmm >= rule.lateArrivalCutoff;
  return addPeriod(late ? addDays(day, 1) : day, rule.period ?? { unit: 'days', amount: 0 });
}

/** The statutory förhandsbedömning date (receipt + 14 days), never moved. */
export function forhandsbedomningDue(receivedAt: string, rules: RuleTable): LocalDate {
  const day = stockholmDate(receivedAt);
  return dueFrom(rules, 'forhandsbedomning', day) ?? day;
}

/** The förhandsbedömning date in force: the statutory one or the last extension's. */
export function forhandsbedomningDueInForce(c: Case, rules: RuleTable): LocalDate {
  return c.forhandsExtensions?.at(-1)?.newDeadline ?? forhandsbedomningDue(c.receivedAt, rules);
}

export function utredningDue(openedOn: LocalDate, rules: RuleTable): LocalDate {
  return dueFrom(rules, 'utredning', openedOn) ?? openedOn;
}

/**
 * Återkoppling (19 kap. 6 §): from the förhandsbedömning decision by the row in force that day; the
 * same day ("genast") when an investigation was already running or the request came after the
 * decision (the day of the request); undefined when the row sets no time limit (decisions before 2026-01-15).
 */
export function aterkopplingDue(
  decidedOn: LocalDate,
  rules: RuleTable,
  opts: { alreadyOngoing?: boolean; requestedOn?: LocalDate; recordedAfterDecision?: boolean } = {},
): LocalDate | undefined {
  // A request recorded after the decision, made on its day or later, "comes later": genast.
  const later =
    opts.requestedOn !== undefined &&
    (opts.requestedOn > decidedOn || (!!opts.recordedAfterDecision && opts.requestedOn === decidedOn));
  const start = later ? opts.requestedOn! : decidedOn;
  const rule = ruleFor(rules, 'aterkoppling', start);
  if (!rule.period) return undefined;
  return later || opts.alreadyOngoing ? start : addPeriod(start, rule.period);
}

/** The longest uppföljning allowed after closing on this date (23 kap. 5 §: six months). */
export function uppfoljningLatest(closedOn: LocalDate, rules: RuleTable): LocalDate | undefined {
  const max = ruleFor(rules, 'uppfoljning', closedOn).maxPeriod;
  return max ? addPeriod(closedOn, max) : undefined;
}

const dateOf = (instant: string | undefined, entered: LocalDate | undefined) =>
  entered ?? (instant ? stockholmDate(instant) : undefined);

// The deadlines of one case object under one rule table, computed once. A case object is never
// changed in place: every commit stores a new object (docs/architecture.md, "Derived values"), so a
// changed case is a new key, and the old one's entry goes with it. The arrays are frozen: a caller
// that sorted one in place would change every other caller's answer.
const memo = new WeakMap<Case, { rules: RuleTable; deadlines: Deadline[] }>();

export function deadlinesOf(c: Case, rules: RuleTable): Deadline[] {
  const hit = memo.get(c);
  if (hit && hit.rules === rules) return hit.deadlines;
  const deadlines = computeDeadlines(c, rules);
  for (const d of deadlines) Object.freeze(d);
  Object.freeze(deadlines);
  memo.set(c, { rules, deadlines });
  return deadlines;
}

function computeDeadlines(c: Case, rules: RuleTable): Deadline[] {
  // A case in a section outside child welfare (docs/family.md) has none of these deadlines.
  if (c.sectionKind) return [];
  const closed = c.phase === 'closed';
  const received = stockholmDate(c.receivedAt);
  const out: Deadline[] = [...lvuDeadlines(c, rules)];
  const skydd = skyddsbedomningDue(c.receivedAt, rules);
  out.push(deadlineFrom(ruleFor(rules, 'skyddsbedomning', received), skydd, { done: !!c.skyddsbedomning || closed }));
  const forhand = forhandsbedomningDue(c.receivedAt, rules);
  const forhandInForce = forhandsbedomningDueInForce(c, rules);
  const f = c.forhandsbedomning;
  out.push(
    deadlineFrom(ruleFor(rules, 'forhandsbedomning', received), forhandInForce, {
      statutoryDue: forhand,
      done: !!f || closed,
    }),
  );
  if (c.utredning) {
    const u = c.utredning;
    const row = ruleFor(rules, 'utredning', u.openedOn);
    out.push(
      deadlineFrom(row, u.deadline, {
        statutoryDue: u.statutoryDeadline,
        done: closed,
        overrun: u.extensions.some((e) => e.overrun),
      }),
    );
    if (u.informationDue)
      out.push(
        deadlineFrom(ruleFor(rules, 'utredning_information', u.openedOn), u.informationDue, {
          done: !!u.information || closed,
        }),
      );
  }
  if (c.aterkoppling?.due) {
    const start = dateOf(c.forhandsbedomning?.decidedAt, c.forhandsbedomning?.decidedOn) ?? c.aterkoppling.due;
    out.push(
      deadlineFrom(ruleFor(rules, 'aterkoppling', start), c.aterkoppling.due, { done: !!c.aterkoppling.doneAt }),
    );
  }
  if (c.uppfoljning) {
    const u = c.uppfoljning;
    const start = u.startedOn ?? dateOf(c.closure?.at, undefined) ?? u.due;
    out.push(deadlineFrom(ruleFor(rules, 'uppfoljning', start), u.due, { done: !!u.doneAt || !!u.endedEarly }));
    if (u.startedOn)
      out.push(
        deadlineFrom(ruleFor(rules, 'uppfoljning_information', start), u.startedOn, {
          done: !!u.informedAt || !!u.doneAt || !!u.endedEarly,
        }),
      );
  }
  return out;
}

/**
 * Where a deadline stands today. 'soon' means within `soonWorkingDays` working days, so that a
 * deadline on a Saturday is already 'soon' on the Friday before. A missed deadline stays 'overdue'
 * even after an extension decided too late.
 */
export function deadlineStatus(d: Deadline, now: Date, calendar: Calendar, soonWorkingDays = 3): DeadlineStatus {
  if (d.done) return 'done';
  if (d.overrun) return 'overdue';
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

/** Is the deadline missed today (past its date, or overrun)? */
export const isLate = (d: Deadline, today: LocalDate) => !d.done && (d.overrun || d.due < today);

/**
 * The open deadline that comes first, or undefined when nothing is left. `now` is accepted for the
 * planned signature; an overdue deadline still comes first, so it does not change the answer.
 */
export function nextDeadline(c: Case, rules: RuleTable, _now?: Date): Deadline | undefined {
  return deadlinesOf(c, rules)
    .filter((d) => !d.done && !d.informational)
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0))[0];
}

/** Is today the last working day before this open deadline (the day to warn when it falls on a weekend)? */
export function isLastWorkingDayBefore(d: Deadline, now: Date, calendar: Calendar): boolean {
  if (d.done) return false;
  const today = stockholmDate(now);
  return today < d.due && calendar.previousWorkingDay(d.due) === today;
}

/** For a deadline where a weekend gives no time: the last working day on or before it. */
export function actBy(d: Deadline, calendar: Calendar): LocalDate {
  return calendar.isWorkingDay(d.due) ? d.due : calendar.previousWorkingDay(d.due);
}
