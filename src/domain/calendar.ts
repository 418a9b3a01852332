// Swedish working days. The public holidays (helgdagar, lagen 1989:253 om allmänna helgdagar) are
// computed here: a short fixed list and Easter; docs/domain.md says how working days are counted. In
// municipal practice midsommarafton, julafton and nyårsafton are not working days either (a setting).
// Our own computation, not a holiday library: it costs no memory at start (docs/deploy.md, "Minne"),
// and test/domain/calendarOracle.test.ts compares it day by day with date-holidays for 1990–2100.
import type { LocalDate } from './schemas.js';
import { addDays, weekday } from './time.js';

const iso = (y: number, m: number, d: number): LocalDate =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Easter Sunday (Gregorian computus, the anonymous algorithm in Meeus' form). */
export function easterSunday(y: number): LocalDate {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(y, month, day);
}

/** The first day from `from` on (inclusive) that falls on the ISO weekday `wd` (6 = Saturday). */
function firstWeekday(from: LocalDate, wd: number): LocalDate {
  let x = from;
  while (weekday(x) !== wd) x = addDays(x, 1);
  return x;
}

/** The year's public holidays and the three eves, each with its Swedish name. */
function swedishHolidays(y: number): { date: LocalDate; name: string; eve: boolean }[] {
  const easter = easterSunday(y);
  const midsommardagen = firstWeekday(iso(y, 6, 20), 6);
  const list = [
    { date: iso(y, 1, 1), name: 'nyårsdagen', eve: false },
    { date: iso(y, 1, 6), name: 'trettondedag jul', eve: false },
    { date: addDays(easter, -2), name: 'långfredagen', eve: false },
    { date: easter, name: 'påskdagen', eve: false },
    { date: addDays(easter, 1), name: 'annandag påsk', eve: false },
    { date: iso(y, 5, 1), name: 'första maj', eve: false },
    { date: addDays(easter, 39), name: 'Kristi himmelsfärdsdag', eve: false },
    { date: addDays(easter, 49), name: 'pingstdagen', eve: false },
    // Annandag pingst was a helgdag until 2004; nationaldagen replaced it from 2005.
    y <= 2004
      ? { date: addDays(easter, 50), name: 'annandag pingst', eve: false }
      : { date: iso(y, 6, 6), name: 'nationaldagen', eve: false },
    { date: addDays(midsommardagen, -1), name: 'midsommarafton', eve: true },
    { date: midsommardagen, name: 'midsommardagen', eve: false },
    { date: firstWeekday(iso(y, 10, 31), 6), name: 'alla helgons dag', eve: false },
    { date: iso(y, 12, 24), name: 'julafton', eve: true },
    { date: iso(y, 12, 25), name: 'juldagen', eve: false },
    { date: iso(y, 12, 26), name: 'annandag jul', eve: false },
    { date: iso(y, 12, 31), name: 'nyårsafton', eve: true },
  ];
  return list;
}

/** The year and the day's index in it (0 = 1 January). */
function yearAndDay(d: LocalDate): [number, number] {
  const y = Number(d.slice(0, 4));
  return [y, (Date.UTC(y, Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) - Date.UTC(y, 0, 1)) / 86_400_000];
}

export interface CalendarOptions {
  eveHolidaysAreNonWorking: boolean;
}

export class Calendar {
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
      for (const h of swedishHolidays(year)) {
        if ((!h.eve || this.opts.eveHolidaysAreNonWorking) && !table.has(h.date)) table.set(h.date, h.name);
      }
      this.byYear.set(year, table);
    }
    return table;
  }
}
