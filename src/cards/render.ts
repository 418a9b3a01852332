// Cards are templates in /cards (Adaptive Card 1.5 JSON with ${...} bindings), filled with a view by
// adaptivecards-templating. No I/O beyond reading the templates once; no Teams SDK.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as ACData from 'adaptivecards-templating';
import { texts, type Lang } from './text/index.js';

export type Card = Record<string, unknown>;

const CARDS_DIR = fileURLToPath(new URL('../../cards/', import.meta.url));
const templates = new Map<string, ACData.Template>();

function template(name: string): ACData.Template {
  let t = templates.get(name);
  if (!t) {
    t = new ACData.Template(JSON.parse(readFileSync(`${CARDS_DIR}${name}.json`, 'utf8')));
    templates.set(name, t);
  }
  return t;
}

/**
 * Fill the template `cards/<name>.json` with `data`. The words a template shows as they are come from
 * the text catalogue (src/cards/text/, `templates`) as `$root.L`, in the data's `lang` (Swedish when
 * absent, so data queued before a card had a language still renders): docs/cards.md.
 */
export function renderCard(name: string, data: object): Card {
  const lang: Lang = (data as { lang?: unknown }).lang === 'en' ? 'en' : 'sv';
  const words = (texts(lang).templates as Record<string, Record<string, string>>)[name] ?? {};
  return template(name).expand({ $root: { ...data, L: words } }) as Card;
}

/** Bytes of the card as it is sent. */
export function cardSize(card: unknown): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

/** Teams refuses messages over 100 KB; we keep every card under this. */
export const MAX_CARD_BYTES = 40 * 1024;
