// Register and end an absence: the one use case behind `frånvaro @person [till ÅÅÅÅ-MM-DD]`,
// `åter @person` and any card. The absence, its handover checklist and the card for the group
// channel(s) are written in one commit, so a registered absence never lacks its checklist.
import { absenceToEnd, decideAbsence } from '../domain/absence.js';
import { markReturned, newHandover, type Handover } from '../domain/handover.js';
import { openCasesOf } from '../domain/queries.js';
import { refuse, type Absence, type Actor, type LocalDate, type Refusal } from '../domain/schemas.js';
import { stockholmDate } from '../domain/time.js';
import { type AuditInput, type DocWrite, docWrite } from '../store/port.js';
import { ABSENCES, domainContext, type AppDeps } from './context.js';
import { activationWrites, getHandover, handoverCardUpdates, HANDOVERS } from './handoverChecklist.js';
import { texts, type Lang } from '../cards/text/index.js';

export const DEFAULT_PLANNED_LEAVE_HANDOVER_DAYS = 3;

export type AbsenceResult = { ok: true; absence: Absence; handover?: Handover } | { ok: false; refusal: Refusal };

export interface RegisterAbsenceInput {
  actor: Actor;
  staffId: string;
  /** Default: today. */
  from?: LocalDate;
  to?: LocalDate;
  /** Only when the person said so; nothing is assumed (an employee's health is not the team's business). */
  kind?: Absence['kind'];
  /** The language of the answer (the activity's locale). */
  lang?: Lang;
}

/** The groups whose channels get the checklist: the person's own, and those of their open cases. */
async function handoverGroups(deps: AppDeps, staffId: string): Promise<string[]> {
  const own = deps.org.staff(staffId)?.groups ?? [];
  const ofCases = openCasesOf(await deps.store.openCases(), staffId).map((c) => c.groupId);
  return [...new Set([...own, ...ofCases])];
}

export async function registerAbsence(deps: AppDeps, input: RegisterAbsenceInput): Promise<AbsenceResult> {
  const now = deps.now();
  const today = stockholmDate(now);
  const from = input.from ?? today;
  const d = decideAbsence(
    await domainContext(deps),
    {
      type: 'registerAbsence',
      staffId: input.staffId,
      ...(input.kind ? { kind: input.kind } : {}),
      from,
      ...(input.to ? { to: input.to } : {}),
    },
    input.actor,
    now,
    () => `abs-${input.staffId}-${from}-${now.getTime().toString(36)}`,
  );
  if (!d.ok) return { ok: false, refusal: d };
  const absence = d.state;
  const lead = deps.config.plannedLeaveHandoverDays ?? DEFAULT_PLANNED_LEAVE_HANDOVER_DAYS;
  let handover = newHandover(
    absence,
    await handoverGroups(deps, absence.staffId),
    today,
    lead,
    deps.calendar,
    input.actor.id,
    now,
  );
  const docs: DocWrite[] = [docWrite(ABSENCES, absence.id, absence, null)];
  const audit: AuditInput[] = d.events.map((e) => ({
    at: now.toISOString(),
    actor: input.actor.id,
    type: e.type,
    ...(e.data ? { data: e.data } : {}),
  }));
  if (handover.startsOn <= today) {
    // The absence must count in the store's eyes before the card is drawn (the person is no longer a choice).
    const activated = await activationWrites(deps, handover, now);
    handover = activated.handover;
    docs.push(...activated.docs);
    audit.push({
      at: now.toISOString(),
      actor: input.actor.id,
      type: 'HandoverStarted',
      data: { handoverId: handover.id, cases: handover.entries.length },
    });
  }
  docs.splice(1, 0, docWrite(HANDOVERS, handover.id, handover, null));
  const r = await deps.store.commit({ docs, audit });
  if (!r.ok) return { ok: false, refusal: refuse('conflict', texts(input.lang).appNotices.absence.registerConflict) };
  if (docs.length > 2) deps.onOutbox?.();
  return { ok: true, absence, handover: (await getHandover(deps, handover.id))! };
}

/**
 * End the person's absence (the running one, else the one whose last day has passed, else the coming
 * one: domain `absenceToEnd`). Their checklist closes for new work and turns into the hand-back list;
 * every note written during the absence stays.
 */
export async function endAbsence(
  deps: AppDeps,
  input: { actor: Actor; staffId: string; lang?: Lang },
): Promise<AbsenceResult> {
  const t = texts(input.lang).appNotices.absence;
  const now = deps.now();
  const current = absenceToEnd((await domainContext(deps)).absences, input.staffId, stockholmDate(now));
  if (!current)
    return {
      ok: false,
      refusal: refuse('not_found', t.noAbsence(deps.org.name(input.staffId, input.lang))),
    };
  const d = decideAbsence(await domainContext(deps), { type: 'endAbsence', absenceId: current.id }, input.actor, now);
  if (!d.ok) return { ok: false, refusal: d };
  const h = await getHandover(deps, current.id);
  const docs: DocWrite[] = [docWrite(ABSENCES, current.id, d.state)];
  let handover: Handover | undefined;
  if (h) {
    handover = { ...markReturned(h, now), version: h.version + 1 };
    docs.push(docWrite(HANDOVERS, h.id, handover, h.version));
    // A checklist that was never posted (planned leave cancelled early) needs no card.
    if (h.activatedAt) docs.push(...handoverCardUpdates(handover, now));
  }
  const r = await deps.store.commit({
    docs,
    audit: d.events.map((e) => ({
      at: now.toISOString(),
      actor: input.actor.id,
      type: e.type,
      ...(e.data ? { data: e.data } : {}),
    })),
  });
  if (!r.ok) return { ok: false, refusal: refuse('conflict', t.endConflict) };
  if (docs.length > 2) deps.onOutbox?.();
  deps.onPresenceChanged?.(current.staffId);
  return { ok: true, absence: d.state, ...(handover ? { handover: (await getHandover(deps, handover.id))! } : {}) };
}
