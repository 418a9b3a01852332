// Every refusal the domain gives has a key (src/domain/refusals.ts) and an English text in the
// catalogue (src/cards/text/en/refusals.ts); refusalText shows a refusal in the reader's language.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGS, refusalText } from '../../src/cards/text/index.js';
import { REFUSALS_SV, type RefusalKey } from '../../src/domain/refusals.js';
import { forbidden as forbiddenWords } from '../../src/domain/permissions.js';
import { refuse } from '../../src/domain/schemas.js';
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
