// The Huddinge timeline of docs/domain.md replayed through the commands and the queries, with fixed clocks:
// what the bot would have said on each date.
import { describe, expect, it } from 'vitest';
import { decideAbsence, decideCase, type CaseIntent } from '../../src/domain/commands.js';
import { deadlinesOf, deadlineStatus } from '../../src/domain/deadlines.js';
import { isAbsent, loadPerCaseworker, noContact, openCasesOf, overdue, unassigned } from '../../src/domain/queries.js';
import type { Absence, Actor, Case } from '../../src/domain/schemas.js';
import { actor, ctx, report, STAFF, SYSTEM } from './fixtures.js';

const at = (s: string) => new Date(s);
const CHILDREN = ['B-2020-0001', 'B-2020-0002', 'B-2020-0003'];

function apply(c: Case | undefined, intent: CaseIntent, who: Actor, now: Date, absences: Absence[] = []): Case {
  const d = decideCase(ctx(absences), c, intent, who, now);
  if (!d.ok) throw new Error(`${intent.type} refused: ${d.message}`);
  return d.state;
}

describe('Huddinge 2020–2021, replayed', () => {
  const lead = actor(STAFF.karin);
  // 2020-12-08: anmälan from the preschool, skyddsbedömning the same day.
  let cases = CHILDREN.map((childRef, i) => {
    const received = apply(
      undefined,
      {
        type: 'registerReport',
        report: report({ externalId: `HUD-2020-00${i + 1}`, childRef, receivedAt: '2020-12-08T09:30:00+01:00' }),
      },
      SYSTEM,
      at('2020-12-08T09:31:00+01:00'),
    );
    return apply(
      received,
      { type: 'recordSkyddsbedomning', immediateProtection: false, motivation: 'Inget omedelbart skyddsbehov.' },
      lead,
      at('2020-12-08T14:00:00+01:00'),
    );
  });
  // 2020-12-14: three investigations opened, nobody named.
  cases = cases.map((c) =>
    apply(
      c,
      { type: 'decideForhandsbedomning', outcome: 'open', motivation: 'Märken i ansiktet, hög frånvaro.' },
      lead,
      at('2020-12-14T15:00:00+01:00'),
    ),
  );

  it('opens the investigations on 2020-12-14 with the 4-month deadline 2021-04-14', () => {
    for (const c of cases) {
      expect(c.phase).toBe('utredning');
      expect(c.utredning).toMatchObject({
        openedOn: '2020-12-14',
        statutoryDeadline: '2021-04-14',
        deadline: '2021-04-14',
      });
      // Decided before 2026-01-15 and with no request recorded: no återkoppling deadline (19 kap. 6 §).
      expect(c.aterkoppling).toBeUndefined();
    }
  });

  it('says on the morning of 2020-12-15: three unassigned investigations, and keeps saying it until 2021-01-13', () => {
    expect(
      unassigned(cases, at('2020-12-15T07:45:00+01:00'), ctx().calendar).map((u) => [u.case.id, u.age.workingDays]),
    ).toEqual([
      ['HUD-2020-001', 5],
      ['HUD-2020-002', 5],
      ['HUD-2020-003', 5],
    ]);
    expect(unassigned(cases, at('2021-01-12T07:45:00+01:00'), ctx().calendar)[0].age.workingDays).toBe(20);
  });

  it('flags no contact with the family from 2021-01-04 with the 21-day default, not on 2021-01-03', () => {
    expect(noContact(cases, at('2021-01-03T07:45:00+01:00'), ctx().rules.noContactDays)).toEqual([]);
    const flagged = noContact(cases, at('2021-01-04T07:45:00+01:00'), ctx().rules.noContactDays);
    expect(flagged.map((f) => [f.case.id, f.daysWithout])).toEqual([
      ['HUD-2020-001', 21],
      ['HUD-2020-002', 21],
      ['HUD-2020-003', 21],
    ]);
  });

  it('after the assignment and the reference call with the preschool, still flags them; on 2021-02-08 the sick caseworker has three open cases', () => {
    const assigned = cases.map((c) =>
      apply(c, { type: 'assign', assignees: [STAFF.anna.aadObjectId] }, lead, at('2021-01-13T10:00:00+01:00')),
    );
    const called = assigned.map((c) =>
      apply(
        c,
        { type: 'recordContact', kind: 'other', date: '2021-01-27', note: 'Referenssamtal med förskolan.' },
        actor(STAFF.anna),
        at('2021-01-27T16:00:00+01:00'),
      ),
    );
    expect(unassigned(called, at('2021-01-14T07:45:00+01:00'), ctx().calendar)).toEqual([]);
    const feb8 = at('2021-02-08T07:45:00+01:00');
    expect(noContact(called, feb8, 21).map((f) => f.daysWithout)).toEqual([56, 56, 56]);
    const sick = decideAbsence(
      ctx(),
      { type: 'registerAbsence', staffId: STAFF.anna.aadObjectId, kind: 'sick', from: '2021-02-08' },
      lead,
      feb8,
    );
    if (!sick.ok) throw new Error(sick.message);
    expect(isAbsent([sick.state], STAFF.anna.aadObjectId, '2021-02-08')).toBe(true);
    expect(openCasesOf(called, STAFF.anna.aadObjectId).map((c) => c.id)).toEqual([
      'HUD-2020-001',
      'HUD-2020-002',
      'HUD-2020-003',
    ]);
    const load = loadPerCaseworker(called, ctx().org, [sick.state], feb8, 'barn-mottagning');
    expect(load.find((l) => l.staff.aadObjectId === STAFF.anna.aadObjectId)).toMatchObject({
      open: 3,
      utredningar: 3,
      absent: true,
    });
    // Nobody can hand the cases to her while she is away.
    const refused = decideCase(
      ctx([sick.state]),
      cases[0],
      { type: 'assign', assignees: [STAFF.anna.aadObjectId] },
      lead,
      feb8,
    );
    expect(refused.ok ? 'ok' : refused.message).toMatch(/frånvarande i dag/);
  });

  it('shows the deadline 2021-04-14: soon on the Friday before, due that day, overdue the next, and never moved', () => {
    const u = deadlinesOf(cases[0], ctx().rules).find((d) => d.kind === 'utredning')!;
    const cal = ctx().calendar;
    expect(deadlineStatus(u, at('2021-04-09T07:45:00+02:00'), cal)).toBe('soon');
    expect(deadlineStatus(u, at('2021-04-14T07:45:00+02:00'), cal)).toBe('due_today');
    expect(deadlineStatus(u, at('2021-04-15T07:45:00+02:00'), cal)).toBe('overdue');
    expect(
      overdue(cases, at('2021-04-15T07:45:00+02:00'), ctx().rules, cal).filter((o) => o.deadline.kind === 'utredning'),
    ).toHaveLength(3);
  });
});
