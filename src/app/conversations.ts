// Where the bot can post: conversation references (kept as plain JSON so no Teams type leaks into
// the core), which channel is a group's home, and the Teams ids of members for new 1:1 chats.
import { type DocWrite, collection, docWrite } from '../store/port.js';
import type { AppDeps } from './context.js';
import { errorFields, log } from '../log.js';

export const CONVERSATIONS = collection<ConversationRecord>('conversations');
export const GROUP_CHANNELS = collection<GroupChannel>('groupChannels');
export const MEMBERS = collection<MemberRecord>('members');
export const TEAMS = collection<TeamRecord>('teams');

export interface ConversationRecord {
  key: string;
  kind: 'channel' | 'personal' | 'groupChat';
  /** The botbuilder ConversationReference as JSON. */
  reference: Record<string, unknown>;
  serviceUrl: string;
  active: boolean;
  inactiveReason?: string;
  updatedAt: string;
  version: number;
}

export interface GroupChannel {
  groupId: string;
  conversationKey: string;
  linkedBy: string;
  linkedAt: string;
  /** 'file': bound from the organisation file's `channel`; 'koppla' (or absent, older links): typed. */
  source?: 'file' | 'koppla';
  /**
   * The file's binding for the group when this link was made (src/app/configuredChannels.ts): a
   * `koppla` wins over the file until the file's binding for the group is no longer this one.
   */
  fileBinding?: string | null;
  version: number;
}

export interface MemberRecord {
  aadObjectId: string;
  /** The Teams user id (29:...) for creating a 1:1 conversation. */
  teamsId: string;
  tenantId?: string;
  serviceUrl: string;
  version: number;
}

export interface TeamRecord {
  teamId: string;
  greetedAt?: string;
  conversationKey: string;
  /** Where the team was last seen from (any activity of the organisation's tenant in it). */
  serviceUrl?: string;
  tenantId?: string;
  /** The team's Microsoft 365 group id (channelData.team.aadGroupId), when Teams sent it. */
  aadGroupId?: string;
  bot?: { id: string; name?: string };
  version: number;
}

export const userKey = (aadObjectId: string) => `user:${aadObjectId}`;

/** A write that stores or refreshes a conversation; undefined when nothing changed. */
export async function rememberConversation(
  deps: AppDeps,
  rec: Omit<ConversationRecord, 'version' | 'updatedAt' | 'active'>,
): Promise<DocWrite | undefined> {
  const current = await deps.store.getDoc(CONVERSATIONS, rec.key);
  if (
    current &&
    current.active &&
    current.serviceUrl === rec.serviceUrl &&
    JSON.stringify(current.reference) === JSON.stringify(rec.reference)
  ) {
    return undefined;
  }
  const value: ConversationRecord = {
    ...rec,
    active: true,
    updatedAt: deps.now().toISOString(),
    version: (current?.version ?? 0) + 1,
  };
  return docWrite(CONVERSATIONS, rec.key, value);
}

export async function rememberMember(deps: AppDeps, m: Omit<MemberRecord, 'version'>): Promise<DocWrite | undefined> {
  const current = await deps.store.getDoc(MEMBERS, m.aadObjectId);
  if (current && current.teamsId === m.teamsId && current.serviceUrl === m.serviceUrl) return undefined;
  return docWrite(MEMBERS, m.aadObjectId, { ...m, version: (current?.version ?? 0) + 1 });
}

/**
 * Where an activity came from, and who sent it, kept so that the bot can post there later. Not
 * worth failing the person's command for (a full disk): the stored reference stays as it was, and
 * the next activity tries again.
 */
export async function rememberWhereToPost(
  deps: AppDeps,
  conversation: Omit<ConversationRecord, 'version' | 'updatedAt' | 'active'>,
  member?: Omit<MemberRecord, 'version'>,
): Promise<void> {
  const writes = [await rememberConversation(deps, conversation), member && (await rememberMember(deps, member))];
  const docs = writes.filter((w): w is DocWrite => !!w);
  if (docs.length)
    await deps.store.commit({ docs }).catch((err) => log.warn(errorFields(err), 'conversation not refreshed'));
}

/** Members Teams told about (a join, a team's roster), remembered for proactive 1:1s. */
export async function rememberMembers(deps: AppDeps, members: Omit<MemberRecord, 'version'>[]): Promise<void> {
  const docs: DocWrite[] = [];
  for (const m of members) {
    const w = await rememberMember(deps, m);
    if (w) docs.push(w);
  }
  if (docs.length) await deps.store.commit({ docs });
}

/**
 * The bot was added to a team: recorded once, with who added it. 'greet' the first time, 'greeted'
 * when the team was greeted before (the bot added again), 'conflict' when another instance did it.
 */
export async function recordInstall(
  deps: AppDeps,
  input: { teamId: string; conversationKey: string; actor?: string },
): Promise<'greet' | 'greeted' | 'conflict'> {
  const current = await deps.store.getDoc(TEAMS, input.teamId);
  if (current?.greetedAt) return 'greeted';
  const at = deps.now().toISOString();
  const value: TeamRecord = {
    ...current,
    teamId: input.teamId,
    conversationKey: input.conversationKey,
    greetedAt: at,
    version: (current?.version ?? 0) + 1,
  };
  const r = await deps.store.commit({
    docs: [docWrite(TEAMS, input.teamId, value, current ? current.version : null)],
    audit: [{ at, actor: input.actor ?? 'system', type: 'BotInstalled', data: { teamId: input.teamId } }],
  });
  return r.ok ? 'greet' : 'conflict';
}

/** The member record Teams gave for a Teams user id (from a team's roster), if the bot has seen it. */
export async function memberByTeamsId(deps: AppDeps, teamsId: string): Promise<MemberRecord | undefined> {
  return (await deps.store.listDocs(MEMBERS)).find((x) => x.teamsId === teamsId);
}

export async function groupsOfChannel(deps: AppDeps, conversationKey: string): Promise<string[]> {
  return (await deps.store.listDocs(GROUP_CHANNELS))
    .filter((g) => g.conversationKey === conversationKey)
    .map((g) => g.groupId);
}

export async function channelOfGroup(deps: AppDeps, groupId: string): Promise<ConversationRecord | undefined> {
  const link = await deps.store.getDoc(GROUP_CHANNELS, groupId);
  return link ? await deps.store.getDoc(CONVERSATIONS, link.conversationKey) : undefined;
}

export async function markInactive(deps: AppDeps, key: string, reason: string): Promise<DocWrite | undefined> {
  const current = await deps.store.getDoc(CONVERSATIONS, key);
  if (!current || !current.active) return undefined;
  return docWrite(
    CONVERSATIONS,
    key,
    {
      ...current,
      active: false,
      inactiveReason: reason,
      updatedAt: deps.now().toISOString(),
      version: current.version + 1,
    },
    current.version,
  );
}
