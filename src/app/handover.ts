// The handover checklist as use cases: post it to the group channel(s), tick items, write a status,
// reassign a case from the list (through the one assign use case), hand cases back on return, and the
// two queries the morning jobs need: open handover items and the escalations that are due.
import {
  activate,
  assigneesAfterHandBack,
  assigneesAfterHandover,
  isActive,
  isDue,
  recordNewOwner,
  type Handover,
  type TickItem,
} from '../domain/handover.js';
import { entryStates, escalationChain, lateness, responsibleFor } from '../domain/handoverProgress.js';
import { markHandedBack, tick, writeStatus } from '../domain/handoverCommands.js';
import { isAbsent, openCasesOf } from '../domain/queries.js';
import { refuse, type Actor, type Case, type DomainEvent, type LocalDate, type Refusal } from '../domain/schemas.js';
import { formatDate, stockholmDate, stockholmYear } from '../domain/time.js';
import { count, deadlineLabel, texts, type Lang } from '../cards/text/index.js';
import { langOfStaff } from './recipientLang.js';
import { fittedHandoverCardData, HANDOVER_TEMPLATE, type HandoverCardOptions } from '../cards/handoverCard.js';
import { renderCard, type Card } from '../cards/render.js';
import type { AuditInput, DocWrite } from '../store/port.js';
import { assignCase } from './assignCase.js';
import { absences, type AppDeps } from './context.js';
import type { CaseResult } from './executeCaseCommand.js';
import { enqueue } from '../outbox/messages.js';

export const HANDOVERS = 'handovers';
export const HANDOVER_ESCALATIONS = 'handoverEscalations';

export const handoverCardKey = (handoverId: string, groupId: string) => `handover:${handoverId}:group:${groupId}`;

export function getHandover(deps: AppDeps, id: string): Handover | undefined {
  return deps.store.getDoc<Handover>(HANDOVERS, id);
}

export function allHandovers(deps: AppDeps): Handover[] {
  return deps.store.listDocs<Handover>(HANDOVERS);
}

/** The data of the checklist card as it stands now (rendered by cards/handover.json). */
export function handoverView(deps: AppDeps, h: Handover, opts: HandoverCardOptions = {}) {
  const now = deps.now();
  const states = entryStates(h, (id) => deps.store.getCase(id), deps.rules);
  const today = stockholmDate(now);
  const abs = absences(deps);
  // Each caseworker's open cases, counted once per card (not once per case on the list).
  const load = new Map<string, number>();
  for (const c of deps.store.openCases()) for (const id of c.assignees) load.set(id, (load.get(id) ?? 0) + 1);
  const choices = new Map<string, { title: string; value: string }[]>();
  const choicesFor = (groupId: string) => {
    let list = choices.get(groupId);
    if (!list) {
      list = deps.org
        .caseworkersOf(groupId)
        .filter((s) => s.aadObjectId !== h.staffId && !isAbsent(abs, s.aadObjectId, today))
        .map((s) => ({
          title: `${s.name} (${load.get(s.aadObjectId) ?? 0}${s.capacity ? `/${s.capacity}` : ''})`,
          value: s.aadObjectId,
        }));
      choices.set(groupId, list);
    }
    return list;
  };
  return fittedHandoverCardData({
    handover: h,
    states,
    now,
    calendar: deps.calendar,
    nameOf: (id) => deps.org.name(id),
    choicesFor,
    ...opts,
  });
}

/** The checklist card for the person who pressed or wrote (the channel copy is updated through the outbox). */
export function handoverCardFor(deps: AppDeps, h: Handover, opts: HandoverCardOptions = {}): Card {
  return renderCard(HANDOVER_TEMPLATE, handoverView(deps, h, opts));
}

/** Outbox messages that post (or update in place) the checklist card in every group channel of the handover. */
export function handoverCardUpdates(deps: AppDeps, h: Handover, now: Date): DocWrite[] {
  // A list of nothing ("0 av 0 ärenden") is never posted: the morning redraw, a return, a tick.
  if (h.entries.length === 0) return [];
  const data = handoverView(deps, h);
  return h.groupIds.map((g) =>
    enqueue(
      now,
      { kind: 'group', groupId: g },
      { kind: 'card', template: HANDOVER_TEMPLATE, data },
      handoverCardKey(h.id, g),
    ),
  );
}

/** The 1:1 line to whoever answers for the checklist (the other team leads when one is away too). */
export function responsibleNotices(deps: AppDeps, h: Handover, now: Date): DocWrite[] {
  const who = responsibleFor(deps.org.org, absences(deps), h, stockholmDate(now));
  return who.map((id) => {
    // Each in their own language (their last 1:1 locale, src/app/recipientLang.ts).
    const lang = langOfStaff(deps, id);
    return enqueue(
      now,
      { kind: 'user', staffId: id },
      {
        kind: 'text',
        text: texts(lang).appNotices.handover.responsible(
          deps.org.name(h.staffId, lang),
          count(h.entries.length, 'öppet ärende', lang),
        ),
      },
    );
  });
}

