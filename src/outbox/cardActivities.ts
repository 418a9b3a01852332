// Card-activity records: under a card's upsert key, the Teams activity that shows it, so the next
// version of the card updates that activity in place instead of posting a new one. One writer for
// the drain (cards it posted) and the bot (cards sent as the reply to a press).
import { type DocWrite, type Store, collection } from '../store/port.js';

export const CARD_ACTIVITIES = collection<CardActivity>('cardActivities');

export interface CardActivity {
  activityId: string;
  conversationKey: string;
  version: number;
  /** When this activity was posted (the business clock): the case card says when VINR was told. */
  postedAt?: string;
}

export async function cardActivityOf(store: Pick<Store, 'getDoc'>, key: string): Promise<CardActivity | undefined> {
  return await store.getDoc(CARD_ACTIVITIES, key);
}

/**
 * The bot's reply to a press is the card's new activity: recorded here, as the drain records the
 * cards it posts, so that the next version of the card updates it.
 */
export async function recordCardActivity(
  deps: { store: Store; now: () => Date },
  key: string,
  activityId: string,
  conversationKey: string,
): Promise<void> {
  await deps.store.commit({
    docs: [cardActivityWrite(key, activityId, conversationKey, deps.now(), await cardActivityOf(deps.store, key))],
  });
}

/** The record of `activityId` now showing the card under `key` (a new version of any earlier one). */
export function cardActivityWrite(
  key: string,
  activityId: string,
  conversationKey: string,
  now: Date,
  known?: Pick<CardActivity, 'version'>,
): DocWrite {
  return {
    collection: CARD_ACTIVITIES,
    id: key,
    value: { activityId, conversationKey, version: (known?.version ?? 0) + 1, postedAt: now.toISOString() },
  };
}
