// `leveranser`: what could not be delivered or is being retried, with a retry button per failure.
import type { DeliveryItem } from '../views/deliveries.js';
import { renderCard, type Card } from './render.js';

export function deliveriesCard(items: DeliveryItem[], notice?: { text: string; tone: 'Good' | 'Attention' }): Card {
  const failed = items.filter((i) => i.dead).length;
  const shown = items.slice(0, 40);
  return renderCard('deliveries', {
    title: 'Leveranser',
    summary:
      items.length === 0
        ? 'Allt som Ärendevakt skulle skicka har kommit fram.'
        : `${failed} kunde inte levereras, ${items.length - failed} försöker Ärendevakt fortfarande skicka.` +
          (items.length > shown.length ? ` De ${shown.length} första visas.` : ''),
    notice: notice?.text ?? '',
    noticeColor: notice?.tone ?? 'Default',
    items: shown.map((i) => ({
      ...i,
      // The reference first: at phone width the line breaks after it, never inside it.
      caseText: i.caseId ? `${i.caseId} · ` : '',
      color: i.dead ? 'Attention' : 'Warning',
    })),
    empty: 'Inget väntar och inget har misslyckats.',
  });
}
