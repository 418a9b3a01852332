// The secrecy guard: one function for every entrance (API, import, Teams forms, motivations on
// cards). Free text with a personnummer or samordningsnummer is refused; the number is never
// returned, stored or logged: callers get a yes/no and the names of the fields.
import { refuse, type Refusal } from './schemas.js';

// 12 digits with a century (18, 19, 20), or 10 digits; an optional - or + before the last four.
// Not part of a longer run of digits (so an 8-digit date, a phone number in groups or a longer
// number never matches by accident).
const CANDIDATE = /(?<!\d)(?:(?:18|19|20)(\d{6})|(\d{6}))([-+]?)(\d{4})(?!\d)/g;

/** The Luhn check over the ten digits YYMMDDNNNC (the century is not part of it). */
function luhnValid(tenDigits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = tenDigits.charCodeAt(i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Month 01–12 and day 01–31, or 61–91 for a samordningsnummer (day + 60). */
function plausibleDate(yymmdd: string): boolean {
  const month = Number(yymmdd.slice(2, 4));
  const day = Number(yymmdd.slice(4, 6));
  const d = day > 60 ? day - 60 : day;
  return month >= 1 && month <= 12 && d >= 1 && d <= 31;
}

/** Does the text contain a Luhn-valid personnummer or samordningsnummer in any written form? */
export function containsPersonnummer(text: string): boolean {
  // A fresh regex per call: no shared lastIndex between callers.
  const re = new RegExp(CANDIDATE.source, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const date = m[1] ?? m[2];
    if (plausibleDate(date) && luhnValid(date + m[4])) return true;
  }
  return false;
}

/** The name the planned API used (COMMON.md); the same check. */
export const findPersonnummer = containsPersonnummer;

/**
 * A reference (childRef, externalId) shaped like a personnummer or samordningsnummer: 10 or 12
 * digits (with an optional - or +) with a plausible date, Luhn-valid or not (a mistyped
 * personnummer is still one). A reference that merely contains a valid one is caught as well.
 */
export function shapedLikePersonnummer(value: string): boolean {
  const m = /^\s*(?:(?:18|19|20)(\d{6})|(\d{6}))[-+]?\d{4}\s*$/.exec(value);
  if (m && plausibleDate(m[1] ?? m[2])) return true;
  return containsPersonnummer(value);
}

export const SECRECY_MESSAGE =
  'Texten innehåller något som liknar ett personnummer eller samordningsnummer. Ta bort det; ärenden identifieras med sin ärendereferens.';
export const REFERENCE_MESSAGE =
  'Referensen liknar ett personnummer eller samordningsnummer. Använd ärendesystemets pseudonyma referens.';

/**
 * Check free-text fields and reference fields. The refusal names the fields (never their content)
 * in `fields` and in its message. Returns null when everything may be stored.
 */
export function guardFreeText(
  fields: Record<string, string | undefined>,
  references: Record<string, string | undefined> = {},
): Refusal | null {
  const bad: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields))
    if (value && containsPersonnummer(value)) bad[name] = SECRECY_MESSAGE;
  for (const [name, value] of Object.entries(references)) {
    if (value && shapedLikePersonnummer(value)) bad[name] = REFERENCE_MESSAGE;
  }
  const names = Object.keys(bad);
  if (!names.length) return null;
  return refuse('invalid', `${SECRECY_MESSAGE} Gäller fältet ${names.join(', ')}.`, bad);
}

/**
 * Every string anywhere in a value (an intent from a card, a parsed body), by its path. For
 * entrances that take structured input: guardFreeText(stringFields(intent)).
 */
export function stringFields(
  value: unknown,
  path = '',
  out: Record<string, string> = {},
  depth = 0,
): Record<string, string> {
  if (depth > 8) return out;
  if (typeof value === 'string') out[path || '(text)'] = value;
  else if (Array.isArray(value)) value.forEach((v, i) => stringFields(v, `${path}[${i}]`, out, depth + 1));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) stringFields(v, path ? `${path}.${k}` : k, out, depth + 1);
  }
  return out;
}

/** The free-text fields of case commands (motivations, reasons, notes) and their reference fields. */
const INTENT_TEXT = ['motivation', 'reason', 'note', 'synnerligaSkal', 'summary'] as const;
const INTENT_REFS = ['childRef'] as const;

/**
 * The guard for a command on a case (from a card or a chat command): every free-text field and
 * every reference it carries. Null when the intent may be decided and stored.
 */
export function guardIntentText(intent: object): Refusal | null {
  const o = intent as Record<string, unknown>;
  // A registerReport intent carries the report: its summary and references are checked too.
  const report = o.report && typeof o.report === 'object' ? (o.report as Record<string, unknown>) : {};
  const pick = (from: Record<string, unknown>, keys: readonly string[]) =>
    Object.fromEntries(keys.filter((k) => typeof from[k] === 'string').map((k) => [k, from[k] as string]));
  return guardFreeText(
    { ...pick(o, INTENT_TEXT), ...pick(report, ['summary']) },
    { ...pick(o, INTENT_REFS), ...pick(report, ['childRef', 'externalId']) },
  );
}
