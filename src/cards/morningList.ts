// The morning list card (cards/morning-list.json). A list that would pass the size budget shows the
// most urgent items (sections are already in urgency order) and a "Visa alla" button that pages
// through the rest; every page stays under the budget however many cases there are.
import type { ListSection, MorningListView } from '../jobs/morningList.js';
import { MAX_CARD_BYTES, cardSize, renderCard, type Card } from './render.js';

/** Leaves room for the activity envelope around the card. */
export const LIST_CARD_BUDGET = MAX_CARD_BYTES - 4_096;

/** Items [offset, offset + count) of the list in urgency order, kept in their sections. */
function slice(sections: ListSection[], offset: number, count: number) {
  const out: { title: string; color: string; count: number; items: ListSection['items']; more: number }[] = [];
  let pos = 0;
  for (const s of sections) {
    const from = Math.max(offset - pos, 0);
    const to = Math.min(offset + count - pos, s.items.length);
    if (to > from) out.push({ title: s.title, color: s.color, count: s.items.length, items: s.items.slice(from, to), more: 0 });
    pos += s.items.length;
  }
  return out;
}

function render(view: MorningListView, offset: number, count: number): Card {
  const shownTo = Math.min(offset + count, view.total);
  const hidden = view.total - shownTo;
  return renderCard('morning-list', {
    title: offset === 0 ? view.title : `${view.title}, punkt ${offset + 1}–${shownTo} av ${view.total}`,
    summary: view.summary,
    sections: slice(view.sections, offset, count),
    hidden,
    hiddenText: `Kortet visar de ${shownTo - offset} mest brådskande punkterna; ${hidden} till finns.`,
    moreTitle: offset === 0 ? `Visa alla (${hidden} till)` : `Visa fler (${hidden} till)`,
    groupId: view.groupId,
    date: view.date,
    nextOffset: shownTo,
  });
}

/**
 * The card for the list from `offset` (0: the list as posted): as many items as fit in the budget,
 * found by bisection on the item count (a handful of renders, each bounded by the budget).
 */
export function morningListCard(view: MorningListView, offset = 0, budget = LIST_CARD_BUDGET): Card {
  const start = Math.min(Math.max(offset, 0), view.total);
  const all = render(view, start, view.total - start);
  if (cardSize(all) <= budget) return all;
  // The largest count that fits: an item is at least ~100 bytes, which bounds the search.
  let lo = 1;
  let hi = Math.min(view.total - start, Math.ceil(budget / 100));
  let best = render(view, start, lo);
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const card = render(view, start, mid);
    if (cardSize(card) <= budget) {
      best = card;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}
