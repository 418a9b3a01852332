// What the drain does after a failed send: retry a status that may pass by itself (throttling, a
// gateway error, no answer at all) until the dead-letter horizon; give up on a refusal that will not
// change after a few tries; a blocked or removed conversation is gone at once (docs/deliveries.md).
import { count } from '../cards/text/index.js';
import { errorFields } from '../log.js';
import type { OutboxMessage } from './messages.js';
import { SendError } from './sender.js';

/** Statuses worth retrying until the horizon; 0 is no answer at all (timeout, refused, reset, DNS). */
const RETRYABLE = new Set([0, 408, 412, 429, 500, 502, 503, 504]);
const GONE_CODES = new Set([
  'ConversationBlockedByUser',
  'BotNotInConversationRoster',
  'BotDisabledByAdmin',
  'MessageWritesBlocked',
  'ConversationNotFound',
]);
/** A refusal that will not change by itself (400, 401, 413...): given up on after this many tries. */
const MAX_ATTEMPTS_REFUSED = 5;
export const DEFAULT_DEAD_LETTER_MS = 24 * 3_600_000;

/** A 403/404 with no code or one of these: the conversation will not take messages again. */
export const isGone = (code: string | undefined): boolean => !code || GONE_CODES.has(code);

export interface RetryOptions {
  /** Base of the exponential backoff in ms (1 s by default). */
  backoffBaseMs?: number;
  random?: () => number;
  /** How long a retryable failure is retried, from its first failure. */
  deadLetterAfterMs?: number;
}

export type RetryStep =
  | { kind: 'giveUp'; detail: string }
  | { kind: 'retry'; attempts: number; firstFailedAt: string; delay: number; now: number };

/** After a failed send at `now` (ms, the drain's clock): retry when, or give up. */
export function retryStep(msg: OutboxMessage, err: unknown, now: number, opts: RetryOptions): RetryStep {
  const status = err instanceof SendError ? err.status : 0;
  const code = err instanceof SendError ? err.code : undefined;
  const attempts = msg.attempts + 1;
  const retryable = RETRYABLE.has(status);
  const firstFailedAt = msg.firstFailedAt ?? new Date(now).toISOString();
  const failingFor = now - Date.parse(firstFailedAt);
  if (retryable ? failingFor >= (opts.deadLetterAfterMs ?? DEFAULT_DEAD_LETTER_MS) : attempts >= MAX_ATTEMPTS_REFUSED)
    return {
      kind: 'giveUp',
      detail: `${status || code || errorFields(err).code || errorFields(err).error} (${count(attempts, 'försök')})`,
    };
  const base = opts.backoffBaseMs ?? 1_000;
  const random = opts.random ?? Math.random;
  const backoff = Math.min(base * 2 ** (attempts - 1), 5 * 60_000) * (0.5 + random());
  const delay = err instanceof SendError && err.retryAfterMs !== undefined ? Math.max(err.retryAfterMs, 0) : backoff;
  return { kind: 'retry', attempts, firstFailedAt, delay, now };
}
