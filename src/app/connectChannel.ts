// `koppla <groupId>`: this channel becomes the home of a group's cards and lists.
import { can, forbiddenMessage } from '../domain/permissions.js';
import { refuse, type Actor, type Refusal } from '../domain/schemas.js';
import type { AppDeps } from './context.js';
import { GROUP_CHANNELS, type GroupChannel } from './conversations.js';

export async function connectChannel(
  deps: AppDeps,
  input: { actor: Actor; groupId: string; conversationKey: string },
): Promise<{ ok: true; groupName: string } | Refusal> {
  const { actor, groupId } = input;
  if (!can(actor.role, 'connectChannel')) return refuse('forbidden', forbiddenMessage('connectChannel', actor.role));
  const group = deps.org.group(groupId);
  if (!group) {
    const ids = deps.org.org.groups.map((g) => g.id).join(', ');
    return refuse('invalid', `Det finns ingen grupp med det id:t. Grupper: ${ids}.`);
  }
  if (actor.role === 'team_lead' && !actor.groups.includes(groupId))
    return refuse('forbidden', 'Du kan bara koppla kanaler för dina egna grupper.');
  const current = deps.store.getDoc<GroupChannel>(GROUP_CHANNELS, groupId);
  const now = deps.now().toISOString();
  const value: GroupChannel = {
    groupId,
    conversationKey: input.conversationKey,
    linkedBy: actor.id,
    linkedAt: now,
    version: (current?.version ?? 0) + 1,
  };
  const r = await deps.store.commit({
    docs: [
      {
        collection: GROUP_CHANNELS,
        id: groupId,
        value: value as unknown as Record<string, unknown>,
        expectedVersion: current ? current.version : null,
      },
    ],
    audit: [
      { at: now, actor: actor.id, type: 'ChannelConnected', data: { groupId, conversationKey: input.conversationKey } },
    ],
  });
  if (!r.ok) return refuse('conflict', 'Någon annan kopplade gruppen samtidigt. Försök igen.');
  return { ok: true, groupName: group.name };
}
