// The handover checklist card, drawn from the store as it is now: at send time by the drain for the
// group channels' copies (src/outbox/render.ts) and as the bot's answer to a press or to
// `överlämning`. The data is gathered by src/app/handoverChecklist.ts, the card drawn and fitted to
// Teams' size by src/cards/handoverCard.ts.
import type { AppDeps } from '../app/context.js';
import { getHandover, handoverCardInput } from '../app/handoverChecklist.js';
import { fittedHandoverCardData, HANDOVER_TEMPLATE } from '../cards/handoverCard.js';
import { renderCard, type Card } from '../cards/render.js';
import type { Handover } from '../domain/handover.js';
import type { HandoverCardOptions, QueuedHandoverCard } from '../views/handoverChecklist.js';

/** The checklist card for the person who pressed or wrote (the channel copy is updated through the outbox). */
export async function handoverCardFor(deps: AppDeps, h: Handover, opts: HandoverCardOptions = {}): Promise<Card> {
  return renderCard(HANDOVER_TEMPLATE, fittedHandoverCardData(await handoverCardInput(deps, h, opts)));
}

/**
 * A queued channel copy, drawn now in Swedish (a channel has no single language), with the data it
 * was drawn from (the notification names its cases); undefined when the handover is gone (gallring)
 * or has nothing on it, which the drain reports like any card it cannot draw.
 */
export async function queuedHandoverCard(
  deps: AppDeps,
  queued: QueuedHandoverCard,
): Promise<{ card: Card; data: unknown } | undefined> {
  const h = await getHandover(deps, queued.handoverId);
  if (!h || h.entries.length === 0) return undefined;
  const data = fittedHandoverCardData(await handoverCardInput(deps, h));
  return { card: renderCard(HANDOVER_TEMPLATE, data), data };
}
