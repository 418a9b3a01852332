// The handover checklist card, drawn from the store as it is now: at send time by the drain for the
// group channels' copies (src/outbox/render.ts) and as the bot's answer to a press or to
// `överlämning`. The data is gathered by src/app/handoverChecklist.ts, the card drawn and fitted to
// Teams' size by src/cards/handoverCard.ts (docs/handover.md).
import type { AppDeps } from '../app/context.js';
import { getHandover, handoverCardInput } from '../app/handoverChecklist.js';
import { fittedHandoverCardData, HANDOVER_TEMPLATE, type HandoverCardData } from '../cards/handoverCard.js';
import { renderCard, type Card } from '../cards/render.js';
import type { Handover } from '../domain/handover.js';
import type { HandoverCardOptions } from '../views/handoverChecklist.js';

/** The checklist card for the person who pressed or wrote (the channel copy is updated through the outbox). */
export async function handoverCardFor(deps: AppDeps, h: Handover, opts: HandoverCardOptions = {}): Promise<Card> {
  return renderCard(HANDOVER_TEMPLATE, fittedHandoverCardData(await handoverCardInput(deps, h, opts)));
}

/**
 * A queued channel copy, drawn now in Swedish (a channel has no single language), with the data it
 * was drawn from (the notification names its cases). 'obsolete' when the handover is gone or has no
 * case left on it (gallring took them): there is nothing to show and nothing for anyone to do, so the
 * message is let go like a superseded update rather than reported as undeliverable.
 */
export async function queuedHandoverCard(
  deps: AppDeps,
  handoverId: string,
): Promise<{ card: Card; data: HandoverCardData } | 'obsolete'> {
  const h = await getHandover(deps, handoverId);
  if (!h || h.entries.length === 0) return 'obsolete';
  const data = fittedHandoverCardData(await handoverCardInput(deps, h));
  return { card: renderCard(HANDOVER_TEMPLATE, data), data };
}
