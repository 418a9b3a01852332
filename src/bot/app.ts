// The Teams side: a teams-ai Application (no AI planner) that turns activities into calls on the
// command and action handlers, remembers where it can post, and greets a team once when installed.
import { randomUUID } from 'node:crypto';
// The two classes from their own modules: the package's index also loads its AI planners and a GPT
// tokenizer (about 30 MB of RSS) that this bot never uses (bench/soak.bench.ts).
import { Application } from '@microsoft/teams-ai/lib/Application.js';
import { TeamsAdapter } from '@microsoft/teams-ai/lib/TeamsAdapter.js';
import {
  ActivityTypes,
  CardFactory,
  MessageFactory,
  TeamsInfo,
  TurnContext,
  type Activity,
  type ConversationReference,
} from 'botbuilder';
import type { AppDeps } from '../app/context.js';
import { bindConfiguredChannels } from '../app/configuredChannels.js';
import {
  TEAMS,
  groupsOfChannel,
  rememberConversation,
  rememberMember,
  userKey,
  type TeamRecord,
} from '../app/conversations.js';
import type { Card } from '../cards/render.js';
import { noticeCard } from '../cards/simpleCards.js';
import { langOf, texts } from '../cards/text/index.js';
import { messageProblem, referencesProblem } from '../domain/secrecy.js';
import { StoreWriteError } from '../store/durableFile.js';
import type { DocWrite } from '../store/port.js';
import { errorFields, log } from '../log.js';
import { cardActivityOf, cardActivityWrite } from '../outbox/cardActivities.js';
import { ACTIONS } from './actions/index.js';
import { COMMANDS } from './commands/index.js';
import type { CommandTurn, Mention, Turn } from './types.js';

export const ADAPTIVE_CARD_RESPONSE = 'application/vnd.microsoft.card.adaptive';

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

