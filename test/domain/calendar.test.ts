import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/domain/calendar.js';

describe('Swedish working days', () => {
  const cal = new Calendar({ eveHolidaysAreNonWorking: true });

  it('has no working day on weekends and public holidays', () => {
    expect(cal.isWorkingDay('2026-11-21')).toBe(false); // Saturday
    expect(cal.isWorkingDay('2026-11-23')).toBe(true);
    for (const d of ['2026-01-01', '2026-01-06', '2026-04-03', '2026-04-06', '2026-05-01', '2026-05-14', '2026-12-25']) {
      expect(cal.isWorkingDay(d), d).toBe(false);
    }
    expect(cal.isWorkingDay('2025-06-06')).toBe(false); // nationaldagen on a Friday
  });

  it('treats midsommarafton, julafton and nyårsafton as holidays by default, and as working days when set so', () => {
    for (const d of ['2026-06-19', '2026-12-24', '2026-12-31']) expect(cal.isWorkingDay(d), d).toBe(false);
    const strict = new Calendar({ eveHolidaysAreNonWorking: false });
    for (const d of ['2026-06-19', '2026-12-24', '2026-12-31']) expect(strict.isWorkingDay(d), d).toBe(true);
  });

  it('steps over Easter and Christmas', () => {
    expect(cal.nextWorkingDay('2026-04-02')).toBe('2026-04-07'); // skärtorsdag → tisdag efter annandag påsk
    expect(cal.previousWorkingDay('2026-04-07')).toBe('2026-04-02');
    expect(cal.nextWorkingDay('2026-12-23')).toBe('2026-12-28');
    expect(cal.addWorkingDays('2026-12-23', 3)).toBe('2026-12-30');
    expect(cal.addWorkingDays('2026-11-21', 0)).toBe('2026-11-23');
  });

  it('counts working days between two dates', () => {
    expect(cal.workingDaysBetween('2020-12-14', '2021-01-13')).toBe(17); // 4+3+3+2+2+3, julafton/nyårsafton/trettondagen excluded
    expect(cal.workingDaysBetween('2026-11-20', '2026-11-23')).toBe(1);
    expect(cal.workingDaysBetween('2026-11-23', '2026-11-23')).toBe(0);
  });
});
