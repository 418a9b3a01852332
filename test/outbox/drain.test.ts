// The outbox drain with a recording Sender: posts then updates in place, survives a restart, retries
// throttling as the connector asks, and gives up on a gone conversation with a word to the team lead.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { takeCase } from '../../src/app/assignCase.js';
import type { AppDeps } from '../../src/app/context.js';
import {
  CONVERSATIONS,
  GROUP_CHANNELS,
  userKey,
  type ConversationRecord,
  type MemberRecord,
} from '../../src/app/conversations.js';
import { OUTBOX, enqueue, type OutboxMessage } from '../../src/outbox/messages.js';
import { docWrite } from '../../src/store/port.js';
import { OutboxDrain } from '../../src/outbox/drain.js';
import { SendError, type NewConversation, type OutgoingMessage, type Sender } from '../../src/outbox/sender.js';
import { CARD_ACTIVITIES } from '../../src/outbox/cardActivities.js';
import { registerAbsence } from '../../src/app/absence.js';
import {
  getHandover,
  handoverCardInput,
  handoverCardKey,
  handoverDocWrite,
  reassignFromHandover,
} from '../../src/app/handover.js';
import { fittedHandoverCardData } from '../../src/cards/handoverCard.js';
import { cardText, EXAMPLE_ORG, person } from '../support/bot.js';
import { casesOwnedBy } from '../app/absence.support.js';
import { actorOf, registerCase, testDeps } from '../support/deps.js';

const karin = person(EXAMPLE_ORG, 'karin');
const anna = person(EXAMPLE_ORG, 'anna');
const CHANNEL_KEY = 'channel:19:mottagning@thread.tacv2';

class RecordingSender implements Sender {
  readonly sent: { op: 'post' | 'update'; conversation: string; activityId?: string; message: OutgoingMessage }[] = [];
  /** Errors thrown by the next sends, in order. */
  failures: SendError[] = [];
  private n = 0;
  async post(c: ConversationRecord, message: OutgoingMessage) {
    const f = this.failures.shift();
    if (f) throw f;
    const activityId = `act-${++this.n}`;
    this.sent.push({ op: 'post', conversation: c.key, activityId, message });
    return { activityId };
  }
  async update(c: ConversationRecord, activityId: string, message: OutgoingMessage) {
    const f = this.failures.shift();
    if (f) throw f;
    this.sent.push({ op: 'update', conversation: c.key, activityId, message });
  }
  async createPersonal(m: MemberRecord): Promise<NewConversation> {
    return {
      key: userKey(m.aadObjectId),
      kind: 'personal',
      reference: { conversation: { id: `a:${m.aadObjectId}` } },
      serviceUrl: m.serviceUrl,
    };
  }
}

function conversation(key: string, kind: ConversationRecord['kind']) {
  const value: ConversationRecord = {
    key,
    kind,
    reference: { conversation: { id: key } },
    serviceUrl: 'http://connector/',
    active: true,
    updatedAt: '2026-11-20T08:00:00Z',
    version: 1,
  };
  return { collection: CONVERSATIONS, id: key, value: value as unknown as Record<string, unknown> };
}

async function linked(deps: AppDeps) {
  await deps.store.commit({
    docs: [
      conversation(CHANNEL_KEY, 'channel'),
      conversation(userKey(karin.aadObjectId), 'personal'),
      {
        collection: GROUP_CHANNELS,
        id: 'barn-mottagning',
        value: {
          groupId: 'barn-mottagning',
          conversationKey: CHANNEL_KEY,
          linkedBy: karin.aadObjectId,
          linkedAt: '2026-11-20T08:00:00Z',
          version: 1,
        },
      },
    ],
  });
}

/** A drain whose retry clock the test moves by hand. */
function drainWith(deps: AppDeps, sender: Sender) {
  const clock = { t: Date.parse('2026-11-20T09:30:00Z') };
  const drain = new OutboxDrain(deps, sender, { clock: () => clock.t, backoffBaseMs: 1_000, random: () => 0.5 });
  return { drain, clock };
}

async function runOnce(drain: OutboxDrain) {
  drain.start();
  await drain.idle();
  await drain.stop();
}

const pending = async (deps: AppDeps) =>
  (await deps.store.listDocs<OutboxMessage>(OUTBOX)).filter((m) => m.status === 'pending');

/** Anna away with `n` open cases, her checklist made, and the outbox emptied (as if it had all been sent). */
async function annaAway(deps: AppDeps, n: number) {
  const cases = await casesOwnedBy(deps, anna, n);
  const sick = await registerAbsence(deps, { actor: actorOf(karin), staffId: anna.aadObjectId });
  if (!sick.ok || !sick.handover) throw new Error('no handover');
  await deps.store.commit({ docs: (await pending(deps)).map((m) => docWrite(OUTBOX, m.id, null)) });
  return { cases, h: sick.handover };
}

