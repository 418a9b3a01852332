// The language of a card the bot sends on its own (no incoming activity to read a locale from): the
// person's last known Teams locale, from the reference of their 1:1 chat (botbuilder keeps the
// activity's `locale` in it), else Swedish. A channel has no one language: its cards are Swedish.
// LANGUAGE=sv keeps everything Swedish (docs/cards.md).
import { langOf, type Lang } from '../cards/text/index.js';
import type { AppDeps } from './context.js';
import { CONVERSATIONS, userKey } from './conversations.js';
import type { OutboxTarget } from '../outbox/messages.js';

/** The language staffId last used in Teams (their 1:1 chat's reference), or Swedish. */
export async function langOfStaff(deps: Pick<AppDeps, 'store' | 'config'>, staffId: string): Promise<Lang> {
  if (deps.config.language === 'sv') return 'sv';
  const conv = await deps.store.getDoc(CONVERSATIONS, userKey(staffId));
  const locale = conv?.reference?.locale;
  return langOf(typeof locale === 'string' ? locale : undefined);
}

/** The language of an outbox target: a person's own, a channel's or conversation's Swedish. */
export async function langOfTarget(deps: Pick<AppDeps, 'store' | 'config'>, target: OutboxTarget): Promise<Lang> {
  return target.kind === 'user' ? await langOfStaff(deps, target.staffId) : 'sv';
}

/**
 * The languages of these people as a lookup, for a pure builder that asks per person (the new-owner
 * notices, the reminder plan): read first, since the store's reads are async. Anyone not asked for
 * is Swedish.
 */
export async function staffLangs(
  deps: Pick<AppDeps, 'store' | 'config'>,
  staffIds: Iterable<string>,
): Promise<(staffId: string) => Lang> {
  const byId = new Map<string, Lang>();
  for (const id of new Set(staffIds)) byId.set(id, await langOfStaff(deps, id));
  return (staffId) => byId.get(staffId) ?? 'sv';
}
