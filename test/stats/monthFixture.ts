// A hand-made November 2026 with known answers (test/stats/figures.test.ts works every share out by
// hand from these dates). Synthetic references; the staff are the fixture unit's.
import type { Case, Contact, Extension } from '../../src/domain/schemas.js';
import { aCase, STAFF } from '../domain/fixtures.js';

export const NOW = new Date('2026-12-10T08:00:00+01:00'); // Thursday after the month
const lead = STAFF.karin.aadObjectId;
const anna = STAFF.anna.aadObjectId;
const cilla = STAFF.cilla.aadObjectId;
const at = (d: string) => `${d}T10:00:00+01:00`;

const skydd = (on: string) => ({ at: at(on), by: anna, immediateProtection: false, motivation: 'm', decidedOn: on });
const forhand = (on: string, late = false) => ({
  decidedAt: at(on),
  by: lead,
  outcome: 'not_open' as const,
  motivation: 'm',
  decidedOn: on,
  ...(late ? { late } : {}),
});
const contact = (kind: Contact['kind'], date: string): Contact => ({ kind, date, by: cilla, at: at(date) });
const ext = (decidedOn: string, previousDeadline: string, newDeadline: string, overrun = false): Extension => ({
  at: at(decidedOn),
  by: lead,
  previousDeadline,
  newDeadline,
  reason: 'r',
  decidedOn,
  ...(overrun ? { overrun } : {}),
});
const investigation = (
  id: string,
  childRef: string,
  openedOn: string,
  statutoryDeadline: string,
  over: Partial<Case> = {},
  extensions: Extension[] = [],
): Case =>
  aCase({
    id,
    childRef,
    groupId: 'barn-utredning-1',
    receivedAt: at(openedOn),
    phase: 'utredning',
    assignees: [cilla],
    firstAssignedAt: at(openedOn),
    skyddsbedomning: skydd(openedOn),
    forhandsbedomning: { ...forhand(openedOn), outcome: 'open' },
    utredning: {
      openedOn,
      statutoryDeadline,
      deadline: extensions.at(-1)?.newDeadline ?? statutoryDeadline,
      extensions,
    },
    ...over,
  });
const closure = (closedOn: string) => ({
  at: at(closedOn),
  by: cilla,
  outcome: 'ingen_insats' as const,
  closedOn,
});

export const NOVEMBER: Case[] = [
  // Reports to the intake group.
  aCase({
    id: 'T-A',
    childRef: 'B-A',
    receivedAt: '2026-11-02T09:00:00+01:00',
    phase: 'closed',
    assignees: [anna],
    firstAssignedAt: '2026-11-03T08:30:00+01:00',
    skyddsbedomning: skydd('2026-11-02'),
    forhandsbedomning: forhand('2026-11-10'),
    aterkoppling: { requestedOn: '2026-11-02', due: '2026-11-17', doneAt: '2026-11-19T10:00:00+01:00' },
    closure: { at: at('2026-11-10'), by: lead, outcome: 'not_opened' },
  }),
  aCase({
    // Friday evening after the 16:00 cut-off: skyddsbedömning due Saturday, made on Monday.
    id: 'T-B',
    childRef: 'B-B',
    receivedAt: '2026-11-06T18:30:00+01:00',
    phase: 'closed',
    assignees: [anna],
    firstAssignedAt: '2026-11-09T08:00:00+01:00',
    skyddsbedomning: skydd('2026-11-09'),
    forhandsbedomning: forhand('2026-11-25', true),
    closure: { at: at('2026-11-25'), by: lead, outcome: 'not_opened' },
  }),
  aCase({
    // Extended for synnerliga skäl before day 14 (to 2026-12-01), decided 2026-11-30.
    id: 'T-C',
    childRef: 'B-C',
    receivedAt: '2026-11-03T10:00:00+01:00',
    phase: 'closed',
    assignees: [anna],
    firstAssignedAt: '2026-11-05T10:00:00+01:00',
    skyddsbedomning: skydd('2026-11-03'),
    forhandsExtensions: [
      {
        decidedOn: '2026-11-13',
        decidedBy: lead,
        previousDeadline: '2026-11-17',
        newDeadline: '2026-12-01',
        reason: 'Polisförhör',
        at: at('2026-11-13'),
        by: lead,
      },
    ],
    forhandsbedomning: forhand('2026-11-30'),
    aterkoppling: { requestedOn: '2026-11-03', due: '2026-11-24', doneAt: '2026-11-20T10:00:00+01:00' },
    closure: { at: at('2026-11-30'), by: lead, outcome: 'not_opened' },
  }),
  aCase({
    // 15:59, before the cut-off: due the same day. Nobody has taken it, nothing decided.
    id: 'T-D',
    childRef: 'B-D',
    receivedAt: '2026-11-12T15:59:00+01:00',
    skyddsbedomning: skydd('2026-11-12'),
  }),
  // Investigations.
  investigation('T-E', 'B-E', '2026-07-15', '2026-11-15', {
    phase: 'closed',
    closure: closure('2026-11-10'),
    contacts: [contact('hembesok', '2026-10-25'), contact('other', '2026-11-09')],
  }),
  investigation(
    'T-F',
    'B-F',
    '2026-07-20',
    '2026-11-20',
    { contacts: [contact('hembesok', '2026-10-20'), contact('vardnadshavarmote', '2026-11-20')] },
    [ext('2026-11-02', '2026-11-20', '2026-12-20')],
  ),
  investigation(
    'T-G',
    'B-G',
    '2026-07-25',
    '2026-11-25',
    {
      contacts: [
        contact('barnsamtal', '2026-10-16'),
        contact('barnsamtal', '2026-11-05'),
        contact('hembesok', '2026-11-20'),
      ],
    },
    [ext('2026-11-27', '2026-11-25', '2026-12-25', true)],
  ),
  // Closed on 2026-10-20 and reopened ten days later about the same child: one clock from 2026-07-01.
  investigation('T-H', 'B-X', '2026-07-01', '2026-11-01', {
    phase: 'closed',
    closure: closure('2026-10-20'),
    contacts: [contact('hembesok', '2026-10-10')],
  }),
  investigation('T-I', 'B-X', '2026-10-30', '2027-02-28'),
  // LVU: decided by the chair on 2026-11-06 and carried out the same day.
  investigation('T-J', 'B-J', '2026-11-02', '2027-03-02', {
    contacts: [contact('hembesok', '2026-11-20')],
    lvu: {
      decidedOn: '2026-11-06',
      decidedBy: 'ordforande',
      ground: '2',
      verkstalldOn: '2026-11-06',
      namndMeetingOn: '2026-11-17',
      recordedAt: at('2026-11-06'),
      recordedBy: lead,
      understalld: { on: '2026-11-12', at: at('2026-11-12'), by: cilla },
      namndReported: { on: '2026-11-18', at: at('2026-11-18'), by: lead },
      ansokan: { on: '2026-12-04', at: at('2026-12-04'), by: cilla },
      reviews: [],
      restrictions: [],
    },
  }),
];
