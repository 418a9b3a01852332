// The handover checklist, with fixed clocks: what is late when, who hears of it, who may tick.
import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/domain/calendar.js';
import {
  activate,
  assigneesAfterHandBack,
  assigneesAfterHandover,
  currentNewOwner,
  handoverStartsOn,
  markReturned,
  newHandover,
  recordNewOwner,
  type Handover,
} from '../../src/domain/handover.js';
import { entryStates, escalationChain, lateness, progress, responsibleFor } from '../../src/domain/handoverProgress.js';
import { markHandedBack, tick, writeStatus } from '../../src/domain/handoverCommands.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import type { Absence, Case, Organisation } from '../../src/domain/schemas.js';
import { syntheticPersonnummer } from '../support/synthetic.js';
import { actor, aCase, ORG, STAFF } from './fixtures.js';

const cal = new Calendar({ eveHolidaysAreNonWorking: true });
const ANNA = STAFF.anna.aadObjectId;
const MONDAY = new Date('2026-11-23T09:30:00+01:00');
const at = (iso: string) => new Date(iso);

const sick = (over: Partial<Absence> = {}): Absence => ({
  id: 'abs-1',
  staffId: ANNA,
  kind: 'sick',
  from: '2026-11-23',
  registeredBy: STAFF.karin.aadObjectId,
  registeredAt: MONDAY.toISOString(),
  ...over,
});

/** Three open cases of Anna: one förhandsbedömning due soon, one later, one investigation due first. */
function annasCases(): Case[] {
  return [
    aCase({
      id: 'IFO-2026-000101',
      phase: 'forhandsbedomning',
      assignees: [ANNA],
      receivedAt: '2026-11-16T10:00:00+01:00',
      skyddsbedomning: {
        at: '2026-11-16T11:00:00+01:00',
        by: ANNA,
        immediateProtection: false,
        motivation: 'Inget akut.',
      },
    }),
    aCase({
      id: 'IFO-2026-000102',
      phase: 'forhandsbedomning',
      assignees: [ANNA],
      receivedAt: '2026-11-20T10:00:00+01:00',
      skyddsbedomning: {
        at: '2026-11-20T11:00:00+01:00',
        by: ANNA,
        immediateProtection: false,
        motivation: 'Inget akut.',
      },
    }),
    aCase({
      id: 'IFO-2026-000103',
      phase: 'utredning',
      assignees: [ANNA, STAFF.bo.aadObjectId],
      receivedAt: '2026-07-01T10:00:00+02:00',
      skyddsbedomning: {
        at: '2026-07-01T11:00:00+02:00',
        by: ANNA,
        immediateProtection: false,
        motivation: 'Inget akut.',
      },
      forhandsbedomning: {
        decidedAt: '2026-07-10T10:00:00+02:00',
        by: STAFF.karin.aadObjectId,
        outcome: 'open',
        motivation: 'Utredning inleds.',
      },
      utredning: { openedOn: '2026-07-27', statutoryDeadline: '2026-11-27', deadline: '2026-11-27', extensions: [] },
    }),
  ];
}

function started(now = MONDAY, cases = annasCases()): { h: Handover; cases: Case[] } {
  const h = activate(
    newHandover(sick(), ['barn-mottagning'], '2026-11-23', 3, cal, STAFF.karin.aadObjectId, now),
    cases,
    now,
  );
  return { h, cases };
}

const lookup = (cases: Case[]) => (id: string) => cases.find((c) => c.id === id);

describe('when the checklist is posted', () => {
  it('is posted at once for an absence that has started', () => {
    expect(handoverStartsOn('2026-11-23', '2026-11-23', 3, cal)).toBe('2026-11-23');
    expect(handoverStartsOn('2026-11-20', '2026-11-23', 3, cal)).toBe('2026-11-23');
  });

  it('is posted three working days before planned leave, skipping the weekend', () => {
    // Leave from Monday 7 December: Wednesday 2 December.
    expect(handoverStartsOn('2026-12-07', '2026-11-23', 3, cal)).toBe('2026-12-02');
  });

  it('is posted today when planned leave starts sooner than the lead time', () => {
    expect(handoverStartsOn('2026-11-24', '2026-11-23', 3, cal)).toBe('2026-11-23');
  });
});