function tenantOf(activity: Partial<Activity>): string | undefined {
  return (
    (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id ?? activity.conversation?.tenantId
  );
}

/** Teams' notification text for a notice: "Ärendevakt: det förstod jag inte" ("I" stays capital). */
const noticeSummary = (title: string) =>
  `Ärendevakt: ${/^I\b/.test(title) ? title : title.charAt(0).toLowerCase() + title.slice(1)}`;

export interface BotOptions {
  adapter: TeamsAdapter;
  appId?: string;
}

export function createBot(deps: AppDeps, opts: BotOptions) {
  const app = new Application({
    adapter: opts.adapter,
    botAppId: opts.appId,
    removeRecipientMention: true,
    startTypingTimer: false,
  });

  // Any activity from a team (its install above all) tells where the team is: a group whose channel
  // the organisation file names is bound then, without `koppla` (src/app/configuredChannels.ts).
  app.turn('beforeTurn', async (ctx) => {
    const a = ctx.activity;
    const team = (a.channelData as { team?: { id?: string; aadGroupId?: string } } | undefined)?.team;
    if (!team?.id || !a.serviceUrl || !a.recipient?.id) return true;
    const install =
      (a.type === ActivityTypes.ConversationUpdate && (a.membersAdded ?? []).some((m) => m.id === a.recipient.id)) ||
      (a.type === ActivityTypes.InstallationUpdate && (a.action ?? 'add').startsWith('add'));
    await bindConfiguredChannels(deps, {
      teamId: team.id,
      ...(team.aadGroupId ? { aadGroupId: team.aadGroupId } : {}),
      serviceUrl: a.serviceUrl,
      tenantId: tenantOf(a),
      bot: { id: a.recipient.id, ...(a.recipient.name ? { name: a.recipient.name } : {}) },
      install,
    }).catch((err) => log.warn(errorFields(err), 'configured channels not bound'));
    return true;
  });

  /** Remember where this activity came from, so the bot can post there later. */
  async function remember(ctx: TurnContext): Promise<ReturnType<typeof conversationOf>> {
    const a = ctx.activity;
    const conv = conversationOf(a);
    const reference = TurnContext.getConversationReference(a) as ConversationReference;
    reference.conversation = { ...reference.conversation, id: conv.id };
    delete (reference as { activityId?: string }).activityId;
    const writes: (DocWrite | undefined)[] = [
      rememberConversation(deps, {
        key: conv.key,
        kind: conv.kind,
        reference: reference as unknown as Record<string, unknown>,
        serviceUrl: a.serviceUrl,
      }),
    ];
    if (a.from?.aadObjectId) {
      writes.push(
        rememberMember(deps, {
          aadObjectId: a.from.aadObjectId,
          teamsId: a.from.id,
          tenantId: tenantOf(a),
          serviceUrl: a.serviceUrl,
        }),
      );
    }
    const docs = writes.filter((w): w is DocWrite => !!w);
    // Refreshing where to post is not worth failing the person's command for (a full disk): the
    // stored reference stays as it was, and the next activity tries again.
    if (docs.length)
      await deps.store.commit({ docs }).catch((err) => log.warn(errorFields(err), 'conversation not refreshed'));
    return conv;
  }

  /** The reply's activity id under its upsert key, as the outbox drain records the cards it posts. */
  async function rememberCardActivity(key: string, activityId: string, conversationKey: string): Promise<void> {
    await deps.store.commit({
      docs: [cardActivityWrite(key, activityId, conversationKey, deps.now(), cardActivityOf(deps.store, key))],
    });
  }

  function turnFor(ctx: TurnContext, conv: ReturnType<typeof conversationOf>): Turn {
    return {
      deps,
      actor: deps.org.actor(ctx.activity.from?.aadObjectId),
      conversationKey: conv.key,
      conversationKind: conv.kind,
      channelGroups: conv.kind === 'channel' ? groupsOfChannel(deps, conv.key) : [],
      lang: deps.config.language === 'sv' ? 'sv' : langOf(ctx.activity.locale),
    };
  }

  app.activity(ActivityTypes.Message, async (ctx) => {
    const conv = await remember(ctx);
    const text = (ctx.activity.text ?? '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    const mentions: Mention[] = (ctx.activity.entities ?? [])
      .filter((e) => e.type === 'mention' && e.mentioned?.id !== ctx.activity.recipient.id)
      .map((e) => ({ name: e.mentioned.name, teamsId: e.mentioned.id, aadObjectId: e.mentioned.aadObjectId }));
    const turn: CommandTurn = { ...turnFor(ctx, conv), text, mentions };
    // One gate for every command (ärende, historik, koppla, frånvaro, åter ...): a message that holds
    // something like a personnummer is answered without a word of it and reaches no command.
    const secret = messageProblem(text);
    if (secret) {
      log.info({ actor: turn.actor?.id, conversation: conv.key, code: 'secrecy_refused' }, 'command refused');
      await ctx.sendActivity(
        cardMessage(
          noticeCard(texts(turn.lang).notice.refusedTitle, secret, 'Attention'),
          noticeSummary(texts(turn.lang).notice.refusedTitle),
        ),
      );
      return;
    }
    for (const command of COMMANDS) {
      const m = text.match(command.pattern);
      if (!m) continue;
      log.info({ command: command.name, actor: turn.actor?.id, conversation: conv.key }, 'command');
      const reply = await guarded(
        () => command.handle(turn, m),
        (id, err) => ({ card: failureCard(id, err) }),
        { command: command.name },
      );
      const sent = await ctx.sendActivity(
        'card' in reply ? cardMessage(reply.card, replySummary(reply.card)) : reply.text,
      );
      if ('card' in reply && reply.upsertKey && sent?.id)
        await rememberCardActivity(reply.upsertKey, sent.id, conv.key);
      return;
    }
    await ctx.sendActivity(
      cardMessage(
        noticeCard(texts(turn.lang).notice.notUnderstoodTitle, texts(turn.lang).notice.notUnderstoodText, 'Default'),
        noticeSummary(texts(turn.lang).notice.notUnderstoodTitle),
      ),
    );
  });

  for (const action of ACTIONS) {
    app.adaptiveCards.actionExecute(action.verb, async (ctx, _state, data) => {
      const conv = await remember(ctx);
      const turn = turnFor(ctx, conv);
      log.info({ verb: action.verb, actor: turn.actor?.id, conversation: conv.key }, 'card action');
      // A card's own references never look like a personnummer; one that does was made up: refused
      // before any handler can repeat it.
      const secret = referencesProblem(data);
      if (secret) {
        log.info({ verb: action.verb, code: 'secrecy_refused' }, 'card action refused');
        await sendCardInvokeResponse(ctx, noticeCard(texts(turn.lang).notice.refusedTitle, secret, 'Attention'));
        return '';
      }
      const card = await guarded(() => action.handle(turn, (data ?? {}) as Record<string, unknown>), failureCard, {
        verb: action.verb,
      });
      await sendCardInvokeResponse(ctx, card);
      return ''; // answered above; the library sends nothing more once an invoke response exists
    });
  }

  app.conversationUpdate('membersAdded', async (ctx) => {
    const conv = await remember(ctx);
    const a = ctx.activity;
    const botAdded = (a.membersAdded ?? []).some((m) => m.id === a.recipient.id);
    const teamId = (a.channelData as { team?: { id?: string } } | undefined)?.team?.id;
    const writes: DocWrite[] = [];
    for (const m of a.membersAdded ?? []) {
      if (m.id !== a.recipient.id && m.aadObjectId) {
        const w = rememberMember(deps, {
          aadObjectId: m.aadObjectId,
          teamsId: m.id,
          tenantId: tenantOf(a),
          serviceUrl: a.serviceUrl,
        });
        if (w) writes.push(w);
      }
    }
    if (writes.length) await deps.store.commit({ docs: writes });
    if (!botAdded) return;
    if (teamId) await rememberRoster(ctx, teamId);
    if (teamId) {
      const current = deps.store.getDoc<TeamRecord>(TEAMS, teamId);
      if (current?.greetedAt) return; // greet once, even if the bot is added again
      const value: TeamRecord = {
        ...current,
        teamId,
        conversationKey: conv.key,
        greetedAt: deps.now().toISOString(),
        version: (current?.version ?? 0) + 1,
      };
      const r = await deps.store.commit({
        docs: [
          {
            collection: TEAMS,
            id: teamId,
            value: value as unknown as Record<string, unknown>,
            expectedVersion: current ? current.version : null,
          },
        ],
        audit: [
          {
            at: deps.now().toISOString(),
            actor: a.from?.aadObjectId ?? 'system',
            type: 'BotInstalled',
            data: { teamId },
          },
        ],
      });
      if (!r.ok) return;
    }
    await ctx.sendActivity(
      cardMessage(
        noticeCard('Hej! Jag är Ärendevakt.', installGreeting(a), 'Good'),
        'Ärendevakt är installerad i teamet',
      ),
    );
  });

  /**
   * The install greeting: groups the organisation file binds to this team are named as bound (no
   * `koppla` needed); otherwise how a team lead links a channel, with a real group id as the example
   * (an angle-bracket placeholder vanishes in the Teams client).
   */
  function installGreeting(a: TurnContext['activity']): string {
    const team = (a.channelData as { team?: { id?: string; aadGroupId?: string } } | undefined)?.team;
    const ids = [team?.id, team?.aadGroupId].filter((x): x is string => !!x).map((x) => x.toLowerCase());
    const groups = deps.org.org.groups;
    const bound = groups.filter((g) => g.channel && ids.includes(g.channel.teamId.toLowerCase()));
    const intro = 'Jag bevakar anmälningar och tidsfrister så att inget passerar obemärkt.';
    if (bound.length)
      return `${intro} Organisationsfilen kopplar ${bound.map((g) => g.name).join(', ')} till en kanal i det här teamet: korten kommer dit utan att någon skriver **koppla**. Skriv **@Ärendevakt hjälp** för mer.`;
    const example = groups[0]?.id ?? 'barn-mottagning';
    return `${intro} En gruppledare kopplar en kanal till sin grupp genom att skriva **@Ärendevakt koppla** och gruppens id i kanalen, till exempel **koppla ${example}**. Skriv **@Ärendevakt hjälp** för mer.`;
  }

  /**
   * On install, the team's members: a new owner gets a 1:1 card even if they never wrote to the bot
   * (a proactive 1:1 needs their Teams user id, which only the roster or their own messages give).
   */
  async function rememberRoster(ctx: TurnContext, teamId: string): Promise<void> {
    const a = ctx.activity;
    try {
      let token: string | undefined;
      let pages = 0;
      do {
        const page = await TeamsInfo.getPagedTeamMembers(ctx, teamId, 500, token);
        const docs = page.members
          .filter((m) => m.aadObjectId && deps.org.staff(m.aadObjectId))
          .map((m) =>
            rememberMember(deps, {
              aadObjectId: m.aadObjectId!,
              teamsId: m.id,
              tenantId: m.tenantId ?? tenantOf(a),
              serviceUrl: a.serviceUrl,
            }),
          )
          .filter((w): w is DocWrite => !!w);
        if (docs.length) await deps.store.commit({ docs });
        token = page.continuationToken;
      } while (token && ++pages < 100);
    } catch (err) {
      // Not fatal: members are also remembered from their own messages and membersAdded events.
      log.warn({ teamId, ...errorFields(err) }, 'team roster could not be read');
    }
  }

  return app;
}

/** A card as a message, with Teams' notification text (the toast shows it instead of "Card"). */
function cardMessage(card: Card, summary: string): Partial<Activity> {
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
  activity.summary = summary;
  return activity;
}

/** A command's answer: "Svar från Ärendevakt" with the one case it is about, by reference only. */
function replySummary(card: Card): string {
  const ids = new Set<string>();
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        if (k === 'caseId' && typeof x === 'string' && x) ids.add(x);
        else if (k !== 'refresh') walk(x);
      }
  };
  walk(card);
  return ids.size === 1 ? `Svar från Ärendevakt om ${[...ids][0]}` : 'Svar från Ärendevakt';
}

