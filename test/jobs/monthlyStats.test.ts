// Which day the monthly statistics card goes: the month's first working day, or a working day in the
// week after it when the bot was down; never on a weekend or holiday.
import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/domain/calendar.js';
import { firstWorkingDayOfMonth, isMonthlyStatsDay, statsClaimId } from '../../src/jobs/monthlyStats.js';

const cal = new Calendar({ eveHolidaysAreNonWorking: true });

describe('the monthly statistics day', () => {
  it('is the first working day: a Tuesday the 1st, a Monday after a weekend, after nyårsdagen', () => {
    expect(firstWorkingDayOfMonth(cal, '2026-12-15')).toBe('2026-12-01'); // Tuesday
    expect(firstWorkingDayOfMonth(cal, '2026-11-20')).toBe('2026-11-02'); // 1 Nov is a Sunday
    expect(firstWorkingDayOfMonth(cal, '2027-01-20')).toBe('2027-01-04'); // Fri 1 Jan holiday, then a weekend
    expect(isMonthlyStatsDay(cal, '2026-11-02')).toBe(true);
    expect(isMonthlyStatsDay(cal, '2026-11-01')).toBe(false); // Sunday
    expect(isMonthlyStatsDay(cal, '2027-01-01')).toBe(false); // nyårsdagen
    expect(isMonthlyStatsDay(cal, '2027-01-04')).toBe(true);
  });

  it('catches up on a working day within a week of it, not later', () => {
    expect(isMonthlyStatsDay(cal, '2026-12-02')).toBe(true);
    expect(isMonthlyStatsDay(cal, '2026-12-08')).toBe(true);
    expect(isMonthlyStatsDay(cal, '2026-12-09')).toBe(false);
    expect(isMonthlyStatsDay(cal, '2026-11-30')).toBe(false);
  });

  it('claims per manager and month', () => {
    expect(statsClaimId('m-1', '2026-11')).toBe('stats:m-1:2026-11');
  });
});
