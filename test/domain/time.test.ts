import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, formatSwedishDate, stockholmDate, stockholmInstant } from '../../src/domain/time.js';

describe('Swedish time', () => {
  it('counts months to the same date, or the last day of a shorter month (lag 1930:173 1 §)', () => {
    expect(addMonths('2025-10-31', 4)).toBe('2026-02-28');
    expect(addMonths('2020-12-14', 4)).toBe('2021-04-14');
    expect(addMonths('2023-10-31', 4)).toBe('2024-02-29'); // leap year
    expect(addMonths('2027-10-30', 4)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-08-31', 1)).toBe('2026-09-30');
  });

  it('takes the date in Stockholm, not in UTC', () => {
    expect(stockholmDate('2026-11-20T23:30:00Z')).toBe('2026-11-21'); // 00:30 in winter
    expect(stockholmDate('2026-06-30T22:30:00Z')).toBe('2026-07-01'); // 00:30 in summer
    expect(stockholmDate('2026-11-20T22:59:59Z')).toBe('2026-11-20');
  });

  it('does not move a date across a daylight-saving change', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 1)).toBe('2026-10-25');
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
    expect(daysBetween('2026-03-28', '2026-04-11')).toBe(14);
    expect(daysBetween('2026-10-20', '2026-11-03')).toBe(14);
    // 07:45 on the morning after the spring change is 05:45 UTC, and the date stays the same.
    expect(stockholmInstant('2026-03-30', '07:45').toISOString()).toBe('2026-03-30T05:45:00.000Z');
    expect(stockholmInstant('2026-10-26', '07:45').toISOString()).toBe('2026-10-26T06:45:00.000Z');
  });

  it('writes dates the Swedish way', () => {
    expect(formatSwedishDate('2026-11-20')).toBe('fre 20 nov');
    expect(formatSwedishDate('2027-01-04', 2026)).toBe('mån 4 jan 2027');
  });
});
