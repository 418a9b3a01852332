// The promise that nothing is dropped silently, checked on every commit the drain makes: a message
// is never marked dead unless the same commit queues a delivery-failure card about it (the only
// exception is the last step of the chain, a report to the management channel that failed, which
// /healthz and `leveranser` then show). Random worlds: which groups have a channel, who can be
// reached, and how each conversation fails.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AppDeps } from '../../src/app/context.js';
import {
  CONVERSATIONS,
  GROUP_CHANNELS,
  MEMBERS,
  userKey,
  type ConversationRecord,
  type MemberRecord,
} from '../../src/app/conversations.js';
import { FAILURE_TEMPLATE, MANAGEMENT, type FailureData } from '../../src/outbox/deliveryFailure.js';
import { healthProblems } from '../../src/app/deliveries.js';
import { OUTBOX, enqueue, type OutboxMessage } from '../../src/outbox/messages.js';
import { OutboxDrain } from '../../src/outbox/drain.js';
import { SendError, type NewConversation, type OutgoingMessage, type Sender } from '../../src/outbox/sender.js';
import type { DocWrite, Transaction } from '../../src/store/port.js';
import { Pacer } from '../../src/outbox/pacer.js';
import { EXAMPLE_ORG } from '../support/bot.js';
import { registerCase, testDeps } from '../support/deps.js';

type Behaviour = 'ok' | 'blocked' | 'gone' | 'disabled' | 'error500' | 'throttled';

class ScriptedSender implements Sender {
  constructor(private readonly behaviour: (key: string) => Behaviour) {}
  private n = 0;
  private fail(key: string) {
    const b = this.behaviour(key);
    if (b === 'blocked') throw new SendError(403, 'ConversationBlockedByUser');
    if (b === 'gone') throw new SendError(404, 'ConversationNotFound');
    if (b === 'disabled') throw new SendError(403, 'BotDisabledByAdmin');
    if (b === 'error500') throw new SendError(500);
    if (b === 'throttled') throw new SendError(429, undefined, 0);
  }
  async post(c: ConversationRecord, _m: OutgoingMessage) {
    this.fail(c.key);
    return { activityId: `act-${++this.n}` };
  }
  async update(c: ConversationRecord) {
    this.fail(c.key);
  }
  async createPersonal(m: MemberRecord): Promise<NewConversation> {
    return {
      key: userKey(m.aadObjectId),
      kind: 'personal',
      reference: { id: m.aadObjectId },
      serviceUrl: m.serviceUrl,
    };
  }
}

const conv = (key: string, kind: ConversationRecord['kind']): DocWrite => ({
  collection: CONVERSATIONS,
  id: key,
  value: {
    key,
    kind,
    reference: { id: key },
    serviceUrl: 'http://connector/',
    active: true,
    updatedAt: '',
    version: 1,
  },
});

/** Every commit the drain makes, recorded. */
function recordCommits(deps: AppDeps): Transaction[] {
  const seen: Transaction[] = [];
  const commit = deps.store.commit.bind(deps.store);
  deps.store.commit = (tx) => {
    seen.push(tx);
    return commit(tx);
  };
  return seen;
}

/** The dead marks in one commit that have no failure card about them in the same commit. */
function silentDeaths(tx: Transaction): OutboxMessage[] {
  const docs = (tx.docs ?? []).filter((d) => d.collection === OUTBOX && d.value);
  const values = docs.map((d) => d.value as unknown as OutboxMessage);
  const reported = new Set(
    values
      .filter((m) => m.status === 'pending' && m.content.kind === 'card' && m.content.template === FAILURE_TEMPLATE)
      .map((m) => (m.content as { data: FailureData }).data.failedId),
  );
  return values.filter(
    (m) =>
      m.status === 'dead' &&
      !reported.has(m.id) &&
      // The last step of the chain: a report to the management channel.
      !(m.content.kind === 'card' && (m.content.data as FailureData).level === 'management'),
  );
}

const GROUPS = EXAMPLE_ORG.groups.map((g) => g.id);
const STAFF = EXAMPLE_ORG.staff.map((s) => s.aadObjectId);
const behaviour = fc.constantFrom<Behaviour>('ok', 'blocked', 'gone', 'disabled', 'error500', 'throttled');

describe('the dead-letter point', () => {
  it('never marks a message dead without a delivery-failure card queued in the same commit', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          linked: fc.subarray([...GROUPS, MANAGEMENT]),
          reachable: fc.subarray(STAFF),
          channel: fc.dictionary(fc.constantFrom(...GROUPS, MANAGEMENT), behaviour),
          person: fc.dictionary(fc.constantFrom(...STAFF), behaviour),
        }),
        async (world) => {
          const deps = await testDeps();
          const docs: DocWrite[] = [];
          for (const g of world.linked) {
            const key = `channel:19:${g}@thread.tacv2`;
            docs.push(conv(key, 'channel'), {
              collection: GROUP_CHANNELS,
              id: g,
              value: { groupId: g, conversationKey: key, linkedBy: 'x', linkedAt: '', version: 1 },
            });
          }
          for (const id of world.reachable)
            docs.push({
              collection: MEMBERS,
              id,
              value: { aadObjectId: id, teamsId: `29:${id}`, serviceUrl: 'http://connector/', version: 1 },
            });
          const now = deps.now();
          for (const g of GROUPS)
            docs.push(enqueue(now, { kind: 'group', groupId: g }, { kind: 'card', template: 'notice', data: {} }));
          for (const id of STAFF)
            docs.push(enqueue(now, { kind: 'user', staffId: id }, { kind: 'card', template: 'reminder', data: {} }));
          await deps.store.commit({ docs });
          await registerCase(deps, { concerns: ['violence'] });
          const byKey = (key: string): Behaviour => {
            const g = key.match(/^channel:19:(.+)@thread/)?.[1];
            if (g) return world.channel[g] ?? 'ok';
            return world.person[key.replace(/^user:/, '')] ?? 'ok';
          };
          const commits = recordCommits(deps);
          const drain = new OutboxDrain(deps, new ScriptedSender(byKey), {
            backoffBaseMs: 0,
            random: () => 0,
            // Retryable failures (500, 429) are given up on at their first try past the horizon.
            deadLetterAfterMs: 0,
            // Teams' pacing is another test's subject: here it would only make the runs slow.
            pacer: new Pacer([{ ms: 1, max: 1_000 }], [{ ms: 1, max: 1_000 }]),
          });
          drain.start();
          // Until nothing is pending: every message delivered or dead.
          for (let i = 0; i < 400; i++) {
            await drain.idle();
            if (!(await deps.store.listDocs<OutboxMessage>(OUTBOX)).some((m) => m.status === 'pending')) break;
            await new Promise((r) => setTimeout(r, 5));
          }
          await drain.stop();
          const outbox = await deps.store.listDocs<OutboxMessage>(OUTBOX);
          expect(outbox.filter((m) => m.status === 'pending')).toEqual([]);
          expect(commits.flatMap(silentDeaths)).toEqual([]);
          const dead = outbox.filter((m) => m.status === 'dead').length;
          // Whatever is dead is visible to operations, as a count.
          if (dead) expect(await healthProblems(deps)).toContainEqual({ code: 'undeliverable', count: dead });
          await deps.store.close();
        },
      ),
      { numRuns: 10 },
    );
  }, 120_000);
});
