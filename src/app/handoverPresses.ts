// The presses on a handover checklist as use cases: tick items, write a status, give a case a new
// owner (through the one assign use case, siblings along), and hand cases back after the return.
// Each is committed with a version check and refreshes the channel card in the same commit.
import { caseLookup } from './caseLookup.js';
import {
  assigneesAfterHandBack,
  assigneesAfterHandover,
  isActive,
  recordNewOwner,
  type Handover,
  type TickItem,
} from '../domain/handover.js';
import { entryStates } from '../domain/handoverProgress.js';
import { markHandedBack, tick, writeStatus } from '../domain/handoverCommands.js';
import { refuse, type Actor, type Case, type DomainEvent, type Refusal } from '../domain/schemas.js';
import { texts, type Lang, refusalText } from '../cards/text/index.js';
import type { AuditInput } from '../store/port.js';
import { assignCase } from './assignCase.js';
import type { AppDeps } from './context.js';
import type { CaseResult } from './executeCaseCommand.js';
import { getHandover, handoverCardUpdates, handoverDocWrite } from './handoverChecklist.js';

export type HandoverResult =
  { ok: true; handover: Handover; case?: Case } | { ok: false; refusal: Refusal; handover?: Handover };

/**
 * Change a handover by a pure step, commit it with a version check, refresh the channel card in the
 * same commit. A concurrent change to another case of the same list is not a conflict for the person:
 * the step is simply applied again to the fresh document (a few tries).
 */
type Step = { ok: true; state: Handover; events: DomainEvent[] } | Refusal;

async function change(
  deps: AppDeps,
  handoverId: string,
  actor: Actor,
  step: (h: Handover, now: Date) => Step | Promise<Step>,
  lang: Lang = 'sv',
): Promise<HandoverResult> {
  const t = texts(lang).appNotices.handover;
  for (let attempt = 0; attempt < 5; attempt++) {
    const h = await getHandover(deps, handoverId);
    if (!h) return { ok: false, refusal: refuse('not_found', t.notFound) };
    const now = deps.now();
    const d = await step(h, now);
    if (!d.ok) return { ok: false, refusal: d, handover: h };
    const next = { ...d.state, version: h.version + 1 };
    const docs = [handoverDocWrite(d.state, h.version), ...handoverCardUpdates(next, now)];
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
      return { ok: true, handover: (await getHandover(deps, handoverId))! };
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
    async (h, now) => {
      const c = await deps.store.getCase(input.caseId);
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
    async (h, now) =>
      writeStatus(h, input.caseId, input.text, await deps.store.getCase(input.caseId), input.actor, now),
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
  const h = await getHandover(deps, input.handoverId);
  if (!h) return { ok: false, refusal: refuse('not_found', t.notFound) };
  if (!h.entries.some((e) => e.caseId === input.caseId))
    return { ok: false, refusal: refuse('not_found', t.notOnList), handover: h };
  if (!isActive(h))
    return {
      ok: false,
      refusal: refuse('invalid', h.returnedAt ? t.returnedHandBack : t.notStarted),
      handover: h,
    };
  const c = await deps.store.getCase(input.caseId);
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
  const caseOf = await caseLookup(
    deps.store,
    r.handover.entries.map((e) => e.caseId),
  );
  for (const s of entryStates(r.handover, caseOf, deps.rules)) {
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
  return { ...r, handover: (await getHandover(deps, h.id))!, caseResult, case: caseResult.case, siblings };
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
  const h = await getHandover(deps, input.handoverId);
  if (!h) return { ok: false, refusal: refuse('not_found', t.notFound) };
  if (!h.returnedAt) return { ok: false, refusal: refuse('invalid', t.handBackNotYet), handover: h };
  if (input.actor.role === 'caseworker')
    return { ok: false, refusal: refuse('forbidden', t.handBackForbidden), handover: h };
  const states = entryStates(
    h,
    await caseLookup(
      deps.store,
      h.entries.map((e) => e.caseId),
    ),
    deps.rules,
  );
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
      outcomes.push({ caseId, ok: false, message: refusalText(r.refusal, lang) });
      continue;
    }
    const m = await change(deps, h.id, input.actor, (cur, now) => markHandedBack(cur, caseId, input.actor, now), lang);
    outcomes.push(m.ok ? { caseId, ok: true } : { caseId, ok: false, message: refusalText(m.refusal, lang) });
  }
  return { ok: true, handover: (await getHandover(deps, h.id))!, outcomes };
}
