// Immediate protection and office hours in the domain, with plain calls and fixed clocks: when the
// alarm is on and off (owner AND measure; an LVU 6 § omhändertagande counts), the protective-measure
// command and its refusals, the order of every list, and office hours across weekends and holidays.
import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/domain/calendar.js';
import { decideCase } from '../../src/domain/commands.js';
import { addOfficeHours, isOfficeTime, lastOfficeClose } from '../../src/domain/officeHours.js';
import {
  measuresOf,
  protectionFirst,
  protectionHeadline,
  protectionState,
  renoticeAt,
} from '../../src/domain/protection.js';
import type { Case } from '../../src/domain/schemas.js';
import { actor, aCase, ctx, STAFF } from './fixtures.js';

const calendar = new Calendar({ eveHolidaysAreNonWorking: true });
const name = (id: string) => Object.values(STAFF).find((s) => s.aadObjectId === id)?.name ?? '?';
const skydd = (immediateProtection: boolean, at = '2026-11-20T10:00:00+01:00') => ({
  at,
  by: STAFF.karin.aadObjectId,
  immediateProtection,
  motivation: 'Bedömt.',
});
const alarmCase = (over: Partial<Case> = {}) =>
  aCase({ phase: 'forhandsbedomning', skyddsbedomning: skydd(true), ...over });
const lvu = {
  decidedOn: '2026-11-20',
  decidedBy: 'ordforande' as const,
  ground: '2' as const,
  recordedAt: '2026-11-20T11:00:00+01:00',
  recordedBy: STAFF.anna.aadObjectId,
  reviews: [],
  restrictions: [],
};

describe('protectionState', () => {
  it('is not needed without a skyddsbedömning, or when it says no immediate protection', () => {
    expect(protectionState(aCase()).status).toBe('not_needed');
    expect(protectionState(aCase({ phase: 'forhandsbedomning', skyddsbedomning: skydd(false) })).status).toBe(
      'not_needed',
    );
  });

  it('is unmet until the case has an owner AND a protective measure', () => {
    expect(protectionState(alarmCase())).toMatchObject({ status: 'unmet', needsOwner: true, needsMeasure: true });
    expect(protectionState(alarmCase({ assignees: [STAFF.anna.aadObjectId] }))).toMatchObject({
      status: 'unmet',
      needsOwner: false,
      needsMeasure: true,
    });
    const measure = {
      kind: 'police' as const,
      on: '2026-11-20',
      doneBy: STAFF.karin.aadObjectId,
      motivation: 'Polisen hämtade barnet.',
      at: '2026-11-20T10:30:00+01:00',
      by: STAFF.karin.aadObjectId,
    };
    expect(protectionState(alarmCase({ protectiveMeasures: [measure] }))).toMatchObject({
      status: 'unmet',
      needsOwner: true,
      needsMeasure: false,
    });
    expect(
      protectionState(alarmCase({ protectiveMeasures: [measure], assignees: [STAFF.anna.aadObjectId] })).status,
    ).toBe('met');
  });

  it('counts an omedelbart omhändertagande recorded through the LVU track as the measure', () => {
    const c = alarmCase({ assignees: [STAFF.anna.aadObjectId], lvu });
    expect(measuresOf(c)).toEqual([{ kind: 'lvu_6', on: '2026-11-20', doneBy: STAFF.anna.aadObjectId, source: 'lvu' }]);
    expect(protectionState(c).status).toBe('met');
    expect(protectionHeadline(protectionState(c), name)).toBe(
      'Omedelbart skyddsbehov – skyddsåtgärd registrerad: omedelbart omhändertagande enligt LVU 6 § 2026-11-20 (Anna Berg)',
    );
  });

  it('never alarms for a closed case', () => {
    expect(protectionState(alarmCase({ phase: 'closed' })).status).toBe('not_needed');
  });

  it('says what is missing in one line, and when the unit manager is told again', () => {
    const s = protectionState(alarmCase());
    expect(protectionHeadline(s, name)).toBe(
      'Omedelbart skyddsbehov – ingen skyddsåtgärd registrerad och ingen handläggare',
    );
    expect(renoticeAt(s)?.toISOString()).toBe('2026-11-20T11:00:00.000Z'); // 10:00 + 2 h, Swedish 12:00
    expect(renoticeAt(s, 30)?.toISOString()).toBe('2026-11-20T09:30:00.000Z');
    expect(renoticeAt(protectionState(alarmCase({ lvu })))).toBeUndefined();
  });

  it('puts unmet alarms first, the oldest first, and keeps the rest in their order', () => {
    const a = aCase({ id: 'A' });
    const b = alarmCase({ id: 'B', skyddsbedomning: skydd(true, '2026-11-20T11:00:00+01:00') });
    const c = aCase({ id: 'C' });
    const d = alarmCase({ id: 'D', skyddsbedomning: skydd(true, '2026-11-20T09:00:00+01:00') });
    expect(protectionFirst([a, b, c, d], (x) => x).map((x) => x.id)).toEqual(['D', 'B', 'A', 'C']);
  });
});