describe('the checklist of an absent caseworker', () => {
  it('lists every open case, the most urgent first, and counts progress', () => {
    const { h, cases } = started();
    const states = entryStates(h, lookup(cases), DEFAULT_RULES);
    // The investigation is due 27 Nov, the förhandsbedömningar 30 Nov and 4 Dec.
    expect(states.map((s) => s.caseId)).toEqual(['IFO-2026-000103', 'IFO-2026-000101', 'IFO-2026-000102']);
    // The co-owned investigation has Bo on it, but a co-investigator who merely remains is not a new
    // owner: the team lead must name a replacement or decide Bo carries it alone (docs/handover.md).
    expect(states.map((s) => s.steps.newOwnerNamed)).toEqual([false, false, false]);
    expect(states[0].case?.assignees).toContain(STAFF.bo.aadObjectId);
    expect(progress(states).text).toBe('0 av 3 ärenden överlämnade · 0 av 3 har ny handläggare'); // One case: "0 av 1 ärende", not "0 av 1 ärenden".
    expect(progress(states.slice(0, 1)).text).toBe('0 av 1 ärende överlämnade · 0 av 1 har ny handläggare');
  });

  it('counts a case as handed over when all five steps are done', () => {
    const { h: h0, cases } = started();
    cases[1] = { ...cases[1], assignees: [STAFF.bo.aadObjectId] };
    let h = recordNewOwner(h0, 'IFO-2026-000102', STAFF.bo.aadObjectId, MONDAY);
    for (const item of ['deadlinesChecked', 'meetingsMoved', 'familyInformed'] as const) {
      const d = tick(h, 'IFO-2026-000102', item, true, cases[1], actor(STAFF.bo), MONDAY);
      if (!d.ok) throw new Error(d.message);
      h = d.state;
    }
    const w = writeStatus(
      h,
      'IFO-2026-000102',
      'Samtal med förskolan bokat till torsdag.',
      cases[1],
      actor(STAFF.bo),
      MONDAY,
    );
    if (!w.ok) throw new Error(w.message);
    const p = progress(entryStates(w.state, lookup(cases), DEFAULT_RULES));
    expect(p.handedOver).toBe(1);
    // 000102 only: the co-owned investigation still waits for the team lead's decision.
    expect(p.text).toBe('1 av 3 ärenden överlämnade · 1 av 3 har ny handläggare');
  });
});

describe('a co-owned case (two investigators)', () => {
  const BO = STAFF.bo.aadObjectId;
  const CILLA = STAFF.cilla.aadObjectId;
  const co = (h: Handover) => h.entries.find((e) => e.caseId === 'IFO-2026-000103')!;

  it('remembers the co-investigator when the list is posted, and counts only an explicit decision as the new owner', () => {
    const { h, cases } = started();
    expect(co(h).coOwners).toEqual([BO]);
    const c = cases[2];
    expect(currentNewOwner(h, co(h), c)).toBeUndefined();
    // A replacement named (from the list or the case card) in Anna's place.
    expect(currentNewOwner(h, co(h), { ...c, assignees: [CILLA, BO] })).toBe(CILLA);
    // Anna taken off the case, Bo left alone: the decision that Bo carries it.
    expect(currentNewOwner(h, co(h), { ...c, assignees: [BO] })).toBe(BO);
    // Bo named from the list ("fortsätter ensam").
    const named = recordNewOwner(h, c.id, BO, MONDAY);
    expect(currentNewOwner(named, co(named), { ...c, assignees: [BO] })).toBe(BO);
  });

  it('lets the named stand-in tick, the co-investigator write a status but not tick, and gives the case back beside the co-investigator', () => {
    const { h, cases } = started();
    const c = { ...cases[2], assignees: [CILLA, BO] };
    const cilla = { id: CILLA, name: 'Cilla Ström', role: 'caseworker' as const, groups: ['barn-mottagning'] };
    expect(tick(h, c.id, 'deadlinesChecked', true, c, cilla, MONDAY)).toMatchObject({ ok: true });
    expect(tick(h, c.id, 'deadlinesChecked', true, c, actor(STAFF.bo), MONDAY)).toMatchObject({ code: 'forbidden' });
    expect(writeStatus(h, c.id, 'Hembesök bokat.', c, actor(STAFF.bo), MONDAY)).toMatchObject({ ok: true });
    expect(assigneesAfterHandBack(c, ANNA, CILLA, [BO])).toEqual([ANNA, BO]);
    expect(assigneesAfterHandBack({ ...c, assignees: [BO] }, ANNA, BO, [BO])).toEqual([ANNA, BO]);
  });
});

