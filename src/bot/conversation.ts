// Where an activity came from: the conversation key the bot stores references under, and the tenant.
import type { Activity } from 'botbuilder';
import { userKey } from '../app/conversations.js';
import type { Turn } from './types.js';

/** The conversation key: a channel without its thread suffix, a 1:1 by the user, else the chat id. */
export function conversationOf(activity: Partial<Activity>): {
  key: string;
  kind: Turn['conversationKind'];
  id: string;
} {
  const conv = activity.conversation!;
  const id = conv.id.split(';messageid=')[0];
  if (conv.conversationType === 'personal' && activity.from?.aadObjectId)
    return { key: userKey(activity.from.aadObjectId), kind: 'personal', id };
  if (conv.conversationType === 'channel') return { key: `channel:${id}`, kind: 'channel', id };
  return { key: `chat:${id}`, kind: conv.conversationType === 'personal' ? 'personal' : 'groupChat', id };
}

export function tenantOf(activity: Partial<Activity>): string | undefined {
  return (
    (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id ?? activity.conversation?.tenantId
  );
}
