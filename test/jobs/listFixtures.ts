// Synthetic cases for the list tests and the bench: references like IFO-2026-000123, no names.
import type { Absence, Case } from '../../src/domain/schemas.js';
import { aCase, STAFF } from '../domain/fixtures.js';

const skydd = (at: string, by = STAFF.anna.aadObjectId) => ({
  at,
  by,
  immediateProtection: false,
  motivation: 'Inget akut skyddsbehov.',
});

/** An unassigned report received on `day` with its skyddsbedömning done. */
export const waitingCase = (id: string, day: string, groupId = 'barn-mottagning'): Case =>
  aCase({
    id,
    groupId,
    receivedAt: `${day}T09:00:00+01:00`,
    phase: 'forhandsbedomning',
    skyddsbedomning: skydd(`${day}T10:00:00+01:00`),
  });

/** An assigned förhandsbedömning received on `day` (due 14 days later). */
export const forhandsCase = (id: string, day: string, owner: string, groupId = 'barn-mottagning'): Case =>
  aCase({
    id,
    groupId,
    receivedAt: `${day}T09:00:00+01:00`,
    phase: 'forhandsbedomning',
    assignees: [owner],
    skyddsbedomning: skydd(`${day}T10:00:00+01:00`),
  });

/** An investigation opened on `openedOn`, due `deadline`, with no contact yet. */
export const utredningCase = (
  id: string,
  openedOn: string,
  deadline: string,
  owner: string,
  groupId = 'barn-utredning-1',
): Case =>
  aCase({
    id,
    groupId,
    receivedAt: '2026-06-01T09:00:00+02:00',
    phase: 'utredning',
    assignees: [owner],
    skyddsbedomning: skydd('2026-06-01T10:00:00+02:00', owner),
    forhandsbedomning: {
      decidedAt: `${openedOn}T10:00:00+02:00`,
      by: owner,
      outcome: 'open',
      motivation: 'Utredning inleds.',
    },
    utredning: { openedOn, statutoryDeadline: deadline, deadline, extensions: [] },
  });

export const sick = (staffId: string, from: string): Absence => ({
  id: `abs-${staffId}-${from}`,
  staffId,
  kind: 'sick',
  from,
  registeredBy: STAFF.karin.aadObjectId,
  registeredAt: `${from}T08:00:00+01:00`,
});

/** `n` open cases spread over `groups` groups, a mix of every section, for size and speed. */
export function manyCases(n: number, groups: string[], owners: string[], today: string): Case[] {
  const out: Case[] = [];
  const base = new Date(`${today}T12:00:00Z`).getTime();
  const day = (back: number) => new Date(base - back * 86_400_000).toISOString().slice(0, 10);
  for (let i = 0; i < n; i++) {
    const id = `IFO-2026-${String(i).padStart(6, '0')}`;
    const g = groups[i % groups.length];
    const kind = i % 4;
    if (kind === 0) out.push(waitingCase(id, day(i % 20), g));
    else if (kind === 1) out.push(forhandsCase(id, day(i % 18), owners[i % owners.length], g));
    else out.push(utredningCase(id, day(20 + (i % 100)), day(-(i % 60) + 5), owners[i % owners.length], g));
  }
  return out;
}
