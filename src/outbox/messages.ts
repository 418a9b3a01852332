// The outbox contract: what a use case asks to be sent. Messages are written in the same store
// commit as the change that caused them, so a crash never loses an acknowledged notification;
// the bot layer's sender (src/bot) drains them, paced and retried.
import { type DocWrite, collection, docWrite } from '../store/port.js';
import type { Instant } from '../domain/schemas.js';

export const OUTBOX = collection<OutboxMessage>('outbox');

export type OutboxTarget =
  | { kind: 'group'; groupId: string } // the channel linked to the group (`koppla`)
  | { kind: 'user'; staffId: string } // the person's 1:1 chat (created when missing)
  | { kind: 'conversation'; key: string }; // a stored conversation reference by key

export type OutboxContent =
  /** The case card, rendered fresh from the store at send time (so it is never stale). */
  | {
      kind: 'caseCard';
      caseId: string;
      note?: string;
      /** 'assignedToYou': the personal card for a new owner (cards/assigned-to-you.json); default: the case card. */
      view?: 'case' | 'assignedToYou';
    }
  /**
   * A handover checklist in a group channel, drawn from the store at send time like a case card
   * (src/outbox/handoverCards.ts). Its own kind, not a template card: a drain that does not know it
   * (an older instance in a rolling deploy) reports it instead of drawing a card of placeholders.
   */
  | { kind: 'handoverCard'; handoverId: string }
  /**
   * Any other card: a template name in /cards and its data. `fit`: the data is the card's view,
   * fitted to Teams' card size when it is sent (src/outbox/render.ts FITTED), not when it was queued.
   */
  | { kind: 'card'; template: string; data: unknown; fit?: true }
  | { kind: 'text'; text: string };

export interface OutboxMessage {
  id: string;
  createdAt: Instant;
  target: OutboxTarget;
  content: OutboxContent;
  /**
   * A stable key for a message that is updated in place (e.g. `case:IFO-1:group:barn-mottagning`):
   * the first send posts, later sends with the same key update that activity.
   */
  upsertKey?: string;
  status: 'pending' | 'sent' | 'dead';
  attempts: number;
  nextAttemptAt: Instant;
  lastError?: string;
  /** The drain's clock at the first failed try: the dead-letter horizon counts from here. */
  firstFailedAt?: Instant;
  /** When it was given up on (status 'dead'; see src/outbox/deliveryFailure.ts). */
  deadAt?: Instant;
  version: number;
}

let counter = 0;
/** A unique, sortable id: creation time plus a process-local counter and randomness. */
export function outboxId(now: Date): string {
  counter = (counter + 1) % 1_000_000;
  return `${now.toISOString()}-${String(counter).padStart(6, '0')}-${Math.random().toString(36).slice(2, 8)}`;
}

/** The DocWrite that queues one message; add it to the use case's transaction. */
export function enqueue(now: Date, target: OutboxTarget, content: OutboxContent, upsertKey?: string): DocWrite {
  const msg: OutboxMessage = {
    id: outboxId(now),
    createdAt: now.toISOString(),
    target,
    content,
    ...(upsertKey ? { upsertKey } : {}),
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now.toISOString(),
    version: 1,
  };
  return docWrite(OUTBOX, msg.id, msg, null);
}
