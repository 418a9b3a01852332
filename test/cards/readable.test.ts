// Every card the bot sends reads the same way (docs/cards.md): dates as "tors 12 nov" and times as
// "kl. 08:40", never ISO; no "1 ärenden"; and a text in warning or attention colour always says in a
// word why (FÖRSENAD, i dag, i morgon …), since colour alone reaches no one who cannot see it.
import { describe, expect, it } from 'vitest';
import { sampleCards } from '../../scripts/cards-preview.js';
import { helpCard } from '../../src/cards/simpleCards.js';

/** A piece of text a reader sees: a TextBlock, a TextRun, a fact's title or value, a button's title. */
interface Shown {
  text: string;
  color?: string;
  where: string;
}

export function shownTexts(card: unknown): Shown[] {
  const out: Shown[] = [];
  const walk = (v: unknown, path: string) => {
    if (Array.isArray(v)) return v.forEach((x, i) => walk(x, `${path}[${i}]`));
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if ((o.type === 'TextBlock' || o.type === 'TextRun') && typeof o.text === 'string')
      out.push({ text: o.text, color: typeof o.color === 'string' ? o.color : undefined, where: path });
    if (o.type === 'FactSet' && Array.isArray(o.facts))
      for (const f of o.facts as { title?: string; value?: string }[])
        out.push({ text: `${f.title ?? ''}: ${f.value ?? ''}`, where: `${path}.facts` });
    if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.label === 'string')
      out.push({ text: o.label, where: `${path}.label` });
    if (typeof o.type === 'string' && o.type.startsWith('Action.') && typeof o.title === 'string')
      out.push({ text: o.title, where: `${path}.title` });
    for (const [k, x] of Object.entries(o)) if (k !== 'data' && k !== 'refresh') walk(x, `${path}.${k}`);
  };
  walk(card, '');
  return out;
}

const WEEKDAY = '(?:mån|tis|ons|tors|fre|lör|sön)';
const MONTH = '(?:jan|feb|mars|apr|maj|juni|juli|aug|sep|okt|nov|dec)';
/** One date format: "tors 12 nov", with " 2027" when it is not this year. */
const DATE = new RegExp(`${WEEKDAY} \\d{1,2} ${MONTH}(?: \\d{4})?`, 'g');

/** Nouns whose plural must not follow "1". */
const PLURALS = [
  'ärenden',
  'dagar',
  'arbetsdagar',
  'punkter',
  'händelser',
  'anmälningar',
  'timmar',
  'månader',
  'veckor',
  'tidsfrister',
  'frister',
  'poster',
  'öppna',
  'ofördelade',
  'passerade',
  'försenade',
  'barnen',
];
const ONE_PLURAL = new RegExp(`(?<![\\d,.\\-–])\\b1 (?:${PLURALS.join('|')})\\b`, 'i');

/**
 * The words that say why a text is red or yellow: late, due soon, missing, waiting, unassigned,
 * absent, outside office hours, violence, refused (and their English).
 */
const STATUS_WORD = new RegExp(
  [
    'försen',
    'skulle vara klar',
    'passerad',
    'gick ut',
    'i dag',
    'i morgon',
    'om \\d+ (?:arbets)?dag',
    '\\d+ (?:arbets)?dag(?:ar)? kvar',
    'ofördelad',
    'kvar att',
    'frånvarande',
    'ingen ny handläggare',
    'utanför kontorstid',
    'skydd',
    'våld',
    'eskalering',
    'inte',
    'ej ',
    'inget',
    'ingen',
    'saknas',
    'väntade',
    'skickas',
    'försöker igen',
    'misslyck',
    'överskriden',
    'OVERDUE',
    'today',
    'tomorrow',
    'not ',
    'nothing',
  ].join('|'),
  'i',
);

describe('every rendered card is readable', async () => {
  const cards = [
    ...(await sampleCards()),
    { name: 'help-en', template: 'help', card: helpCard({ name: 'Karin Ek', role: 'team_lead' }, true, 'en') },
  ];
  const all = cards.flatMap((c) => shownTexts(c.card).map((s) => ({ ...s, card: c.name })));

  it('has cards to read', () => {
    expect(cards.length).toBeGreaterThan(30);
    expect(all.length).toBeGreaterThan(300);
  });

  it('shows no ISO date or ISO time', () => {
    const iso = all.filter((s) => /\b\d{4}-\d{2}-\d{2}\b|\d{2}:\d{2}:\d{2}|T\d{2}:\d{2}/.test(s.text));
    expect(iso.map((s) => `${s.card}${s.where}: ${s.text}`)).toEqual([]);
  });

  it('shows every time as "kl. 08:40"', () => {
    // A clock time is two digits, a colon, two digits; "kl. 08:40" or, in English, "at 08:40".
    const times = all.filter((s) => /(?<!kl\. |at |\d[–-])\b\d{2}:\d{2}\b/.test(s.text));
    expect(times.map((s) => `${s.card}${s.where}: ${s.text}`)).toEqual([]);
  });

  it('writes every date as "tors 12 nov"', () => {
    // A day and a month without its weekday, or a full month name.
    const other = new RegExp(
      `(?<!${WEEKDAY} )\\b\\d{1,2} ${MONTH}\\b|\\b\\d{1,2} (?:januari|februari|april|augusti|september|oktober|november|december)\\b`,
    );
    const bad = all.filter((s) => other.test(s.text.replace(DATE, '')));
    expect(bad.map((s) => `${s.card}${s.where}: ${s.text}`)).toEqual([]);
  });

  it('never writes "1" before a plural', () => {
    const slips = all.filter((s) => ONE_PLURAL.test(s.text));
    expect(slips.map((s) => `${s.card}${s.where}: ${s.text}`)).toEqual([]);
  });

  it('says in a word what every warning or attention colour means', () => {
    const coloured = all.filter((s) => s.color === 'Attention' || s.color === 'Warning');
    expect(coloured.length).toBeGreaterThan(5);
    const mute = coloured.filter((s) => !STATUS_WORD.test(s.text));
    expect(mute.map((s) => `${s.card}${s.where} (${s.color}): ${s.text}`)).toEqual([]);
  });

  it('has none of the slips a Swedish reader stumbled on', () => {
    // "ej fördelad" beside "Ej fördelad"; "6 arbetsdagar sen"; "Mottagen datum"; "Utredning klar ons
    // 10 mars" (read as finished).
    const slips = new RegExp(`\\bej fördelad\\b| sen\\)|Mottagen datum|Utredning klar(?=:| ${WEEKDAY}|$)`);
    const found = all.filter((s) => slips.test(s.text));
    expect(found.map((s) => `${s.card}${s.where}: ${s.text}`)).toEqual([]);
  });

  it('leaves no placeholder in <> that Teams would swallow as HTML', () => {
    const tags = all.filter((s) => /<[a-zåäö][^>]*>/i.test(s.text));
    expect(tags.map((s) => `${s.card}${s.where}: ${s.text}`)).toEqual([]);
  });
});
