import { describe, expect, it } from 'vitest';
import { ageBetween, ageText } from '../../src/domain/age.js';
import { Calendar } from '../../src/domain/calendar.js';

const calendar = new Calendar({ eveHolidaysAreNonWorking: true });

describe('the age of a case in calendar days and working days', () => {
  it('says both over Christmas, where the working days alone understate the wait', () => {
    // Mon 21 Dec to Thu 31 Dec 2026: julafton, juldagen, annandagen, a weekend and nyårsafton between.
    const age = ageBetween('2026-12-21', '2026-12-31', calendar);
    expect(age).toEqual({ days: 10, workingDays: 5 });
    expect(ageText(age)).toBe('10 dagar, 5 arbetsdagar');
  });

  it('says only the calendar days when both counts agree, with correct plurals', () => {
    expect(ageText(ageBetween('2026-11-24', '2026-11-25', calendar))).toBe('1 dag');
    expect(ageText(ageBetween('2026-11-23', '2026-11-26', calendar))).toBe('3 dagar');
    expect(ageText(ageBetween('2026-11-20', '2026-11-23', calendar))).toBe('3 dagar, 1 arbetsdag');
    expect(ageText(ageBetween('2026-11-21', '2026-11-22', calendar))).toBe('1 dag, 0 arbetsdagar');
  });

  it('is zero on the same day and never negative', () => {
    expect(ageBetween('2026-11-24', '2026-11-24', calendar)).toEqual({ days: 0, workingDays: 0 });
    expect(ageBetween('2026-11-25', '2026-11-24', calendar)).toEqual({ days: 0, workingDays: 0 });
  });
});
