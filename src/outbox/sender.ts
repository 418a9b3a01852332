// The port through which the outbox reaches Teams (src/bot/teamsSender.ts implements it), what a
// failed send looks like, and the deadline every send has.
import type { ConversationRecord, MemberRecord } from '../app/conversations.js';
import type { Card } from '../cards/render.js';

export interface OutgoingMessage {
  card?: Card;
  text?: string;
  /** Teams' notification text for a card: what it is about, references only (src/app/notificationText.ts). */
  summary?: string;
}

export type NewConversation = Omit<ConversationRecord, 'version' | 'updatedAt' | 'active'>;

/** The port the bot layer implements: how a message reaches Teams. */
export interface Sender {
  post(conversation: ConversationRecord, message: OutgoingMessage): Promise<{ activityId: string }>;
  update(conversation: ConversationRecord, activityId: string, message: OutgoingMessage): Promise<void>;
  createPersonal(member: MemberRecord): Promise<NewConversation>;
  /**
   * A person the bot has no chat with and no Teams id for: install the app for them (Microsoft
   * Graph, src/bot/graphInstall.ts) and return the chat; undefined when that cannot be done.
   */
  reachByInstall?(aadObjectId: string): Promise<NewConversation | undefined>;
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

/** The deadline of one send: past it the send counts as failed with no answer (status 0, retried). */
export function withDeadline<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SendError(0, 'Timeout')), ms);
  });
  return Promise.race([p, deadline]).finally(() => clearTimeout(timer));
}
