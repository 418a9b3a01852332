// What /healthz reports as problems: a list of small checks, each returning codes and counts (never
// case content, never which case). A module that can tell that something is wrong adds a check to
// PROBLEM_CHECKS below: a function and a line. docs/operations.md lists every code.
import { CONVERSATIONS, GROUP_CHANNELS, type ConversationRecord, type GroupChannel } from './conversations.js';
import type { AppDeps } from './context.js';
import { OUTBOX, type OutboxMessage } from './outbox.js';

export interface Problem {
  /** Stable, lower_snake_case: what monitoring alerts on. */
  code: string;
  count: number;
}

export type ProblemCheck = (deps: AppDeps) => Problem[] | Promise<Problem[]>;

const DAY_MS = 24 * 3600_000;

/** Messages the drain gave up on (status 'dead') in the last 24 hours: a card someone did not get. */
export const undeliverable: ProblemCheck = (deps) => {
  const since = deps.now().getTime() - DAY_MS;
  const count = deps.store
    .listDocs<OutboxMessage>(OUTBOX)
    .filter((m) => m.status === 'dead' && Date.parse(m.createdAt) >= since).length;
  return count ? [{ code: 'undeliverable', count }] : [];
};

/** Groups whose cards and lists have no channel: not linked (`koppla`), or the channel went away. */
export const groupWithoutChannel: ProblemCheck = (deps) => {
  const count = deps.org.org.groups.filter((g) => {
    const link = deps.store.getDoc<GroupChannel>(GROUP_CHANNELS, g.id);
    const conv = link && deps.store.getDoc<ConversationRecord>(CONVERSATIONS, link.conversationKey);
    return !conv || !conv.active;
  }).length;
  return count ? [{ code: 'group_without_channel', count }] : [];
};

export const PROBLEM_CHECKS: ProblemCheck[] = [undeliverable, groupWithoutChannel];

/** Every check's problems, codes merged (counts added); a check that throws reports itself. */
export async function collectProblems(deps: AppDeps, checks: ProblemCheck[] = PROBLEM_CHECKS): Promise<Problem[]> {
  const byCode = new Map<string, number>();
  for (const check of checks) {
    let found: Problem[];
    try {
      found = await check(deps);
    } catch {
      found = [{ code: 'health_check_failed', count: 1 }];
    }
    for (const p of found) if (p.count > 0) byCode.set(p.code, (byCode.get(p.code) ?? 0) + p.count);
  }
  return [...byCode].map(([code, count]) => ({ code, count })).sort((a, b) => a.code.localeCompare(b.code));
}