describe('recordProtectiveMeasure', () => {
  const now = new Date('2026-11-20T10:30:00+01:00');
  const decide = (intent: Record<string, unknown>, c = alarmCase()) =>
    decideCase(
      ctx(),
      c,
      { type: 'recordProtectiveMeasure', motivation: 'Placerad i jourhem.', ...intent } as never,
      actor(STAFF.anna),
      now,
    );

  it('records what, when, by whom and why, and the event for the timeline', () => {
    const d = decide({ kind: 'placement', on: '2026-11-20', time: '10:15', doneBy: STAFF.bo.aadObjectId });
    if (!d.ok) throw new Error(d.message);
    expect(d.state.protectiveMeasures).toEqual([
      {
        kind: 'placement',
        on: '2026-11-20',
        time: '10:15',
        doneBy: STAFF.bo.aadObjectId,
        motivation: 'Placerad i jourhem.',
        at: now.toISOString(),
        by: STAFF.anna.aadObjectId,
      },
    ]);
    expect(d.events).toEqual([
      {
        type: 'ProtectiveMeasureRecorded',
        caseId: 'IFO-2026-004512',
        data: { kind: 'placement', on: '2026-11-20', time: '10:15', doneBy: STAFF.bo.aadObjectId },
        reason: 'Placerad i jourhem.',
      },
    ]);
  });

  it('defaults to today and the person recording', () => {
    const d = decide({ kind: 'other' });
    expect(d.ok && d.state.protectiveMeasures?.[0]).toMatchObject({ on: '2026-11-20', doneBy: STAFF.anna.aadObjectId });
  });

  it('refuses each bad field with a Swedish message', () => {
    const d = decide({ kind: 'hug', on: '2026-11-21', time: '25:00', doneBy: 'nobody', motivation: ' ' });
    expect(d.ok).toBe(false);
    expect(!d.ok && Object.keys(d.fields ?? {}).sort()).toEqual(['doneBy', 'kind', 'motivation', 'on', 'time']);
    const later = decide({ kind: 'police', time: '11:30' });
    expect(!later.ok && later.fields).toEqual({ time: 'Klockslaget kan inte vara i framtiden.' });
    const badTime = decide({ kind: 'police', time: '9.30' });
    expect(!badTime.ok && badTime.fields).toEqual({ time: 'Ange klockslaget som TT:MM, t.ex. 14:30.' });
  });

  it('is refused on a closed case and for someone outside the group', () => {
    expect(decide({ kind: 'police' }, alarmCase({ phase: 'closed' })).ok).toBe(false);
    const other = decideCase(
      ctx(),
      alarmCase(),
      { type: 'recordProtectiveMeasure', kind: 'police', motivation: 'x' },
      actor(STAFF.cilla),
      now,
    );
    expect(!other.ok && other.code).toBe('forbidden');
  });
});

describe('office hours', () => {
  it('are 08:00–16:00 on Swedish working days', () => {
    expect(isOfficeTime('2026-11-20T08:00:00+01:00', calendar)).toBe(true);
    expect(isOfficeTime('2026-11-20T15:59:00+01:00', calendar)).toBe(true);
    expect(isOfficeTime('2026-11-20T16:00:00+01:00', calendar)).toBe(false);
    expect(isOfficeTime('2026-11-20T07:59:00+01:00', calendar)).toBe(false);
    expect(isOfficeTime('2026-11-21T10:00:00+01:00', calendar)).toBe(false); // Saturday
    expect(isOfficeTime('2026-12-24T10:00:00+01:00', calendar)).toBe(false); // julafton
    expect(isOfficeTime('2026-11-20T16:30:00+01:00', calendar, { start: '08:00', end: '17:00' })).toBe(true);
  });

  it('count only office time: Friday 15:50 + 3 h is Monday 10:50, an early report counts from 08:00', () => {
    const at = (iso: string, h: number) => addOfficeHours(iso, h, calendar).toISOString();
    expect(at('2026-11-20T15:50:00+01:00', 3)).toBe(new Date('2026-11-23T10:50:00+01:00').toISOString());
    expect(at('2026-11-19T07:00:00+01:00', 3)).toBe(new Date('2026-11-19T11:00:00+01:00').toISOString());
    expect(at('2026-11-19T09:15:00+01:00', 3)).toBe(new Date('2026-11-19T12:15:00+01:00').toISOString());
    // Christmas: 23 Dec 15:00 + 3 h → 1 h that day, then the next working day is 28 Dec.
    expect(at('2026-12-23T15:00:00+01:00', 3)).toBe(new Date('2026-12-28T10:00:00+01:00').toISOString());
  });

  it('last closed at the previous working day’s end, or today’s once it has passed', () => {
    const close = (iso: string) => lastOfficeClose(new Date(iso), calendar).toISOString();
    expect(close('2026-11-23T07:45:00+01:00')).toBe(new Date('2026-11-20T16:00:00+01:00').toISOString());
    expect(close('2026-11-23T16:30:00+01:00')).toBe(new Date('2026-11-23T16:00:00+01:00').toISOString());
  });
});
