// The timeline card (cards/timeline.json): a case's history, newest last, with the audit chain's
// verdict on top, in the language the timeline was described in (src/app/timeline.ts). Long histories
// show the latest entries that fit under the size budget; the whole history is in
// GET /api/cases/{ref}/timeline.
//
// In a channel (many readers, stored by Microsoft) text a person wrote is never on the card: the
// entry says that a motivation exists, who wrote it and when, with a "Visa" button. Its answer
// (an invoke answer, which Teams shows to the person who pressed only) is the same card with that
// one text shown, after the server has checked that the person may see the case.
import type { Timeline } from '../views/timeline.js';
import { formatDateTime, stockholmYear } from '../domain/time.js';
import { cardSize, MAX_CARD_BYTES, renderCard, type Card } from './render.js';
import { texts } from './text/index.js';

const BUDGET = MAX_CARD_BYTES - 4_096;

export const REVEAL_VERB = 'timeline.reveal';

export interface TimelineCardOptions {
  /** 'channel': written text hidden behind "Visa"; 'private' (a 1:1 chat): shown. Default 'channel'. */
  audience?: 'channel' | 'private';
  /** The entry (seq) whose text is shown to the one person who pressed "Visa". */
  reveal?: number;
  maxEntries?: number;
  /** Instead of "Historik · <ref>" (the child's timeline over several cases). */
  title?: string;
}

export function timelineCard(t: Timeline, opts: TimelineCardOptions = {}): Card {
  const audience = opts.audience ?? 'channel';
  const lang = t.lang ?? 'sv';
  const w = texts(lang).timeline;
  const year = stockholmYear(t.generatedAt);
  const entryView = (e: Timeline['entries'][number]) => {
    const hidden = audience === 'channel' && !!e.textLabel && e.seq !== opts.reveal;
    const revealed = audience === 'channel' && !!e.textLabel && e.seq === opts.reveal;
    // The card's own date and time format (docs/cards.md); the API keeps `when` as it is.
    const when = formatDateTime(e.at, year, lang);
    return {
      when,
      who: e.who,
      what: e.what,
      why: hidden || !e.why ? '' : e.why,
      note: hidden ? w.writtenBy(e.textLabel!, e.who, when) : revealed ? w.shownToYou : '',
      canReveal: hidden,
      caseId: e.caseId ?? t.caseId,
      seq: e.seq,
    };
  };
  const render = (n: number) => {
    const shown = t.entries.slice(-n);
    const hidden = t.entries.length - shown.length;
    return renderCard('timeline', {
      lang,
      caseId: t.caseId,
      title: opts.title ?? w.title(t.caseId),
      auditStatement: t.auditStatement,
      auditStyle: t.audit.ok ? 'good' : 'attention',
      hiddenText: hidden > 0 ? w.hidden(shown.length, t.entries.length, t.caseId) : '',
      entries: shown.map(entryView),
    });
  };
  let n = Math.min(opts.maxEntries ?? 40, t.entries.length);
  let card = render(n);
  while (n > 1 && cardSize(card) > BUDGET) card = render((n = Math.floor(n / 2)));
  return card;
}
