// Every refusal the domain gives has a key (src/domain/refusals.ts) and an English text in the
// catalogue (src/cards/text/en/refusals.ts); refusalText shows a refusal in the reader's language.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fieldTexts, LANGS, refusalText } from '../../src/cards/text/index.js';
import { REFUSALS_SV, type RefusalKey } from '../../src/domain/refusals.js';
import { forbidden as forbiddenWords } from '../../src/domain/permissions.js';
import { fieldWords, refuse } from '../../src/domain/schemas.js';
import { decisionDate } from '../../src/domain/domainContext.js';
import { said } from '../../src/domain/refusals.js';
import { guardFreeText } from '../../src/domain/secrecy.js';
import { syntheticPersonnummer } from '../support/synthetic.js';

/** Values for every parameter a refusal's text takes. */
const PARAMS = {
  name: 'Anna Berg',
  from: '2026-12-01',
  to: '2026-12-05',
  on: '2026-11-02',
  caseId: 'IFO-2026-000001',
  max: 2000,
  externalId: 'IFO-2026-000002',
  fields: 'status',
  role: 'caseworker',
  roles: 'team_lead,unit_manager',
  date: '2026-12-09',
  legalRef: '26 kap. 1 § SoL',
};

const text = (entry: string | ((p: never) => string)) =>
  typeof entry === 'string' ? entry : (entry as (p: typeof PARAMS) => string)(PARAMS);

/** The English outside the brackets that keep a Swedish legal term's name, "(skyddsbedömning)". */
const outsideBrackets = (s: string) => s.replace(/\([^)]*\)/g, '');

