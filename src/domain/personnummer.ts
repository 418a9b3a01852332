// Finding a personnummer or samordningsnummer in text, in every way people write one (see
// docs/privacy.md). One definition, used by the secrecy guard at every entrance:
//
// - 10 digits YYMMDDNNNC or 12 digits with the century (18, 19, 20);
// - between the date parts nothing, a hyphen, a space, a dot or a slash (YY MM DD, YYYY-MM-DD);
// - before the last four nothing, spaces, or one of - + . / _ with or without spaces around it;
// - every Unicode dash (en dash, em dash, non-breaking hyphen, minus sign ...) counts as a hyphen and
//   every kind of space as a space; invisible characters (soft hyphen, zero-width space) are ignored;
//   full-width and other decimal digits count as digits (Unicode NFKC, then the digit's value);
// - a plausible date: month 01–12, a day that exists in that month (29 February allowed), or that day
//   + 60 for a samordningsnummer;
// - free text: the Luhn check over the ten digits must hold (so an order number rarely trips it);
//   a reference: the shape alone is enough (a mistyped personnummer is still one).
// Digits touching the number on either side make it part of a longer number (not a personnummer).

const INVISIBLE =
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF]/gu;
// Dash punctuation, the minus signs and the hyphen-like letters people paste from word processors.
const DASHES = /[\p{Pd}\u2212\u2043\u02D7\u2796\uFE63\uFF0D]/gu;
const SPACES = /[\s\p{Zs}]/gu;
const OTHER_DIGIT = /(?![0-9])\p{Nd}/gu;

/** The ASCII digit of any Unicode decimal digit: they come in runs of ten, 0 to 9 (a Unicode stability rule). */
function asciiDigit(ch: string): string {
  let cp = ch.codePointAt(0)!;
  let below = 0;
  while (below < 100 && /\p{Nd}/u.test(String.fromCodePoint(cp - 1))) {
    cp--;
    below++;
  }
  return String(below % 10);
}

/** Text as the detector reads it: NFKC, every dash a '-', every space a ' ', invisible characters gone, ASCII digits. */
export function normaliseForDetection(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(DASHES, '-')
    .replace(SPACES, ' ')
    .replace(OTHER_DIGIT, asciiDigit);
}

// The same separator twice (YYYY-MM-DD, YY MM DD) or none: a case number like IFO-2001-724778 is not
// "20 01-72 4778".
const DATE_SEP = '( *- *| +|\\.|/|)';
const LAST_SEP = '(?: *[-+./_] *| +)?';
// Groups: 1 century, 2 YY, 3 the date separator, 4 MM, 5 DD, 6 the last four.
const SHAPE = `(?<!\\d)(18|19|20)?(\\d{2})${DATE_SEP}(\\d{2})\\3(\\d{2})${LAST_SEP}(\\d{4})(?!\\d)`;
const CANDIDATE = new RegExp(SHAPE, 'g');
const WHOLE = new RegExp(`^ *${SHAPE} *$`);

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Month 01–12 and a day that exists in it, or that day + 60 (samordningsnummer). */
export function plausibleDate(mm: string, dd: string): boolean {
  const month = Number(mm);
  const raw = Number(dd);
  const day = raw > 60 ? raw - 60 : raw;
  return month >= 1 && month <= 12 && day >= 1 && day <= DAYS_IN_MONTH[month - 1];
}

/** The Luhn check over the ten digits YYMMDDNNNC (the century is not part of it). */
export function luhnValid(tenDigits: string): boolean {
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

function* candidates(normalised: string): Generator<{ ten: string; dateOk: boolean }> {
  // A fresh regex per call: no shared lastIndex between callers. Overlapping starts are tried too
  // ("19 ÅÅMMDD-NNNN" with a valid number must not hide the number behind a wrong century).
  const re = new RegExp(CANDIDATE.source, 'g');
  for (let m = re.exec(normalised); m; m = re.exec(normalised)) {
    const [, , yy, , mm, dd, last] = m;
    yield { ten: `${yy}${mm}${dd}${last}`, dateOk: plausibleDate(mm, dd) };
    re.lastIndex = m.index + 1;
  }
}

/** Does the text contain a Luhn-valid personnummer or samordningsnummer in any written form? */
export function containsPersonnummer(text: string): boolean {
  if (!text || !/\p{Nd}/u.test(text)) return false;
  for (const c of candidates(normaliseForDetection(text))) if (c.dateOk && luhnValid(c.ten)) return true;
  return false;
}

/**
 * A reference (childRef, externalId ...) that is a personnummer or samordningsnummer in any written
 * form with a plausible date, Luhn-valid or not, or that contains a Luhn-valid one anywhere.
 */
export function shapedLikePersonnummer(value: string): boolean {
  if (!value || !/\p{Nd}/u.test(value)) return false;
  const n = normaliseForDetection(value);
  const m = WHOLE.exec(n);
  if (m && plausibleDate(m[4], m[5])) return true;
  return containsPersonnummer(value);
}

/**
 * Anything in the text shaped like a personnummer or samordningsnummer with a plausible date, Luhn or
 * not: for chat command arguments, which are references and dates, never prose.
 */
export function containsPersonnummerShape(text: string): boolean {
  if (!text || !/\p{Nd}/u.test(text)) return false;
  for (const c of candidates(normaliseForDetection(text))) if (c.dateOk) return true;
  return false;
}
