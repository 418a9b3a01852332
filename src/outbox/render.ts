// What a queued message looks like when it is sent: rendered at send time from the store as it is
// then (a case card or a handover checklist shows its state at delivery, not at queueing), with
// Teams' notification text (references only, src/app/notificationText.ts).
import type { AppDeps } from '../app/context.js';
import { summaryOf } from '../app/notificationText.js';
import { assignedToYouCardFor, caseCardFor } from './caseCards.js';
import { langOfStaff, langOfTarget } from '../app/recipientLang.js';
import { renderCard, type Card } from '../cards/render.js';
import type { OutboxContent, OutboxMessage } from './messages.js';
import { distributionCard } from '../cards/distributionCard.js';
import type { DistributionView } from '../views/distribution.js';
import type { QueuedHandoverCard } from '../views/handoverChecklist.js';
import { queuedHandoverCard } from './handoverCards.js';
import type { OutgoingMessage } from './sender.js';

type Drawn = { card: Card; data: unknown } | undefined;

/**
 * The cards queued with `fit` and drawn at send time: the distribution card from the view it was
 * queued with, fitted to Teams' size then; the handover checklist from the store as it is then.
 * Each gives the data it drew from as well, for the notification text.
 */
const AT_SEND: Record<string, (deps: AppDeps, data: unknown) => Promise<Drawn>> = {
  distribution: async (_deps, data) => ({ card: distributionCard(data as DistributionView), data }),
  handover: async (deps, data) => await queuedHandoverCard(deps, data as QueuedHandoverCard),
};

/** The message to send, or undefined when there is nothing to render (the case or handover is gone). */
export async function renderMessage(deps: AppDeps, msg: OutboxMessage): Promise<OutgoingMessage | undefined> {
  const drawn = await renderContent(deps, msg);
  if (!drawn) return undefined;
  const { out, content } = drawn;
  if (!out.card) return out;
  const found = content.kind === 'caseCard' ? await deps.store.getCase(content.caseId) : undefined;
  // A case card to a person (the 1:1 assignment card, the case view) is in their language
  // (src/app/recipientLang.ts), so is its toast; a channel's is Swedish.
  const lang = content.kind === 'caseCard' ? await langOfTarget(deps, msg.target) : 'sv';
  const summary = summaryOf(content, found, deps.rules, deps.now(), lang);
  return summary ? { ...out, summary } : out;
}

/** The message, and the content as drawn (a card drawn at send time carries the data it was drawn from). */
async function renderContent(
  deps: AppDeps,
  msg: OutboxMessage,
): Promise<{ out: OutgoingMessage; content: OutboxContent } | undefined> {
  const c = msg.content;
  if (c.kind === 'text') return { out: { text: c.text }, content: c };
  if (c.kind === 'card') {
    const atSend = c.fit ? AT_SEND[c.template] : undefined;
    if (!atSend) return { out: { card: renderCard(c.template, c.data as object) }, content: c };
    const drawn = await atSend(deps, c.data);
    return drawn && { out: { card: drawn.card }, content: { ...c, data: drawn.data } };
  }
  const found = await deps.store.getCase(c.caseId);
  if (!found) return undefined;
  if (c.view === 'assignedToYou' && msg.target.kind === 'user') {
    const lang = await langOfStaff(deps, msg.target.staffId);
    const card = await assignedToYouCardFor(deps, found, msg.target.staffId, c.note, 'good', lang);
    return { out: { card }, content: c };
  }
  const viewer = msg.target.kind === 'user' ? (deps.org.staff(msg.target.staffId)?.role ?? 'none') : 'all';
  const card = await caseCardFor(deps, found, {
    viewer,
    lang: await langOfTarget(deps, msg.target),
    ...(c.note ? { notice: { text: c.note, tone: 'good' } } : {}),
  });
  return { out: { card }, content: c };
}
