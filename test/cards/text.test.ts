// The text catalogue (src/cards/text/): plurals through Intl.PluralRules, the reader's language from
// the Teams locale, and the same keys in every language.
import { describe, expect, it } from 'vitest';
import { count, dueWord, langOf, LANGS, noun } from '../../src/cards/text/index.js';
import { NOUNS_SV } from '../../src/cards/text/sv.js';

describe('the text catalogue', () => {
  it('counts nouns with the right form in Swedish and English', () => {
    expect(count(0, 'ärende')).toBe('0 ärenden');
    expect(count(1, 'ärende')).toBe('1 ärende');
    expect(count(2, 'ärende')).toBe('2 ärenden');
    expect(count(1, 'öppet ärende')).toBe('1 öppet ärende');
    expect(count(4, 'öppet ärende')).toBe('4 öppna ärenden');
    expect(count(1, 'arbetsdag')).toBe('1 arbetsdag');
    expect(count(6, 'arbetsdag')).toBe('6 arbetsdagar');
    expect(count(1, 'händelse')).toBe('1 händelse');
    expect(count(5, 'händelse')).toBe('5 händelser');
    expect(count(1, 'ärende', 'en')).toBe('1 case');
    expect(count(3, 'punkt', 'en')).toBe('3 items');
    expect(noun(1, 'dag')).toBe('dag');
  });

  it('reads English for en* locales and Swedish for everything else', () => {
    expect(langOf('en-US')).toBe('en');
    expect(langOf('en-GB')).toBe('en');
    expect(langOf('en')).toBe('en');
    expect(langOf('sv-SE')).toBe('sv');
    expect(langOf('fi-FI')).toBe('sv');
    expect(langOf(undefined)).toBe('sv');
    expect(langOf('')).toBe('sv');
    expect(langOf('eng')).toBe('sv');
  });

  it('has every noun and every key in English that it has in Swedish', () => {
    const keys = (o: object): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        v && typeof v === 'object' && !Array.isArray(v) ? keys(v).map((x) => `${k}.${x}`) : [k],
      );
    expect(keys(LANGS.en)).toEqual(keys(LANGS.sv));
    expect(Object.keys(LANGS.en.nouns).sort()).toEqual(Object.keys(NOUNS_SV).sort());
    expect(LANGS.en.help.rows.map((r) => r.command)).toEqual(LANGS.sv.help.rows.map((r) => r.command));
  });

  it('says in words how near a deadline is, so that colour is never the only sign', () => {
    expect(dueWord('2026-11-20', '2026-11-23')).toBe('FÖRSENAD');
    expect(dueWord('2026-11-23', '2026-11-23')).toBe('i dag');
    expect(dueWord('2026-11-24', '2026-11-23')).toBe('i morgon');
    expect(dueWord('2026-11-26', '2026-11-23')).toBe('om 3 dagar');
    expect(dueWord('2026-11-24', '2026-11-23', 'en')).toBe('tomorrow');
    expect(dueWord('2027-01-24', '2026-11-23')).toBe('');
  });
});
