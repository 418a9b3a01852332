import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/domain/calendar.js';
import { addDays } from '../../src/domain/time.js';

describe('Swedish working days', () => {
  const cal = new Calendar({ eveHolidaysAreNonWorking: true });

  it('has no working day on weekends and public holidays', () => {
    expect(cal.isWorkingDay('2026-11-21')).toBe(false); // Saturday
    expect(cal.isWorkingDay('2026-11-23')).toBe(true);
    for (const d of [
      '2026-01-01',
      '2026-01-06',
      '2026-04-03',
      '2026-04-06',
      '2026-05-01',
      '2026-05-14',
      '2026-12-25',
    ]) {
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

describe('Swedish holidays across years', () => {
  const cal = new Calendar({ eveHolidaysAreNonWorking: true });
  const strict = new Calendar({ eveHolidaysAreNonWorking: false });

  it('knows midsommar, påsk, Kristi himmelfärd, nationaldagen and jul in 2024, 2025 and 2027', () => {
    const off = [
      '2024-03-29',
      '2024-04-01',
      '2024-05-09',
      '2024-06-06',
      '2024-06-21',
      '2024-12-24',
      '2024-12-25',
      '2024-12-26',
      '2024-12-31',
      '2025-04-18',
      '2025-04-21',
      '2025-05-01',
      '2025-05-29',
      '2025-06-06',
      '2025-06-20',
      '2025-12-24',
      '2025-12-25',
      '2025-12-26',
      '2027-03-26',
      '2027-03-29',
      '2027-05-06',
      '2027-06-25',
      '2027-12-24',
    ];
    for (const d of off) expect(cal.isWorkingDay(d), d).toBe(false);
    for (const d of [
      '2024-03-28',
      '2024-04-02',
      '2024-05-10',
      '2025-06-05',
      '2025-06-23',
      '2025-12-23',
      '2025-12-29',
    ]) {
      expect(cal.isWorkingDay(d), d).toBe(true);
    }
    expect(cal.holidayName('2026-06-06')).toBeDefined(); // nationaldagen on a Saturday is still a holiday
    expect(strict.isWorkingDay('2025-06-20')).toBe(true); // midsommarafton counts only with the setting
    expect(strict.isWorkingDay('2025-06-06')).toBe(false); // nationaldagen always
  });

  it('moves across midsommar and Kristi himmelfärd', () => {
    expect(cal.nextWorkingDay('2026-06-18')).toBe('2026-06-22');
    expect(strict.nextWorkingDay('2026-06-18')).toBe('2026-06-19');
    expect(cal.previousWorkingDay('2026-05-15')).toBe('2026-05-13');
    expect(cal.addWorkingDays('2026-05-13', -1)).toBe('2026-05-12');
    expect(cal.workingDaysBetween('2026-12-23', '2027-01-07')).toBe(6); // 28, 29, 30 dec, 4, 5, 7 jan (6 jan is trettondagen)
  });

  const day = fc.integer({ min: 0, max: 365 * 8 }).map((n) => addDays('2022-01-01', n));
  it('adds and counts working days consistently (property)', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 40 }), (d, n) => {
        const r = cal.addWorkingDays(d, n);
        expect(cal.isWorkingDay(r)).toBe(true);
        expect(cal.workingDaysBetween(d, r)).toBe(n);
        expect(cal.isWorkingDay(cal.previousWorkingDay(d))).toBe(true);
        expect(cal.previousWorkingDay(d) < d && d < cal.nextWorkingDay(d)).toBe(true);
      }),
    );
  });
});
