// `leveranser`: what could not be delivered or is being retried, with a retry button per failure.
import type { DeliveryItem } from '../views/deliveries.js';
import { renderCard, type Card } from './render.js';
import { texts, type Lang } from './text/index.js';

export function deliveriesCard(
  items: DeliveryItem[],
  notice?: { text: string; tone: 'Good' | 'Attention' },
  lang: Lang = 'sv',
): Card {
  const t = texts(lang).deliveries;
  const failed = items.filter((i) => i.dead).length;
  const shown = items.slice(0, 40);
  return renderCard('deliveries', {
    ...(lang === 'sv' ? {} : { lang }),
    title: t.title,
    summary:
      items.length === 0
        ? t.allDelivered
        : t.summary(failed, items.length - failed) + (items.length > shown.length ? t.firstShown(shown.length) : ''),
    notice: notice?.text ?? '',
    noticeColor: notice?.tone ?? 'Default',
    items: shown.map((i) => ({
      ...i,
      // The reference first: at phone width the line breaks after it, never inside it.
      caseText: i.caseId ? `${i.caseId} · ` : '',
      color: i.dead ? 'Attention' : 'Warning',
    })),
    empty: t.empty,
  });
}
