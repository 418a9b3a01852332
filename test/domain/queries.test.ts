import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/domain/calendar.js';
import {
  dueWithin,
  firstNoContactDate,
  isAbsent,
  lastContacts,
  loadPerCaseworker,
  noContact,
  openCasesOf,
  overdue,
  unassigned,
} from '../../src/domain/queries.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import { aCase, ORG, STAFF } from './fixtures.js';

const cal = new Calendar({ eveHolidaysAreNonWorking: true });
const at = (s: string) => new Date(s);

describe('the Huddinge investigations, asked each morning', () => {
  // Three investigations opened 2020-12-14, unassigned for a month, no contact with the family.
  const huddinge = ['A', 'B', 'C'].map((x) =>
    aCase({
      id: `HUD-2020-${x}`,
      childRef: `B-2020-${x}`,
      receivedAt: '2020-12-08T10:00:00+01:00',
      phase: 'utredning',
      utredning: { openedOn: '2020-12-14', statutoryDeadline: '2021-04-14', deadline: '2021-04-14', extensions: [] },
    }),
  );

  it('lists them as unassigned on 2020-12-15 and counts their age in working days', () => {
    const u = unassigned(huddinge, at('2020-12-15T07:45:00+01:00'), cal);
    expect(u).toHaveLength(3);
    expect(u[0].age.workingDays).toBe(5); // 9, 10, 11, 14, 15 december
    expect(unassigned(huddinge, at('2021-01-13T07:45:00+01:00'), cal)[0].age.workingDays).toBe(21);
  });

  it('flags no contact with the family after 21 days, on 2021-01-04, not after three months', () => {
    expect(firstNoContactDate('2020-12-14', 21)).toBe('2021-01-04');
    expect(noContact(huddinge, at('2021-01-03T07:45:00+01:00'), 21)).toHaveLength(0);
    const flagged = noContact(huddinge, at('2021-01-04T07:45:00+01:00'), 21);
    expect(flagged).toHaveLength(3);
    expect(flagged[0].daysWithout).toBe(21);
  });

  it('does not count a reference call with the preschool as contact with the family', () => {
    const withCall = huddinge.map((c) => ({
      ...c,
      contacts: [
        { kind: 'other' as const, date: '2021-01-27', by: STAFF.anna.aadObjectId, at: '2021-01-27T10:00:00+01:00' },
      ],
    }));
    expect(noContact(withCall, at('2021-02-08T07:45:00+01:00'), 21)[0].daysWithout).toBe(56);
  });

  it('resets the count at a home visit and tells the last barnsamtal apart', () => {
    const visited = {
      ...huddinge[0],
      contacts: [
        { kind: 'hembesok' as const, date: '2021-01-20', by: STAFF.anna.aadObjectId, at: '2021-01-20T10:00:00+01:00' },
        {
          kind: 'barnsamtal' as const,
          date: '2021-01-10',
          childRef: 'B-2020-A',
          by: STAFF.anna.aadObjectId,
          at: '2021-01-10T10:00:00+01:00',
        },
      ],
    };
    expect(lastContacts(visited)).toEqual({ family: '2021-01-20', child: '2021-01-10' });
    expect(noContact([visited], at('2021-02-09T07:45:00+01:00'), 21)).toHaveLength(0);
    expect(noContact([visited], at('2021-02-10T07:45:00+01:00'), 21)).toHaveLength(1);
  });

  it('shows the 4-month deadline 2021-04-14 as soon, due and overdue in turn', () => {
    expect(
      dueWithin(huddinge, at('2021-04-09T07:45:00+02:00'), 3, DEFAULT_RULES, cal).map((d) => d.deadline.due),
    ).toContain('2021-04-14');
    expect(
      overdue(huddinge, at('2021-04-15T07:45:00+02:00'), DEFAULT_RULES, cal).filter(
        (d) => d.deadline.kind === 'utredning',
      ),
    ).toHaveLength(3);
  });
});

describe('lists of a group', () => {
  const cases = [
    aCase({
      id: 'C1',
      assignees: [STAFF.anna.aadObjectId],
      receivedAt: '2026-11-02T09:00:00+01:00',
      skyddsbedomning: {
        at: '2026-11-02T10:00:00+01:00',
        by: STAFF.anna.aadObjectId,
        immediateProtection: false,
        motivation: 'x',
      },
      phase: 'forhandsbedomning',
    }),
    aCase({ id: 'C2', assignees: [STAFF.anna.aadObjectId], receivedAt: '2026-11-19T09:00:00+01:00' }),
    aCase({ id: 'C3', assignees: [], receivedAt: '2026-11-20T09:00:00+01:00' }),
    aCase({ id: 'C4', assignees: [STAFF.bo.aadObjectId], phase: 'closed' }),
  ];
  const now = at('2026-11-20T12:00:00+01:00');

  it('finds overdue deadlines, oldest first', () => {
    const o = overdue(cases, now, DEFAULT_RULES, cal);
    expect(o.map((x) => [x.case.id, x.deadline.kind])).toEqual([
      ['C1', 'forhandsbedomning'],
      ['C2', 'skyddsbedomning'],
    ]);
    expect(overdue(cases, at('2026-11-17T08:00:00+01:00'), DEFAULT_RULES, cal).map((x) => x.case.id)).toEqual(['C1']);
  });

  it('finds deadlines within N working days', () => {
    const d = dueWithin(cases, now, 3, DEFAULT_RULES, cal);
    expect(d.map((x) => [x.case.id, x.deadline.kind])).toEqual([['C3', 'skyddsbedomning']]);
  });

  it("counts each caseworker's load against capacity and marks absence", () => {
    const absences = [
      {
        id: 'a',
        staffId: STAFF.bo.aadObjectId,
        kind: 'sick' as const,
        from: '2026-11-18',
        registeredBy: STAFF.karin.aadObjectId,
        registeredAt: '2026-11-18T08:00:00+01:00',
      },
    ];
    const load = loadPerCaseworker(cases, ORG, absences, now, 'barn-mottagning');
    expect(load.map((l) => [l.staff.name, l.open, l.capacity, l.absent])).toEqual([
      ['Anna Berg', 2, 8, false],
      ['Bo Lind', 0, 8, true],
    ]);
    const full = loadPerCaseworker(
      cases,
      { ...ORG, staff: ORG.staff.map((s) => (s.aadObjectId === STAFF.anna.aadObjectId ? { ...s, capacity: 2 } : s)) },
      [],
      now,
    );
    expect(full.find((l) => l.staff.name === 'Anna Berg')?.overCapacity).toBe(true);
  });

  it('lists the open cases of a person', () => {
    expect(openCasesOf(cases, STAFF.anna.aadObjectId).map((c) => c.id)).toEqual(['C1', 'C2']);
    expect(openCasesOf(cases, STAFF.bo.aadObjectId)).toEqual([]);
  });
});

