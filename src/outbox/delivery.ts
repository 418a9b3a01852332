// Delivering one outbox message (docs/deliveries.md): find or open its conversation, render it at
// send time (./render.ts), post it or update the card it replaces, and commit what marks it sent as
// soon as the answer is known; on a failure either schedule a retry (./retryPolicy.ts) or give up
// with a delivery-failure report to whoever can act (./deliveryFailure.ts): never silently.
import type { AppDeps } from '../app/context.js';
import {
  CONVERSATIONS,
  MEMBERS,
  channelOfGroup,
  markInactive,
  rememberConversation,
  userKey,
  type ConversationRecord,
} from '../app/conversations.js';
import { log } from '../log.js';
import { type DocWrite, docWrite } from '../store/port.js';
import { cardActivityOf, cardActivityWrite } from './cardActivities.js';
import { deadLetter } from './deliveryFailure.js';
import { OUTBOX, type OutboxMessage } from './messages.js';
import { isObsolete, renderMessage } from './render.js';
import { isGone, retryStep, type RetryOptions } from './retryPolicy.js';
import { SendError, withDeadline, type Sender } from './sender.js';

/** What became of one message: sent, to be retried in `inMs`, or given up on and reported. */
export type DeliveryOutcome = { kind: 'sent' } | { kind: 'retry'; inMs: number } | { kind: 'reported' };

export interface DeliveryOptions extends RetryOptions {
  /** The deadline of one send, connect to answer. */
  sendTimeoutMs: number;
  /** The clock for retry timing, in ms (wall time; see DrainOptions.clock). */
  clock: () => number;
}

export class Delivery {
  constructor(
    private readonly deps: AppDeps,
    private readonly sender: Sender,
    private readonly opts: DeliveryOptions,
  ) {}

  private sendTimeout(): number {
    return this.opts.sendTimeoutMs;
  }

  private async resolve(msg: OutboxMessage): Promise<ConversationRecord | undefined> {
    const t = msg.target;
    if (t.kind === 'group') return await channelOfGroup(this.deps, t.groupId);
    if (t.kind === 'conversation') return await this.deps.store.getDoc(CONVERSATIONS, t.key);
    const existing = await this.deps.store.getDoc(CONVERSATIONS, userKey(t.staffId));
    if (existing) return existing;
    const member = await this.deps.store.getDoc(MEMBERS, t.staffId);
    if (!member && !this.sender.reachByInstall) return undefined;
    const created = member
      ? await withDeadline(this.sender.createPersonal(member), this.sendTimeout())
      : await withDeadline(this.sender.reachByInstall!(t.staffId), this.sendTimeout());
    if (!created) return undefined;
    const write = await rememberConversation(this.deps, created);
    if (write) await this.deps.store.commit({ docs: [write] });
    return await this.deps.store.getDoc(CONVERSATIONS, created.key);
  }

  /**
   * Send one message and commit what marks it sent at once, before anything else is sent in its
   * place: a crash after this repeats nothing of it.
   */
  async deliver(msg: OutboxMessage): Promise<DeliveryOutcome> {
    let conversation: ConversationRecord | undefined;
    let docs: DocWrite[];
    const limit = this.sendTimeout();
    try {
      conversation = await this.resolve(msg);
      if (!conversation) return await this.giveUp(msg, msg.target.kind === 'group' ? 'no_channel' : 'no_chat');
      if (!conversation.active) return await this.giveUp(msg, conversation.inactiveReason ?? 'gone', 'inactive');
      if (await isObsolete(this.deps, msg)) return await this.letGo(msg);
      const out = await renderMessage(this.deps, msg);
      if (!out) return await this.giveUp(msg, 'nothing_to_render');
      // No version check on the delete: an in-flight message is touched by nothing else, and one
      // conflict must not undo the bookkeeping of the whole round.
      docs = [docWrite(OUTBOX, msg.id, null)];
      const known = msg.upsertKey ? await cardActivityOf(this.deps.store, msg.upsertKey) : undefined;
      if (known && known.conversationKey === conversation.key) {
        try {
          await withDeadline(this.sender.update(conversation, known.activityId, out), limit);
        } catch (err) {
          // The message was deleted in Teams: post it again.
          if (!(err instanceof SendError && err.status === 404 && !err.code)) throw err;
          const { activityId } = await withDeadline(this.sender.post(conversation, out), limit);
          docs.push(cardActivityWrite(msg.upsertKey!, activityId, conversation.key, this.deps.now(), known));
        }
      } else {
        const { activityId } = await withDeadline(this.sender.post(conversation, out), limit);
        if (msg.upsertKey)
          docs.push(cardActivityWrite(msg.upsertKey, activityId, conversation.key, this.deps.now(), known));
      }
    } catch (err) {
      return this.failed(msg, conversation, err);
    }
    // No version check on the delete: an in-flight message is touched by nothing else. Failing here
    // (a full disk) leaves it queued: sent again later, the one duplicate at-least-once allows.
    await this.deps.store.commit({ docs });
    return { kind: 'sent' };
  }

  private async failed(
    msg: OutboxMessage,
    conversation: ConversationRecord | undefined,
    err: unknown,
  ): Promise<DeliveryOutcome> {
    const status = err instanceof SendError ? err.status : 0;
    const code = err instanceof SendError ? err.code : undefined;
    if ((status === 403 || status === 404) && conversation && isGone(code)) {
      log.warn(
        { outboxId: msg.id, conversation: conversation.key, status, code },
        'conversation gone or blocked; marked inactive',
      );
      const inactive = await markInactive(this.deps, conversation.key, code ?? String(status));
      return this.giveUp(msg, code ?? 'gone', `${status} ${code ?? ''}`.trim(), inactive ? [inactive] : []);
    }
    const step = retryStep(msg, err, this.opts.clock(), this.opts);
    if (step.kind === 'giveUp') return this.giveUp(msg, 'retries_exhausted', step.detail);
    const { attempts, firstFailedAt, delay, now } = step;
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
            firstFailedAt,
            nextAttemptAt: new Date(now + delay).toISOString(),
            lastError: String(status || code || 'error'),
            version: msg.version + 1,
          },
        },
      ],
    });
    return { kind: 'retry', inMs: Math.max(delay, 5) };
  }

  /**
   * Stop trying: the message is kept as dead and reported (src/outbox/deliveryFailure.ts) in one commit.
   * The only place the drain gives up.
   */
  /** Nothing left to show and nobody to tell (src/outbox/render.ts): removed, logged, not reported. */
  private async letGo(msg: OutboxMessage): Promise<DeliveryOutcome> {
    log.info({ outboxId: msg.id }, 'outbox message shows nothing that still exists; removed');
    await this.deps.store.commit({ docs: [docWrite(OUTBOX, msg.id, null)] });
    return { kind: 'sent' };
  }

  private async giveUp(
    msg: OutboxMessage,
    code: string,
    detail?: string,
    extra: DocWrite[] = [],
  ): Promise<DeliveryOutcome> {
    log.warn({ outboxId: msg.id, reason: code, detail }, 'outbox message undeliverable; reported');
    await this.deps.store.commit({ docs: [...(await deadLetter(this.deps, msg, code, detail)), ...extra] });
    this.deps.onOutbox?.();
    return { kind: 'reported' };
  }
}