/** The line the group channels get instead of an empty checklist (Swedish there; `överlämning` answers in the reader's). */
export function noOpenCasesText(deps: AppDeps, h: Handover, lang: Lang = 'sv'): { title: string; text: string } {
  const t = texts(lang).appNotices.handover;
  const name = deps.org.name(h.staffId, lang);
  return { title: t.noOpenCasesTitle(name), text: t.noOpenCases(name) };
}

function noOpenCasesNotices(deps: AppDeps, h: Handover, now: Date): DocWrite[] {
  const { title, text } = noOpenCasesText(deps, h);
  return h.groupIds.map((g) =>
    enqueue(
      now,
      { kind: 'group', groupId: g },
      { kind: 'card', template: 'notice', data: { title, text, color: 'Good', facts: [] } },
    ),
  );
}

/**
 * The checklist `överlämning @person` shows again: the person's running one (posted, not yet
 * returned), else the latest one still to be posted or handed back; undefined when there is none.
 */
export function handoverOf(deps: AppDeps, staffId: string): Handover | undefined {
  const mine = allHandovers(deps)
    .filter((h) => h.staffId === staffId)
    .sort((a, b) => (a.from < b.from ? 1 : a.from > b.from ? -1 : 0));
  return mine.find((h) => isActive(h)) ?? mine.find((h) => !h.activatedAt && !h.returnedAt);
}

/** The writes that post a handover's checklist now (its entries are the person's open cases at this moment). */
export function activationWrites(deps: AppDeps, h: Handover, now: Date): { handover: Handover; docs: DocWrite[] } {
  const active = activate(h, openCasesOf(deps.store.openCases(), h.staffId), now);
  // Nobody needs a list of nothing in the channel: a short notice says there is nothing to hand over.
  if (active.entries.length === 0) return { handover: active, docs: noOpenCasesNotices(deps, active, now) };
  return {
    handover: active,
    docs: [...handoverCardUpdates(deps, active, now), ...responsibleNotices(deps, active, now)],
  };
}

export type HandoverResult =
  { ok: true; handover: Handover; case?: Case } | { ok: false; refusal: Refusal; handover?: Handover };

const docWrite = (h: Handover, expected: number): DocWrite => ({
  collection: HANDOVERS,
  id: h.id,
  value: { ...h, version: expected + 1 } as unknown as Record<string, unknown>,
  expectedVersion: expected,
});

/**
 * Change a handover by a pure step, commit it with a version check, refresh the channel card in the
 * same commit. A concurrent change to another case of the same list is not a conflict for the person:
 * the step is simply applied again to the fresh document (a few tries).
 */
async function change(
  deps: AppDeps,
  handoverId: string,
  actor: Actor,
  step: (h: Handover, now: Date) => { ok: true; state: Handover; events: DomainEvent[] } | Refusal,
  lang: Lang = 'sv',
): Promise<HandoverResult> {
  const t = texts(lang).appNotices.handover;
  for (let attempt = 0; attempt < 5; attempt++) {
    const h = getHandover(deps, handoverId);
    if (!h) return { ok: false, refusal: refuse('not_found', t.notFound) };
    const now = deps.now();
    const d = step(h, now);
    if (!d.ok) return { ok: false, refusal: d, handover: h };
    const next = { ...d.state, version: h.version + 1 };
    const docs = [docWrite(d.state, h.version), ...handoverCardUpdates(deps, next, now)];
    const audit: AuditInput[] = d.events.map((e) => ({
      at: now.toISOString(),
      actor: actor.id,
      type: e.type,
      ...(e.caseId ? { caseId: e.caseId } : {}),
      ...(e.data ? { data: e.data } : {}),
    }));
    const r = await deps.store.commit({ docs, audit });
    if (r.ok) {
      deps.onOutbox?.();
      return { ok: true, handover: getHandover(deps, handoverId)! };
    }
  }
  return { ok: false, refusal: refuse('conflict', t.conflict) };
}

