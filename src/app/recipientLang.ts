// The language of a card the bot sends on its own (no incoming activity to read a locale from): the
// person's last known Teams locale, from the reference of their 1:1 chat (botbuilder keeps the
// activity's `locale` in it), else Swedish. A channel has no one language: its cards are Swedish.
// LANGUAGE=sv keeps everything Swedish (docs/cards.md).
import { langOf, type Lang } from '../cards/text/index.js';
import type { AppDeps } from './context.js';
import { CONVERSATIONS, userKey, type ConversationRecord } from './conversations.js';
import type { OutboxTarget } from '../outbox/messages.js';

/** The language staffId last used in Teams (their 1:1 chat's reference), or Swedish. */
export function langOfStaff(deps: Pick<AppDeps, 'store' | 'config'>, staffId: string): Lang {
  if (deps.config.language === 'sv') return 'sv';
  const conv = deps.store.getDoc<ConversationRecord>(CONVERSATIONS, userKey(staffId));
  const locale = conv?.reference?.locale;
  return langOf(typeof locale === 'string' ? locale : undefined);
}

/** The language of an outbox target: a person's own, a channel's or conversation's Swedish. */
export function langOfTarget(deps: Pick<AppDeps, 'store' | 'config'>, target: OutboxTarget): Lang {
  return target.kind === 'user' ? langOfStaff(deps, target.staffId) : 'sv';
}
