// What could not be delivered, for the people who can fix it (`leveranser`, with a retry button),
// for operations (/healthz problems: codes and counts, never case content), and for `koppla`
// (what waited for a group is sent when its channel is linked). See docs/deliveries.md.
import { filterAsync } from './asyncFilter.js';
import { refuse, type Actor, type Refusal } from '../domain/schemas.js';
import { type DocWrite, docWrite } from '../store/port.js';
import { count, texts, type Lang } from '../cards/text/index.js';
import type { AppDeps } from './context.js';
import { GROUP_CHANNELS } from './conversations.js';
import { caseIdOf, deadReason, groupsOf, MANAGEMENT, whatOf } from '../outbox/deliveryFailure.js';
import { OUTBOX, enqueue, type OutboxMessage } from '../outbox/messages.js';
import type { DeliveryItem } from '../views/deliveries.js';

export type { DeliveryItem } from '../views/deliveries.js';

/** More than this many cards waiting for one channel arrive as one digest. */
export const DIGEST_AT = 5;

/** Most urgent first: the alarm, then what concerns violence or the socialjour, then case cards. */
const URGENCY: Record<string, number> = {
  'protection-alarm': 0,
  'vinr-notice': 1,
  'out-of-hours': 1,
  'genast-nudge': 2,
  escalation: 2,
};
export function urgencyOf(m: OutboxMessage): number {
  if (m.content.kind === 'caseCard') return 3;
  if (m.content.kind === 'handoverCard') return URGENCY.handover ?? 4;
  if (m.content.kind === 'card') return URGENCY[m.content.template] ?? 4;
  return 5;
}
const byUrgency = (a: OutboxMessage, b: OutboxMessage) =>
  urgencyOf(a) - urgencyOf(b) || (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0);

export const deadMessages = async (deps: AppDeps) =>
  (await deps.store.listDocs(OUTBOX)).filter((m) => m.status === 'dead');

/**
 * The writes that send again, to a just linked channel, what was kept for `groupId` as undelivered:
 * each card afresh in order of urgency, or one digest when there are many.
 */
export async function redeliverWaiting(deps: AppDeps, groupId: string): Promise<{ docs: DocWrite[]; count: number }> {
  const waiting = (await deadMessages(deps))
    .filter((m) => m.target.kind === 'group' && m.target.groupId === groupId)
    .sort(byUrgency);
  if (!waiting.length) return { docs: [], count: 0 };
  const now = deps.now();
  const remove = waiting.map((m) => docWrite(OUTBOX, m.id, null, m.version));
  if (waiting.length <= DIGEST_AT)
    return {
      docs: [...remove, ...waiting.map((m) => enqueue(now, m.target, m.content, m.upsertKey))],
      count: waiting.length,
    };
  const items = waiting.map((m) => {
    const caseId = caseIdOf(m) ?? '';
    // The reference first: at phone width the line breaks after it, never inside it.
    return { text: `${caseId ? `${caseId} · ` : ''}${whatOf(m)}`, caseId, hasCase: !!caseId };
  });
  const digest = enqueue(
    now,
    { kind: 'group', groupId },
    {
      kind: 'card',
      template: 'delivery-digest',
      data: {
        // Posted in the channel just linked: Swedish, like every channel card.
        title: texts('sv').deliveries.digestTitle(count(waiting.length, 'kort')),
        summary: texts('sv').deliveries.digestSummary,
        items,
      },
    },
  );
  return { docs: [...remove, digest], count: waiting.length };
}

/** Whether this person may see and retry this undelivered message. */
async function concerns(deps: AppDeps, actor: Actor, m: OutboxMessage): Promise<boolean> {
  if (actor.role === 'unit_manager') return true;
  if (actor.role !== 'team_lead') return false;
  if (m.target.kind === 'user' && m.target.staffId === actor.id) return true;
  return (await groupsOf(deps, m)).some((g) => actor.groups.includes(g));
}

function toText(deps: AppDeps, m: OutboxMessage, lang: Lang): string {
  const t = m.target;
  const w = texts(lang).deliveries;
  if (t.kind === 'user') return deps.org.name(t.staffId);
  if (t.kind === 'group')
    return t.groupId === MANAGEMENT ? w.managementChannel : (deps.org.group(t.groupId)?.name ?? t.groupId);
  return w.aChat;
}

/** What waits or failed that this person can act on: failed first, then what is being retried. */
export async function deliveriesFor(deps: AppDeps, actor: Actor, lang: Lang = 'sv'): Promise<DeliveryItem[]> {
  const w = texts(lang).deliveries;
  const failing = (await deps.store.listDocs(OUTBOX)).filter(
    (m) => m.status === 'dead' || (m.status === 'pending' && m.attempts > 0),
  );
  return (await filterAsync(failing, (m) => concerns(deps, actor, m)))
    .sort((a, b) => Number(b.status === 'dead') - Number(a.status === 'dead') || byUrgency(a, b))
    .map((m) => {
      const dead = m.status === 'dead';
      const reason = dead ? deadReason(m) : ('retrying' as const);
      return {
        id: m.id,
        what: whatOf(m, lang),
        caseId: caseIdOf(m) ?? '',
        to: toText(deps, m, lang),
        state: dead ? w.failed(w.reason[deadReason(m)]) : w.retrying(count(m.attempts, 'försök', lang)),
        reason,
        dead,
      };
    });
}

/** Send an undelivered message again (from the failure card or `leveranser`). */
export async function retryDelivery(
  deps: AppDeps,
  actor: Actor,
  id: string,
  lang: Lang = 'sv',
): Promise<{ ok: true; message: string } | Refusal> {
  const w = texts(lang).deliveries;
  if (actor.role === 'caseworker') return refuse('forbidden', w.onlyLeadsRetry);
  const m = await deps.store.getDoc(OUTBOX, id);
  if (!m || m.status !== 'dead') return { ok: true, message: w.alreadySent };
  if (!(await concerns(deps, actor, m))) return refuse('forbidden', w.otherGroup);
  const retried: OutboxMessage = {
    ...m,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: deps.now().toISOString(),
    version: m.version + 1,
  };
  delete retried.deadAt;
  delete retried.lastError;
  const r = await deps.store.commit({
    docs: [docWrite(OUTBOX, id, retried, m.version)],
    audit: [{ at: deps.now().toISOString(), actor: actor.id, type: 'DeliveryRetried', data: { outboxId: id } }],
  });
  if (!r.ok) return { ok: true, message: w.conflict };
  deps.onOutbox?.();
  return { ok: true, message: w.sentAgain(whatOf(m, lang), toText(deps, m, lang)) };
}

export interface HealthProblem {
  code: string;
  count: number;
}

/** What /healthz reports as problems: codes and counts only. */
export async function healthProblems(deps: AppDeps): Promise<HealthProblem[]> {
  const problems: HealthProblem[] = [];
  const dead = await deadMessages(deps);
  if (dead.length) problems.push({ code: 'undeliverable', count: dead.length });
  const linked = new Set((await deps.store.listDocs(GROUP_CHANNELS)).map((g) => g.groupId));
  const unlinked = deps.org.org.groups.filter((g) => !linked.has(g.id)).length;
  if (unlinked) problems.push({ code: 'group_without_channel', count: unlinked });
  if (!linked.has(MANAGEMENT)) problems.push({ code: 'no_management_channel', count: 1 });
  if (!deps.org.org.groups.some((g) => g.kind === 'out_of_hours'))
    problems.push({ code: 'no_out_of_hours_group', count: 1 });
  return problems;
}
