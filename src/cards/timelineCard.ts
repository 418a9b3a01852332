// The timeline card (cards/timeline.json): a case's history, newest last, with the audit chain's
// verdict on top. Long histories show the latest entries that fit under the size budget; the whole
// history is in GET /api/cases/{ref}/timeline.
import type { Timeline } from '../app/timeline.js';
import { cardSize, MAX_CARD_BYTES, renderCard, type Card } from './render.js';

const BUDGET = MAX_CARD_BYTES - 4_096;

export function timelineCard(t: Timeline, maxEntries = 40): Card {
  const render = (n: number) => {
    const shown = t.entries.slice(-n);
    const hidden = t.entries.length - shown.length;
    return renderCard('timeline', {
      caseId: t.caseId,
      title: `Historik · ${t.caseId}`,
      auditStatement: t.auditStatement,
      auditStyle: t.audit.ok ? 'good' : 'attention',
      hiddenText:
        hidden > 0
          ? `Visar de senaste ${shown.length} av ${t.entries.length} händelserna. Hela historiken: GET /api/cases/${t.caseId}/timeline.`
          : '',
      entries: shown.map((e) => ({ when: e.when, who: e.who, what: e.what, why: e.why ?? '' })),
    });
  };
  let n = Math.min(maxEntries, t.entries.length);
  let card = render(n);
  while (n > 1 && cardSize(card) > BUDGET) card = render((n = Math.floor(n / 2)));
  return card;
}
