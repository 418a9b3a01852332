// What the case card leads with (src/views/caseHeadline.ts), on fixed clocks: the alarm while it is
// on, else the overdue deadline, else the nearest open one; "i dag"/"i morgon"/"om N dagar" only
// when true; what is done is never the headline.
import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/domain/calendar.js';
import { deadlinesOf } from '../../src/domain/deadlines.js';
import { protectionState } from '../../src/domain/protection.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import type { Case } from '../../src/domain/schemas.js';
import { caseHeadline, relativeDay } from '../../src/views/caseHeadline.js';

const calendar = new Calendar({ eveHolidaysAreNonWorking: true });
const LEAD = '00000000-0000-4000-8000-000000000001';

const report = (receivedAt: string, extra: Partial<Case> = {}): Case =>
  ({
    id: 'IFO-2026-004600',
    version: 1,
    groupId: 'barn-mottagning',
    childRef: 'B-2026-0600',
    receivedAt,
    reporter: { type: 'school', professional: true },
    concerns: ['neglect'],
    phase: 'skyddsbedomning',
    assignees: [],
    contacts: [],
    linkedCaseIds: [],
    createdAt: receivedAt,
    updatedAt: receivedAt,
    updatedBy: 'system:intake',
    ...extra,
  }) as Case;

const headlineOf = (c: Case, now: string) =>
  caseHeadline({
    deadlines: deadlinesOf(c, DEFAULT_RULES),
    protection: protectionState(c),
    now: new Date(now),
    calendar,
    closed: c.phase === 'closed',
  });

describe('the case headline', () => {
  it('says "i morgon" for a report after 16:00, never "i dag" with a day left', () => {
    const h = headlineOf(report('2026-12-01T16:30:00+01:00'), '2026-12-01T16:35:00+01:00');
    expect(h).toMatchObject({
      lead: 'deadline',
      text: 'Skyddsbedömning ska göras i morgon',
      detail: 'ons 2 dec',
      color: 'Default',
      style: 'warning',
    });
  });

  it('says "i dag" on the day, and "FÖRSENAD" in red with the date once it has passed', () => {
    const c = report('2026-12-01T16:30:00+01:00');
    expect(headlineOf(c, '2026-12-02T08:00:00+01:00')).toMatchObject({
      text: 'Skyddsbedömning ska göras i dag',
      detail: 'ons 2 dec',
    });
    expect(headlineOf(c, '2026-12-03T08:00:00+01:00')).toMatchObject({
      text: 'Skyddsbedömning FÖRSENAD',
      detail: 'skulle vara klar ons 2 dec (i går)',
      color: 'Attention',
      style: 'attention',
    });
    expect(headlineOf(c, '2026-12-05T08:00:00+01:00').detail).toBe('skulle vara klar ons 2 dec (för 3 dagar sedan)');
  });

  it('leads with återkoppling due tomorrow, not the skyddsbedömning done a month ago', () => {
    // Decided not to open an investigation on 10 nov; the reporter's återkoppling is due 2 dec.
    const c = report('2026-11-02T10:00:00+01:00', {
      phase: 'closed',
      assignees: [LEAD],
      skyddsbedomning: { at: '2026-11-02T11:00:00+01:00', by: LEAD, immediateProtection: false, motivation: 'x' },
      forhandsbedomning: { decidedAt: '2026-11-10T10:00:00+01:00', by: LEAD, outcome: 'not_open', motivation: 'x' },
      aterkoppling: { requestedAt: '2026-11-20T10:00:00+01:00', due: '2026-12-02' },
    } as Partial<Case>);
    const h = headlineOf(c, '2026-12-01T09:00:00+01:00');
    expect(h).toMatchObject({
      lead: 'deadline',
      text: 'Återkoppling till anmälaren ska ges i morgon',
      detail: 'ons 2 dec',
    });
    expect(h.deadline?.kind).toBe('aterkoppling');
  });

  it('puts the overdue deadline before a nearer open one', () => {
    // Förhandsbedömning due 16 nov and missed; återkoppling due tomorrow.
    const c = report('2026-11-02T10:00:00+01:00', {
      phase: 'forhandsbedomning',
      assignees: [LEAD],
      skyddsbedomning: { at: '2026-11-02T11:00:00+01:00', by: LEAD, immediateProtection: false, motivation: 'x' },
      aterkoppling: { requestedAt: '2026-11-20T10:00:00+01:00', due: '2026-12-02' },
    } as Partial<Case>);
    expect(headlineOf(c, '2026-12-01T09:00:00+01:00')).toMatchObject({
      text: 'Förhandsbedömning FÖRSENAD',
      detail: 'skulle vara klar mån 16 nov (för 15 dagar sedan)',
      color: 'Attention',
    });
  });

  it('counts "om N dagar" in calendar days', () => {
    expect(relativeDay('2026-12-01', '2026-12-01')).toBe('i dag');
    expect(relativeDay('2026-12-01', '2026-12-02')).toBe('i morgon');
    expect(relativeDay('2026-12-01', '2026-12-15')).toBe('om 14 dagar');
    const h = headlineOf(
      report('2026-11-20T09:15:00+01:00', {
        phase: 'forhandsbedomning',
        skyddsbedomning: { at: '2026-11-20T11:00:00+01:00', by: LEAD, immediateProtection: false, motivation: 'x' },
      } as Partial<Case>),
      '2026-11-23T10:00:00+01:00',
    );
    expect(h).toMatchObject({
      text: 'Förhandsbedömningen ska vara klar om 11 dagar',
      detail: 'fre 4 dec',
      color: 'Default',
    });
  });

  it('lets the protection alarm lead while it is on', () => {
    const c = report('2026-11-23T07:50:00+01:00', {
      skyddsbedomning: { at: '2026-11-23T08:05:00+01:00', by: LEAD, immediateProtection: true, motivation: 'x' },
      phase: 'forhandsbedomning',
    } as Partial<Case>);
    const h = headlineOf(c, '2026-11-23T09:00:00+01:00');
    expect(h.lead).toBe('protection');
    // The line under the alarm is still the next deadline, not the done skyddsbedömning.
    expect(h.deadline?.kind).toBe('forhandsbedomning');
  });

  it('has nothing to lead with once everything is done', () => {
    const c = report('2026-11-02T10:00:00+01:00', {
      phase: 'closed',
      skyddsbedomning: { at: '2026-11-02T11:00:00+01:00', by: LEAD, immediateProtection: false, motivation: 'x' },
      closure: { at: '2026-11-10T10:00:00+01:00', by: LEAD, outcome: 'ingen_insats', motivation: 'x' },
    } as Partial<Case>);
    expect(headlineOf(c, '2026-12-01T09:00:00+01:00')).toMatchObject({ lead: 'none', text: 'Ärendet är avslutat' });
  });
});
