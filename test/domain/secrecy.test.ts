import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  containsPersonnummer,
  guardFreeText,
  SECRECY_MESSAGE,
  shapedLikePersonnummer,
  stringFields,
} from '../../src/domain/secrecy.js';
import { luhnDigit, syntheticPersonnummer } from '../support/synthetic.js';

// Synthetic numbers only: built here from random dates and a computed Luhn digit. No fixed
// realistic personnummer appears in this file.
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

const validNumber = fc
  .record({
    century: fc.constantFrom('18', '19', '20'),
    yy: fc.integer({ min: 0, max: 99 }),
    mm: fc.integer({ min: 1, max: 12 }),
    dd: fc.integer({ min: 1, max: 31 }),
    samordning: fc.boolean(),
    serial: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ century, yy, mm, dd: anyDay, samordning, serial }) => {
    // A day that exists in the month (29 February counts: the century is not always known).
    const dd = Math.min(anyDay, [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mm - 1]);
    const date = `${pad(yy)}${pad(mm)}${pad(samordning ? dd + 60 : dd)}`;
    const nine = date + pad(serial, 3);
    return { century, date, last4: pad(serial, 3) + luhnDigit(nine) };
  });

type Form = 'YYMMDDNNNN' | 'YYMMDD-NNNN' | 'YYMMDD+NNNN' | 'YYYYMMDDNNNN' | 'YYYYMMDD-NNNN' | 'YYYYMMDD+NNNN';
const FORMS: Form[] = ['YYMMDDNNNN', 'YYMMDD-NNNN', 'YYMMDD+NNNN', 'YYYYMMDDNNNN', 'YYYYMMDD-NNNN', 'YYYYMMDD+NNNN'];
const write = (n: { century: string; date: string; last4: string }, form: Form) => {
  const sep = form.includes('-') ? '-' : form.includes('+') ? '+' : '';
  return `${form.startsWith('YYYY') ? n.century : ''}${n.date}${sep}${n.last4}`;
};

const written = fc.tuple(validNumber, fc.constantFrom(...FORMS)).map(([n, f]) => write(n, f));

/** Every dash and space people paste: en dash, em dash, non-breaking hyphen, minus, figure dash, NBSP... */
export const DASH_CHARS = ['-', '\u2013', '\u2014', '\u2011', '\u2010', '\u2012', '\u2212', '\uFE63', '\uFF0D'];
export const SPACE_CHARS = [' ', '\u00A0', '\u202F', '\u2009', '\u2007', '\u3000', '  '];
const dash = fc.constantFrom(...DASH_CHARS);
const space = fc.constantFrom(...SPACE_CHARS);
/** Between the date parts: nothing, a dash (maybe spaced), a space, a dot, a slash. */
const dateSep = fc.oneof(
  fc.constant(''),
  dash,
  fc.tuple(space, dash, space).map((p) => p.join('')),
  space,
  fc.constantFrom('.', '/'),
);
/** Before the last four: nothing, a dash or plus (maybe spaced), spaces, an invisible soft hyphen. */
const lastSep = fc.oneof(
  fc.constant(''),
  dash,
  fc.constant('+'),
  fc.tuple(space, fc.oneof(dash, fc.constant('+')), space).map((p) => p.join('')),
  space,
  fc.constantFrom('\u00AD-', '-\u200B', '.', '/', '_'),
);

/** Any written form: with or without the century, any separators, sometimes in full-width digits. */
const anyForm = fc
  .record({
    n: validNumber,
    withCentury: fc.boolean(),
    s1: dateSep,
    s3: lastSep,
    wide: fc.integer({ min: 0, max: 9 }),
  })
  .map(({ n, withCentury, s1, s3, wide }) => {
    const s2 = s1; // YYYY-MM-DD, YY MM DD: the same separator between the date parts
    const d = n.date;
    const text = `${withCentury ? n.century : ''}${d.slice(0, 2)}${s1}${d.slice(2, 4)}${s2}${d.slice(4, 6)}${s3}${n.last4}`;
    // One in ten in full-width digits (Asian input methods, some PDF copies).
    return wide === 0 ? text.replace(/\d/g, (x) => String.fromCodePoint(0xff10 + Number(x))) : text;
  });

/** Text around a number, without digits touching it (digits elsewhere are fine). */
const noDigits = fc.string({ maxLength: 30 }).map((s) => s.replace(/\d/g, 'x'));
const punctuation = fc.constantFrom('', ' ', '(', ': ', '\n', ', ', '"', 'pnr:', '«', '/', 'nr.', '\t');

