// The Teams side: a teams-ai Application (no AI planner) that turns activities into calls on the
// command and action handlers in the reader's language, and remembers where it can post. How it
// answers: src/bot/replies.ts; members and the install greeting: src/bot/install.ts.
// The two classes from their own modules: the package's index also loads its AI planners and a GPT
// tokenizer (about 30 MB of RSS) that this bot never uses (bench/soak.bench.ts).
import { Application } from '@microsoft/teams-ai/lib/Application.js';
import { TeamsAdapter } from '@microsoft/teams-ai/lib/TeamsAdapter.js';
import { ActivityTypes, TurnContext, type ConversationReference } from 'botbuilder';
import type { AppDeps } from '../app/context.js';
import { bindConfiguredChannels } from '../app/configuredChannels.js';
import { groupsOfChannel, rememberWhereToPost } from '../app/conversations.js';
import { noticeCard } from '../cards/simpleCards.js';
import { langOf, texts } from '../cards/text/index.js';
import { messageProblem, referencesProblem } from '../domain/secrecy.js';
import { errorFields, log } from '../log.js';
import { recordCardActivity } from '../outbox/cardActivities.js';
import { ACTIONS } from './actions/index.js';
import { COMMANDS } from './commands/index.js';
import { conversationOf, tenantOf } from './conversation.js';
import { membersAdded } from './install.js';
import { cardMessage, failureCard, guarded, noticeSummary, replySummary, sendCardInvokeResponse } from './replies.js';
import type { CommandTurn, Mention, Turn } from './types.js';

export { ADAPTIVE_CARD_RESPONSE, sendCardInvokeResponse } from './replies.js';
export { conversationOf, tenantOf } from './conversation.js';

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
    await rememberWhereToPost(
      deps,
      {
        key: conv.key,
        kind: conv.kind,
        reference: reference as unknown as Record<string, unknown>,
        serviceUrl: a.serviceUrl,
      },
      a.from?.aadObjectId
        ? { aadObjectId: a.from.aadObjectId, teamsId: a.from.id, tenantId: tenantOf(a), serviceUrl: a.serviceUrl }
        : undefined,
    );
    return conv;
  }

  async function turnFor(ctx: TurnContext, conv: ReturnType<typeof conversationOf>): Promise<Turn> {
    return {
      deps,
      actor: deps.org.actor(ctx.activity.from?.aadObjectId),
      conversationKey: conv.key,
      conversationKind: conv.kind,
      channelGroups: conv.kind === 'channel' ? await groupsOfChannel(deps, conv.key) : [],
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
    const turn: CommandTurn = { ...(await turnFor(ctx, conv)), text, mentions };
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
        (id, err) => ({ card: failureCard(turn.lang, id, err) }),
        { command: command.name },
      );
      const sent = await ctx.sendActivity(
        'card' in reply ? cardMessage(reply.card, replySummary(reply.card, turn.lang)) : reply.text,
      );
      if ('card' in reply && reply.upsertKey && sent?.id)
        await recordCardActivity(deps, reply.upsertKey, sent.id, conv.key);
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
      const turn = await turnFor(ctx, conv);
      log.info({ verb: action.verb, actor: turn.actor?.id, conversation: conv.key }, 'card action');
      // A card's own references never look like a personnummer; one that does was made up: refused
      // before any handler can repeat it.
      const secret = referencesProblem(data);
      if (secret) {
        log.info({ verb: action.verb, code: 'secrecy_refused' }, 'card action refused');
        await sendCardInvokeResponse(ctx, noticeCard(texts(turn.lang).notice.refusedTitle, secret, 'Attention'));
        return '';
      }
      const card = await guarded(
        () => action.handle(turn, (data ?? {}) as Record<string, unknown>),
        (id, err) => failureCard(turn.lang, id, err),
        { verb: action.verb },
      );
      await sendCardInvokeResponse(ctx, card);
      return ''; // answered above; the library sends nothing more once an invoke response exists
    });
  }

  app.conversationUpdate('membersAdded', async (ctx) => {
    const conv = await remember(ctx);
    await membersAdded(deps, ctx, conv, (await turnFor(ctx, conv)).lang ?? 'sv');
  });

  return app;
}
