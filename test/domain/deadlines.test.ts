import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/domain/calendar.js';
import {
  deadlinesOf,
  deadlineStatus,
  isLastWorkingDayBefore,
  nextDeadline,
  skyddsbedomningDue,
  forhandsbedomningDue,
  utredningDue,
} from '../../src/domain/deadlines.js';
import { DEFAULT_RULES, RuleTable } from '../../src/domain/rules.js';
import type { Case } from '../../src/domain/schemas.js';

const cal = new Calendar({ eveHolidaysAreNonWorking: true });
const rules = DEFAULT_RULES;

const baseCase = (over: Partial<Case> = {}): Case => ({
  id: 'IFO-2026-000001',
  version: 1,
  groupId: 'barn-mottagning',
  childRef: 'B-2026-0001',
  receivedAt: '2026-11-20T09:15:00+01:00',
  reporter: { type: 'preschool', professional: true },
  concerns: ['neglect'],
  phase: 'skyddsbedomning',
  assignees: [],
  contacts: [],
  linkedCaseIds: [],
  createdAt: '2026-11-20T09:15:00+01:00',
  updatedAt: '2026-11-20T09:15:00+01:00',
  updatedBy: 'system:intake',
  ...over,
});

describe('the rule table', () => {
  it('is valid data with a reference, a quote, a source, an in-force date and verified: false on every row', () => {
    expect(RuleTable.safeParse(rules).success).toBe(true);
    for (const r of rules.rules) {
      if (!r.kind.startsWith('lvu_') && !r.endsOn) {
        expect(r.legalRef.old, r.kind).toMatch(/2001:453/);
        expect(r.legalRef.new, r.kind).toMatch(/2025:400/);
      }
      if (r.kind.startsWith('lvu_') && !r.proposed) expect(r.legalRef.new).toMatch(/^LVU \(1990:52\)/);
      expect(r.verified, r.kind).toBe(false);
      expect(r.quote.length, r.kind).toBeGreaterThan(5);
      expect(r.source.length, r.kind).toBeGreaterThan(5);
      expect(r.inForce).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('refuses a table where two rows of the same kind are in force at once', () => {
    expect(RuleTable.safeParse({ ...rules, rules: [...rules.rules, rules.rules[0]] }).success).toBe(false);
  });
});

describe('deadlines of a case', () => {
  it('has the skyddsbedömning today and the förhandsbedömning 14 days after receipt', () => {
    const ds = deadlinesOf(baseCase(), rules);
    expect(ds.map((d) => [d.kind, d.due])).toEqual([
      ['skyddsbedomning', '2026-11-20'],
      ['forhandsbedomning', '2026-12-04'],
    ]);
  });

  it('moves a skyddsbedömning for a report that arrived after 16:00 to the next day', () => {
    expect(skyddsbedomningDue('2026-11-20T16:30:00+01:00', rules)).toBe('2026-11-21');
    expect(skyddsbedomningDue('2026-11-20T15:59:00+01:00', rules)).toBe('2026-11-20');
    // 23:30 UTC is already the next day in Stockholm.
    expect(skyddsbedomningDue('2026-11-20T23:30:00Z', rules)).toBe('2026-11-21');
  });

  it('counts 14 calendar days across a daylight-saving change', () => {
    expect(forhandsbedomningDue('2026-03-20T10:00:00+01:00', rules)).toBe('2026-04-03');
    expect(forhandsbedomningDue('2026-10-20T10:00:00+02:00', rules)).toBe('2026-11-03');
  });

  it('gives an utredning 4 months from the decision, clamped at month end', () => {
    expect(utredningDue('2020-12-14', rules)).toBe('2021-04-14');
    expect(utredningDue('2025-10-31', rules)).toBe('2026-02-28');
    expect(utredningDue('2027-10-31', rules)).toBe('2028-02-29');
  });

  it('shows the statutory date even when the deadline falls on a holiday, and warns the working day before', () => {
    // Received 2026-12-17 → 14 days = 2026-12-31 (nyårsafton): the date stays, the warning is 2026-12-30.
    const c = baseCase({ receivedAt: '2026-12-17T10:00:00+01:00' });
    const f = deadlinesOf(c, rules).find((d) => d.kind === 'forhandsbedomning')!;
    expect(f.due).toBe('2026-12-31');
    expect(f.statutoryDue).toBe('2026-12-31');
    expect(isLastWorkingDayBefore(f, new Date('2026-12-30T08:00:00+01:00'), cal)).toBe(true);
    expect(isLastWorkingDayBefore(f, new Date('2026-12-29T08:00:00+01:00'), cal)).toBe(false);
  });

  it('keeps the statutory utredning date when an extension moves the deadline', () => {
    const c = baseCase({
      phase: 'utredning',
      utredning: { openedOn: '2026-01-10', statutoryDeadline: '2026-05-10', deadline: '2026-06-30', extensions: [] },
    });
    const u = deadlinesOf(c, rules).find((d) => d.kind === 'utredning')!;
    expect([u.due, u.statutoryDue]).toEqual(['2026-06-30', '2026-05-10']);
  });

  it('tells overdue, due today, soon and ok apart', () => {
    const f = deadlinesOf(baseCase(), rules);
    const skydd = f[0];
    expect(deadlineStatus(skydd, new Date('2026-11-20T12:00:00+01:00'), cal)).toBe('due_today');
    expect(deadlineStatus(skydd, new Date('2026-11-21T00:05:00+01:00'), cal)).toBe('overdue');
    const forhand = f[1]; // 2026-12-04, a Friday
    expect(deadlineStatus(forhand, new Date('2026-12-01T08:00:00+01:00'), cal)).toBe('soon');
    expect(deadlineStatus(forhand, new Date('2026-11-24T08:00:00+01:00'), cal)).toBe('ok');
    expect(deadlineStatus({ ...forhand, done: true }, new Date('2027-01-01T08:00:00+01:00'), cal)).toBe('done');
  });

  it('names the next open deadline', () => {
    const c = baseCase({
      skyddsbedomning: {
        at: '2026-11-20T10:00:00+01:00',
        by: 'x',
        immediateProtection: false,
        motivation: 'Ingen akut fara.',
      },
    });
    expect(nextDeadline(c, rules)?.kind).toBe('forhandsbedomning');
    expect(nextDeadline({ ...c, phase: 'closed' }, rules)).toBeUndefined();
  });
});

describe('rule table settings and the working day before', () => {
  it('has the default settings docs/domain.md names: 21 days without contact, extension by leads, återkoppling unverified', () => {
    expect(rules.noContactDays).toBe(21);
    expect(rules.extendRoles).toEqual(['team_lead', 'unit_manager']);
    const ater = rules.rules.find((r) => r.kind === 'aterkoppling')!;
    expect(ater.verified).toBe(false);
    expect(ater.from).toBe('forhandsbedomning_decided');
    expect(rules.rules.find((r) => r.kind === 'uppfoljning')!.maxPeriod).toBeDefined();
    expect(rules.rules.find((r) => r.kind === 'skyddsbedomning')!.lateArrivalCutoff).toBe('16:00');
    for (const r of rules.rules)
      if (r.period && !r.informational) expect(r.reminderLeadWorkingDays.length, r.kind).toBeGreaterThan(0);
  });

  it('uses a configured cut-off for late reports', () => {
    const early = RuleTable.parse({
      ...rules,
      rules: rules.rules.map((r) => (r.kind === 'skyddsbedomning' ? { ...r, lateArrivalCutoff: '14:00' } : r)),
    });
    expect(skyddsbedomningDue('2026-11-20T14:30:00+01:00', early)).toBe('2026-11-21');
    expect(skyddsbedomningDue('2026-11-20T14:30:00+01:00', rules)).toBe('2026-11-20');
    const none = RuleTable.parse({
      ...rules,
      rules: rules.rules.map((r) => (r.kind === 'skyddsbedomning' ? { ...r, lateArrivalCutoff: undefined } : r)),
    });
    expect(skyddsbedomningDue('2026-11-20T23:00:00+01:00', none)).toBe('2026-11-20');
    // Summer time: 16:30 CEST is 14:30 UTC, still late.
    expect(skyddsbedomningDue('2026-06-10T14:30:00Z', rules)).toBe('2026-06-11');
  });

  it('refuses a malformed rule table (period, cut-off, empty extend roles)', () => {
    expect(RuleTable.safeParse({ ...rules, extendRoles: [] }).success).toBe(false);
    expect(RuleTable.safeParse({ ...rules, rules: [{ ...rules.rules[0], lateArrivalCutoff: '4pm' }] }).success).toBe(
      false,
    );
    expect(
      RuleTable.safeParse({ ...rules, rules: [{ ...rules.rules[1], period: { unit: 'weeks', amount: 2 } }] }).success,
    ).toBe(false);
  });

  it('never moves a statutory date that falls on a weekend or holiday, and warns on the working day before', () => {
    // Opened 2026-07-21 → 4 months = Saturday 2026-11-21: the date stays, the warning is Friday 11-20.
    expect(utredningDue('2026-07-21', rules)).toBe('2026-11-21');
    const c = baseCase({
      phase: 'utredning',
      utredning: { openedOn: '2026-07-21', statutoryDeadline: '2026-11-21', deadline: '2026-11-21', extensions: [] },
    });
    const u = deadlinesOf(c, rules).find((d) => d.kind === 'utredning')!;
    expect([u.due, u.statutoryDue]).toEqual(['2026-11-21', '2026-11-21']);
    expect(isLastWorkingDayBefore(u, new Date('2026-11-20T07:45:00+01:00'), cal)).toBe(true);
    expect(isLastWorkingDayBefore(u, new Date('2026-11-19T07:45:00+01:00'), cal)).toBe(false);
    expect(deadlineStatus(u, new Date('2026-11-20T16:00:00+01:00'), cal)).toBe('soon');
    expect(deadlineStatus(u, new Date('2026-11-23T07:45:00+01:00'), cal)).toBe('overdue'); // Monday: passed, not extended
    // Received Friday before Easter 2026 (2026-03-20) → 14 days = långfredag 2026-04-03; warn on skärtorsdag.
    const f = deadlinesOf(baseCase({ receivedAt: '2026-03-20T10:00:00+01:00' }), rules).find(
      (d) => d.kind === 'forhandsbedomning',
    )!;
    expect(f.due).toBe('2026-04-03');
    expect(isLastWorkingDayBefore(f, new Date('2026-04-02T08:00:00+02:00'), cal)).toBe(true);
    expect(isLastWorkingDayBefore(f, new Date('2026-04-03T08:00:00+02:00'), cal)).toBe(false);
  });

  it('counts a 4-month utredning across both daylight-saving changes without moving it', () => {
    expect(utredningDue('2026-02-27', rules)).toBe('2026-06-27');
    expect(utredningDue('2026-06-29', rules)).toBe('2026-10-29');
    expect(utredningDue('2026-10-25', rules)).toBe('2027-02-25');
    expect(utredningDue('2026-03-29', rules)).toBe('2026-07-29');
  });

  it('lists återkoppling and uppföljning when they exist, done when completed', () => {
    const c = baseCase({
      phase: 'closed',
      aterkoppling: { due: '2026-12-04', doneAt: '2026-12-01T10:00:00+01:00' },
      uppfoljning: { due: '2027-01-20' },
    });
    const ds = deadlinesOf(c, rules);
    expect(ds.map((d) => [d.kind, d.done])).toEqual([
      ['skyddsbedomning', true],
      ['forhandsbedomning', true],
      ['aterkoppling', true],
      ['uppfoljning', false],
    ]);
    expect(nextDeadline(c, rules)?.kind).toBe('uppfoljning');
  });
});
