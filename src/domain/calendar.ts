// Swedish working days. Public holidays come from date-holidays (a maintained calendar); in municipal
// practice midsommarafton, julafton and nyårsafton are not working days either (a setting).
import Holidays from 'date-holidays';
import type { LocalDate } from './schemas.js';
import { addDays, weekday } from './time.js';

/** The year and the day's index in it (0 = 1 January). */
function yearAndDay(d: LocalDate): [number, number] {
  const y = Number(d.slice(0, 4));
  return [y, (Date.UTC(y, Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) - Date.UTC(y, 0, 1)) / 86_400_000];
}

const EVES = new Set(['midsommarafton', 'julafton', 'nyårsafton']);

export interface CalendarOptions {
  eveHolidaysAreNonWorking: boolean;
}

export class Calendar {
  private readonly holidays = new Holidays('SE');
  private readonly byYear = new Map<number, Map<LocalDate, string>>();
  /** Per year: working days from 1 January up to and including each day of the year (index 0 = 1 Jan). */
  private readonly counts = new Map<number, Uint16Array>();

  constructor(private readonly opts: CalendarOptions = { eveHolidaysAreNonWorking: true }) {}

  /** Name of the holiday on that date when it makes the day non-working, else undefined. */
  holidayName(d: LocalDate): string | undefined {
    return this.yearTable(Number(d.slice(0, 4))).get(d);
  }

  isWorkingDay(d: LocalDate): boolean {
    const [y, i] = yearAndDay(d);
    const c = this.yearCounts(y);
    return c[i] - (i > 0 ? c[i - 1] : 0) === 1;
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

  /** Working days after a up to and including b (0 when b <= a). Constant time within a year. */
  workingDaysBetween(a: LocalDate, b: LocalDate): number {
    if (b <= a) return 0;
    const [ya, ia] = yearAndDay(a);
    const [yb, ib] = yearAndDay(b);
    let count = this.yearCounts(yb)[ib] - this.yearCounts(ya)[ia];
    for (let y = ya; y < yb; y++) {
      const c = this.yearCounts(y);
      count += c[c.length - 1];
    }
    return count;
  }

  private yearCounts(year: number): Uint16Array {
    let c = this.counts.get(year);
    if (!c) {
      const days = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 86_400_000;
      c = new Uint16Array(days);
      let n = 0;
      let d = `${year}-01-01`;
      for (let i = 0; i < days; i++, d = addDays(d, 1)) {
        if (weekday(d) <= 5 && this.holidayName(d) === undefined) n++;
        c[i] = n;
      }
      this.counts.set(year, c);
    }
    return c;
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
