// What people do on a handover checklist: tick an item, write the status, hand a case back. Each
// returns the new checklist or a Swedish refusal; the use case commits it (src/app/handover.ts).
import { guardFreeText } from './secrecy.js';
import { refuse, type Refusal, type Actor, type Case, type Decision } from './schemas.js';
import { currentNewOwner, type Handover, type HandoverEntry, type TickItem } from './handover.js';
import { said } from './refusals.js';

const isLead = (a: Actor) => a.role === 'unit_manager' || a.role === 'team_lead';

function leadOf(a: Actor, h: Handover, c: Case | undefined): boolean {
  if (a.role === 'unit_manager') return true;
  return (
    a.role === 'team_lead' && (h.groupIds.some((g) => a.groups.includes(g)) || (!!c && a.groups.includes(c.groupId)))
  );
}

function findEntry(h: Handover, caseId: string): HandoverEntry | Refusal {
  const e = h.entries.find((x) => x.caseId === caseId);
  return e ?? refuse('not_found', said('notOnHandover'));
}

function replaceEntry(h: Handover, e: HandoverEntry): Handover {
  return { ...h, entries: h.entries.map((x) => (x.caseId === e.caseId ? e : x)) };
}

function ensureOpen(h: Handover): Refusal | null {
  if (!h.activatedAt) return refuse('invalid', said('handoverNotStarted'));
  if (h.returnedAt) return refuse('invalid', said('handoverClosed'));
  return null;
}

/** Tick (or untick) a checklist item: the new owner, a team lead of the group or the unit manager. */
export function tick(
  h: Handover,
  caseId: string,
  item: TickItem,
  done: boolean,
  c: Case | undefined,
  actor: Actor,
  now: Date,
): Decision<Handover> {
  const closed = ensureOpen(h);
  if (closed) return closed;
  const e = findEntry(h, caseId);
  if ('ok' in e) return e;
  const owner = currentNewOwner(h, e, c);
  if (!leadOf(actor, h, c) && actor.id !== owner) {
    return refuse('forbidden', said('handoverCheckWho'));
  }
  const checks = { ...e.checks };
  if (done) checks[item] = { by: actor.id, at: now.toISOString() };
  else delete checks[item];
  return {
    ok: true,
    state: replaceEntry(h, { ...e, checks }),
    events: [{ type: done ? 'HandoverItemTicked' : 'HandoverItemUnticked', caseId, data: { handoverId: h.id, item } }],
  };
}

export const MAX_STATUS_CHARS = 2000;

/** Write the case's status: the new owner, a team lead, the unit manager, or the absent person. Guarded for personnummer. */
export function writeStatus(
  h: Handover,
  caseId: string,
  text: string,
  c: Case | undefined,
  actor: Actor,
  now: Date,
): Decision<Handover> {
  const closed = ensureOpen(h);
  if (closed) return closed;
  const e = findEntry(h, caseId);
  if ('ok' in e) return e;
  const owner = currentNewOwner(h, e, c);
  const coOwner = (e.coOwners ?? []).includes(actor.id) && !!c?.assignees.includes(actor.id);
  if (!leadOf(actor, h, c) && actor.id !== owner && actor.id !== h.staffId && !coOwner) {
    return refuse('forbidden', said('handoverStatusWho'));
  }
  const trimmed = text.trim();
  if (!trimmed) return refuse('invalid', said('handoverWriteStatus'), { status: said('writeStatus') });
  if (trimmed.length > MAX_STATUS_CHARS)
    return refuse('invalid', said('handoverStatusTooLong', { max: MAX_STATUS_CHARS }), { status: said('textTooLong') });
  const secret = guardFreeText({ status: trimmed });
  if (secret) return secret;
  return {
    ok: true,
    state: replaceEntry(h, { ...e, notes: [...e.notes, { text: trimmed, by: actor.id, at: now.toISOString() }] }),
    events: [{ type: 'HandoverStatusWritten', caseId, data: { handoverId: h.id } }],
  };
}

export function markHandedBack(h: Handover, caseId: string, actor: Actor, now: Date): Decision<Handover> {
  if (!h.returnedAt) return refuse('invalid', said('handBackAfterReturn'));
  if (!isLead(actor)) return refuse('forbidden', said('handBackWho'));
  const e = findEntry(h, caseId);
  if ('ok' in e) return e;
  if (e.handedBackAt) return refuse('invalid', said('alreadyHandedBack'));
  return {
    ok: true,
    state: replaceEntry(h, { ...e, handedBackAt: now.toISOString(), handedBackBy: actor.id }),
    events: [{ type: 'HandoverCaseHandedBack', caseId, data: { handoverId: h.id } }],
  };
}
