// What a queued message looks like when it is sent: rendered at send time from the store as it is
// then (a case card or a handover checklist shows its state at delivery, not at queueing), with
// Teams' notification text (references only, src/app/notificationText.ts).
import type { AppDeps } from '../app/context.js';
import { summaryOf, templateSummary } from '../app/notificationText.js';
import { assignedToYouCardFor, caseCardFor } from './caseCards.js';
import { langOfStaff, langOfTarget } from '../app/recipientLang.js';
import { renderCard, type Card } from '../cards/render.js';
import type { OutboxMessage } from './messages.js';
import { distributionCard } from '../cards/distributionCard.js';
import type { DistributionView } from '../views/distribution.js';
import { queuedHandoverCard } from './handoverCards.js';
import type { OutgoingMessage } from './sender.js';

/** The cards queued as their view and drawn, fitted to Teams' size, at send time. */
const FITTED: Record<string, (data: unknown) => Card> = {
  distribution: (data) => distributionCard(data as DistributionView),
};

/**
 * A message whose subject no longer exists and that nobody has anything to do about: a handover
 * checklist with no case left on it (gallring took them). The drain lets it go instead of reporting it.
 */
export async function isObsolete(deps: AppDeps, msg: OutboxMessage): Promise<boolean> {
  return msg.content.kind === 'handoverCard' && (await queuedHandoverCard(deps, msg.content.handoverId)) === 'obsolete';
}

/** The message to send, or undefined when there is nothing to render (the case is gone). */
export async function renderMessage(deps: AppDeps, msg: OutboxMessage): Promise<OutgoingMessage | undefined> {
  const c = msg.content;
  if (c.kind === 'handoverCard') {
    const drawn = await queuedHandoverCard(deps, c.handoverId);
    if (drawn === 'obsolete') return undefined;
    return { card: drawn.card, summary: templateSummary('handover', drawn.data) };
  }
  const out = await renderContent(deps, msg);
  if (!out?.card) return out;
  const found = c.kind === 'caseCard' ? await deps.store.getCase(c.caseId) : undefined;
  // A case card to a person (the 1:1 assignment card, the case view) is in their language
  // (src/app/recipientLang.ts), so is its toast; a channel's is Swedish.
  const lang = c.kind === 'caseCard' ? await langOfTarget(deps, msg.target) : 'sv';
  const summary = summaryOf(c, found, deps.rules, deps.now(), lang);
  return summary ? { ...out, summary } : out;
}

async function renderContent(deps: AppDeps, msg: OutboxMessage): Promise<OutgoingMessage | undefined> {
  const c = msg.content;
  if (c.kind === 'text') return { text: c.text };
  if (c.kind === 'card') {
    const fitted = c.fit ? FITTED[c.template] : undefined;
    return { card: fitted ? fitted(c.data) : renderCard(c.template, c.data as object) };
  }
  if (c.kind !== 'caseCard') return undefined;
  const found = await deps.store.getCase(c.caseId);
  if (!found) return undefined;
  if (c.view === 'assignedToYou' && msg.target.kind === 'user') {
    const lang = await langOfStaff(deps, msg.target.staffId);
    return { card: await assignedToYouCardFor(deps, found, msg.target.staffId, c.note, 'good', lang) };
  }
  const viewer = msg.target.kind === 'user' ? (deps.org.staff(msg.target.staffId)?.role ?? 'none') : 'all';
  return {
    card: await caseCardFor(deps, found, {
      viewer,
      lang: await langOfTarget(deps, msg.target),
      ...(c.note ? { notice: { text: c.note, tone: 'good' } } : {}),
    }),
  };
}
