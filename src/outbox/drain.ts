// The outbox drain: sends what use cases queued, paced to Teams' limits, retried on throttling and
// transient errors with exponential backoff and jitter (honouring Retry-After), and given up on with
// a delivery-failure card to whoever can fix it (src/outbox/deliveryFailure.ts): never silently. This
// file chooses what goes in each round and when; one message's delivery is ./delivery.ts. A message is removed from the
// outbox only after the connector accepted it, in a commit made as soon as that one send's answer is
// known (at-least-once: a crash repeats at most the sends in flight at that instant; an update is
// then repeated, which changes nothing, a post may be doubled). Every send has a deadline; a send
// that times out or meets a network error (refused, reset, DNS) is retried like a 503, for as long as
// the dead-letter horizon (default 24 h) since its first failure.
import { docWrite } from '../store/port.js';
import type { AppDeps } from '../app/context.js';
import { userKey } from '../app/conversations.js';
import { errorFields, log } from '../log.js';
import { Delivery } from './delivery.js';
import { OUTBOX, type OutboxMessage } from './messages.js';
import { Pacer } from './pacer.js';
import type { Sender } from './sender.js';

export const DEFAULT_SEND_TIMEOUT_MS = 20_000;
/**
 * Sends in flight at once (OUTBOX_CONCURRENCY): a kill -9 repeats at most these. Four keep Teams'
 * 46 a second with a connector answering in 100 ms; measured with `npm run trials:drain-crash`.
 */
export const DEFAULT_CONCURRENCY = 4;

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
  /** The deadline of one send, connect to answer (OUTBOX_SEND_TIMEOUT_MS). */
  sendTimeoutMs?: number;
  /** How long a retryable failure is retried, from its first failure (OUTBOX_DEAD_LETTER_HOURS). */
  deadLetterAfterMs?: number;
  /** How long stop() waits for sends in flight; what is not answered by then is sent after a restart. */
  stopGraceMs?: number;
}

export class OutboxDrain {
  private readonly pacer: Pacer;
  private readonly delivery: Delivery;
  private readonly inFlight = new Set<string>();
  /** Upsert keys with a send in flight: one at a time per card, so updates keep their order. */
  private readonly busyKeys = new Set<string>();
  private readonly tasks = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private lastRoundAt = 0;
  sentCount = 0;

