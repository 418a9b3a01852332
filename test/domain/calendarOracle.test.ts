// Our Swedish holiday computation (src/domain/calendar.ts) against date-holidays, a maintained
// holiday calendar kept as a dev dependency for this comparison only: every day of 1990–2100, with
// the three eves as non-working days and as working days. date-holidays is corrected in one point
// (annandag pingst before 2005, below).
import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { Calendar, easterSunday } from '../../src/domain/calendar.js';
import { addDays, weekday } from '../../src/domain/time.js';

const EVES = new Set(['midsommarafton', 'julafton', 'nyårsafton']);

function oracle(eves: boolean): Map<string, string> {
  const h = new Holidays('SE');
  const table = new Map<string, string>();
  for (let y = 1990; y <= 2100; y++)
    for (const x of h.getHolidays(y)) {
      const date = x.date.slice(0, 10);
      if ((x.type === 'public' || (eves && EVES.has(x.name.toLowerCase()))) && !table.has(date))
        table.set(date, x.name);
      // The one correction: annandag pingst was a helgdag until 2004 (nationaldagen took its place
      // from 2005); date-holidays lists it as an observance in every year.
      if (y <= 2004 && x.name === 'pingstdagen') table.set(addDays(date, 1), 'annandag pingst');
    }
  return table;
}

describe('the Swedish calendar against date-holidays, 1990–2100', () => {
  for (const eves of [true, false]) {
    it(`agrees on every day's holiday and working day (eves non-working: ${eves})`, () => {
      const want = oracle(eves);
      const cal = new Calendar({ eveHolidaysAreNonWorking: eves });
      const wrong: string[] = [];
      let days = 0;
      let holidays = 0;
      for (let d = '1990-01-01'; d <= '2100-12-31'; d = addDays(d, 1), days++) {
        const name = cal.holidayName(d);
        if (name !== undefined) holidays++;
        if (name !== want.get(d)) wrong.push(`${d}: ${name} ≠ ${want.get(d)}`);
        const working = weekday(d) <= 5 && !want.has(d);
        if (cal.isWorkingDay(d) !== working) wrong.push(`${d}: arbetsdag ${cal.isWorkingDay(d)}`);
      }
      expect(wrong.slice(0, 10)).toEqual([]);
      expect(days).toBe(40542);
      expect(holidays).toBeGreaterThan(111 * (eves ? 15 : 12));
    });
  }

  it('knows Easter on its earliest and latest dates', () => {
    expect(easterSunday(2008)).toBe('2008-03-23');
    expect(easterSunday(2038)).toBe('2038-04-25');
    expect(easterSunday(2027)).toBe('2027-03-28');
  });
});
