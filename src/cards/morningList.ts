// The morning list card (cards/morning-list.json). A list that would pass the size budget shows the
// most urgent items (sections are already in urgency order) and a "Visa alla" button that pages
// through the rest; every page stays under the budget however many cases there are. Each row opens
// its case (the row itself and Öppna: case.show); an unassigned row has Ta and Tilldela (list.take,
// list.assign in src/bot/actions/listRows.ts), the choice of caseworkers by load.
import type { AssignChoice, ListItem, ListSection, MorningListView } from '../views/morningList.js';
import { MAX_CARD_BYTES, cardSize, renderCard, type Card } from './render.js';
import { texts } from './text/index.js';

/** Leaves room for the activity envelope around the card. */
export const LIST_CARD_BUDGET = MAX_CARD_BYTES - 4_096;

/** A row as the templates read it: every field present (templating drops a `$when` on a missing one). */
const row = (i: ListItem) => ({
  caseId: i.caseId,
  text: i.text,
  color: i.color,
  version: i.version ?? 0,
  detail: i.detail ?? '',
  unassigned: !!i.unassigned && i.version !== undefined,
});

/** A notice on top of a list answered to one press ("Anna Berg har fått ärendet"). */
export interface ListNotice {
  text: string;
  tone: 'good' | 'attention';
}

/** Where a row's Ta/Tilldela came from, so that the answer is the same list again (src/bot/actions/listRows.ts). */
export type ListOrigin = { list: 'morning'; groupId: string; date: string; offset: number } | { list: 'escalation' };

/** The parts of the data every list with actionable rows shares: the choices, the origin and the notice. */
export function rowActionData(choices: readonly AssignChoice[], from: ListOrigin, notice?: ListNotice) {
  return {
    choices,
    hasChoices: choices.length > 0,
    from,
    hasNotice: !!notice,
    notice: notice
      ? { text: notice.text, color: notice.tone === 'good' ? 'Good' : 'Attention' }
      : { text: '', color: 'Default' },
  };
}

/** Items [offset, offset + count) of the list in urgency order, kept in their sections. */
function slice(sections: ListSection[], offset: number, count: number) {
  const out: { title: string; color: string; count: number; items: ReturnType<typeof row>[]; more: number }[] = [];
  let pos = 0;
  for (const s of sections) {
    const from = Math.max(offset - pos, 0);
    const to = Math.min(offset + count - pos, s.items.length);
    if (to > from)
      out.push({
        title: s.title,
        color: s.color,
        count: s.items.length,
        items: s.items.slice(from, to).map(row),
        more: 0,
      });
    pos += s.items.length;
  }
  return out;
}

function pageData(view: MorningListView, offset: number, count: number, notice?: ListNotice): object {
  const shownTo = Math.min(offset + count, view.total);
  const hidden = view.total - shownTo;
  const t = texts(view.lang).morning;
  return {
    ...(view.lang && view.lang !== 'sv' ? { lang: view.lang } : {}),
    title: offset === 0 ? view.title : t.page(view.title, offset + 1, shownTo, view.total),
    summary: view.summary,
    sections: slice(view.sections, offset, count),
    hidden,
    hiddenText: t.hidden(shownTo - offset, hidden),
    moreTitle: offset === 0 ? t.showAll(hidden) : t.showMore(hidden),
    groupId: view.groupId,
    date: view.date,
    nextOffset: shownTo,
    ...rowActionData(view.choices, { list: 'morning', groupId: view.groupId, date: view.date, offset }, notice),
  };
}

/** The data for cards/morning-list.json from `offset` (0: the list as posted), fitted to the budget. */
export function morningListData(
  view: MorningListView,
  offset = 0,
  budget = LIST_CARD_BUDGET,
  notice?: ListNotice,
): object {
  const start = Math.min(Math.max(offset, 0), view.total);
  return fitCount(view.total - start, (n) => pageData(view, start, n, notice), 'morning-list', budget);
}

export function morningListCard(
  view: MorningListView,
  offset = 0,
  budget = LIST_CARD_BUDGET,
  notice?: ListNotice,
): Card {
  return renderCard('morning-list', morningListData(view, offset, budget, notice));
}

/**
 * The data with the largest item count whose card fits in the budget, found by bisection (a handful
 * of renders; an item is at least ~100 bytes, which bounds the search). The first guess comes from
 * the size of the largest candidate, so a long list costs a few renders, not one of all its items.
 */
export function fitCount(
  total: number,
  dataFor: (count: number) => object,
  template: string,
  budget = LIST_CARD_BUDGET,
): object {
  let hi = Math.min(total, Math.ceil(budget / 100));
  // A probe of a few items gives the size of one (a little over, as it carries the card's frame).
  const k = Math.min(hi, 24);
  const probe = dataFor(k);
  const probeSize = cardSize(renderCard(template, probe));
  if (probeSize > budget) hi = k - 1;
  else if (k === hi) return probe;
  let lo = 1;
  let best = probeSize <= budget ? probe : dataFor(1);
  if (probeSize <= budget) lo = k + 1;
  let mid = Math.max(lo, Math.min(hi, Math.floor((k * budget) / probeSize)));
  while (lo <= hi) {
    const data = dataFor(mid);
    if (cardSize(renderCard(template, data)) <= budget) {
      best = data;
      lo = mid + 1;
      // Close to the estimate: the next few items decide it.
      mid = Math.min(hi, mid + Math.max(1, (hi - mid) >> 4));
    } else {
      hi = mid - 1;
      mid = (lo + hi) >> 1;
    }
  }
  return best;
}

/** Sections cut to their first `count` items overall, each with "och N till" (cards without paging). */
export function truncatedSections(sections: ListSection[], count: number) {
  return slice(sections, 0, count).map((s) => ({ ...s, more: s.count - s.items.length }));
}