describe('what is late', () => {
  const state = (h: Handover, cases: Case[], id: string) =>
    entryStates(h, lookup(cases), DEFAULT_RULES).find((s) => s.caseId === id)!;
  const entry = (h: Handover, id: string) => h.entries.find((e) => e.caseId === id)!;

  it('a case without a new owner is escalated on the next working morning, not the same day', () => {
    const { h, cases } = started();
    const s = state(h, cases, 'IFO-2026-000101');
    expect(lateness(h, s, entry(h, s.caseId), at('2026-11-23T16:00:00+01:00'), cal)).toBe('none');
    expect(lateness(h, s, entry(h, s.caseId), at('2026-11-24T07:45:00+01:00'), cal)).toBe('noOwner');
  });

  it('over a weekend the next working morning is Monday', () => {
    const friday = at('2026-11-27T10:00:00+01:00');
    const { h, cases } = started(friday);
    const s = state(h, cases, 'IFO-2026-000101');
    expect(lateness(h, s, entry(h, s.caseId), at('2026-11-29T08:00:00+01:00'), cal)).toBe('none');
    expect(lateness(h, s, entry(h, s.caseId), at('2026-11-30T07:45:00+01:00'), cal)).toBe('noOwner');
  });

  it('over Christmas the next working morning is after the holidays', () => {
    const { h, cases } = started(at('2026-12-23T10:00:00+01:00'));
    const s = state(h, cases, 'IFO-2026-000101');
    expect(lateness(h, s, entry(h, s.caseId), at('2026-12-24T08:00:00+01:00'), cal)).toBe('none');
    expect(lateness(h, s, entry(h, s.caseId), at('2026-12-28T07:45:00+01:00'), cal)).toBe('noOwner');
  });

  it('a new owner without a written status is flagged after two working days', () => {
    const { h: h0, cases } = started();
    cases[0] = { ...cases[0], assignees: [STAFF.bo.aadObjectId] };
    const h = recordNewOwner(h0, cases[0].id, STAFF.bo.aadObjectId, MONDAY);
    const s = state(h, cases, cases[0].id);
    expect(lateness(h, s, entry(h, s.caseId), at('2026-11-24T07:45:00+01:00'), cal)).toBe('none');
    expect(lateness(h, s, entry(h, s.caseId), at('2026-11-25T07:45:00+01:00'), cal)).toBe('noStatus');
    const w = writeStatus(
      h,
      cases[0].id,
      'Hembesök bokat.',
      cases[0],
      actor(STAFF.bo),
      at('2026-11-25T09:00:00+01:00'),
    );
    if (!w.ok) throw new Error(w.message);
    const s2 = state(w.state, cases, cases[0].id);
    expect(lateness(w.state, s2, entry(w.state, s2.caseId), at('2026-11-26T07:45:00+01:00'), cal)).toBe('none');
  });

  it('nothing is late once the person is back', () => {
    const { h: h0, cases } = started();
    const h = markReturned(h0, MONDAY);
    const s = state(h, cases, 'IFO-2026-000101');
    expect(lateness(h, s, entry(h, s.caseId), at('2026-11-30T07:45:00+01:00'), cal)).toBe('none');
  });
});

describe('who hears of it (two at once: the team lead is away too)', () => {
  const maja = {
    aadObjectId: '00000000-0000-4000-8000-000000000012',
    name: 'Maja Lind',
    role: 'team_lead' as const,
    groups: ['barn-mottagning'],
  };
  const withMaja: Organisation = { ...ORG, staff: [...ORG.staff, maja] };
  const handover = { staffId: ANNA, groupIds: ['barn-mottagning'] };

  it('goes to the team leads of the group, then the unit manager', () => {
    expect(escalationChain(withMaja, [], handover, '2026-11-24')).toEqual([
      STAFF.karin.aadObjectId,
      maja.aadObjectId,
      STAFF.lars.aadObjectId,
    ]);
    expect(responsibleFor(withMaja, [], handover, '2026-11-24')).toEqual([STAFF.karin.aadObjectId, maja.aadObjectId]);
  });

  it('skips a team lead who is absent, leaving the other team lead and the unit manager', () => {
    const karinSick = sick({ id: 'abs-2', staffId: STAFF.karin.aadObjectId, from: '2026-11-24' });
    expect(escalationChain(withMaja, [karinSick], handover, '2026-11-24')).toEqual([
      maja.aadObjectId,
      STAFF.lars.aadObjectId,
    ]);
    expect(responsibleFor(withMaja, [karinSick], handover, '2026-11-24')).toEqual([maja.aadObjectId]);
  });

  it('goes to the unit manager alone when every team lead of the group is away', () => {
    const karinSick = sick({ id: 'abs-2', staffId: STAFF.karin.aadObjectId, from: '2026-11-24' });
    expect(escalationChain(ORG, [karinSick], handover, '2026-11-24')).toEqual([STAFF.lars.aadObjectId]);
    expect(responsibleFor(ORG, [karinSick], handover, '2026-11-24')).toEqual([STAFF.lars.aadObjectId]);
    // Karin is back on the 25th (her absence ended): she is on the chain again.
    expect(escalationChain(ORG, [{ ...karinSick, to: '2026-11-24' }], handover, '2026-11-25')).toContain(
      STAFF.karin.aadObjectId,
    );
  });
});