/** Save the three hand-ticked items of one case at once (the toggles on the card); unchanged ones are left alone. */
export function saveHandoverChecks(
  deps: AppDeps,
  input: {
    actor: Actor;
    handoverId: string;
    caseId: string;
    values: Partial<Record<TickItem, boolean>>;
    lang?: Lang;
  },
): Promise<HandoverResult> {
  return change(
    deps,
    input.handoverId,
    input.actor,
    (h, now) => {
      const c = deps.store.getCase(input.caseId);
      let state = h;
      const events: DomainEvent[] = [];
      for (const [item, done] of Object.entries(input.values) as [TickItem, boolean][]) {
        const entry = state.entries.find((e) => e.caseId === input.caseId);
        if (entry && !!entry.checks[item] === done) continue;
        const d = tick(state, input.caseId, item, done, c, input.actor, now);
        if (!d.ok) return d;
        state = d.state;
        events.push(...d.events);
      }
      if (!events.length) {
        // Nothing changed: still only someone allowed to tick may save.
        const entry = state.entries.find((e) => e.caseId === input.caseId);
        const probe = tick(
          state,
          input.caseId,
          'deadlinesChecked',
          !!entry?.checks.deadlinesChecked,
          c,
          input.actor,
          now,
        );
        if (!probe.ok) return probe;
        return { ok: true, state, events };
      }
      return { ok: true, state, events };
    },
    input.lang,
  );
}

export function writeHandoverStatus(
  deps: AppDeps,
  input: { actor: Actor; handoverId: string; caseId: string; text: string; lang?: Lang },
): Promise<HandoverResult> {
  return change(
    deps,
    input.handoverId,
    input.actor,
    (h, now) => writeStatus(h, input.caseId, input.text, deps.store.getCase(input.caseId), input.actor, now),
    input.lang,
  );
}

/**
 * Give a case on the checklist a new owner. The case changes through assignCase (role, group, absence
 * and version checks; the case card and the new owner's 1:1 card in the same commit); the list then
 * records who took over and when, which starts the two-working-day clock for the written status.
 */
export async function reassignFromHandover(
  deps: AppDeps,
  input: { actor: Actor; handoverId: string; caseId: string; version: number; newOwnerId: string; lang?: Lang },
): Promise<HandoverResult & { caseResult?: CaseResult; siblings?: string[] }> {
  const { lang } = input;
  const t = texts(lang).appNotices.handover;
  const h = getHandover(deps, input.handoverId);
  if (!h) return { ok: false, refusal: refuse('not_found', t.notFound) };
  if (!h.entries.some((e) => e.caseId === input.caseId))
    return { ok: false, refusal: refuse('not_found', t.notOnList), handover: h };
  if (!isActive(h))
    return {
      ok: false,
      refusal: refuse('invalid', h.returnedAt ? t.returnedHandBack : t.notStarted),
      handover: h,
    };
  const c = deps.store.getCase(input.caseId);
  if (!c) return { ok: false, refusal: refuse('not_found', t.noCase), handover: h };
  const caseResult = await assignCase(deps, {
    caseId: c.id,
    version: input.version,
    assignees: assigneesAfterHandover(c, h.staffId, input.newOwnerId),
    actor: input.actor,
    ...(lang ? { lang } : {}),
  });
  if (!caseResult.ok) return { ok: false, refusal: caseResult.refusal, handover: h, caseResult };
  const r = await change(
    deps,
    h.id,
    input.actor,
    (cur, now) => ({
      ok: true,
      state: recordNewOwner(cur, c.id, input.newOwnerId, now),
      events: [{ type: 'HandoverNewOwner', caseId: c.id, data: { handoverId: h.id, newOwnerId: input.newOwnerId } }],
    }),
    lang,
  );
  if (!r.ok) return { ...r, caseResult };
  // Siblings on the same list without a new owner go with it: a family is handed over as one (docs/family.md).
  const siblings: string[] = [];
  for (const s of entryStates(r.handover, (id) => deps.store.getCase(id), deps.rules)) {
    if (s.caseId === c.id || s.closed || s.newOwnerId || !c.familyRef || s.case?.familyRef !== c.familyRef) continue;
    const sr = await assignCase(deps, {
      caseId: s.caseId,
      version: s.case.version,
      assignees: assigneesAfterHandover(s.case, h.staffId, input.newOwnerId),
      actor: input.actor,
    });
    if (!sr.ok) continue;
    const rr = await change(deps, h.id, input.actor, (cur, now) => ({
      ok: true,
      state: recordNewOwner(cur, s.caseId, input.newOwnerId, now),
      events: [
        { type: 'HandoverNewOwner', caseId: s.caseId, data: { handoverId: h.id, newOwnerId: input.newOwnerId } },
      ],
    }));
    if (rr.ok) siblings.push(s.caseId);
  }
  return { ...r, handover: getHandover(deps, h.id)!, caseResult, case: caseResult.case, siblings };
}

export interface HandBackOutcome {
  caseId: string;
  ok: boolean;
  message?: string;
}

/**
 * After `åter`: give cases back to the person, one or all. The stand-in is replaced by the returned
 * person through assignCase; the notes written during the absence stay on the handover.
 */
