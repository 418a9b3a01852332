import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/domain/calendar.js';
import { dueWithin, firstNoContactDate, lastContacts, loadPerCaseworker, noContact, openCasesOf, overdue, unassigned } from '../../src/domain/queries.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import { aCase, ORG, STAFF } from './fixtures.js';

const cal = new Calendar({ eveHolidaysAreNonWorking: true });
const at = (s: string) => new Date(s);

describe('the Huddinge investigations, asked each morning', () => {
  // Three investigations opened 2020-12-14, unassigned for a month, no contact with the family.
  const huddinge = ['A', 'B', 'C'].map((x) =>
    aCase({
      id: `HUD-2020-${x}`, childRef: `B-2020-${x}`, receivedAt: '2020-12-08T10:00:00+01:00', phase: 'utredning',
      utredning: { openedOn: '2020-12-14', statutoryDeadline: '2021-04-14', deadline: '2021-04-14', extensions: [] },
    }),
  );

  it('lists them as unassigned on 2020-12-15 and counts their age in working days', () => {
    const u = unassigned(huddinge, at('2020-12-15T07:45:00+01:00'), cal);
    expect(u).toHaveLength(3);
    expect(u[0].ageWorkingDays).toBe(5); // 9, 10, 11, 14, 15 december
    expect(unassigned(huddinge, at('2021-01-13T07:45:00+01:00'), cal)[0].ageWorkingDays).toBe(21);
  });

  it('flags no contact with the family after 21 days, on 2021-01-04, not after three months', () => {
    expect(firstNoContactDate('2020-12-14', 21)).toBe('2021-01-04');
    expect(noContact(huddinge, at('2021-01-03T07:45:00+01:00'), 21)).toHaveLength(0);
    const flagged = noContact(huddinge, at('2021-01-04T07:45:00+01:00'), 21);
    expect(flagged).toHaveLength(3);
    expect(flagged[0].daysWithout).toBe(21);
  });

  it('does not count a reference call with the preschool as contact with the family', () => {
    const withCall = huddinge.map((c) => ({ ...c, contacts: [{ kind: 'other' as const, date: '2021-01-27', by: STAFF.anna.aadObjectId, at: '2021-01-27T10:00:00+01:00' }] }));
    expect(noContact(withCall, at('2021-02-08T07:45:00+01:00'), 21)[0].daysWithout).toBe(56);
  });

  it('resets the count at a home visit and tells the last barnsamtal apart', () => {
    const visited = { ...huddinge[0], contacts: [
      { kind: 'hembesok' as const, date: '2021-01-20', by: STAFF.anna.aadObjectId, at: '2021-01-20T10:00:00+01:00' },
      { kind: 'barnsamtal' as const, date: '2021-01-10', childRef: 'B-2020-A', by: STAFF.anna.aadObjectId, at: '2021-01-10T10:00:00+01:00' },
    ] };
    expect(lastContacts(visited)).toEqual({ family: '2021-01-20', child: '2021-01-10' });
    expect(noContact([visited], at('2021-02-09T07:45:00+01:00'), 21)).toHaveLength(0);
    expect(noContact([visited], at('2021-02-10T07:45:00+01:00'), 21)).toHaveLength(1);
  });

  it('shows the 4-month deadline 2021-04-14 as soon, due and overdue in turn', () => {
    expect(dueWithin(huddinge, at('2021-04-09T07:45:00+02:00'), 3, DEFAULT_RULES, cal).map((d) => d.deadline.due)).toContain('2021-04-14');
    expect(overdue(huddinge, at('2021-04-15T07:45:00+02:00'), DEFAULT_RULES, cal).filter((d) => d.deadline.kind === 'utredning')).toHaveLength(3);
  });
});

describe('lists of a group', () => {
  const cases = [
    aCase({ id: 'C1', assignees: [STAFF.anna.aadObjectId], receivedAt: '2026-11-02T09:00:00+01:00', skyddsbedomning: { at: '2026-11-02T10:00:00+01:00', by: STAFF.anna.aadObjectId, immediateProtection: false, motivation: 'x' }, phase: 'forhandsbedomning' }),
    aCase({ id: 'C2', assignees: [STAFF.anna.aadObjectId], receivedAt: '2026-11-19T09:00:00+01:00' }),
    aCase({ id: 'C3', assignees: [], receivedAt: '2026-11-20T09:00:00+01:00' }),
    aCase({ id: 'C4', assignees: [STAFF.bo.aadObjectId], phase: 'closed' }),
  ];
  const now = at('2026-11-20T12:00:00+01:00');

  it('finds overdue deadlines, oldest first', () => {
    const o = overdue(cases, now, DEFAULT_RULES, cal);
    expect(o.map((x) => [x.case.id, x.deadline.kind])).toEqual([['C1', 'forhandsbedomning'], ['C2', 'skyddsbedomning']]);
    expect(overdue(cases, at('2026-11-17T08:00:00+01:00'), DEFAULT_RULES, cal).map((x) => x.case.id)).toEqual(['C1']);
  });

  it('finds deadlines within N working days', () => {
    const d = dueWithin(cases, now, 3, DEFAULT_RULES, cal);
    expect(d.map((x) => [x.case.id, x.deadline.kind])).toEqual([['C3', 'skyddsbedomning']]);
  });

  it('counts each caseworker\'s load against capacity and marks absence', () => {
    const absences = [{ id: 'a', staffId: STAFF.bo.aadObjectId, kind: 'sick' as const, from: '2026-11-18', registeredBy: STAFF.karin.aadObjectId, registeredAt: '2026-11-18T08:00:00+01:00' }];
    const load = loadPerCaseworker(cases, ORG, absences, now, 'barn-mottagning');
    expect(load.map((l) => [l.staff.name, l.open, l.capacity, l.absent])).toEqual([
      ['Anna Berg', 2, 8, false],
      ['Bo Lind', 0, 8, true],
    ]);
    const full = loadPerCaseworker(cases, { ...ORG, staff: ORG.staff.map((s) => (s.aadObjectId === STAFF.anna.aadObjectId ? { ...s, capacity: 2 } : s)) }, [], now);
    expect(full.find((l) => l.staff.name === 'Anna Berg')?.overCapacity).toBe(true);
  });

  it('lists the open cases of a person', () => {
    expect(openCasesOf(cases, STAFF.anna.aadObjectId).map((c) => c.id)).toEqual(['C1', 'C2']);
    expect(openCasesOf(cases, STAFF.bo.aadObjectId)).toEqual([]);
  });
});
