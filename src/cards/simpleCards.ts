// The help card, the case lists (`mina`, `ofördelade`, `försenade`) and the short notice card.
import type { CaseListItem, CaseListView } from '../views/caseList.js';
import { can } from '../domain/permissions.js';
import type { Role } from '../domain/schemas.js';
import { MAX_CARD_BYTES, cardSize, renderCard, type Card } from './render.js';
import { texts, type Lang } from './text/index.js';

/** The help card in the reader's language (src/cards/text/); the commands stay the Swedish words. */
export function helpCard(
  person: { name: string; role: Role } | undefined,
  inChannel: boolean,
  lang: Lang = 'sv',
): Card {
  const t = texts(lang).help;
  const rows = person ? t.rows.filter((r) => !r.roles || r.roles.includes(person.role)) : t.rows.slice(0, 1);
  return renderCard('help', {
    title: t.title,
    intro: person ? t.intro : t.introUnregistered,
    who: person ? t.who(person.name, texts(lang).role[person.role]) : '',
    commands: rows.map((r) => ({ command: r.command, what: r.what })),
    footer: inChannel ? t.footerChannel : t.footerChat,
    canList: !!person && can(person.role, 'take'),
    myCases: t.myCases,
  });
}

/**
 * A list of cases, most urgent first (the caller sorts). Items that would take the card past the
 * size limit are counted as "och N till" instead of shown.
 */
export function caseListCard(input: CaseListView, maxBytes = MAX_CARD_BYTES - 2_048): Card {
  const lang = input.lang ?? 'sv';
  const render = (shown: CaseListItem[]) => {
    const more = input.items.length - shown.length;
    // The template's own words come from the catalogue in `lang` (Swedish for a case-list message
    // already waiting in the outbox with data from before it had a language).
    return renderCard('case-list', { ...input, items: shown, more, lang });
  };
  let shown = input.items.slice(0, 50);
  let card = render(shown);
  while (cardSize(card) > maxBytes && shown.length > 1) {
    shown = shown.slice(0, Math.floor(shown.length * 0.8));
    card = render(shown);
  }
  return card;
}

export function noticeCard(
  title: string,
  text = '',
  tone: 'Default' | 'Warning' | 'Attention' | 'Good' = 'Default',
  facts: { title: string; value: string }[] = [],
): Card {
  return renderCard('notice', { title, text, color: tone, facts });
}
