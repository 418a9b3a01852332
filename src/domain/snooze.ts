// "Påminn mig i morgon" as a rule (README, "Påminnelser"): one person's reminders about one case
// are left out on the next working morning and come again the morning after. Never past the
// deadline's last working day: on that day, or once the deadline has passed, the snooze is refused,
// and the reminder on the last working day itself is never left out. Pure: the case, the day, the
// calendar and the rule table; the words for a refusal are the caller's (src/app/snooze.ts).
import type { Calendar } from './calendar.js';
import { actBy, deadlinesOf, type Deadline } from './deadlines.js';
import type { RuleTable } from './rules.js';
import type { Case, LocalDate } from './schemas.js';

/** One person's snooze of one case, as stored (collection reminderSnoozes). */
export interface Snooze {
  id: string;
  staffId: string;
  caseId: string;
  /** The day it was pressed. */
  on: LocalDate;
  /** The working morning without reminders about the case for this person. */
  quietOn: LocalDate;
  at: string;
  version: number;
}

export type SnoozeDecision =
  | { ok: true; quietOn: LocalDate; resumeOn: LocalDate }
  | { ok: false; why: 'notYours' }
  | { ok: false; why: 'nothingOpen' }
  /** The deadline the reminder is about has passed. */
  | { ok: false; why: 'late'; deadline: Deadline }
  /** Tomorrow's morning is the deadline's last working day, or today is (`last`). */
  | { ok: false; why: 'lastDay'; deadline: Deadline; last: LocalDate; today: boolean };

/** The deadline a reminder about the case is about: its earliest open one. */
export function nextOpenDeadline(c: Case, rules: RuleTable): Deadline | undefined {
  return deadlinesOf(c, rules)
    .filter((d) => !d.done && !d.informational)
    .reduce<Deadline | undefined>((m, d) => (!m || d.due < m.due ? d : m), undefined);
}

/** May this person snooze this case today? */
export function snoozeRule(
  c: Case,
  staffId: string,
  today: LocalDate,
  calendar: Calendar,
  rules: RuleTable,
): SnoozeDecision {
  if (!c.assignees.includes(staffId)) return { ok: false, why: 'notYours' };
  const d = nextOpenDeadline(c, rules);
  if (!d) return { ok: false, why: 'nothingOpen' };
  const last = actBy(d, calendar);
  const quietOn = calendar.nextWorkingDay(today);
  if (d.due < today || d.overrun) return { ok: false, why: 'late', deadline: d };
  // The reminder on the deadline's last working day is never left out.
  if (quietOn >= last) return { ok: false, why: 'lastDay', deadline: d, last, today: today >= last };
  return { ok: true, quietOn, resumeOn: calendar.nextWorkingDay(quietOn) };
}
