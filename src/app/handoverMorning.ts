// The handover part of each morning: the open items the morning list shows, the escalations that are
// due (no new owner by the next working day, no status after two) and their 1:1 cards, posting the
// checklists of planned leave whose day has come and redrawing running ones.
import { caseLookup } from './caseLookup.js';
import { isActive, isDue, type Handover } from '../domain/handover.js';
import { entryStates, escalationChain, lateness } from '../domain/handoverProgress.js';
import type { LocalDate } from '../domain/schemas.js';
import { formatDate, stockholmDate, stockholmYear } from '../domain/time.js';
import { count, deadlineLabel, texts, type Lang } from '../cards/text/index.js';
import { langOfStaff } from './recipientLang.js';
import { absences, type AppDeps } from './context.js';
import { enqueue } from '../outbox/messages.js';
import {
  activationWrites,
  allHandovers,
  HANDOVER_ESCALATIONS,
  handoverCardUpdates,
  handoverDocWrite,
} from './handoverChecklist.js';

/** An open item of a handover, for the morning list's "absent colleagues" section. */
export interface OpenHandoverItem {
  handoverId: string;
  caseId: string;
  /** The absent person. */
  fromStaffId: string;
  groupIds: string[];
  newOwnerId?: string;
  /** Which of the five steps are still missing (Swedish labels are in STEP_LABEL). */
  missing: string[];
  late: 'none' | 'noOwner' | 'noStatus';
  nextDeadline?: { kind: string; label: string; due: LocalDate };
}

/** Every case on a running checklist that is not fully handed over, most urgent first per handover. */
export async function openHandovers(deps: AppDeps, now: Date): Promise<OpenHandoverItem[]> {
  const out: OpenHandoverItem[] = [];
  for (const h of await allHandovers(deps)) {
    if (!isActive(h)) continue;
    for (const s of entryStates(
      h,
      await caseLookup(
        deps.store,
        h.entries.map((e) => e.caseId),
      ),
      deps.rules,
    )) {
      if (s.handedOver) continue;
      const e = h.entries.find((x) => x.caseId === s.caseId)!;
      out.push({
        handoverId: h.id,
        caseId: s.caseId,
        fromStaffId: h.staffId,
        groupIds: h.groupIds,
        ...(s.newOwnerId ? { newOwnerId: s.newOwnerId } : {}),
        missing: Object.entries(s.steps)
          .filter(([, done]) => !done)
          .map(([k]) => k),
        late: lateness(h, s, e, now, deps.calendar),
        ...(s.next ? { nextDeadline: { kind: s.next.kind, label: s.next.label, due: s.next.due } } : {}),
      });
    }
  }
  return out;
}

export interface HandoverEscalation {
  /** Who gets it: a team lead or the unit manager (noOwner), or the new owner (noStatus). */
  recipientId: string;
  kind: 'noOwner' | 'noStatus';
  items: {
    caseId: string;
    handoverId: string;
    fromStaffId: string;
    nextDeadline?: { kind: string; label: string; due: LocalDate };
  }[];
}

/**
 * What must be said this morning: cases still without a new owner on the working day after the list
 * was posted go to the escalation chain (present team leads of the group, then the unit manager), one
 * message per person listing all of them; a new owner who has not written a status after 2 working
 * days is told so.
 */
export async function handoverEscalations(deps: AppDeps, now: Date): Promise<HandoverEscalation[]> {
  const today = stockholmDate(now);
  // Escalations belong to working mornings; a run on a weekend or holiday says nothing.
  if (!deps.calendar.isWorkingDay(today)) return [];
  const abs = await absences(deps);
  const byKey = new Map<string, HandoverEscalation>();
  const add = (recipientId: string, kind: HandoverEscalation['kind'], item: HandoverEscalation['items'][number]) => {
    const key = `${kind}:${recipientId}`;
    const esc = byKey.get(key) ?? { recipientId, kind, items: [] };
    esc.items.push(item);
    byKey.set(key, esc);
  };
  const handovers = new Map((await allHandovers(deps)).map((h) => [h.id, h]));
  for (const item of await openHandovers(deps, now)) {
    if (item.late === 'none') continue;
    const h = handovers.get(item.handoverId)!;
    const entry = {
      caseId: item.caseId,
      handoverId: item.handoverId,
      fromStaffId: item.fromStaffId,
      ...(item.nextDeadline ? { nextDeadline: item.nextDeadline } : {}),
    };
    if (item.late === 'noOwner')
      for (const id of escalationChain(deps.org.org, abs, h, today)) add(id, 'noOwner', entry);
    else if (item.newOwnerId) add(item.newOwnerId, 'noStatus', entry);
  }
  return [...byKey.values()];
}

