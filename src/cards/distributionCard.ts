// The distribution meeting's card (cards/distribution.json) from its view (src/views/distribution.ts):
// as many unassigned cases as fit in a Teams card, the oldest first, with an assign control each.
import type { DistributionView } from '../views/distribution.js';
import { fitCount } from './morningList.js';
import { renderCard, type Card } from './render.js';

/** Data for cards/distribution.json: as many unassigned cases as fit, the oldest first. */
export function distributionCardData(view: DistributionView, notice?: { text: string; color: string }): object {
  return fitCount(
    view.cases.length,
    (n) => ({
      ...view,
      cases: view.cases.slice(0, n).map((c, i) => ({ ...c, inputId: `assignee${i}` })),
      more: view.cases.length - n,
      notice: notice?.text ?? '',
      noticeColor: notice?.color ?? 'Default',
    }),
    'distribution',
  );
}

export function distributionCard(view: DistributionView, notice?: { text: string; color: string }): Card {
  return renderCard('distribution', distributionCardData(view, notice));
}
