// Channels named in the organisation file (a group's `channel: {teamId, channelId}`, docs/contract.md):
// once the bot has seen the team (its install, or any activity from it, carries the serviceUrl and
// the tenant) the group's channel is bound as if a team lead had typed `koppla` there, and what
// waited for the group (kept as undelivered) is sent in the same commit. A typed `koppla` wins until
// the file's binding for that group changes: each link records the file binding it was made under.
// Only activities of the organisation's tenant get here (src/http/server.ts drops the others before
// the bot runs), so a foreign tenant's install binds nothing.
import type { Group } from '../domain/schemas.js';
import { log } from '../log.js';
import { type DocWrite, docWrite } from '../store/port.js';
import type { AppDeps } from './context.js';
import {
  CONVERSATIONS,
  GROUP_CHANNELS,
  TEAMS,
  type ConversationRecord,
  type GroupChannel,
  type TeamRecord,
} from './conversations.js';
import { redeliverWaiting } from './deliveries.js';

/** Who made a link from the file, in the audit and on the link. */
export const FILE_ACTOR = 'organisationsfilen';

/** The file's binding for a group as one comparable string; undefined when the file names none. */
export function fileBindingOf(group: Group | undefined): string | undefined {
  return group?.channel ? `${group.channel.teamId} ${group.channel.channelId}` : undefined;
}

export const channelKey = (channelId: string) => `channel:${channelId}`;

/** What an activity says about the team it came from; undefined outside a team. */
export interface SeenTeam {
  teamId: string;
  aadGroupId?: string;
  serviceUrl: string;
  tenantId?: string;
  bot: { id: string; name?: string };
  /** An install (the bot added to the team, installationUpdate add): a gone channel is live again. */
  install: boolean;
}

function teamMatches(group: Group, team: Pick<TeamRecord, 'teamId' | 'aadGroupId'>): boolean {
  const want = group.channel!.teamId.toLowerCase();
  return want === team.teamId.toLowerCase() || (!!team.aadGroupId && want === team.aadGroupId.toLowerCase());
}

/** Whether the group's current link already is what the file asks for, or a `koppla` that still wins. */
function linkStands(link: GroupChannel | undefined, group: Group): boolean {
  if (!link) return false;
  const binding = fileBindingOf(group);
  if (link.source === 'file')
    return link.fileBinding === binding && link.conversationKey === channelKey(group.channel!.channelId);
  return link.fileBinding === binding; // a koppla made under this very file binding
}

/** Remember the team as seen (only when something changed); returns the write, if any. */
async function teamWrite(deps: AppDeps, seen: SeenTeam): Promise<DocWrite | undefined> {
  const current = await deps.store.getDoc(TEAMS, seen.teamId);
  if (
    current &&
    current.serviceUrl === seen.serviceUrl &&
    current.tenantId === seen.tenantId &&
    current.bot?.id === seen.bot.id &&
    (current.aadGroupId ?? undefined) === (seen.aadGroupId ?? current.aadGroupId)
  )
    return undefined;
  const value: TeamRecord = {
    conversationKey: '',
    ...current,
    teamId: seen.teamId,
    serviceUrl: seen.serviceUrl,
    ...(seen.tenantId ? { tenantId: seen.tenantId } : {}),
    ...(seen.aadGroupId || current?.aadGroupId ? { aadGroupId: seen.aadGroupId ?? current?.aadGroupId } : {}),
    bot: seen.bot,
    version: (current?.version ?? 0) + 1,
  };
  return docWrite(TEAMS, seen.teamId, value, current ? current.version : null);
}

/** The channel's conversation reference, built from what the team's activities told (as `koppla` stores one). */
async function channelConversation(
  deps: AppDeps,
  channelId: string,
  team: TeamRecord,
  install: boolean,
): Promise<DocWrite | undefined> {
  const key = channelKey(channelId);
  const current = await deps.store.getDoc(CONVERSATIONS, key);
  // A reference from a real activity in the channel is as good; a gone one comes back on an install.
  if (current && (current.active || !install)) return undefined;
  const value: ConversationRecord = {
    key,
    kind: 'channel',
    reference: {
      channelId: 'msteams',
      serviceUrl: team.serviceUrl,
      bot: team.bot,
      conversation: { id: channelId, conversationType: 'channel', isGroup: true, tenantId: team.tenantId },
    },
    serviceUrl: team.serviceUrl!,
    active: true,
    updatedAt: deps.now().toISOString(),
    version: (current?.version ?? 0) + 1,
  };
  return docWrite(CONVERSATIONS, key, value, current ? current.version : null);
}

/**
 * Bind every group the file names a channel for whose team the bot has seen (now or before), unless
 * its link already stands. Called for every activity from a team and when the file is read again.
 * Returns the groups bound.
 */
export async function bindConfiguredChannels(deps: AppDeps, seen?: SeenTeam): Promise<string[]> {
  const configured = deps.org.org.groups.filter((g) => g.channel);
  if (seen) {
    const w = await teamWrite(deps, seen);
    if (w) {
      const r = await deps.store.commit({ docs: [w] });
      if (!r.ok) log.warn({ teamId: seen.teamId }, 'team not remembered (conflict)');
    }
  }
  if (!configured.length) return [];
  const teams = (await deps.store.listDocs(TEAMS)).filter((t) => t.serviceUrl && t.bot);
  const bound: string[] = [];
  for (const group of configured) {
    const team = teams.find((t) => teamMatches(group, t));
    if (!team) continue;
    const channelId = group.channel!.channelId;
    const install = !!seen?.install && seen.teamId === team.teamId;
    const link = await deps.store.getDoc(GROUP_CHANNELS, group.id);
    const conversation = await channelConversation(deps, channelId, team, install);
    if (linkStands(link, group)) {
      // Still make sure there is somewhere to post (a reinstalled team, a file link with no reference).
      if (conversation && link!.conversationKey === channelKey(channelId))
        await deps.store.commit({ docs: [conversation] });
      continue;
    }
    const now = deps.now().toISOString();
    const value: GroupChannel = {
      groupId: group.id,
      conversationKey: channelKey(channelId),
      linkedBy: FILE_ACTOR,
      linkedAt: now,
      source: 'file',
      fileBinding: fileBindingOf(group)!,
      version: (link?.version ?? 0) + 1,
    };
    const waiting = await redeliverWaiting(deps, group.id);
    const r = await deps.store.commit({
      docs: [
        ...(conversation ? [conversation] : []),
        docWrite(GROUP_CHANNELS, group.id, value, link ? link.version : null),
        ...waiting.docs,
      ],
      audit: [
        {
          at: now,
          actor: FILE_ACTOR,
          type: 'ChannelConnected',
          data: {
            groupId: group.id,
            conversationKey: value.conversationKey,
            redelivered: waiting.count,
            ...(link ? { replaced: link.conversationKey } : {}),
          },
        },
      ],
    });
    if (!r.ok) {
      log.warn({ groupId: group.id }, 'configured channel not bound (conflict); the next activity tries again');
      continue;
    }
    log.info(
      { groupId: group.id, conversation: value.conversationKey, redelivered: waiting.count },
      'channel bound from the organisation file',
    );
    bound.push(group.id);
    if (waiting.docs.length) deps.onOutbox?.();
  }
  return bound;
}