/** The escalation as a message (the case-list card), in the recipient's language. */
export function escalationCardData(deps: AppDeps, e: HandoverEscalation, now: Date, lang: Lang = 'sv') {
  const t = texts(lang).appNotices.handover;
  const year = stockholmYear(now);
  const absent = [...new Set(e.items.map((i) => deps.org.name(i.fromStaffId, lang)))].join(', ');
  const cases = count(e.items.length, 'ärende', lang);
  return {
    title: e.kind === 'noOwner' ? t.noOwnerTitle(cases) : t.noStatusTitle(cases),
    summary: e.kind === 'noOwner' ? t.noOwnerSummary(absent) : t.noStatusSummary(absent),
    items: e.items.map((i) => ({
      caseId: i.caseId,
      phase: t.from(deps.org.name(i.fromStaffId, lang)),
      detail: e.kind === 'noOwner' ? t.noOwnerDetail : t.noStatusDetail,
      deadline: i.nextDeadline
        ? `${deadlineLabel(i.nextDeadline, lang)} ${formatDate(i.nextDeadline.due, year, lang)}`
        : '',
      color: 'Attention',
    })),
    more: 0,
    empty: '',
    // The template's own words ("Visa ärendet") in the recipient's language (src/cards/render.ts).
    lang,
  };
}

/**
 * Queue this morning's escalations, at most once per person, kind and day (an insert-if-absent claim
 * in the same commit), so a job that runs twice does not say it twice. Returns what was queued.
 */
export async function enqueueHandoverEscalations(deps: AppDeps, now: Date): Promise<HandoverEscalation[]> {
  const today = stockholmDate(now);
  const sent: HandoverEscalation[] = [];
  for (const e of await handoverEscalations(deps, now)) {
    const claimId = `${today}:${e.kind}:${e.recipientId}`;
    if (await deps.store.getDoc(HANDOVER_ESCALATIONS, claimId)) continue;
    const r = await deps.store.commit({
      docs: [
        {
          collection: HANDOVER_ESCALATIONS,
          id: claimId,
          value: { id: claimId, caseIds: e.items.map((i) => i.caseId), version: 1 },
          expectedVersion: null,
        },
        enqueue(
          now,
          { kind: 'user', staffId: e.recipientId },
          {
            kind: 'card',
            template: 'case-list',
            data: escalationCardData(deps, e, now, await langOfStaff(deps, e.recipientId)),
          },
        ),
      ],
      audit: [
        {
          at: now.toISOString(),
          actor: 'system',
          type: 'HandoverEscalated',
          data: { kind: e.kind, recipientId: e.recipientId, caseIds: e.items.map((i) => i.caseId) },
        },
      ],
    });
    if (r.ok) sent.push(e);
  }
  if (sent.length) deps.onOutbox?.();
  return sent;
}

/** Post the checklists of planned leave whose day has come (a few working days before the leave). */
export async function activateDueHandovers(deps: AppDeps, now: Date): Promise<Handover[]> {
  const today = stockholmDate(now);
  const out: Handover[] = [];
  for (const h of await allHandovers(deps)) {
    if (!isDue(h, today)) continue;
    const { handover, docs } = await activationWrites(deps, h, now);
    const r = await deps.store.commit({
      docs: [handoverDocWrite(handover, h.version), ...docs],
      audit: [
        {
          at: now.toISOString(),
          actor: 'system',
          type: 'HandoverStarted',
          data: { handoverId: h.id, cases: handover.entries.length },
        },
      ],
    });
    if (r.ok) out.push(handover);
  }
  if (out.length) deps.onOutbox?.();
  return out;
}

/**
 * Redraw the running checklists in their channels once a morning: a case reassigned from its own case
 * card (not from the list) or closed since shows correctly, and so does what became late overnight.
 */
export async function refreshRunningHandoverCards(deps: AppDeps, now: Date): Promise<number> {
  const today = stockholmDate(now);
  let n = 0;
  for (const h of await allHandovers(deps)) {
    if (!isActive(h)) continue;
    const claimId = `${today}:refresh:${h.id}`;
    if (await deps.store.getDoc(HANDOVER_ESCALATIONS, claimId)) continue;
    const r = await deps.store.commit({
      docs: [
        { collection: HANDOVER_ESCALATIONS, id: claimId, value: { id: claimId, version: 1 }, expectedVersion: null },
        ...handoverCardUpdates(h, now),
      ],
    });
    if (r.ok) n++;
  }
  if (n) deps.onOutbox?.();
  return n;
}

/** The handover part of the morning: start due checklists, redraw running ones, then send what is late. For the schedules job. */
export async function runHandoverMorning(
  deps: AppDeps,
  now: Date,
): Promise<{ started: Handover[]; escalations: HandoverEscalation[] }> {
  const started = await activateDueHandovers(deps, now);
  if (deps.calendar.isWorkingDay(stockholmDate(now))) await refreshRunningHandoverCards(deps, now);
  const escalations = await enqueueHandoverEscalations(deps, now);
  return { started, escalations };
}
