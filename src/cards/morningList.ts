// The morning list card (cards/morning-list.json). A list that would pass the size budget shows the
// most urgent items (sections are already in urgency order) and a "Visa alla" button that pages
// through the rest; every page stays under the budget however many cases there are.
import type { ListSection, MorningListView } from '../views/morningList.js';
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
    if (to > from)
      out.push({ title: s.title, color: s.color, count: s.items.length, items: s.items.slice(from, to), more: 0 });
    pos += s.items.length;
  }
  return out;
}

function pageData(view: MorningListView, offset: number, count: number): object {
  const shownTo = Math.min(offset + count, view.total);
  const hidden = view.total - shownTo;
  return {
    title: offset === 0 ? view.title : `${view.title}, punkt ${offset + 1}–${shownTo} av ${view.total}`,
    summary: view.summary,
    sections: slice(view.sections, offset, count),
    hidden,
    hiddenText: `Kortet visar de ${shownTo - offset} mest brådskande punkterna; ${hidden} till finns.`,
    moreTitle: offset === 0 ? `Visa alla (${hidden} till)` : `Visa fler (${hidden} till)`,
    groupId: view.groupId,
    date: view.date,
    nextOffset: shownTo,
  };
}

/** The data for cards/morning-list.json from `offset` (0: the list as posted), fitted to the budget. */
export function morningListData(view: MorningListView, offset = 0, budget = LIST_CARD_BUDGET): object {
  const start = Math.min(Math.max(offset, 0), view.total);
  return fitCount(view.total - start, (n) => pageData(view, start, n), 'morning-list', budget);
}

export function morningListCard(view: MorningListView, offset = 0, budget = LIST_CARD_BUDGET): Card {
  return renderCard('morning-list', morningListData(view, offset, budget));
}

/**
 * The data with the largest item count whose card fits in the budget, found by bisection (a handful
 * of renders; an item is at least ~100 bytes, which bounds the search).
 */
export function fitCount(
  total: number,
  dataFor: (count: number) => object,
  template: string,
  budget = LIST_CARD_BUDGET,
): object {
  const all = dataFor(total);
  if (cardSize(renderCard(template, all)) <= budget) return all;
  let lo = 1;
  let hi = Math.min(total, Math.ceil(budget / 100));
  let best = dataFor(lo);
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const data = dataFor(mid);
    if (cardSize(renderCard(template, data)) <= budget) {
      best = data;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/** Sections cut to their first `count` items overall, each with "och N till" (cards without paging). */
export function truncatedSections(sections: ListSection[], count: number) {
  return slice(sections, 0, count).map((s) => ({ ...s, more: s.count - s.items.length }));
}