describe('the outbox drain', () => {
  it('posts a case card once, then updates that same message when the case changes, rendered from the current case', async () => {
    const deps = await testDeps();
    await linked(deps);
    await registerCase(deps);
    const sender = new RecordingSender();
    const { drain } = drainWith(deps, sender);
    await runOnce(drain);
    expect(sender.sent).toHaveLength(1);
    expect(sender.sent[0]).toMatchObject({ op: 'post', conversation: CHANNEL_KEY });
    expect(await deps.store.listDocs(OUTBOX)).toEqual([]);
    await takeCase(deps, { caseId: 'IFO-2026-004512', version: 1, actor: actorOf(anna) });
    await runOnce(drain);
    expect(sender.sent).toHaveLength(2);
    expect(sender.sent[1]).toMatchObject({
      op: 'update',
      conversation: CHANNEL_KEY,
      activityId: sender.sent[0].activityId,
    });
    expect(JSON.stringify(sender.sent[1].message.card)).toContain('Anna Berg');
    expect(await deps.store.getDoc(CARD_ACTIVITIES, 'case:IFO-2026-004512:group:barn-mottagning')).toMatchObject({
      activityId: 'act-1',
    });
  });

  it('keeps a queued message across a restart and sends it once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arendevakt-drain-'));
    let deps: AppDeps | undefined;
    try {
      const file = join(dir, 'db.json');
      const first = await testDeps({ dataFile: file });
      await linked(first);
      await registerCase(first);
      await first.store.close(); // the process stops before the drain ran
      deps = await testDeps({ dataFile: file });
      expect(await pending(deps)).toHaveLength(1);
      const sender = new RecordingSender();
      const { drain } = drainWith(deps, sender);
      await runOnce(drain);
      await runOnce(drain);
      expect(sender.sent).toHaveLength(1);
      expect(await pending(deps)).toEqual([]);
    } finally {
      await deps?.store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('waits as long as Retry-After says after a 429, then sends', async () => {
    const deps = await testDeps();
    await linked(deps);
    await registerCase(deps);
    const sender = new RecordingSender();
    sender.failures.push(new SendError(429, 'Throttled', 3_000));
    const { drain, clock } = drainWith(deps, sender);
    await runOnce(drain);
    expect(sender.sent).toEqual([]);
    const [msg] = await pending(deps);
    expect(msg.attempts).toBe(1);
    expect(Date.parse(msg.nextAttemptAt)).toBe(clock.t + 3_000);
    clock.t += 2_999;
    await runOnce(drain);
    expect(sender.sent).toEqual([]);
    clock.t += 1;
    await runOnce(drain);
    expect(sender.sent).toHaveLength(1);
  });

  it('backs off exponentially on 503 and 412 without Retry-After', async () => {
    const deps = await testDeps();
    await linked(deps);
    await registerCase(deps);
    const sender = new RecordingSender();
    sender.failures.push(new SendError(503), new SendError(412));
    const { drain, clock } = drainWith(deps, sender);
    const start = clock.t;
    await runOnce(drain);
    expect(Date.parse((await pending(deps))[0].nextAttemptAt) - start).toBe(1_000); // base × 2^0 × (0.5 + 0.5)
    clock.t += 1_000;
    await runOnce(drain);
    expect((await pending(deps))[0].attempts).toBe(2);
    expect(Date.parse((await pending(deps))[0].nextAttemptAt) - clock.t).toBe(2_000);
    clock.t += 2_000;
    await runOnce(drain);
    expect(sender.sent).toHaveLength(1);
  });

  it('marks a channel that is gone inactive, tells the team lead in her 1:1 with a card, and stops trying', async () => {
    const deps = await testDeps();
    await linked(deps);
    await registerCase(deps);
    const sender = new RecordingSender();
    sender.failures.push(new SendError(404, 'ConversationNotFound'));
    const { drain } = drainWith(deps, sender);
    await runOnce(drain);
    expect(await deps.store.getDoc<ConversationRecord>(CONVERSATIONS, CHANNEL_KEY)).toMatchObject({
      active: false,
      inactiveReason: 'ConversationNotFound',
    });
    const told = sender.sent.filter((s) => s.conversation === userKey(karin.aadObjectId));
    expect(told).toHaveLength(1);
    expect(cardText(told[0].message.card)).toMatch(/når inte gruppens kanal \(Mottagning barn och unga\)/);
    // A later card for the group is not sent into the void, and not retried: reported again instead.
    await deps.store.commit({
      docs: [enqueue(deps.now(), { kind: 'group', groupId: 'barn-mottagning' }, { kind: 'text', text: 'test' })],
    });
    await runOnce(drain);
    await runOnce(drain);
    expect(sender.sent.filter((s) => s.conversation === CHANNEL_KEY)).toEqual([]);
    expect(await pending(deps)).toEqual([]);
    expect(sender.sent.filter((s) => s.conversation === userKey(karin.aadObjectId))).toHaveLength(2);
  });
  it('draws a queued handover checklist when it sends it: of two updates queued, one goes, showing the list as it is then', async () => {
    const deps = await testDeps();
    await linked(deps);
    const cases = await casesOwnedBy(deps, anna, 2);
    await deps.store.commit({ docs: (await pending(deps)).map((m) => docWrite(OUTBOX, m.id, null)) });
    const sick = await registerAbsence(deps, { actor: actorOf(karin), staffId: anna.aadObjectId });
    if (!sick.ok || !sick.handover) throw new Error('no handover');
    const h = sick.handover;
    // Queued by its id alone, then a second update before the drain runs.
    const checklist = async () =>
      (await pending(deps)).filter((m) => m.upsertKey === handoverCardKey(h.id, 'barn-mottagning'));
    expect((await checklist()).map((m) => m.content)).toEqual([{ kind: 'handoverCard', handoverId: h.id }]);
    const bo = person(EXAMPLE_ORG, 'bo');
    const moved = await reassignFromHandover(deps, {
      actor: actorOf(karin),
      handoverId: h.id,
      caseId: cases[0].id,
      version: (await deps.store.getCase(cases[0].id))!.version,
      newOwnerId: bo.aadObjectId,
    });
    expect(moved.ok).toBe(true);
    expect(await checklist()).toHaveLength(2);
    const sender = new RecordingSender();
    const { drain } = drainWith(deps, sender);
    await runOnce(drain);
    const posted = sender.sent.filter(
      (s) => s.conversation === CHANNEL_KEY && cardText(s.message.card).includes('Överlämning'),
    );
    expect(posted).toHaveLength(1);
    expect(cardText(posted[0].message.card)).toContain('1 av 2 har ny handläggare');
    // The toast names what the drawn card holds, not the id it was queued with.
    expect(posted[0].message.summary).toMatch(/^Överlämning – 2 ärenden/);
    expect(await pending(deps)).toEqual([]);
  });

  it('lets a queued checklist go, with no report, when nothing is left on it: its handover gone or emptied by gallring', async () => {
    const deps = await testDeps();
    await linked(deps);
    const { h } = await annaAway(deps, 1);
    // Gallring leaves the handover with no entries; another checklist's document is gone altogether.
    const stored = (await getHandover(deps, h.id))!;
    await deps.store.commit({ docs: [handoverDocWrite({ ...stored, entries: [] }, stored.version)] });
    const group = { kind: 'group' as const, groupId: 'barn-mottagning' };
    await deps.store.commit({
      docs: [
        enqueue(
          deps.now(),
          group,
          { kind: 'handoverCard', handoverId: h.id },
          handoverCardKey(h.id, 'barn-mottagning'),
        ),
        enqueue(
          deps.now(),
          group,
          { kind: 'handoverCard', handoverId: 'gone' },
          handoverCardKey('gone', 'barn-mottagning'),
        ),
      ],
    });
    const sender = new RecordingSender();
    const { drain } = drainWith(deps, sender);
    await runOnce(drain);
    // Nothing posted, nobody told (there is nothing for anyone to do), nothing left queued or dead.
    expect(sender.sent).toEqual([]);
    expect(await deps.store.listDocs(OUTBOX)).toEqual([]);
  });

  it('still draws a checklist queued before it was drawn at send time, from the data it was queued with', async () => {
    const deps = await testDeps();
    await linked(deps);
    const { h } = await annaAway(deps, 2);
    // The old shape: the fitted card data itself, no `fit`.
    const data = fittedHandoverCardData(await handoverCardInput(deps, h));
    await deps.store.commit({
      docs: [
        enqueue(
          deps.now(),
          { kind: 'group', groupId: 'barn-mottagning' },
          { kind: 'card', template: 'handover', data },
          handoverCardKey(h.id, 'barn-mottagning'),
        ),
      ],
    });
    const sender = new RecordingSender();
    const { drain } = drainWith(deps, sender);
    await runOnce(drain);
    expect(sender.sent).toHaveLength(1);
    expect(cardText(sender.sent[0].message.card)).toContain('Överlämning: Anna Berg är frånvarande');
    expect(cardText(sender.sent[0].message.card)).toContain('0 av 2 ärenden överlämnade');
    expect(sender.sent[0].message.summary).toMatch(/^Överlämning – 2 ärenden/);
  });
});