export async function handBack(
  deps: AppDeps,
  input: { actor: Actor; handoverId: string; caseIds: string[] | 'all'; lang?: Lang },
): Promise<
  { ok: true; handover: Handover; outcomes: HandBackOutcome[] } | { ok: false; refusal: Refusal; handover?: Handover }
> {
  const { lang } = input;
  const t = texts(lang).appNotices.handover;
  const h = getHandover(deps, input.handoverId);
  if (!h) return { ok: false, refusal: refuse('not_found', t.notFound) };
  if (!h.returnedAt) return { ok: false, refusal: refuse('invalid', t.handBackNotYet), handover: h };
  if (input.actor.role === 'caseworker')
    return { ok: false, refusal: refuse('forbidden', t.handBackForbidden), handover: h };
  const states = entryStates(h, (id) => deps.store.getCase(id), deps.rules);
  const candidates = states.filter(
    (s) => !s.closed && s.newOwnerId && !h.entries.find((e) => e.caseId === s.caseId)?.handedBackAt,
  );
  const wanted = input.caseIds === 'all' ? candidates.map((s) => s.caseId) : input.caseIds;
  const outcomes: HandBackOutcome[] = [];
  for (const caseId of wanted) {
    const s = candidates.find((x) => x.caseId === caseId);
    if (!s || !s.case) {
      outcomes.push({ caseId, ok: false, message: t.noStandIn });
      continue;
    }
    const r = await assignCase(deps, {
      caseId,
      version: s.case.version,
      assignees: assigneesAfterHandBack(
        s.case,
        h.staffId,
        s.newOwnerId,
        h.entries.find((e) => e.caseId === caseId)?.coOwners,
      ),
      actor: input.actor,
      ...(lang ? { lang } : {}),
    });
    if (!r.ok) {
      outcomes.push({ caseId, ok: false, message: r.refusal.message });
      continue;
    }
    const m = await change(deps, h.id, input.actor, (cur, now) => markHandedBack(cur, caseId, input.actor, now), lang);
    outcomes.push(m.ok ? { caseId, ok: true } : { caseId, ok: false, message: m.refusal.message });
  }
  return { ok: true, handover: getHandover(deps, h.id)!, outcomes };
}

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
export function openHandovers(deps: AppDeps, now: Date): OpenHandoverItem[] {
  const out: OpenHandoverItem[] = [];
  for (const h of allHandovers(deps)) {
    if (!isActive(h)) continue;
    for (const s of entryStates(h, (id) => deps.store.getCase(id), deps.rules)) {
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
export function handoverEscalations(deps: AppDeps, now: Date): HandoverEscalation[] {
  const today = stockholmDate(now);
  // Escalations belong to working mornings; a run on a weekend or holiday says nothing.
  if (!deps.calendar.isWorkingDay(today)) return [];
  const abs = absences(deps);
  const byKey = new Map<string, HandoverEscalation>();
  const add = (recipientId: string, kind: HandoverEscalation['kind'], item: HandoverEscalation['items'][number]) => {
    const key = `${kind}:${recipientId}`;
    const esc = byKey.get(key) ?? { recipientId, kind, items: [] };
    esc.items.push(item);
    byKey.set(key, esc);
  };
  const handovers = new Map(allHandovers(deps).map((h) => [h.id, h]));
  for (const item of openHandovers(deps, now)) {
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
  };
}

/**
 * Queue this morning's escalations, at most once per person, kind and day (an insert-if-absent claim
 * in the same commit), so a job that runs twice does not say it twice. Returns what was queued.
 */
export async function enqueueHandoverEscalations(deps: AppDeps, now: Date): Promise<HandoverEscalation[]> {
  const today = stockholmDate(now);
  const sent: HandoverEscalation[] = [];
  for (const e of handoverEscalations(deps, now)) {
    const claimId = `${today}:${e.kind}:${e.recipientId}`;
    if (deps.store.getDoc(HANDOVER_ESCALATIONS, claimId)) continue;
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
            data: escalationCardData(deps, e, now, langOfStaff(deps, e.recipientId)),
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
  for (const h of allHandovers(deps)) {
    if (!isDue(h, today)) continue;
    const { handover, docs } = activationWrites(deps, h, now);
    const r = await deps.store.commit({
      docs: [docWrite(handover, h.version), ...docs],
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
  for (const h of allHandovers(deps)) {
    if (!isActive(h)) continue;
    const claimId = `${today}:refresh:${h.id}`;
    if (deps.store.getDoc(HANDOVER_ESCALATIONS, claimId)) continue;
    const r = await deps.store.commit({
      docs: [
        { collection: HANDOVER_ESCALATIONS, id: claimId, value: { id: claimId, version: 1 }, expectedVersion: null },
        ...handoverCardUpdates(deps, h, now),
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

export { docWrite as handoverDocWrite };
