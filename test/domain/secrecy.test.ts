import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containsPersonnummer, guardFreeText, shapedLikePersonnummer } from '../../src/domain/secrecy.js';

// Synthetic numbers only: built here from random dates and a computed Luhn digit.
const luhnDigit = (nine: string) => {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(nine[i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
};
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

const validNumber = fc
  .record({
    century: fc.constantFrom('19', '20'),
    yy: fc.integer({ min: 0, max: 99 }),
    mm: fc.integer({ min: 1, max: 12 }),
    dd: fc.integer({ min: 1, max: 28 }),
    samordning: fc.boolean(),
    serial: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ century, yy, mm, dd, samordning, serial }) => {
    const date = `${pad(yy)}${pad(mm)}${pad(samordning ? dd + 60 : dd)}`;
    const nine = date + pad(serial, 3);
    return { century, date, last4: pad(serial, 3) + luhnDigit(nine) };
  });

const written = fc.tuple(validNumber, fc.constantFrom('short', 'shortDash', 'shortPlus', 'long', 'longDash')).map(([n, form]) => {
  switch (form) {
    case 'short': return `${n.date}${n.last4}`;
    case 'shortDash': return `${n.date}-${n.last4}`;
    case 'shortPlus': return `${n.date}+${n.last4}`;
    case 'long': return `${n.century}${n.date}${n.last4}`;
    default: return `${n.century}${n.date}-${n.last4}`;
  }
});

describe('the secrecy guard', () => {
  it('catches every Luhn-valid personnummer or samordningsnummer in any written form, anywhere in a text', () => {
    fc.assert(
      fc.property(written, fc.string({ maxLength: 30 }), fc.constantFrom(' ', '(', ': ', '\n', ', ', '"'), (pnr, text, sep) => {
        const clean = text.replace(/\d/g, 'x');
        expect(containsPersonnummer(`${clean}${sep}${pnr}${sep === '(' ? ')' : '.'}`)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('lets dates, phone numbers and case numbers through', () => {
    const date = fc.tuple(fc.integer({ min: 2000, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
      .chain(([y, m, d]) => fc.constantFrom(`${y}-${pad(m)}-${pad(d)}`, `${y}${pad(m)}${pad(d)}`, `${pad(d)}/${pad(m)} ${y}`));
    const phone = fc.tuple(fc.constantFrom('070', '072', '073', '076', '079'), fc.integer({ min: 100, max: 999 }), fc.integer({ min: 10, max: 99 }), fc.integer({ min: 10, max: 99 }))
      .chain(([p, a, b, c]) => fc.constantFrom(`${p}-${a} ${b} ${c}`, `+46 ${p.slice(1)} ${a} ${b} ${c}`, `08-${a} ${b}${c.toString()[0]} ${c}`));
    const caseNo = fc.tuple(fc.integer({ min: 2000, max: 2030 }), fc.integer({ min: 0, max: 999999 })).map(([y, n]) => `IFO-${y}-${pad(n, 6)}`);
    fc.assert(fc.property(fc.oneof(date, phone, caseNo), (s) => {
      expect(containsPersonnummer(`Ring ${s} om mötet.`)).toBe(false);
    }), { numRuns: 2000 });
  });

  it('lets Luhn-invalid ten-digit numbers through', () => {
    fc.assert(
      fc.property(validNumber, fc.integer({ min: 1, max: 9 }), (n, delta) => {
        const wrong = String((Number(n.last4[3]) + delta) % 10);
        expect(containsPersonnummer(`${n.date}-${n.last4.slice(0, 3)}${wrong}`)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('names the field and never repeats the number', () => {
    const nine = '121212121';
    const pnr = `${nine.slice(0, 6)}-${nine.slice(6)}${luhnDigit(nine)}`;
    const r = guardFreeText({ summary: `Barnet ${pnr} har hög frånvaro.`, motivation: 'Inget att säga.' });
    expect(r?.fields).toEqual({ summary: expect.stringMatching(/personnummer/) });
    expect(JSON.stringify(r)).not.toContain(pnr);
    expect(JSON.stringify(r)).not.toContain(nine);
    expect(guardFreeText({ summary: 'Förskolan oroar sig för hög frånvaro.' })).toBeNull();
  });

  it('refuses a child reference shaped like a personnummer, valid or not', () => {
    expect(shapedLikePersonnummer('121212-1234')).toBe(true);
    expect(shapedLikePersonnummer('B-2026-0412')).toBe(false);
    expect(guardFreeText({}, { childRef: '201212121234' })?.fields).toHaveProperty('childRef');
    expect(guardFreeText({}, { childRef: 'B-2026-0412' })).toBeNull();
  });
});