  constructor(
    private readonly deps: AppDeps,
    sender: Sender,
    private readonly opts: DrainOptions = {},
  ) {
    this.pacer = opts.pacer ?? new Pacer();
    this.delivery = new Delivery(deps, sender, {
      ...opts,
      sendTimeoutMs: opts.sendTimeoutMs ?? DEFAULT_SEND_TIMEOUT_MS,
      clock: () => this.clock(),
    });
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

  /** Stop sending; waits for sends in flight at most `stopGraceMs` (they stay queued if unanswered). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const until = Date.now() + (this.opts.stopGraceMs ?? 3_000);
    while ((this.running || this.tasks.size) && Date.now() < until)
      await Promise.race([
        Promise.all([this.running, ...this.tasks]),
        new Promise((r) => setTimeout(r, Math.max(1, until - Date.now()))),
      ]);
  }

  /** Wait until nothing is pending that could be sent now (tests and shutdown). */
  async idle(timeoutMs = 10_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (!this.running && this.inFlight.size === 0 && (await this.due()).length === 0) return;
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /**
   * For /readyz: the drain runs, and messages that are due (never tried, or past their backoff) do
   * not wait longer than `stuckMs` for a round: one due for minutes means the drain does not drain.
   */
  async health(stuckMs = 5 * 60_000): Promise<{ ok: boolean; due: number }> {
    const due = (await this.due()).length;
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
        this.running = this.drain()
          .catch((err) => {
            // A round that failed (a full disk refusing the bookkeeping): try again later, stay up.
            log.error(errorFields(err), 'outbox round failed; retrying');
            this.schedule(5_000);
          })
          .finally(() => {
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

  private async due(): Promise<OutboxMessage[]> {
    const now = this.clock();
    return (await this.deps.store.listDocs(OUTBOX))
      .filter((m) => m.status === 'pending' && this.isDue(m, now) && !this.inFlight.has(m.id))
      .sort(
        // Fewest tries first, then oldest: in an outage every message gets its turn, instead of the
        // oldest ones taking every slot again as soon as their short first backoffs pass.
        (a, b) =>
          a.attempts - b.attempts ||
          (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1),
      );
  }

  private async drain(): Promise<void> {
    this.lastRoundAt = this.clock();
    // Several instances on one database: catch up, and only the leader sends (src/store/port.ts).
    await this.deps.store.refresh?.();
    if (this.deps.store.holdLead && !(await this.deps.store.holdLead('outbox'))) return this.schedule(2_000);
    const concurrency = this.opts.concurrency ?? DEFAULT_CONCURRENCY;
    const pending = await this.supersede(await this.due());
    // Of several messages for the same card only the oldest may go, so they arrive in order.
    const first = new Map<string, OutboxMessage>();
    for (const m of pending)
      if (m.upsertKey) {
        const f = first.get(m.upsertKey);
        if (!f || m.createdAt < f.createdAt || (m.createdAt === f.createdAt && m.id < f.id)) first.set(m.upsertKey, m);
      }
    let nextWake = Infinity;
    for (const msg of pending) {
      if (this.stopped) break;
      if (this.inFlight.size >= concurrency) {
        nextWake = 5;
        break;
      }
      // One message at a time per card, so updates of the same card keep their order.
      if (msg.upsertKey && (this.busyKeys.has(msg.upsertKey) || first.get(msg.upsertKey) !== msg)) continue;
      const convKey = this.conversationKeyOf(msg);
      const wait = this.pacer.wait(convKey, this.clock());
      if (wait > 0) {
        nextWake = Math.min(nextWake, wait);
        continue;
      }
      this.pacer.record(convKey, this.clock());
      if (msg.upsertKey) this.busyKeys.add(msg.upsertKey);
      this.inFlight.add(msg.id);
      // Not awaited by the round: a slow or hanging send holds its own slot, never the others.
      const task = this.delivery
        .deliver(msg)
        .then((outcome) => {
          if (outcome.kind === 'sent') this.sentCount++;
          else if (outcome.kind === 'retry') this.schedule(outcome.inMs);
        })
        .catch((err) => log.error({ outboxId: msg.id, ...errorFields(err) }, 'outbox bookkeeping failed'))
        .finally(() => {
          this.inFlight.delete(msg.id);
          if (msg.upsertKey) this.busyKeys.delete(msg.upsertKey);
          this.tasks.delete(task);
          this.schedule(0);
        });
      this.tasks.add(task);
    }
    const later = (await this.deps.store.listDocs(OUTBOX))
      .filter((m) => m.status === 'pending' && !this.inFlight.has(m.id))
      .map((m) => (m.attempts === 0 ? 0 : Date.parse(m.nextAttemptAt) - this.clock()));
    if (later.length) nextWake = Math.min(nextWake, Math.max(20, Math.min(...later)));
    if (nextWake !== Infinity) this.schedule(Math.min(nextWake, 60_000));
  }

  /**
   * Of several pending updates of the same card drawn from the store at send time (a case card, a
   * handover checklist) only the newest is sent: each would show the same state anyway.
   */
  private async supersede(pending: OutboxMessage[]): Promise<OutboxMessage[]> {
    const newest = new Map<string, OutboxMessage>();
    for (const m of pending) if (m.upsertKey && drawnFresh(m)) newest.set(m.upsertKey, m);
    const drop = pending.filter((m) => m.upsertKey && drawnFresh(m) && newest.get(m.upsertKey) !== m);
    if (drop.length) {
      await this.deps.store.commit({
        docs: drop.map((m) => docWrite(OUTBOX, m.id, null, m.version)),
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
}

/** Drawn from the store as it is at send time (src/outbox/render.ts), not from what was queued. */
const drawnFresh = (m: OutboxMessage) => m.content.kind === 'caseCard' || m.content.kind === 'handoverCard';
