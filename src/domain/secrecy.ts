// The secrecy guard: one function for every entrance (API, import, Teams forms, motivations on
// cards). Free text with a personnummer or samordningsnummer is refused; the number is never
// returned, stored or logged: callers get a yes/no and the names of the fields.
import { containsPersonnummer, containsPersonnummerShape, shapedLikePersonnummer } from './personnummer.js';
import { refuse, type FieldWords, type Refusal } from './schemas.js';
import { REFUSALS_SV, said } from './refusals.js';

export { containsPersonnummer, normaliseForDetection, shapedLikePersonnummer } from './personnummer.js';

/** The message beside a free-text field the guard refused (Swedish; key 'secrecyField' in the reader's language). */
export const SECRECY_MESSAGE = REFUSALS_SV.secrecyField;
/** The message beside a reference field the guard refused (key 'referenceField'). */
export const REFERENCE_MESSAGE = REFUSALS_SV.referenceField;

/** Shown when a chat message (a command and its arguments) holds a number: nothing in it is repeated. */
export const MESSAGE_REFUSED =
  'Meddelandet innehåller något som liknar ett personnummer eller samordningsnummer. Inget har gjorts och inget har sparats. Ärenden anges med sin ärendereferens.';

/**
 * The guard for a chat message (a command and its arguments, before any command sees them): the
 * message to answer with, or null. Arguments are references and dates, so the shape is enough.
 */
export function messageProblem(text: string): string | null {
  return containsPersonnummerShape(text) ? MESSAGE_REFUSED : null;
}

/**
 * The guard for ONE free-text field (a motivation, a reason, a note, a status, a summary): the
 * Swedish message to show beside the field, or null when it may be stored. New forms call this.
 */
export function textProblem(value: unknown): string | null {
  return typeof value === 'string' && containsPersonnummer(value) ? SECRECY_MESSAGE : null;
}

/**
 * The guard for ONE reference field (externalId, childRef, familyRef, any case reference): the
 * message, or null. Stricter than text: the shape with a plausible date is enough.
 */
export function referenceProblem(value: unknown): string | null {
  return typeof value === 'string' && shapedLikePersonnummer(value) ? REFERENCE_MESSAGE : null;
}

/** Is this one of the guard's own messages (the field must then come back empty)? */
export const isSecrecyMessage = (message: string | undefined): boolean =>
  message === SECRECY_MESSAGE || message === REFERENCE_MESSAGE;

/**
 * Values to show again on a refused form: any value that holds something like a personnummer (in
 * any field, whatever else was wrong) is emptied, so a card never carries one back.
 */
export function scrubbed<T extends Record<string, unknown>>(values: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) out[k] = typeof v === 'string' && shapedLikePersonnummer(v) ? '' : v;
  return out as T;
}

/**
 * Check free-text fields and reference fields. The refusal names the fields (never their content)
 * in `fields` and in its message. Returns null when everything may be stored.
 */
export function guardFreeText(
  fields: Record<string, string | undefined>,
  references: Record<string, string | undefined> = {},
): Refusal | null {
  const bad: FieldWords = {};
  for (const [name, value] of Object.entries(fields)) if (textProblem(value)) bad[name] = said('secrecyField');
  for (const [name, value] of Object.entries(references))
    if (referenceProblem(value)) bad[name] = said('referenceField');
  const names = Object.keys(bad);
  if (!names.length) return null;
  return refuse('invalid', said('secrecy', { fields: names.join(', ') }), bad);
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

/** Field names that hold a reference wherever they appear (checked as references, not as text). */
export const REFERENCE_KEYS: ReadonlySet<string> = new Set([
  'externalId',
  'childRef',
  'familyRef',
  'caseId',
  'handoverId',
  'groupId',
  'linkedCaseIds',
]);

/**
 * Every string anywhere in a structured input (a parsed body, a card's data) through the guard: a
 * field named like a reference (REFERENCE_KEYS, by the last part of its path) as a reference, any
 * other as text. A new field is covered the day it is added.
 */
export function guardAllStrings(value: unknown): Refusal | null {
  const text: Record<string, string> = {};
  const refs: Record<string, string> = {};
  for (const [path, v] of Object.entries(stringFields(value))) {
    const key =
      path
        .replace(/\[\d+\]$/, '')
        .split('.')
        .at(-1) ?? path;
    (REFERENCE_KEYS.has(key) ? refs : text)[path] = v;
  }
  return guardFreeText(text, refs);
}

/** The references a card carries in its own data (never typed by a person). */
const CARD_REFERENCE_KEYS: ReadonlySet<string> = new Set(['caseId', 'handoverId']);

/**
 * The references in a card's data (caseId, handoverId): the message when one is shaped like a
 * personnummer, else null. What a person typed on a form (childRef, externalId, free text) is left
 * to the form's guard, which answers with the field emptied and the message beside it.
 */
export function referencesProblem(value: unknown): string | null {
  if (!value || typeof value !== 'object') return null;
  for (const [key, v] of Object.entries(value)) {
    if (CARD_REFERENCE_KEYS.has(key) && typeof v === 'string' && shapedLikePersonnummer(v)) return REFERENCE_MESSAGE;
  }
  return null;
}

/** The free-text fields of case commands (motivations, reasons, notes) and their reference fields. */
const INTENT_TEXT = ['motivation', 'reason', 'note', 'synnerligaSkal', 'violenceReason', 'summary'] as const;
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
    { ...pick(o, INTENT_REFS), ...pick(report, ['childRef', 'externalId', 'familyRef']) },
  );
}
