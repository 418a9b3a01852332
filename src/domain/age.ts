// How long something has waited, in calendar days and working days. Over jul or Easter the
// working-day count alone understates how late a case is ("ofördelad 6 arbetsdagar" for ten
// calendar days), so the lists say both when they differ (docs/domain.md, "Ages"). Pure.
import type { Calendar } from './calendar.js';
import type { LocalDate } from './schemas.js';
import { daysBetween } from './time.js';

export interface Age {
  /** Calendar days from `from` to `to` (0 on the same day, never negative). */
  days: number;
  /** Working days after `from` up to and including `to`. */
  workingDays: number;
}

export function ageBetween(from: LocalDate, to: LocalDate, calendar: Calendar): Age {
  return { days: Math.max(0, daysBetween(from, to)), workingDays: calendar.workingDaysBetween(from, to) };
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * "10 dagar, 6 arbetsdagar"; "1 dag" when both counts are 1; "2 dagar, 0 arbetsdagar" over a weekend.
 * The caller says what 0 days means ("sedan i dag", "i dag").
 */
export function ageText(age: Age): string {
  const days = count(age.days, 'dag', 'dagar');
  return age.workingDays === age.days ? days : `${days}, ${count(age.workingDays, 'arbetsdag', 'arbetsdagar')}`;
}
