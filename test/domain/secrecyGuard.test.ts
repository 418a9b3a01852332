// The guard's small functions that every form and entrance reuses (one for a text field, one for a
// reference, one for a chat message, one for a whole structured input), and the normalisation the
// detector reads text through. Numbers are built here with the Luhn digit computed.
import { describe, expect, it } from 'vitest';
import {
  guardAllStrings,
  messageProblem,
  normaliseForDetection,
  REFERENCE_MESSAGE,
  referenceProblem,
  referencesProblem,
  scrubbed,
  SECRECY_MESSAGE,
  textProblem,
} from '../../src/domain/secrecy.js';
import { luhnDigit, syntheticPersonnummer } from '../support/synthetic.js';

const nine = '040506123';
const pnr = syntheticPersonnummer(nine);
const wrongCheck = `${nine.slice(0, 6)}-${nine.slice(6)}${(Number(luhnDigit(nine)) + 1) % 10}`;

describe('reading text as the detector does', () => {
  it('turns every dash into a hyphen, every space into a space, drops invisible characters and reads any decimal digit', () => {
    expect(normaliseForDetection('85\u201303\u2011 22\u00A0\u00AD7\u200B6')).toBe('85-03- 22 76');
    expect(normaliseForDetection('\uFF18\uFF15')).toBe('85'); // full-width
    expect(normaliseForDetection('\u0668\u0665')).toBe('85'); // Arabic-Indic
    expect(normaliseForDetection('\u096E\u096B')).toBe('85'); // Devanagari
  });

  it('finds a number written in Arabic-Indic digits', () => {
    const arabic = pnr.replace(/\d/g, (d) => String.fromCodePoint(0x0660 + Number(d)));
    expect(textProblem(`Se ${arabic}`)).toBe(SECRECY_MESSAGE);
  });
});

describe('one function per kind of field', () => {
  it('a text field: a Luhn-valid number is refused, a wrong check digit passes (an order number)', () => {
    expect(textProblem(`Barnet ${pnr} har hög frånvaro.`)).toBe(SECRECY_MESSAGE);
    expect(textProblem(`Order ${wrongCheck}`)).toBeNull();
    expect(textProblem('Möte 2026-11-20 kl. 09:15, ring 070-123 45 67.')).toBeNull();
    expect(textProblem(undefined)).toBeNull();
  });

  it('a reference: the shape is enough, whatever the separators', () => {
    expect(referenceProblem(wrongCheck)).toBe(REFERENCE_MESSAGE);
    expect(referenceProblem(`19${nine.slice(0, 2)}-${nine.slice(2, 4)}-${nine.slice(4, 6)}-1234`)).toBe(
      REFERENCE_MESSAGE,
    );
    expect(referenceProblem('IFO-2026-004512')).toBeNull();
    expect(referenceProblem('B-2026-0412')).toBeNull();
  });

  it('a chat message: any number shaped like a personnummer, Luhn or not, and nothing of it in the answer', () => {
    const m = messageProblem(`ärende ${wrongCheck}`);
    expect(m).toMatch(/liknar ett personnummer/);
    expect(m).not.toContain(nine.slice(0, 6));
    expect(messageProblem('frånvaro Anna Berg från 2026-12-07 till 2026-12-18')).toBeNull();
    expect(messageProblem('ärende IFO-2026-004512')).toBeNull();
  });

  it('a structured input: every string by its path, references by their field name, new fields included', () => {
    const r = guardAllStrings({
      externalId: wrongCheck,
      summary: 'Ok.',
      familyRef: 'F-1',
      extra: { note: `Se ${pnr}` },
      list: [{ childRef: pnr }],
    });
    expect(r?.fields).toEqual({
      externalId: REFERENCE_MESSAGE,
      'extra.note': SECRECY_MESSAGE,
      'list[0].childRef': REFERENCE_MESSAGE,
    });
    expect(JSON.stringify(r)).not.toContain(nine.slice(0, 6));
  });

  it("a card's own references (caseId, handoverId) made up to look like a number", () => {
    expect(referencesProblem({ caseId: pnr, version: 1 })).toBe(REFERENCE_MESSAGE);
    expect(referencesProblem({ caseId: 'IFO-2026-004512', childRef: pnr })).toBeNull(); // the form's own guard answers
  });

  it('a form shown again: every value that holds a number is emptied, the rest kept', () => {
    expect(scrubbed({ summary: `Se ${pnr}`, childRef: wrongCheck, receivedDate: '2026-13-45', groupId: 'x' })).toEqual({
      summary: '',
      childRef: '',
      receivedDate: '2026-13-45',
      groupId: 'x',
    });
  });
});