describe('the domain refusals in English', () => {
  const keys = Object.keys(REFUSALS_SV) as RefusalKey[];

  it('has an English text for every key, without a Swedish letter outside a bracketed legal term', () => {
    const en = LANGS.en.refusals;
    expect(Object.keys(en).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      const english = text(en[key]);
      expect(english, key).toMatch(/\S/);
      expect(english, key).not.toBe(text(REFUSALS_SV[key]));
      expect(outsideBrackets(english), key).not.toMatch(/[åäöÅÄÖ]/);
      expect(english, key).not.toMatch(/undefined|\[object/);
    }
  });

  it('gives every refusal in src/domain a key: no refuse() or invalid() with a literal message', () => {
    const dir = 'src/domain';
    const literal: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(`${dir}/${file}`, 'utf8');
      for (const m of source.matchAll(/\b(?:refuse\(\s*'\w+',|invalid\()\s*([^\s)])/g))
        if (
          !/^[a-z]/.test(m[1]) ||
          !/^(?:refuse\(\s*'\w+',|invalid\()\s*(?:said|forbidden)\(/.test(source.slice(m.index))
        )
          literal.push(`${file}: ${source.slice(m.index, m.index + 60)}`);
    }
    expect(literal.filter((l) => !l.startsWith('domainContext.ts'))).toEqual([]);
  });

  it('shows a domain refusal in English for en and keeps the Swedish message for sv', () => {
    const r = guardFreeText({ status: `Barnet ${syntheticPersonnummer('121212121')} bor hos mamma` })!;
    expect(r.key).toBe('secrecy');
    expect(refusalText(r, 'sv')).toBe(r.message);
    expect(refusalText(r, 'en')).toBe(
      'The text contains something that looks like a personal identity number or coordination number. Remove it; cases are identified by their case reference. Applies to the field status.',
    );
  });

  it('names the roles of a role refusal in the reader’s language', () => {
    // A caseworker may not decide a förhandsbedömning.
    const forbidden = refuse('forbidden', forbiddenWords('decideForhandsbedomning', 'caseworker'));
    expect(forbidden.message).toBe('Som handläggare kan du inte göra det här. Det kan: gruppledare, enhetschef.');
    expect(refusalText(forbidden, 'en')).toBe('As a caseworker you cannot do this. Who can: team lead, unit manager.');
  });

  it('keeps the message of a refusal without a key, which its use case wrote in the reader’s language', () => {
    expect(refusalText({ message: 'The case was changed at the same time. Try again.' }, 'en')).toBe(
      'The case was changed at the same time. Try again.',
    );
  });
});

describe("the domain's field messages", () => {
  it('gives every field message in src/domain a key: no literal text beside a field', () => {
    const dir = 'src/domain';
    const literal: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'refusals.ts')) {
      const source = readFileSync(`${dir}/${file}`, 'utf8');
      // fields.x = '…' / `…`, and { x: '…' } as the fields of refuse() or invalid().
      for (const m of source.matchAll(/\bfields\.\w+\s*(?:\?\?)?=\s*['"`]/g))
        literal.push(`${file}: ${source.slice(m.index, m.index + 60)}`);
      for (const m of source.matchAll(/\b(?:refuse|invalid)\([^;]*?\{\s*\w+:\s*['"`]/g))
        literal.push(`${file}: ${source.slice(m.index, m.index + 80)}`);
      for (const m of source.matchAll(/\.replace\('Beslutsdatumet'/g))
        literal.push(`${file}: ${source.slice(m.index, m.index + 40)}`);
    }
    expect(literal).toEqual([]);
  });

  it('keeps the Swedish text in fields and the key beside it, and shows the field in the reader’s language', () => {
    const r = refuse('invalid', said('decisionNotSaved'), {
      decidedOn: said('decidedOnFuture'),
      newDeadline: said('newDeadlineAfter', { date: '2026-12-09' }),
      motivation: 'Skriv en motivering till beslutet.',
    });
    expect(r.fields).toEqual({
      decidedOn: 'Beslutsdatumet kan inte vara i framtiden.',
      newDeadline: 'Det nya datumet måste vara efter 2026-12-09.',
      motivation: 'Skriv en motivering till beslutet.',
    });
    expect(fieldTexts(r, 'sv')).toEqual(r.fields);
    expect(fieldTexts(r, 'en')).toEqual({
      decidedOn: 'The date of the decision cannot be in the future.',
      newDeadline: 'The new date must be after 2026-12-09.',
      // A message without a key was written in the reader's language by its use case.
      motivation: 'Skriv en motivering till beslutet.',
    });
    // Passed on in another refusal, the keys go along.
    expect(fieldTexts(refuse('invalid', 'x', fieldWords(r)), 'en')).toEqual(fieldTexts(r, 'en'));
  });

  it('names the day a date is about: "Beslutsdatumet" for a decision, "Datumet" for another day', () => {
    const current = { receivedAt: '2026-11-24T08:00:00+01:00' };
    const en = (d: ReturnType<typeof decisionDate>) =>
      'error' in d ? [d.error.text, refusalText({ message: d.error.text, key: d.error.key }, 'en')] : d.date;
    expect(en(decisionDate('2026-11-25', '2026-11-24', current))).toEqual([
      'Beslutsdatumet kan inte vara i framtiden.',
      'The date of the decision cannot be in the future.',
    ]);
    expect(en(decisionDate('2026-11-25', '2026-11-24', current, { noun: 'date' }))).toEqual([
      'Datumet kan inte vara i framtiden.',
      'The date cannot be in the future.',
    ]);
    expect(en(decisionDate('2026-11-23', '2026-11-24', current, { noun: 'date' }))).toEqual([
      'Datumet kan inte vara före anmälan.',
      'The date cannot be before the report.',
    ]);
    expect(en(decisionDate('24 nov', '2026-11-24', current, { noun: 'date' }))).toEqual([
      'Ange ett datum som ÅÅÅÅ-MM-DD.',
      'Enter a date as YYYY-MM-DD.',
    ]);
    expect(en(decisionDate('', '2026-11-24', current))).toBe('2026-11-24');
  });
});