describe('queries at the edges', () => {
  const contact = (kind: 'barnsamtal' | 'hembesok' | 'vardnadshavarmote' | 'other', date: string) => ({
    kind,
    date,
    by: STAFF.anna.aadObjectId,
    at: `${date}T10:00:00+01:00`,
  });
  const inv = (over: Partial<Parameters<typeof aCase>[0]> = {}) =>
    aCase({
      phase: 'utredning',
      utredning: { openedOn: '2026-11-02', statutoryDeadline: '2027-03-02', deadline: '2027-03-02', extensions: [] },
      ...over,
    });

  it('counts no-contact days from the opening when the last contact came before it, and ignores closed cases and other phases', () => {
    const before = inv({ contacts: [contact('hembesok', '2026-10-28')] });
    const [f] = noContact([before], at('2026-11-23T08:00:00+01:00'), 21);
    expect(f).toMatchObject({ daysWithout: 21, lastContact: '2026-10-28' });
    expect(
      noContact(
        [{ ...before, phase: 'closed' }, aCase({ phase: 'forhandsbedomning' })],
        at('2027-01-23T08:00:00+01:00'),
        21,
      ),
    ).toEqual([]);
  });

  it('counts a meeting with the guardians as family contact, and sorts the longest silence first', () => {
    const met = inv({ id: 'MET', contacts: [contact('vardnadshavarmote', '2026-11-10')] });
    const silent = inv({ id: 'SIL' });
    const list = noContact([met, silent], at('2026-12-05T08:00:00+01:00'), 21);
    expect(list.map((x) => [x.case.id, x.daysWithout])).toEqual([
      ['SIL', 33],
      ['MET', 25],
    ]);
    expect(list[1].lastChildContact).toBeUndefined();
  });

  it('counts Stockholm dates, so a late-evening clock does not flag a day early', () => {
    expect(noContact([inv()], at('2026-11-22T22:30:00Z'), 21)).toEqual([]); // 23:30 on the 22nd in Stockholm: 20 days
    expect(noContact([inv()], at('2026-11-22T23:30:00Z'), 21)).toHaveLength(1); // 00:30 on the 23rd
  });

  it('looks N working days ahead across a weekend and a holiday', () => {
    // Received 2026-12-17 → förhandsbedömning due 2026-12-31 (nyårsafton).
    const c = aCase({
      receivedAt: '2026-12-17T10:00:00+01:00',
      skyddsbedomning: {
        at: '2026-12-17T11:00:00+01:00',
        by: STAFF.anna.aadObjectId,
        immediateProtection: false,
        motivation: 'x',
      },
    });
    // From Wednesday 2026-12-23 the next working days are 28, 29, 30 december: 31 is beyond 3.
    expect(dueWithin([c], at('2026-12-23T08:00:00+01:00'), 3, DEFAULT_RULES, cal)).toEqual([]);
    expect(dueWithin([c], at('2026-12-23T08:00:00+01:00'), 4, DEFAULT_RULES, cal).map((d) => d.deadline.due)).toEqual([
      '2026-12-31',
    ]);
  });

  it('leaves closed cases out of the unassigned list', () => {
    expect(unassigned([aCase({ phase: 'closed' })], at('2026-11-30T08:00:00+01:00'), cal)).toEqual([]);
  });

  it('knows who is absent on a date, from the first to the last day, and not after the absence ended', () => {
    const a = {
      id: 'a',
      staffId: STAFF.bo.aadObjectId,
      kind: 'planned' as const,
      from: '2026-11-23',
      to: '2026-11-27',
      registeredBy: STAFF.bo.aadObjectId,
      registeredAt: '2026-11-01T08:00:00+01:00',
    };
    expect(
      ['2026-11-22', '2026-11-23', '2026-11-27', '2026-11-28'].map((d) => isAbsent([a], STAFF.bo.aadObjectId, d)),
    ).toEqual([false, true, true, false]);
    const ended = { ...a, endedAt: '2026-11-24T12:00:00+01:00' }; // back on the 24th: still absent on the 23rd in history
    expect(['2026-11-23', '2026-11-24', '2026-11-25'].map((d) => isAbsent([ended], STAFF.bo.aadObjectId, d))).toEqual([
      true,
      false,
      false,
    ]);
    expect(isAbsent([a], STAFF.anna.aadObjectId, '2026-11-24')).toBe(false);
  });
});
