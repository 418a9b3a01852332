// A realistic handover for card tests and the PNG in docs/: a caseworker with n open cases in
// different phases, some handed over, some with a status, one overdue. Synthetic references only.
import { Calendar } from '../../src/domain/calendar.js';
import { activate, newHandover, recordNewOwner, type Handover } from '../../src/domain/handover.js';
import { entryStates } from '../../src/domain/handoverProgress.js';
import { tick, writeStatus } from '../../src/domain/handoverCommands.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import type { Case, Staff } from '../../src/domain/schemas.js';
import { actorOf } from '../support/synthetic.js';
import { addDays } from '../../src/domain/time.js';
import type { HandoverCardInput } from '../../src/views/handoverChecklist.js';

export const NOW = new Date('2026-11-24T10:15:00+01:00');
const calendar = new Calendar({ eveHolidaysAreNonWorking: true });

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
export const STAFF: Staff[] = [
  { aadObjectId: id(1), name: 'Anna Berg', role: 'caseworker', groups: ['barn-utredning-1'], capacity: 8 },
  { aadObjectId: id(2), name: 'Bo Lindqvist', role: 'caseworker', groups: ['barn-utredning-1'], capacity: 8 },
  { aadObjectId: id(3), name: 'Cecilia Ström', role: 'caseworker', groups: ['barn-utredning-1'], capacity: 7 },
  { aadObjectId: id(4), name: 'David Nyström', role: 'caseworker', groups: ['barn-utredning-1'], capacity: 8 },
  { aadObjectId: id(5), name: 'Elin Åkesson', role: 'caseworker', groups: ['barn-utredning-1'], capacity: 6 },
  { aadObjectId: id(6), name: 'Fredrik Sjöberg', role: 'caseworker', groups: ['barn-utredning-1'], capacity: 6 },
  { aadObjectId: id(7), name: 'Gunilla Hedlund', role: 'caseworker', groups: ['barn-utredning-1'], capacity: 5 },
  { aadObjectId: id(21), name: 'Per Wallin', role: 'team_lead', groups: ['barn-utredning-1'] },
];
const [anna, bo, cecilia, david] = STAFF;
const per = STAFF[7];
const actor = actorOf;

function caseNo(i: number, received: string): Case {
  const investigation = i % 3 !== 1;
  const openedOn = addDays(received.slice(0, 10), 12);
  return {
    id: `IFO-2026-${String(4100 + i).padStart(6, '0')}`,
    version: 3,
    groupId: 'barn-utredning-1',
    childRef: `B-2026-${String(700 + i)}`,
    receivedAt: received,
    reporter: { type: i % 2 ? 'school' : 'preschool', professional: true },
    concerns: ['neglect'],
    phase: investigation ? 'utredning' : 'forhandsbedomning',
    assignees: [anna.aadObjectId],
    contacts: [],
    linkedCaseIds: [],
    skyddsbedomning: {
      at: received,
      by: anna.aadObjectId,
      immediateProtection: false,
      motivation: 'Inget akut skyddsbehov.',
    },
    ...(investigation
      ? {
          forhandsbedomning: {
            decidedAt: `${openedOn}T10:00:00+01:00`,
            by: per.aadObjectId,
            outcome: 'open' as const,
            motivation: 'Utredning inleds.',
          },
          utredning: {
            openedOn,
            statutoryDeadline: addDays(openedOn, 120),
            deadline: addDays(openedOn, 120),
            extensions: [],
          },
        }
      : {}),
    createdAt: received,
    updatedAt: received,
    updatedBy: anna.aadObjectId,
  };
}

/** n open cases of Anna, with the first five given to colleagues, statuses on two, ticks on three. */
export function handoverFixture(n = 9): { input: HandoverCardInput; cases: Case[]; handover: Handover } {
  const cases: Case[] = [];
  for (let i = 0; i < n; i++) {
    // Investigations opened over the last months; förhandsbedömningar received in the last two weeks (one overdue).
    const daysAgo = i % 3 === 1 ? [15, 8, 4][Math.floor(i / 3) % 3] + Math.floor(i / 9) : 130 - ((i * 37) % 110);
    cases.push(caseNo(i, `${addDays('2026-11-24', -daysAgo)}T09:00:00+01:00`));
  }
  let h = activate(
    newHandover(
      {
        id: 'abs-anna-2026-11-23',
        staffId: anna.aadObjectId,
        kind: 'sick',
        from: '2026-11-23',
        registeredBy: per.aadObjectId,
        registeredAt: '2026-11-23T08:10:00+01:00',
      },
      ['barn-utredning-1'],
      '2026-11-23',
      3,
      calendar,
      per.aadObjectId,
      new Date('2026-11-23T08:10:00+01:00'),
    ),
    cases,
    new Date('2026-11-23T08:10:00+01:00'),
  );
  const owners = [bo, cecilia, david, bo, cecilia];
  cases.slice(0, Math.min(5, n)).forEach((c, i) => {
    c.assignees = [owners[i].aadObjectId];
    h = recordNewOwner(h, c.id, owners[i].aadObjectId, new Date('2026-11-23T11:00:00+01:00'));
  });
  const step = (d: ReturnType<typeof tick>) => {
    if (!d.ok) throw new Error(d.message);
    h = d.state;
  };
  for (const c of cases.slice(0, Math.min(3, n))) {
    const o = STAFF.find((s) => s.aadObjectId === c.assignees[0])!;
    step(tick(h, c.id, 'deadlinesChecked', true, c, actor(o), NOW));
    step(tick(h, c.id, 'meetingsMoved', true, c, actor(o), NOW));
  }
  if (n > 0) {
    step(tick(h, cases[0].id, 'familyInformed', true, cases[0], actor(bo), NOW));
    step(
      writeStatus(
        h,
        cases[0].id,
        'Barnsamtal hållet 2026-11-12. Hembesök bokat till torsdag; skolan återkommer om frånvaron.',
        cases[0],
        actor(bo),
        NOW,
      ),
    );
  }
  if (n > 1)
    step(
      writeStatus(
        h,
        cases[1].id,
        'Referenssamtal med förskolan gjort. Inga kontakter med vårdnadshavare än.',
        cases[1],
        actor(cecilia),
        NOW,
      ),
    );
  const byId = new Map(cases.map((c) => [c.id, c]));
  const load = (s: Staff) => cases.filter((c) => c.assignees.includes(s.aadObjectId)).length;
  return {
    cases,
    handover: h,
    input: {
      handover: h,
      states: entryStates(h, (x) => byId.get(x), DEFAULT_RULES),
      now: NOW,
      calendar,
      nameOf: (x) => STAFF.find((s) => s.aadObjectId === x)?.name ?? 'okänd person',
      choicesFor: () =>
        STAFF.filter((s) => s.role === 'caseworker' && s !== anna).map((s) => ({
          title: `${s.name} (${load(s) + 4}/${s.capacity})`,
          value: s.aadObjectId,
        })),
    },
  };
}
