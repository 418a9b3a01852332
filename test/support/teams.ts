// Activities as Teams sends them, for driving the bot over HTTP.
import { randomUUID } from 'node:crypto';
import type { Staff } from '../../src/domain/schemas.js';

export const TENANT = '00000000-0000-0000-0000-000000000000';
export const BOT = { id: '28:arendevakt-bot', name: 'Ärendevakt' };
export const TEAM_ID = '19:team-barn@thread.tacv2';

export const teamsId = (s: Staff) => `29:${s.aadObjectId}`;

export interface Where {
  kind: 'channel' | 'personal';
  channelId?: string;
}

export const channel = (channelId = '19:mottagning@thread.tacv2'): Where => ({ kind: 'channel', channelId });
export const personal: Where = { kind: 'personal' };

function base(serviceUrl: string, from: Staff | { aadObjectId: string; name: string }, where: Where, tenant = TENANT) {
  const conversation =
    where.kind === 'channel'
      ? {
          id: `${where.channelId};messageid=${Date.now()}`,
          conversationType: 'channel',
          tenantId: tenant,
          isGroup: true,
        }
      : { id: `a:personal-${from.aadObjectId}`, conversationType: 'personal', tenantId: tenant };
  return {
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    serviceUrl,
    channelId: 'msteams',
    from: { id: `29:${from.aadObjectId}`, name: from.name, aadObjectId: from.aadObjectId },
    recipient: BOT,
    conversation,
    channelData: {
      tenant: { id: tenant },
      ...(where.kind === 'channel' ? { team: { id: TEAM_ID }, channel: { id: where.channelId } } : {}),
    },
  };
}

export function message(
  serviceUrl: string,
  from: Staff | { aadObjectId: string; name: string },
  text: string,
  where: Where,
  opts: { mentions?: Staff[]; tenant?: string } = {},
) {
  const b = base(serviceUrl, from, where, opts.tenant);
  const botMention = where.kind === 'channel' ? `<at>${BOT.name}</at> ` : '';
  let body = text;
  const entities: unknown[] =
    where.kind === 'channel' ? [{ type: 'mention', mentioned: BOT, text: `<at>${BOT.name}</at>` }] : [];
  for (const m of opts.mentions ?? []) {
    body = body.replace(`@${m.name}`, `<at>${m.name}</at>`);
    entities.push({
      type: 'mention',
      mentioned: { id: teamsId(m), name: m.name, aadObjectId: m.aadObjectId },
      text: `<at>${m.name}</at>`,
    });
  }
  return { ...b, type: 'message', text: `${botMention}${body}`, textFormat: 'plain', entities };
}

export function invoke(
  serviceUrl: string,
  from: Staff | { aadObjectId: string; name: string },
  verb: string,
  data: Record<string, unknown>,
  where: Where,
  replyToId?: string,
) {
  return {
    ...base(serviceUrl, from, where),
    type: 'invoke',
    name: 'adaptiveCard/action',
    ...(replyToId ? { replyToId } : {}),
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

export function botAddedToTeam(serviceUrl: string, by: Staff, channelId = '19:general@thread.tacv2') {
  return {
    ...base(serviceUrl, by, { kind: 'channel', channelId }),
    type: 'conversationUpdate',
    membersAdded: [{ id: BOT.id }],
    channelData: { tenant: { id: TENANT }, team: { id: TEAM_ID, name: 'Barn och unga' }, eventType: 'teamMemberAdded' },
  };
}

export function membersAdded(serviceUrl: string, by: Staff, members: Staff[], channelId = '19:general@thread.tacv2') {
  return {
    ...base(serviceUrl, by, { kind: 'channel', channelId }),
    type: 'conversationUpdate',
    membersAdded: members.map((m) => ({ id: teamsId(m), aadObjectId: m.aadObjectId })),
    channelData: { tenant: { id: TENANT }, team: { id: TEAM_ID }, eventType: 'teamMemberAdded' },
  };
}
