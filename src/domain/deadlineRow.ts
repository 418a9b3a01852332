// One deadline line as every view shows it, built from its rule row (reference, verified, LVU marks).
import { referenceText, type DeadlineKind, type Period, type Rule } from './rules.js';
import type { LocalDate } from './schemas.js';
import { addDays, addMonths } from './time.js';

export interface Deadline {
  kind: DeadlineKind;
  label: string;
  /** The date in force (after extensions). */
  due: LocalDate;
  /** The date the law gives, never moved. */
  statutoryDue: LocalDate;
  done: boolean;
  /** The deadline was missed (an extension decided after it, a decision after it): stays late. */
  overrun: boolean;
  /** "SoL (2025:400) 20 kap. 2 § (tidigare …)". */
  reference: string;
  verified: boolean;
  /** Shown for planning, never reminded or escalated (the court's time). */
  informational: boolean;
  /** LVU: a weekend never gives more time. */
  noWeekendGrace: boolean;
  remindFromStart: boolean;
  escalateWorkingDaysBefore?: number;
}

export function addPeriod(d: LocalDate, period: Period): LocalDate {
  if (period.unit === 'days') return addDays(d, period.amount);
  if (period.unit === 'weeks') return addDays(d, 7 * period.amount); // lag 1930:173 1 §: the same weekday
  return addMonths(d, period.amount);
}

/** A deadline line from its row. */
export function deadlineFrom(
  rule: Rule,
  due: LocalDate,
  opts: { statutoryDue?: LocalDate; done: boolean; overrun?: boolean },
): Deadline {
  return {
    kind: rule.kind,
    label: rule.label,
    due,
    statutoryDue: opts.statutoryDue ?? due,
    done: opts.done,
    overrun: !!opts.overrun && !opts.done,
    reference: referenceText(rule),
    verified: rule.verified,
    informational: rule.informational,
    noWeekendGrace: rule.noWeekendGrace,
    remindFromStart: rule.remindFromStart,
    ...(rule.escalateWorkingDaysBefore ? { escalateWorkingDaysBefore: rule.escalateWorkingDaysBefore } : {}),
  };
}
