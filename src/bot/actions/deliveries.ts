// The failure card's and `leveranser`'s buttons: retry one undelivered message, or show the list.
import { z } from 'zod';
import { deliveriesFor, retryDelivery } from '../../app/deliveries.js';
import { deliveriesCard } from '../../cards/deliveriesCard.js';
import { noticeCard } from '../../cards/simpleCards.js';
import { texts, type Lang } from '../../cards/text/index.js';
import type { CardAction } from '../types.js';

const RetryData = z.object({ id: z.string().min(1).max(200) });

export const onlyLeads = (lang?: Lang) =>
  noticeCard(texts(lang).deliveries.title, texts(lang).deliveries.onlyLeads, 'Warning');

export const deliveriesShow: CardAction = {
  verb: 'deliveries.show',
  async handle(turn) {
    if (!turn.actor || turn.actor.role === 'caseworker') return onlyLeads(turn.lang);
    return deliveriesCard(await deliveriesFor(turn.deps, turn.actor, turn.lang), undefined, turn.lang);
  },
};

export const deliveryRetry: CardAction = {
  verb: 'delivery.retry',
  async handle(turn, data) {
    if (!turn.actor || turn.actor.role === 'caseworker') return onlyLeads(turn.lang);
    const t = texts(turn.lang);
    const parsed = RetryData.safeParse(data);
    if (!parsed.success) return noticeCard(t.actions.failedTitle, t.deliveries.noMessage, 'Attention');
    const r = await retryDelivery(turn.deps, turn.actor, parsed.data.id, turn.lang);
    const notice = r.ok ? { text: r.message, tone: 'Good' as const } : { text: r.message, tone: 'Attention' as const };
    return deliveriesCard(await deliveriesFor(turn.deps, turn.actor, turn.lang), notice, turn.lang);
  },
};
