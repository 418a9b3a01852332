// When members join a team or chat: they are remembered (a proactive 1:1 needs their Teams id), and
// when the bot itself is added, the team's roster is read and the team is greeted once, in Swedish in a
// channel (a channel has no one language, docs/cards.md) and in the person's language in a 1:1.
import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { AppDeps } from '../app/context.js';
import { recordInstall, rememberMembers } from '../app/conversations.js';
import { noticeCard } from '../cards/simpleCards.js';
import { texts, type Lang } from '../cards/text/index.js';
import { errorFields, log } from '../log.js';
import { tenantOf } from './conversation.js';
import { cardMessage } from './replies.js';

export async function membersAdded(
  deps: AppDeps,
  ctx: TurnContext,
  conv: { key: string; kind: string },
  lang: Lang,
): Promise<void> {
  const a = ctx.activity;
  const botAdded = (a.membersAdded ?? []).some((m) => m.id === a.recipient.id);
  const teamId = (a.channelData as { team?: { id?: string } } | undefined)?.team?.id;
  await rememberMembers(
    deps,
    (a.membersAdded ?? [])
      .filter((m) => m.id !== a.recipient.id && m.aadObjectId)
      .map((m) => ({ aadObjectId: m.aadObjectId!, teamsId: m.id, tenantId: tenantOf(a), serviceUrl: a.serviceUrl })),
  );
  if (!botAdded) return;
  if (teamId) await rememberRoster(deps, ctx, teamId);
  // Greet once, even if the bot is added again; another instance that recorded it greets.
  if (
    teamId &&
    (await recordInstall(deps, { teamId, conversationKey: conv.key, actor: a.from?.aadObjectId })) !== 'greet'
  )
    return;
  const greetIn: Lang = conv.kind === 'personal' ? lang : 'sv';
  const t = texts(greetIn).bot;
  await ctx.sendActivity(
    cardMessage(noticeCard(t.greetingTitle, installGreeting(deps, a, greetIn), 'Good'), t.greetingSummary),
  );
}

/**
 * The install greeting: groups the organisation file binds to this team are named as bound (no
 * `koppla` needed); otherwise how a team lead links a channel, with a real group id as the example
 * (an angle-bracket placeholder vanishes in the Teams client).
 */
export function installGreeting(deps: AppDeps, a: TurnContext['activity'], lang: Lang = 'sv'): string {
  const t = texts(lang).bot;
  const team = (a.channelData as { team?: { id?: string; aadGroupId?: string } } | undefined)?.team;
  const ids = [team?.id, team?.aadGroupId].filter((x): x is string => !!x).map((x) => x.toLowerCase());
  const groups = deps.org.org.groups;
  const bound = groups.filter((g) => g.channel && ids.includes(g.channel.teamId.toLowerCase()));
  if (bound.length) return `${t.greetingIntro} ${t.greetingBound(bound.map((g) => g.name).join(', '))}`;
  return `${t.greetingIntro} ${t.greetingConnect(groups[0]?.id ?? 'barn-mottagning')}`;
}

/**
 * On install, the team's members: a new owner gets a 1:1 card even if they never wrote to the bot
 * (a proactive 1:1 needs their Teams user id, which only the roster or their own messages give).
 */
async function rememberRoster(deps: AppDeps, ctx: TurnContext, teamId: string): Promise<void> {
  const a = ctx.activity;
  try {
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await TeamsInfo.getPagedTeamMembers(ctx, teamId, 500, token);
      await rememberMembers(
        deps,
        page.members
          .filter((x) => x.aadObjectId && deps.org.staff(x.aadObjectId))
          .map((m) => ({
            aadObjectId: m.aadObjectId!,
            teamsId: m.id,
            tenantId: m.tenantId ?? tenantOf(a),
            serviceUrl: a.serviceUrl,
          })),
      );
      token = page.continuationToken;
    } while (token && ++pages < 100);
  } catch (err) {
    // Not fatal: members are also remembered from their own messages and membersAdded events.
    log.warn({ teamId, ...errorFields(err) }, 'team roster could not be read');
  }
}