describe('ticking and writing', () => {
  it('lets the new owner and a team lead tick, not another caseworker', () => {
    const { h, cases } = started();
    const c = { ...cases[1], assignees: [STAFF.bo.aadObjectId] };
    expect(tick(h, c.id, 'deadlinesChecked', true, c, actor(STAFF.bo), MONDAY).ok).toBe(true);
    expect(tick(h, c.id, 'deadlinesChecked', true, c, actor(STAFF.karin), MONDAY).ok).toBe(true);
    const refused = tick(h, c.id, 'deadlinesChecked', true, c, actor(STAFF.cilla), MONDAY);
    expect(refused).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('refuses a status with a personnummer and keeps every earlier note', () => {
    const { h, cases } = started();
    const c = cases[0];
    // A check-digit-valid personnummer built here (synthetic: 2010-05-05, serial 123).
    const pnr = syntheticPersonnummer('100505123');
    const bad = writeStatus(h, c.id, `Barnet ${pnr} har inte träffats.`, c, actor(STAFF.karin), MONDAY);
    expect(bad).toMatchObject({ ok: false, code: 'invalid' });
    const first = writeStatus(h, c.id, 'Inget akut enligt handläggaren.', c, actor(STAFF.anna), MONDAY);
    if (!first.ok) throw new Error(first.message);
    const second = writeStatus(
      first.state,
      c.id,
      'Två kontakter återstår: förskolan och skolkuratorn.',
      c,
      actor(STAFF.karin),
      at('2026-11-24T10:00:00+01:00'),
    );
    if (!second.ok) throw new Error(second.message);
    const notes = second.state.entries.find((e) => e.caseId === c.id)!.notes;
    expect(notes.map((n) => n.text)).toEqual([
      'Inget akut enligt handläggaren.',
      'Två kontakter återstår: förskolan och skolkuratorn.',
    ]);
    expect(writeStatus(h, c.id, '   ', c, actor(STAFF.karin), MONDAY)).toMatchObject({ ok: false, code: 'invalid' });
  });

  it('hands a case back only after the person is back, and only once', () => {
    const { h, cases } = started();
    expect(markHandedBack(h, cases[0].id, actor(STAFF.karin), MONDAY)).toMatchObject({ ok: false, code: 'invalid' });
    const back = markReturned(h, MONDAY);
    const once = markHandedBack(back, cases[0].id, actor(STAFF.karin), MONDAY);
    if (!once.ok) throw new Error(once.message);
    expect(markHandedBack(once.state, cases[0].id, actor(STAFF.karin), MONDAY)).toMatchObject({ ok: false });
    expect(markHandedBack(back, cases[0].id, actor(STAFF.bo), MONDAY)).toMatchObject({ ok: false, code: 'forbidden' });
  });
});

describe('owners before and after', () => {
  it('replaces only the absent person, keeping a co-owner', () => {
    const c = aCase({ assignees: [ANNA, STAFF.bo.aadObjectId] });
    expect(assigneesAfterHandover(c, ANNA, STAFF.cilla.aadObjectId)).toEqual([
      STAFF.cilla.aadObjectId,
      STAFF.bo.aadObjectId,
    ]);
    expect(assigneesAfterHandover(aCase({ assignees: [ANNA] }), ANNA, STAFF.bo.aadObjectId)).toEqual([
      STAFF.bo.aadObjectId,
    ]);
  });

  it('gives the case back to the returned person in the stand-in’s place', () => {
    const c = aCase({ assignees: [STAFF.cilla.aadObjectId, STAFF.bo.aadObjectId] });
    expect(assigneesAfterHandBack(c, ANNA, STAFF.cilla.aadObjectId)).toEqual([ANNA, STAFF.bo.aadObjectId]);
    expect(assigneesAfterHandBack(aCase({ assignees: [ANNA] }), ANNA, undefined)).toEqual([ANNA]);
  });
});
