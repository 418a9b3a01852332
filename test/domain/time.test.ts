import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysBetween,
  formatDate,
  formatDateTime,
  formatSwedishDate,
  formatSwedishDateTime,
  formatTime,
  isValidLocalDate,
  startOfStockholmDay,
  stockholmDate,
  stockholmInstant,
} from '../../src/domain/time.js';

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

  it('has one format for a date and one for a time (docs/cards.md), the year only when not this year', () => {
    expect(formatDate('2026-11-12', 2026)).toBe('tors 12 nov');
    expect(formatDate('2026-03-10', 2026)).toBe('tis 10 mars');
    expect(formatDate('2025-12-30', 2026)).toBe('tis 30 dec 2025');
    expect(formatTime('2026-11-12T07:40:00Z')).toBe('kl. 08:40');
    expect(formatDateTime('2026-11-12T07:40:00Z', 2026)).toBe('tors 12 nov kl. 08:40');
    expect(formatDateTime('2026-06-30T22:10:00Z', 2026)).toBe('ons 1 juli kl. 00:10');
    expect(formatDate('2026-11-12', 2026, 'en')).toBe('Thu 12 Nov');
    expect(formatDateTime('2026-11-12T07:40:00Z', 2027, 'en')).toBe('Thu 12 Nov 2026 at 08:40');
  });
});

describe('Swedish time: leap years, month ends and daylight saving', () => {
  it('handles leap days in 2024 and 2028', () => {
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
    expect(addMonths('2023-12-31', 2)).toBe('2024-02-29');
    expect(addMonths('2024-02-29', 1)).toBe('2024-03-29'); // the same date, not the month end
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2028-02-28', 2)).toBe('2028-03-01');
    expect(daysBetween('2024-02-01', '2024-03-01')).toBe(29);
    expect(daysBetween('2026-02-01', '2026-03-01')).toBe(28);
    expect(isValidLocalDate('2028-02-29')).toBe(true);
    expect(isValidLocalDate('2026-02-29')).toBe(false);
    expect(isValidLocalDate('2026-13-01')).toBe(false);
  });

  it('keeps the date of instants around the changes on 2026-03-29 and 2026-10-25', () => {
    expect(stockholmDate('2026-03-28T23:30:00Z')).toBe('2026-03-29'); // 00:30 CET
    expect(stockholmDate('2026-03-29T21:59:00Z')).toBe('2026-03-29'); // 23:59 CEST
    expect(stockholmDate('2026-03-29T22:00:00Z')).toBe('2026-03-30');
    expect(stockholmDate('2026-10-24T22:00:00Z')).toBe('2026-10-25'); // 00:00 CEST
    expect(stockholmDate('2026-10-25T22:59:00Z')).toBe('2026-10-25'); // 23:59 CET, a 25-hour day
    expect(startOfStockholmDay('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfStockholmDay('2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(startOfStockholmDay('2026-10-26').toISOString()).toBe('2026-10-25T23:00:00.000Z');
    expect(formatSwedishDateTime('2026-10-25T01:30:00Z')).toBe('sön 25 okt kl. 02:30');
    expect(daysBetween('2026-03-29', '2026-03-30')).toBe(1);
    expect(daysBetween('2026-10-25', '2026-10-26')).toBe(1);
  });

  const day = fc.integer({ min: 0, max: 365 * 12 }).map((n) => addDays('2020-01-01', n));

  it('never moves a date: every day of 2020–2031 starts on itself and counts back exactly (property)', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -400, max: 400 }), (d, n) => {
        expect(stockholmDate(startOfStockholmDay(d))).toBe(d);
        expect(daysBetween(d, addDays(d, n))).toBe(n);
        expect(addDays(addDays(d, n), -n)).toBe(d);
      }),
    );
  });

  it('adds months to the same day or the month end, never past it (property)', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 24 }), (d, n) => {
        const r = addMonths(d, n);
        expect(isValidLocalDate(r)).toBe(true);
        const months =
          (Number(r.slice(0, 4)) - Number(d.slice(0, 4))) * 12 + Number(r.slice(5, 7)) - Number(d.slice(5, 7));
        expect(months).toBe(n);
        const sameDay = r.slice(8) === d.slice(8);
        const monthEnd = addDays(r, 1).slice(8) === '01' && Number(r.slice(8)) < Number(d.slice(8));
        expect(sameDay || monthEnd).toBe(true);
      }),
    );
  });
});
