// A unit with a movable clock and a caseworker who owns some open cases, on the real lowdb store.
import type { AppDeps } from '../../src/app/context.js';
import { assignCase } from '../../src/app/assignCase.js';
import { OUTBOX, type OutboxMessage } from '../../src/outbox/messages.js';
import type { Case, Organisation, Staff } from '../../src/domain/schemas.js';
import { EXAMPLE_ORG, person } from '../support/bot.js';
import { actorOf, registerCase, testDeps } from '../support/deps.js';

export const who = (first: string, org: Organisation = EXAMPLE_ORG): Staff => person(org, first);

export interface Unit {
  deps: AppDeps;
  setNow(iso: string): void;
  outbox(): Promise<OutboxMessage[]>;
  /** Forget what is queued so far (as if it had been sent). */
  clearOutbox(): Promise<void>;
}

export async function unit(startIso = '2026-11-23T09:30:00+01:00', org: Organisation = EXAMPLE_ORG): Promise<Unit> {
  let now = new Date(startIso);
  const deps = await testDeps({ now: () => now, org });
  deps.config.plannedLeaveHandoverDays = 3;
  return {
    deps,
    setNow(iso) {
      now = new Date(iso);
    },
    outbox: async () => await deps.store.listDocs<OutboxMessage>(OUTBOX),
    async clearOutbox() {
      const docs = (await deps.store.listDocs<OutboxMessage>(OUTBOX)).map((m) => ({
        collection: OUTBOX,
        id: m.id,
        value: null,
      }));
      if (docs.length) await deps.store.commit({ docs });
    },
  };
}

/**
 * `n` open cases in barn-mottagning owned by `owner`, received on successive days before the clock so
 * that their förhandsbedömning deadlines differ (the first received is the most urgent).
 */
export async function casesOwnedBy(
  deps: AppDeps,
  owner: Staff,
  n: number,
  prefix = 'IFO-2026-0001',
  org: Organisation = EXAMPLE_ORG,
): Promise<Case[]> {
  const lead = who('karin', org);
  const out: Case[] = [];
  for (let i = 0; i < n; i++) {
    const id = `${prefix}${String(i + 1).padStart(2, '0')}`;
    const day = String(10 + i).padStart(2, '0');
    const c = await registerCase(deps, {
      externalId: id,
      childRef: `B-2026-${String(500 + i)}`,
      receivedAt: `2026-11-${day}T09:00:00+01:00`,
    });
    const r = await assignCase(deps, {
      caseId: c.id,
      version: c.version,
      assignees: [owner.aadObjectId],
      actor: actorOf(lead),
    });
    if (!r.ok) throw new Error(r.refusal.message);
    out.push(r.case);
  }
  return out;
}
