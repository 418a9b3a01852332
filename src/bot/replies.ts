// How the bot answers in Teams: a card as a message with Teams' notification text, the invoke answer
// to a press, and the answer when a handler failed (in the reader's language, src/cards/text/sv/bot.ts).
import { randomUUID } from 'node:crypto';
import { ActivityTypes, CardFactory, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import type { Card } from '../cards/render.js';
import { noticeCard } from '../cards/simpleCards.js';
import { texts, type Lang } from '../cards/text/index.js';
import { StoreWriteError } from '../store/durableFile.js';
import { errorFields, log } from '../log.js';

export const ADAPTIVE_CARD_RESPONSE = 'application/vnd.microsoft.card.adaptive';

/** Teams' notification text for a notice: "Ärendevakt: det förstod jag inte" ("I" stays capital). */
export const noticeSummary = (title: string) =>
  texts('sv').bot.noticeSummary(/^I\b/.test(title) ? title : title.charAt(0).toLowerCase() + title.slice(1));

/** A card as a message, with Teams' notification text (the toast shows it instead of "Card"). */
export function cardMessage(card: Card, summary: string): Partial<Activity> {
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
  activity.summary = summary;
  return activity;
}

/** A command's answer: "Svar från Ärendevakt" with the one case it is about, by reference only. */
export function replySummary(card: Card, lang: Lang = 'sv'): string {
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
  const t = texts(lang).bot;
  return ids.size === 1 ? t.replySummaryAbout([...ids][0]) : t.replySummary;
}

/** A failure the person could not cause: logged with an id (never content), answered in their language. */
export async function guarded<T>(
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

export function failureCard(lang: Lang | undefined, errorId: string, err?: unknown): Card {
  const t = texts(lang).bot;
  // The store refused the write (a full disk): nothing was changed, and the person is told so.
  if (err instanceof StoreWriteError) return noticeCard(t.notSavedTitle, err.message, 'Attention');
  return noticeCard(t.failedTitle, t.failedText(errorId), 'Attention');
}

/** Answer an Action.Execute with a card for the person who pressed (the channel card is updated by the outbox). */
export async function sendCardInvokeResponse(ctx: TurnContext, card: Card): Promise<void> {
  await ctx.sendActivity({
    type: ActivityTypes.InvokeResponse,
    value: { status: 200, body: { statusCode: 200, type: ADAPTIVE_CARD_RESPONSE, value: card } },
  });
}
