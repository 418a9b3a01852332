// The failure card's and `leveranser`'s buttons: retry one undelivered message, or show the list.
import { z } from 'zod';
import { deliveriesFor, retryDelivery } from '../../app/deliveries.js';
import { deliveriesCard } from '../../cards/deliveriesCard.js';
import { noticeCard } from '../../cards/simpleCards.js';
import type { CardAction } from '../types.js';

const RetryData = z.object({ id: z.string().min(1).max(200) });

const onlyLeads = () =>
  noticeCard('Leveranser', 'Bara gruppledare och enhetschefer ser vad som inte kunde levereras.', 'Warning');

export const deliveriesShow: CardAction = {
  verb: 'deliveries.show',
  handle(turn) {
    if (!turn.actor || turn.actor.role === 'caseworker') return onlyLeads();
    return deliveriesCard(deliveriesFor(turn.deps, turn.actor));
  },
};

export const deliveryRetry: CardAction = {
  verb: 'delivery.retry',
  async handle(turn, data) {
    if (!turn.actor || turn.actor.role === 'caseworker') return onlyLeads();
    const parsed = RetryData.safeParse(data);
    if (!parsed.success) return noticeCard('Det gick inte', 'Kortet saknar vilket meddelande som avses.', 'Attention');
    const r = await retryDelivery(turn.deps, turn.actor, parsed.data.id);
    const notice = r.ok ? { text: r.message, tone: 'Good' as const } : { text: r.message, tone: 'Attention' as const };
    return deliveriesCard(deliveriesFor(turn.deps, turn.actor), notice);
  },
};
