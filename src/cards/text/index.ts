// The text catalogue: every shared user-facing word per language (sv.ts, en.ts), the language a user
// reads (their Teams locale), counted nouns through Intl.PluralRules, and the one date and time format
// (src/domain/time.ts). How to add a language: docs/cards.md.
import { daysBetween } from '../../domain/time.js';
import { ageText, type Age } from '../../domain/age.js';
import type { Period } from '../../domain/rules.js';
import { en } from './en.js';
import { sv, type Noun, type Texts } from './sv.js';
import type { Refusal } from '../../domain/schemas.js';
import type { RefusalKey, Said } from '../../domain/refusals.js';

export type { Forms, HelpRowText, Noun, Texts } from './sv.js';

export type Lang = 'sv' | 'en';

export const LANGS: Record<Lang, Texts> = { sv, en };

/** The language for an activity's `locale` ("en-US", "sv-SE", undefined): English for en*, else Swedish. */
export function langOf(locale: string | undefined | null): Lang {
  return typeof locale === 'string' && /^en(?:[-_]|$)/i.test(locale.trim()) ? 'en' : 'sv';
}

export function texts(lang: Lang = 'sv'): Texts {
  return LANGS[lang];
}

const rules = new Map<Lang, Intl.PluralRules>();
const pluralRules = (lang: Lang): Intl.PluralRules => {
  let r = rules.get(lang);
  if (!r) rules.set(lang, (r = new Intl.PluralRules(lang === 'sv' ? 'sv-SE' : 'en-GB')));
  return r;
};

/** The noun's form for n without the number: noun(1, 'ärende') → "ärende", noun(2, 'ärende') → "ärenden". */
export function noun(n: number, key: Noun, lang: Lang = 'sv'): string {
  const forms = LANGS[lang].nouns[key];
  return pluralRules(lang).select(n) === 'one' ? forms.one : forms.other;
}

/** count(1, 'ärende') → "1 ärende", count(2, 'ärende') → "2 ärenden", count(2, 'ärende', 'en') → "2 cases". */
export function count(n: number, key: Noun, lang: Lang = 'sv'): string {
  return `${n} ${noun(n, key, lang)}`;
}

/** "Anna Berg och Bo Lindqvist", "A, B och C". */
export function joinAnd(items: readonly string[], lang: Lang = 'sv'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${LANGS[lang].and} ${items[items.length - 1]}`;
}

/**
 * The word beside a coloured deadline, so that colour is never its only sign: "FÖRSENAD", "i dag",
 * "i morgon", "om 3 dagar" (calendar days), or '' when it is further off than `withinDays`.
 */
export function dueWord(due: string, today: string, lang: Lang = 'sv', withinDays = 14): string {
  const t = LANGS[lang].status;
  const n = daysBetween(today, due);
  if (n < 0) return t.overdue;
  if (n === 0) return t.today;
  if (n === 1) return t.tomorrow;
  return n <= withinDays ? t.inDays(count(n, 'dag', lang)) : '';
}

/** "10 dagar, 6 arbetsdagar" (src/domain/age.ts), "10 days, 6 working days"; the days alone when they agree. */
export function ageWords(age: Age, lang: Lang = 'sv'): string {
  if (lang === 'sv') return ageText(age);
  const days = count(age.days, 'dag', lang);
  return age.workingDays === age.days ? days : `${days}, ${count(age.workingDays, 'arbetsdag', lang)}`;
}

/** A rule table period in words: "14 dagar", "4 månader", "1 vecka"; "14 days" in English. */
export function periodWords(p: Period, lang: Lang = 'sv'): string {
  return count(p.amount, p.unit === 'days' ? 'dag' : p.unit === 'weeks' ? 'vecka' : 'månad', lang);
}

/** A deadline's name: in Swedish the rule table's own label (it may be configured), else the catalogue's. */
export function deadlineLabel(d: { kind: string; label: string }, lang: Lang = 'sv'): string {
  return lang === 'sv' ? d.label : ((LANGS[lang].deadline as Record<string, string>)[d.kind] ?? d.label);
}

export { formatDate, formatDateTime, formatTime } from '../../domain/time.js';

/**
 * A refusal's reason in the reader's language: a domain refusal by its key and values
 * (src/domain/refusals.ts, English in ./en/refusals.ts); one made outside the domain, without a key,
 * keeps its message, which the use case wrote in the reader's language already.
 */
export function refusalText(refusal: Pick<Refusal, 'message' | 'key' | 'params'>, lang: Lang = 'sv'): string {
  if (lang === 'sv' || !refusal.key) return refusal.message;
  const entry: string | ((p: never) => string) = LANGS[lang].refusals[refusal.key satisfies RefusalKey];
  return typeof entry === 'string' ? entry : (entry as (p: unknown) => string)(refusal.params ?? {});
}

/** A domain refusal's words (`forbidden(command, role)`, `said(key)`) in the reader's language. */
export function saidText(words: Said, lang: Lang = 'sv'): string {
  return refusalText({ message: words.text, key: words.key, ...(words.params ? { params: words.params } : {}) }, lang);
}

/**
 * A refusal's field messages (path → message) in the reader's language: a field the domain gave by
 * its key (`fieldKeys`); any other keeps its message, written in the reader's language already.
 */
export function fieldTexts(refusal: Pick<Refusal, 'fields' | 'fieldKeys'>, lang: Lang = 'sv'): Record<string, string> {
  const out: Record<string, string> = { ...refusal.fields };
  if (lang === 'sv') return out;
  for (const [f, words] of Object.entries(refusal.fieldKeys ?? {}))
    if (f in out) out[f] = refusalText({ message: out[f], ...words }, lang);
  return out;
}
