// The outbox drain: sends what use cases queued, paced to Teams' limits, retried on throttling and
// transient errors with exponential backoff and jitter (honouring Retry-After), and given up on with
// a delivery-failure card to whoever can fix it (src/app/deliveryFailure.ts): never silently. A message is removed from the
// outbox only after the connector accepted it (at-least-once: a crash between the connector's answer
// and the round's commit sends that round again; an update is then repeated, a post may be doubled).
import type { AppDeps } from '../app/context.js';
import { assignedToYouCardFor, caseCardFor } from '../app/present.js';
import { OUTBOX, type OutboxMessage } from '../app/outbox.js';
import { deadLetter } from '../app/deliveryFailure.js';
import {
  CONVERSATIONS,
  MEMBERS,
  channelOfGroup,
  markInactive,
  rememberConversation,
  userKey,
  type ConversationRecord,
  type MemberRecord,
} from '../app/conversations.js';
import { renderCard, type Card } from '../cards/render.js';
import type { DocWrite } from '../store/port.js';
import { errorFields, log } from '../log.js';
import { Pacer } from './pacer.js';

export const CARD_ACTIVITIES = 'cardActivities';

export interface OutgoingMessage {
  card?: Card;
  text?: string;
}

export type NewConversation = Omit<ConversationRecord, 'version' | 'updatedAt' | 'active'>;

/** The port the bot layer implements: how a message reaches Teams. */
export interface Sender {
  post(conversation: ConversationRecord, message: OutgoingMessage): Promise<{ activityId: string }>;
  update(conversation: ConversationRecord, activityId: string, message: OutgoingMessage): Promise<void>;
  createPersonal(member: MemberRecord): Promise<NewConversation>;
}

/** A failed send as the connector answered it. */
export class SendError extends Error {
  constructor(
    readonly status: number,
    readonly code?: string,
    readonly retryAfterMs?: number,
  ) {
    super(`send failed: ${status}${code ? ` ${code}` : ''}`);
  }
}

const RETRYABLE = new Set([429, 412, 502, 503, 504]);
const GONE_CODES = new Set([
  'ConversationBlockedByUser',
  'BotNotInConversationRoster',
  'BotDisabledByAdmin',
  'MessageWritesBlocked',
  'ConversationNotFound',
]);
const MAX_ATTEMPTS = 12;

interface CardActivity {
  activityId: string;
  conversationKey: string;
  version: number;
}

export interface DrainOptions {
  concurrency?: number;
  pacer?: Pacer;
  /** Base of the exponential backoff in ms. */
  backoffBaseMs?: number;
  random?: () => number;
  /**
   * The clock for retry timing, in ms. Wall time by default and deliberately not deps.now: business
   * time may be fixed (tests) or far from the real one, while a retry must wait real seconds.
   */
  clock?: () => number;
  /** Delay between a commit that queued messages and the drain round that sends them. */
  kickDelayMs?: number;
}

export class OutboxDrain {
  private readonly pacer: Pacer;
  private readonly inFlight = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private lastRoundAt = 0;
  sentCount = 0;

  constructor(
    private readonly deps: AppDeps,
    private readonly sender: Sender,
    private readonly opts: DrainOptions = {},
  ) {
    this.pacer = opts.pacer ?? new Pacer();
  }

  /**
   * Something was queued: drain soon. Not at once: the invoke that queued it answers the person who
   * pressed first, and a burst of changes is sent as one round.
   */
  kick(): void {
    if (this.stopped) return;
    this.schedule(this.opts.kickDelayMs ?? 10);
  }

