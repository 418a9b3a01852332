// The outbox's Sender port over botbuilder: proactive posts and in-place updates through the
// stored conversation references, new 1:1 chats by the member's Teams id, and connector errors
// turned into SendError (status, Teams error code, Retry-After) for the drain to decide on.
import type { TeamsAdapter } from '@microsoft/teams-ai/lib/TeamsAdapter.js';
import {
  CardFactory,
  MessageFactory,
  type Activity,
  type ConversationParameters,
  type ConversationReference,
  type TurnContext,
} from 'botbuilder';
import type { ConversationRecord, MemberRecord } from '../app/conversations.js';
import { userKey } from '../app/conversations.js';
import { SendError, type NewConversation, type OutgoingMessage, type Sender } from '../outbox/sender.js';
import type { GraphInstaller } from './graphInstall.js';

function toActivity(m: OutgoingMessage): Partial<Activity> {
  if (!m.card) return MessageFactory.text(m.text ?? '');
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(m.card));
  // The toast and the activity feed show this instead of "Card" (references only: notificationText.ts).
  if (m.summary) activity.summary = m.summary;
  return activity;
}

function toSendError(err: unknown): SendError {
  const e = err as {
    statusCode?: number;
    code?: string;
    response?: {
      headers?: { get?: (h: string) => string | undefined };
      parsedBody?: { error?: { code?: string } };
      bodyAsText?: string;
    };
  };
  const status = e.statusCode ?? 0;
  let code = e.response?.parsedBody?.error?.code;
  if (!code && e.response?.bodyAsText) {
    try {
      code = JSON.parse(e.response.bodyAsText)?.error?.code;
    } catch {
      /* not JSON */
    }
  }
  const retryAfter = e.response?.headers?.get?.('retry-after');
  const seconds = retryAfter !== undefined ? Number(retryAfter) : NaN;
  return new SendError(status, code, Number.isFinite(seconds) ? seconds * 1000 : undefined);
}

export class TeamsSender implements Sender {
  constructor(
    private readonly adapter: TeamsAdapter,
    private readonly appId: string,
    installer?: GraphInstaller,
  ) {
    if (installer) this.reachByInstall = (aadObjectId) => installer.reach(aadObjectId);
  }

  /** Set when Microsoft Graph installation is configured (src/bot/graphInstall.ts). */
  reachByInstall?: (aadObjectId: string) => Promise<NewConversation | undefined>;

  private async within<T>(conversation: ConversationRecord, fn: (ctx: TurnContext) => Promise<T>): Promise<T> {
    let result: T | undefined;
    let failure: unknown;
    try {
      await this.adapter.continueConversationAsync(
        this.appId,
        conversation.reference as unknown as ConversationReference,
        async (ctx) => {
          // A proactive post is a new message in the conversation, not a reply to the continuation event.
          ctx.onSendActivities(async (_c, activities, next) => {
            for (const a of activities) delete a.replyToId;
            return next();
          });
          // Caught here: the adapter's onTurnError would otherwise swallow the connector's answer.
          try {
            result = await fn(ctx);
          } catch (err) {
            failure = err;
          }
        },
      );
    } catch (err) {
      failure = err;
    }
    if (failure !== undefined) throw toSendError(failure);
    return result as T;
  }

  post(conversation: ConversationRecord, message: OutgoingMessage): Promise<{ activityId: string }> {
    return this.within(conversation, async (ctx) => {
      const r = await ctx.sendActivity(toActivity(message));
      return { activityId: r?.id ?? '' };
    });
  }

  update(conversation: ConversationRecord, activityId: string, message: OutgoingMessage): Promise<void> {
    return this.within(conversation, async (ctx) => {
      await ctx.updateActivity({ ...toActivity(message), id: activityId });
    });
  }

  async createPersonal(member: MemberRecord): Promise<NewConversation> {
    const params = {
      isGroup: false,
      bot: { id: this.appId || 'arendevakt', name: 'Ärendevakt' },
      members: [{ id: member.teamsId, name: '' }],
      tenantId: member.tenantId,
      channelData: { tenant: { id: member.tenantId } },
    } as unknown as ConversationParameters;
    let reference: Partial<ConversationReference> | undefined;
    try {
      await this.adapter.createConversationAsync(this.appId, 'msteams', member.serviceUrl, '', params, async (ctx) => {
        reference = ctx.activity
          ? ({
              channelId: 'msteams',
              serviceUrl: member.serviceUrl,
              conversation: { ...ctx.activity.conversation, conversationType: 'personal', tenantId: member.tenantId },
              bot: params.bot,
              user: { id: member.teamsId, name: '', aadObjectId: member.aadObjectId },
            } as Partial<ConversationReference>)
          : undefined;
      });
    } catch (err) {
      throw toSendError(err);
    }
    if (!reference) throw new SendError(0, 'NoConversationCreated');
    return {
      key: userKey(member.aadObjectId),
      kind: 'personal',
      reference: reference as Record<string, unknown>,
      serviceUrl: member.serviceUrl,
    };
  }
}