/** A failure the person could not cause: logged with an id (never content), answered in Swedish. */
async function guarded<T>(
  run: () => Promise<T> | T,
  answer: (errorId: string, err: unknown) => T,
  where: Record<string, string>,
): Promise<T> {
  try {
    return await run();
  } catch (err) {
    const errorId = randomUUID().slice(0, 8);
    log.error({ errorId, ...where, ...errorFields(err) }, 'handler failed');
    return answer(errorId, err);
  }
}

function failureCard(errorId: string, err?: unknown) {
  // The store refused the write (a full disk): nothing was changed, and the person is told so.
  if (err instanceof StoreWriteError) return noticeCard('Inget har sparats', err.message, 'Attention');
  return noticeCard(
    'Något gick fel',
    `Försök igen om en stund. Om felet kvarstår, ge IT-förvaltningen felkoden ${errorId}.`,
    'Attention',
  );
}

/** Answer an Action.Execute with a card for the person who pressed (the channel card is updated by the outbox). */
export async function sendCardInvokeResponse(ctx: TurnContext, card: Card): Promise<void> {
  await ctx.sendActivity({
    type: ActivityTypes.InvokeResponse,
    value: { status: 200, body: { statusCode: 200, type: ADAPTIVE_CARD_RESPONSE, value: card } },
  });
}

export { tenantOf };
