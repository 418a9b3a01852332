// "Påminn mig i morgon" as a rule, with plain calls on fixed days: the next working morning is quiet
// and the one after is not; never on or past the deadline's last working day; only one's own case.
import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/domain/calendar.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import { nextOpenDeadline, snoozeRule } from '../../src/domain/snooze.js';
import { aCase, STAFF } from './fixtures.js';

const calendar = new Calendar({ eveHolidaysAreNonWorking: true });
const anna = STAFF.anna.aadObjectId;
// Received Friday 20 November; skyddsbedömning done, so the förhandsbedömning is what is open.
const c = aCase({
  phase: 'forhandsbedomning',
  assignees: [anna],
  skyddsbedomning: { at: '2026-11-20T10:00:00+01:00', by: anna, immediateProtection: false, motivation: 'x' },
});
const rule = (today: string, who = anna, theCase = c) => snoozeRule(theCase, who, today, calendar, DEFAULT_RULES);

describe('snoozing a reminder', () => {
  it('is about the earliest open deadline: the förhandsbedömning on Friday 4 December', () => {
    expect(nextOpenDeadline(c, DEFAULT_RULES)).toMatchObject({ kind: 'forhandsbedomning', due: '2026-12-04' });
  });

  it('keeps the next working morning quiet and reminds again the one after', () => {
    expect(rule('2026-11-23')).toEqual({ ok: true, quietOn: '2026-11-24', resumeOn: '2026-11-25' });
    // Pressed on a Friday: Monday is quiet, Tuesday reminds again (the weekend is no morning).
    expect(rule('2026-11-27')).toEqual({ ok: true, quietOn: '2026-11-30', resumeOn: '2026-12-01' });
  });

  it('is refused when the quiet morning would be the last working day, or today is', () => {
    expect(rule('2026-12-03')).toMatchObject({ ok: false, why: 'lastDay', last: '2026-12-04', today: false });
    expect(rule('2026-12-04')).toMatchObject({ ok: false, why: 'lastDay', last: '2026-12-04', today: true });
  });

  it('is refused once the deadline has passed', () => {
    expect(rule('2026-12-07')).toMatchObject({ ok: false, why: 'late', deadline: { due: '2026-12-04' } });
  });

  it("is refused on someone else's case and on a case with nothing open", () => {
    expect(rule('2026-11-23', STAFF.bo.aadObjectId)).toEqual({ ok: false, why: 'notYours' });
    const closed = aCase({ ...c, phase: 'closed' });
    expect(rule('2026-11-23', anna, closed)).toEqual({ ok: false, why: 'nothingOpen' });
  });
});
