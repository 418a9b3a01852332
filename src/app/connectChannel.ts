// `koppla <groupId>`: this channel becomes the home of a group's cards and lists; `koppla ledning`
// links the unit's management channel. What waited for the group (cards queued before its channel
// was linked, kept as undelivered) is sent there in the same commit, most urgent first.
import { docWrite } from '../store/port.js';
import { can, forbidden } from '../domain/permissions.js';
import { refuse, type Actor, type Refusal } from '../domain/schemas.js';
import type { AppDeps } from './context.js';
import { GROUP_CHANNELS, type GroupChannel } from './conversations.js';
import { MANAGEMENT } from '../outbox/deliveryFailure.js';
import { redeliverWaiting } from './deliveries.js';
import { fileBindingOf } from './configuredChannels.js';
import { texts, type Lang } from '../cards/text/index.js';

export async function connectChannel(
  deps: AppDeps,
  /** lang: the language of the answer (the activity's locale). */
  input: { actor: Actor; groupId: string; conversationKey: string; lang?: Lang },
): Promise<{ ok: true; groupName: string; waiting: number } | Refusal> {
  const { actor, groupId } = input;
  const t = texts(input.lang).appNotices.channel;
  if (!can(actor.role, 'connectChannel')) return refuse('forbidden', forbidden('connectChannel', actor.role));
  const group = groupId === MANAGEMENT ? { id: MANAGEMENT, name: t.managementName } : deps.org.group(groupId);
  if (!group) {
    const ids = [...deps.org.org.groups.map((g) => g.id), MANAGEMENT].join(', ');
    return refuse('invalid', t.noSuchGroup(ids));
  }
  if (actor.role === 'team_lead' && groupId !== MANAGEMENT && !actor.groups.includes(groupId))
    return refuse('forbidden', t.ownGroupsOnly);
  const current = await deps.store.getDoc(GROUP_CHANNELS, groupId);
  const now = deps.now().toISOString();
  const value: GroupChannel = {
    groupId,
    conversationKey: input.conversationKey,
    linkedBy: actor.id,
    linkedAt: now,
    source: 'koppla',
    // Which file binding this koppla overrides: the file wins again once that changes (configuredChannels.ts).
    fileBinding: groupId === MANAGEMENT ? null : (fileBindingOf(deps.org.group(groupId)) ?? null),
    version: (current?.version ?? 0) + 1,
  };
  const waiting = await redeliverWaiting(deps, groupId);
  const r = await deps.store.commit({
    docs: [docWrite(GROUP_CHANNELS, groupId, value, current ? current.version : null), ...waiting.docs],
    audit: [
      {
        at: now,
        actor: actor.id,
        type: 'ChannelConnected',
        data: { groupId, conversationKey: input.conversationKey, redelivered: waiting.count },
      },
    ],
  });
  if (!r.ok) return refuse('conflict', t.conflict);
  if (waiting.docs.length) deps.onOutbox?.();
  return { ok: true, groupName: group.name, waiting: waiting.count };
}