  start(): void {
    this.stopped = false;
    this.lastRoundAt = this.clock();
    this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.running) await this.running;
  }

  /** Wait until nothing is pending that could be sent now (tests and shutdown). */
  async idle(timeoutMs = 10_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (!this.running && this.inFlight.size === 0 && this.due().length === 0) return;
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /**
   * For /readyz: the drain runs, and messages that are due (never tried, or past their backoff) do
   * not wait longer than `stuckMs` for a round: one due for minutes means the drain does not drain.
   */
  health(stuckMs = 5 * 60_000): { ok: boolean; due: number } {
    const due = this.due().length;
    const stuck = due > 0 && this.clock() - this.lastRoundAt > stuckMs;
    return { ok: !this.stopped && !stuck, due };
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) {
      if (ms > 0) return; // an earlier wake-up is already set
      clearTimeout(this.timer);
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.running) {
        this.running = this.drain().finally(() => {
          this.running = null;
        });
      } else this.schedule(20);
    }, ms);
  }

  private clock(): number {
    return (this.opts.clock ?? Date.now)();
  }

  /** A message never tried is due at once; a retried one when its backoff (set by our clock) has passed. */
  private isDue(m: OutboxMessage, now: number): boolean {
    return m.attempts === 0 || Date.parse(m.nextAttemptAt) <= now;
  }

  private due(): OutboxMessage[] {
    const now = this.clock();
    return this.deps.store
      .listDocs<OutboxMessage>(OUTBOX)
      .filter((m) => m.status === 'pending' && this.isDue(m, now) && !this.inFlight.has(m.id))
      .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
  }

  private async drain(): Promise<void> {
    this.lastRoundAt = this.clock();
    // Several instances on one database: catch up, and only the leader sends (src/store/port.ts).
    await this.deps.store.refresh?.();
    if (this.deps.store.holdLead && !(await this.deps.store.holdLead('outbox'))) return this.schedule(2_000);
    const concurrency = this.opts.concurrency ?? 16;
    const pending = await this.supersede(this.due());
    const tasks: Promise<void>[] = [];
    const done: DocWrite[] = [];
    const busyKeys = new Set<string>();
    let nextWake = Infinity;
    for (const msg of pending) {
      if (this.stopped) break;
      if (this.inFlight.size >= concurrency) {
        nextWake = 5;
        break;
      }
      // One message at a time per card, so updates of the same card keep their order.
      if (msg.upsertKey && busyKeys.has(msg.upsertKey)) continue;
      const convKey = this.conversationKeyOf(msg);
      const wait = this.pacer.wait(convKey, this.clock());
      if (wait > 0) {
        nextWake = Math.min(nextWake, wait);
        continue;
      }
      this.pacer.record(convKey, this.clock());
      if (msg.upsertKey) busyKeys.add(msg.upsertKey);
      this.inFlight.add(msg.id);
      tasks.push(this.deliver(msg, done));
    }
    await Promise.all(tasks);
    // One durable commit for the round's sent messages (not one each): fewer fsyncs competing with
    // the commits of people's actions. At-least-once: a crash before this commit resends the round.
    try {
      if (done.length) await this.deps.store.commit({ docs: done });
    } finally {
      for (const msg of pending) this.inFlight.delete(msg.id);
    }
    if (tasks.length > 0) nextWake = 0;
    const later = this.deps.store
      .listDocs<OutboxMessage>(OUTBOX)
      .filter((m) => m.status === 'pending' && !this.inFlight.has(m.id))
      .map((m) => (m.attempts === 0 ? 0 : Date.parse(m.nextAttemptAt) - this.clock()));
    if (later.length) nextWake = Math.min(nextWake, Math.max(20, Math.min(...later)));
    if (nextWake !== Infinity) this.schedule(Math.min(nextWake, 60_000));
  }

  /** Of several pending updates of the same case card only the newest is sent: it is rendered fresh anyway. */
  private async supersede(pending: OutboxMessage[]): Promise<OutboxMessage[]> {
    const newest = new Map<string, OutboxMessage>();
    for (const m of pending) if (m.upsertKey && m.content.kind === 'caseCard') newest.set(m.upsertKey, m);
    const drop = pending.filter((m) => m.upsertKey && m.content.kind === 'caseCard' && newest.get(m.upsertKey) !== m);
    if (drop.length) {
      await this.deps.store.commit({
        docs: drop.map((m) => ({ collection: OUTBOX, id: m.id, value: null, expectedVersion: m.version })),
      });
    }
    return pending.filter((m) => !drop.includes(m));
  }

  private conversationKeyOf(msg: OutboxMessage): string {
    const t = msg.target;
    if (t.kind === 'group') return `group:${t.groupId}`;
    if (t.kind === 'user') return userKey(t.staffId);
    return t.key;
  }

  private async resolve(msg: OutboxMessage): Promise<ConversationRecord | undefined> {
    const t = msg.target;
    if (t.kind === 'group') return channelOfGroup(this.deps, t.groupId);
    if (t.kind === 'conversation') return this.deps.store.getDoc<ConversationRecord>(CONVERSATIONS, t.key);
    const existing = this.deps.store.getDoc<ConversationRecord>(CONVERSATIONS, userKey(t.staffId));
    if (existing) return existing;
    const member = this.deps.store.getDoc<MemberRecord>(MEMBERS, t.staffId);
    if (!member) return undefined;
    const created = await this.sender.createPersonal(member);
    const write = rememberConversation(this.deps, created);
    if (write) await this.deps.store.commit({ docs: [write] });
    return this.deps.store.getDoc<ConversationRecord>(CONVERSATIONS, created.key);
  }

  private render(msg: OutboxMessage): OutgoingMessage | undefined {
    const c = msg.content;
    if (c.kind === 'text') return { text: c.text };
    if (c.kind === 'card') return { card: renderCard(c.template, c.data as object) };
    const found = this.deps.store.getCase(c.caseId);
    if (!found) return undefined;
    if (c.view === 'assignedToYou' && msg.target.kind === 'user')
      return { card: assignedToYouCardFor(this.deps, found, msg.target.staffId, c.note) };
    const viewer = msg.target.kind === 'user' ? (this.deps.org.staff(msg.target.staffId)?.role ?? 'none') : 'all';
    return {
      card: caseCardFor(this.deps, found, { viewer, ...(c.note ? { notice: { text: c.note, tone: 'good' } } : {}) }),
    };
  }

  /** Send one message; what marks it sent goes into `done`, committed once for the round. */
  private async deliver(msg: OutboxMessage, done: DocWrite[]): Promise<void> {
    let conversation: ConversationRecord | undefined;
    try {
      conversation = await this.resolve(msg);
      if (!conversation) return await this.giveUp(msg, msg.target.kind === 'group' ? 'no_channel' : 'no_chat');
      if (!conversation.active) return await this.giveUp(msg, conversation.inactiveReason ?? 'gone', 'inactive');
      const out = this.render(msg);
      if (!out) return await this.giveUp(msg, 'nothing_to_render');
      // No version check on the delete: an in-flight message is touched by nothing else, and one
      // conflict must not undo the bookkeeping of the whole round.
      const docs: DocWrite[] = [{ collection: OUTBOX, id: msg.id, value: null }];
      const known = msg.upsertKey ? this.deps.store.getDoc<CardActivity>(CARD_ACTIVITIES, msg.upsertKey) : undefined;
      if (known && known.conversationKey === conversation.key) {
        try {
          await this.sender.update(conversation, known.activityId, out);
        } catch (err) {
          // The message was deleted in Teams: post it again.
          if (!(err instanceof SendError && err.status === 404 && !err.code)) throw err;
          const { activityId } = await this.sender.post(conversation, out);
          docs.push(this.cardActivity(msg.upsertKey!, activityId, conversation.key, known));
        }
      } else {
        const { activityId } = await this.sender.post(conversation, out);
        if (msg.upsertKey) docs.push(this.cardActivity(msg.upsertKey, activityId, conversation.key, known));
      }
      done.push(...docs);
      this.sentCount++;
    } catch (err) {
      await this.failed(msg, conversation, err);
    }
  }

  private cardActivity(key: string, activityId: string, conversationKey: string, known?: CardActivity): DocWrite {
    return {
      collection: CARD_ACTIVITIES,
      id: key,
      value: { activityId, conversationKey, version: (known?.version ?? 0) + 1 },
    };
  }

  private async failed(msg: OutboxMessage, conversation: ConversationRecord | undefined, err: unknown): Promise<void> {
    const status = err instanceof SendError ? err.status : 0;
    const code = err instanceof SendError ? err.code : undefined;
    if ((status === 403 || status === 404) && conversation && (!code || GONE_CODES.has(code))) {
      log.warn(
        { outboxId: msg.id, conversation: conversation.key, status, code },
        'conversation gone or blocked; marked inactive',
      );
      const inactive = markInactive(this.deps, conversation.key, code ?? String(status));
      return this.giveUp(msg, code ?? 'gone', `${status} ${code ?? ''}`.trim(), inactive ? [inactive] : []);
    }
    const attempts = msg.attempts + 1;
    const retryable = RETRYABLE.has(status);
    if (attempts >= (retryable ? MAX_ATTEMPTS : 5))
      return this.giveUp(msg, 'retries_exhausted', `${status || errorFields(err).code || errorFields(err).error}`);
    const base = this.opts.backoffBaseMs ?? 1_000;
    const random = this.opts.random ?? Math.random;
    const backoff = Math.min(base * 2 ** (attempts - 1), 5 * 60_000) * (0.5 + random());
    const delay = err instanceof SendError && err.retryAfterMs !== undefined ? Math.max(err.retryAfterMs, 0) : backoff;
    log.info({ outboxId: msg.id, status, attempts, delayMs: Math.round(delay) }, 'send failed; will retry');
    await this.deps.store.commit({
      docs: [
        {
          collection: OUTBOX,
          id: msg.id,
          expectedVersion: msg.version,
          value: {
            ...msg,
            attempts,
            nextAttemptAt: new Date(this.clock() + delay).toISOString(),
            lastError: String(status || 'error'),
            version: msg.version + 1,
          },
        },
      ],
    });
    this.schedule(Math.max(delay, 5));
  }

  /**
   * Stop trying: the message is kept as dead and reported (src/app/deliveryFailure.ts) in one commit.
   * The only place the drain gives up.
   */
  private async giveUp(msg: OutboxMessage, code: string, detail?: string, extra: DocWrite[] = []): Promise<void> {
    log.warn({ outboxId: msg.id, reason: code, detail }, 'outbox message undeliverable; reported');
    await this.deps.store.commit({ docs: [...deadLetter(this.deps, msg, code, detail), ...extra] });
    this.deps.onOutbox?.();
  }
}