describe('the secrecy guard: what it catches', () => {
  it('catches every common written form: separators between the date parts, every dash and space, with or without the century', () => {
    fc.assert(
      fc.property(anyForm, noDigits, punctuation, punctuation, noDigits, (pnr, before, open, close, after) => {
        expect(containsPersonnummer(pnr)).toBe(true);
        expect(containsPersonnummer(`${before}${open}${pnr}${close}${after}`)).toBe(true);
        expect(shapedLikePersonnummer(pnr)).toBe(true);
        expect(guardFreeText({}, { externalId: pnr })?.fields).toHaveProperty('externalId');
      }),
      { numRuns: 5000 },
    );
  });

  it('catches the forms seen getting through before (built from a generated number)', () => {
    fc.assert(
      fc.property(validNumber, (n) => {
        const [yy, mm, dd] = [n.date.slice(0, 2), n.date.slice(2, 4), n.date.slice(4, 6)];
        const c = n.century;
        for (const form of [
          `${yy}${mm}${dd} ${n.last4}`,
          `${c}${yy}${mm}${dd} ${n.last4}`,
          `${yy}${mm}${dd} - ${n.last4}`,
          `${yy} ${mm} ${dd}-${n.last4}`,
          `${c}${yy}-${mm}-${dd}-${n.last4}`,
          `${yy}${mm}${dd}\u2013${n.last4}`,
          `${yy}${mm}${dd}\u2011${n.last4}`,
          `${c}${yy}-${mm}-${dd} ${n.last4}`,
        ]) {
          expect(containsPersonnummer(`Gäller ${form}.`), form).toBe(true);
          expect(shapedLikePersonnummer(form), form).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('catches every Luhn-valid personnummer or samordningsnummer in any written form, anywhere in a text', () => {
    fc.assert(
      fc.property(written, noDigits, punctuation, punctuation, noDigits, (pnr, before, open, close, after) => {
        expect(containsPersonnummer(`${before}${open}${pnr}${close}${after}`)).toBe(true);
        expect(containsPersonnummer(pnr)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('catches a number among other numbers (a date and a phone number in the same text)', () => {
    fc.assert(
      fc.property(written, (pnr) => {
        expect(
          containsPersonnummer(`Möte 2026-11-20, ring 070-123 45 67. Gäller ${pnr}; ärende IFO-2026-004512.`),
        ).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a reference shaped like a personnummer, Luhn-valid or not', () => {
    fc.assert(
      fc.property(validNumber, fc.constantFrom(...FORMS), fc.integer({ min: 0, max: 9 }), (n, form, check) => {
        const anyCheck = { ...n, last4: n.last4.slice(0, 3) + String(check) };
        expect(shapedLikePersonnummer(write(anyCheck, form))).toBe(true);
        expect(guardFreeText({}, { childRef: write(anyCheck, form) })?.fields).toHaveProperty('childRef');
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the secrecy guard: what it lets through', () => {
  const date = fc
    .tuple(
      fc.integer({ min: 1990, max: 2035 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 28 }),
      fc.integer({ min: 0, max: 23 }),
      fc.integer({ min: 0, max: 59 }),
    )
    .chain(([y, m, d, h, mi]) =>
      fc.constantFrom(
        `${y}-${pad(m)}-${pad(d)}`,
        `${y}${pad(m)}${pad(d)}`,
        `${pad(d)}/${pad(m)} ${y}`,
        `${y}-${pad(m)}-${pad(d)} ${pad(h)}:${pad(mi)}`,
        `${y}-${pad(m)}-${pad(d)}T${pad(h)}:${pad(mi)}:00+01:00`,
      ),
    );
  const mobile = fc
    .tuple(
      fc.constantFrom('70', '72', '73', '76', '79'),
      fc.integer({ min: 100, max: 999 }),
      fc.integer({ min: 10, max: 99 }),
      fc.integer({ min: 10, max: 99 }),
    )
    .chain(([p, a, b, c]) =>
      fc.constantFrom(
        `0${p}-${a} ${b} ${c}`,
        `+46 ${p} ${a} ${b} ${c}`,
        `0${p}-${a}${b}${c}`.replace(/^(\d{3})-/, '$1 '),
      ),
    );
  const landline = fc
    .tuple(fc.integer({ min: 100, max: 999 }), fc.integer({ min: 100, max: 999 }), fc.integer({ min: 10, max: 99 }))
    .map(([a, b, c]) => `08-${a} ${b} ${c}`);
  const caseNo = fc
    .tuple(
      fc.integer({ min: 2000, max: 2035 }),
      fc.integer({ min: 0, max: 999999 }),
      fc.constantFrom('IFO', 'BoU', 'SOC'),
    )
    .map(([y, n, p]) => `${p}-${y}-${pad(n, 6)}`);

  const postcode = fc
    .tuple(fc.integer({ min: 100, max: 999 }), fc.integer({ min: 10, max: 99 }), fc.boolean())
    .map(([a, b, spaced]) => (spaced ? `${a} ${b}` : `${a}${b}`));
  const time = fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.constantFrom(':', '.'))
    .map(([h, m, sep]) => `kl. ${pad(h)}${sep}${pad(m)}`);
  const plain = fc.oneof(date, mobile, landline, caseNo, postcode, time);

  it('lets dates, phone numbers, case numbers, postcodes and times through, alone and mixed in one text', () => {
    fc.assert(
      fc.property(fc.array(plain, { minLength: 1, maxLength: 4 }), noDigits, (parts, around) => {
        const text = `${around} ${parts.join(', ')} om mötet.`;
        expect(containsPersonnummer(text), text).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('lets the same through with any dash or space character in them', () => {
    fc.assert(
      fc.property(plain, dash, space, (s, d, sp) => {
        const text = s.replace(/-/g, d).replace(/ /g, sp);
        expect(containsPersonnummer(text), text).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('lets dates, phone numbers and case numbers through', () => {
    fc.assert(
      fc.property(fc.oneof(date, mobile, landline, caseNo), noDigits, (s, around) => {
        expect(containsPersonnummer(`${around} ${s} om mötet.`)).toBe(false);
        expect(containsPersonnummer(s)).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('lets the documented examples through', () => {
    for (const s of [
      '2026-11-20',
      '20261120',
      '070-123 45 67',
      '08-123 456 78',
      '+46 70 123 45 67',
      'IFO-2026-004512',
      'B-2026-0412',
      '2026-11-20T09:15:00+01:00',
    ]) {
      expect(containsPersonnummer(`Text ${s} text`), s).toBe(false);
      expect(shapedLikePersonnummer(s), s).toBe(false);
    }
  });

  it('lets Luhn-invalid ten-digit numbers through', () => {
    fc.assert(
      fc.property(validNumber, fc.integer({ min: 1, max: 9 }), fc.constantFrom(...FORMS), (n, delta, form) => {
        const wrong = String((Number(n.last4[3]) + delta) % 10);
        expect(containsPersonnummer(`Nr ${write({ ...n, last4: n.last4.slice(0, 3) + wrong }, form)} här`)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('lets ten-digit numbers with an impossible month or day through (even when Luhn-valid)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99 }),
        fc.constantFrom(0, 13, 20, 45, 99),
        fc.constantFrom(0, 32, 45, 60, 92, 99),
        fc.integer({ min: 0, max: 999 }),
        (yy, mm, dd, serial) => {
          const nine = `${pad(yy)}${pad(mm)}${pad(dd)}${pad(serial, 3)}`;
          expect(containsPersonnummer(`${nine}${luhnDigit(nine)}`)).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('lets longer digit runs through (an account or order number is not a personnummer)', () => {
    fc.assert(
      fc.property(
        written.filter((p) => !/[-+]/.test(p)),
        fc.integer({ min: 1, max: 9 }),
        (pnr, d) => {
          expect(containsPersonnummer(`${d}${d}${pnr}${d}${d}`)).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('the refusal', () => {
  const nine = '121212121';
  const pnr = syntheticPersonnummer(nine);

  it('names the field, in Swedish, and never repeats the number', () => {
    const r = guardFreeText({ summary: `Barnet ${pnr} har hög frånvaro.`, motivation: 'Inget att säga.' });
    expect(r?.ok).toBe(false);
    expect(r?.fields).toEqual({ summary: SECRECY_MESSAGE });
    expect(r?.message).toContain(SECRECY_MESSAGE);
    expect(r?.message).toContain('summary');
    expect(JSON.stringify(r)).not.toContain(pnr);
    expect(JSON.stringify(r)).not.toContain(nine);
    expect(JSON.stringify(r)).not.toContain('frånvaro');
  });

  it('lets clean text and clean references through', () => {
    expect(guardFreeText({ summary: 'Förskolan oroar sig för hög frånvaro.', motivation: undefined })).toBeNull();
    expect(guardFreeText({}, { childRef: 'B-2026-0412', externalId: 'IFO-2026-004512' })).toBeNull();
  });

  it('checks every string of a structured input by its path', () => {
    const fields = stringFields({ type: 'close', motivation: `Se ${pnr}`, nested: [{ note: 'ok' }] });
    expect(fields).toEqual({ type: 'close', motivation: `Se ${pnr}`, 'nested[0].note': 'ok' });
    expect(guardFreeText(fields)?.fields).toEqual({ motivation: SECRECY_MESSAGE });
  });
});
