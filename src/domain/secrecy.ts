// The secrecy guard: one function for every entrance (API, import, Teams forms). Free text with a
// personnummer or samordningsnummer is refused; the number is never returned, stored or logged.
import { refuse, type Refusal } from './schemas.js';

// 12 digits with a century, or 10 digits; an optional - or + before the last four. Not part of a
// longer run of digits.
const CANDIDATE = /(?<![\d])(?:(?:18|19|20)(\d{6})|(\d{6}))([-+]?)(\d{4})(?![\d])/g;

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

/** Does the text contain something that is a valid personnummer or samordningsnummer? */
export function containsPersonnummer(text: string): boolean {
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    const date = m[1] ?? m[2];
    if (plausibleDate(date) && luhnValid(date + m[4])) return true;
  }
  return false;
}

/** A reference (childRef, externalId) that is shaped like a personnummer, valid or not. */
export function shapedLikePersonnummer(value: string): boolean {
  return /^\s*(?:\d{2})?\d{6}[-+]?\d{4}\s*$/.test(value);
}

export const SECRECY_MESSAGE =
  'Texten innehåller något som liknar ett personnummer eller samordningsnummer. Ta bort det; ärenden identifieras med sin ärendereferens.';
export const REFERENCE_MESSAGE = 'Referensen ser ut som ett personnummer. Använd ärendesystemets pseudonyma referens.';

/**
 * Check free-text fields and reference fields; the refusal names the fields (never their content).
 * Returns null when everything may be stored.
 */
export function guardFreeText(
  fields: Record<string, string | undefined>,
  references: Record<string, string | undefined> = {},
): Refusal | null {
  const bad: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) if (value && containsPersonnummer(value)) bad[name] = SECRECY_MESSAGE;
  for (const [name, value] of Object.entries(references)) {
    if (value && (shapedLikePersonnummer(value) || containsPersonnummer(value))) bad[name] = REFERENCE_MESSAGE;
  }
  return Object.keys(bad).length ? refuse('invalid', SECRECY_MESSAGE, bad) : null;
}
