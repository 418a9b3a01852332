// Office hours (kontorstid): weekdays 08:00–16:00 on Swedish working days by default, or what the
// organisation file says. Outside them the socialjour (a group of kind `out_of_hours`) answers for
// new reports; inside them "genast" is counted in office hours (docs/domain.md "Out of hours").
// Pure: instants, the calendar and the hours in.
import type { Calendar } from './calendar.js';
import type { LocalDate } from './schemas.js';
import { addDays, stockholmDate, stockholmInstant, stockholmTime } from './time.js';

export interface OfficeHours {
  /** HH:MM Swedish time. */
  start: string;
  end: string;
}

export const DEFAULT_OFFICE_HOURS: OfficeHours = { start: '08:00', end: '16:00' };

/** How many office hours a report may wait for its skyddsbedömning before the team leads are nudged. */
export const DEFAULT_GENAST_OFFICE_HOURS = 3;

/** Is this instant within office hours on a Swedish working day? */
export function isOfficeTime(instant: Date | string, calendar: Calendar, hours = DEFAULT_OFFICE_HOURS): boolean {
  const day = stockholmDate(instant);
  if (!calendar.isWorkingDay(day)) return false;
  const t = stockholmTime(instant);
  return t >= hours.start && t < hours.end;
}

/** The instant `amount` office hours after `from` (time outside office hours does not count). */
export function addOfficeHours(
  from: Date | string,
  amount: number,
  calendar: Calendar,
  hours = DEFAULT_OFFICE_HOURS,
): Date {
  let t = typeof from === 'string' ? new Date(from) : from;
  let left = amount * 3_600_000;
  let day: LocalDate = stockholmDate(t);
  // A year of days at most: there is always a working day within it.
  for (let i = 0; i < 400; i++) {
    if (calendar.isWorkingDay(day)) {
      const open = stockholmInstant(day, hours.start);
      const close = stockholmInstant(day, hours.end);
      if (t < open) t = open;
      if (t < close) {
        const available = close.getTime() - t.getTime();
        if (left <= available) return new Date(t.getTime() + left);
        left -= available;
      }
    }
    day = addDays(day, 1);
    t = stockholmInstant(day, '00:00');
  }
  return t;
}

/** When office hours last ended before `now` (the start of "since the last working day"). */
export function lastOfficeClose(now: Date, calendar: Calendar, hours = DEFAULT_OFFICE_HOURS): Date {
  const today = stockholmDate(now);
  if (calendar.isWorkingDay(today) && stockholmTime(now) >= hours.end) return stockholmInstant(today, hours.end);
  return stockholmInstant(calendar.previousWorkingDay(today), hours.end);
}
