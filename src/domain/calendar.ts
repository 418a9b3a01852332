// Swedish working days. Public holidays come from date-holidays (a maintained calendar); in municipal
// practice midsommarafton, julafton and nyårsafton are not working days either (a setting).
import Holidays from 'date-holidays';
import type { LocalDate } from './schemas.js';
import { addDays, weekday } from './time.js';

const EVES = new Set(['midsommarafton', 'julafton', 'nyårsafton']);

export interface CalendarOptions {
  eveHolidaysAreNonWorking: boolean;
}

export class Calendar {
  private readonly holidays = new Holidays('SE');
  private readonly byYear = new Map<number, Map<LocalDate, string>>();

  constructor(private readonly opts: CalendarOptions = { eveHolidaysAreNonWorking: true }) {}

  /** Name of the holiday on that date when it makes the day non-working, else undefined. */
  holidayName(d: LocalDate): string | undefined {
    return this.yearTable(Number(d.slice(0, 4))).get(d);
  }

  isWorkingDay(d: LocalDate): boolean {
    return weekday(d) <= 5 && this.holidayName(d) === undefined;
  }

  nextWorkingDay(d: LocalDate): LocalDate {
    let x = addDays(d, 1);
    while (!this.isWorkingDay(x)) x = addDays(x, 1);
    return x;
  }

  previousWorkingDay(d: LocalDate): LocalDate {
    let x = addDays(d, -1);
    while (!this.isWorkingDay(x)) x = addDays(x, -1);
    return x;
  }

  /** n working days after d (n may be 0: d itself if it is a working day, else the next one). */
  addWorkingDays(d: LocalDate, n: number): LocalDate {
    let x = d;
    if (n === 0) return this.isWorkingDay(x) ? x : this.nextWorkingDay(x);
    const step = n > 0 ? 1 : -1;
    for (let left = Math.abs(n); left > 0; left--) {
      x = step > 0 ? this.nextWorkingDay(x) : this.previousWorkingDay(x);
    }
    return x;
  }

  /** Working days after a up to and including b (0 when b <= a). */
  workingDaysBetween(a: LocalDate, b: LocalDate): number {
    let count = 0;
    for (let x = addDays(a, 1); x <= b; x = addDays(x, 1)) if (this.isWorkingDay(x)) count++;
    return count;
  }

  private yearTable(year: number): Map<LocalDate, string> {
    let table = this.byYear.get(year);
    if (!table) {
      table = new Map();
      for (const h of this.holidays.getHolidays(year)) {
        const date = h.date.slice(0, 10);
        const isEve = EVES.has(h.name.toLowerCase());
        if (h.type === 'public' || (isEve && this.opts.eveHolidaysAreNonWorking)) table.set(date, h.name);
      }
      this.byYear.set(year, table);
    }
    return table;
  }
}
