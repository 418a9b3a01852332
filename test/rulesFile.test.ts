// The rule table a lawyer checks and replaces (docs/rules.md): every row is in the document with its
// reference, quote and in-force date, and a replacement RULES_FILE with a bad row stops the start
// with the field named in Swedish.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadRules } from '../src/config.js';
import { DEFAULT_RULES, referenceText } from '../src/domain/rules.js';
import { tempDir } from './support/tmp.js';

const doc = readFileSync(new URL('../docs/rules.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');

describe('docs/rules.md', () => {
  it.each(DEFAULT_RULES.rules.map((r, i) => [`${r.kind} (${r.inForce})`, i] as const))(
    'lists the row %s with its reference, quote and in-force date',
    (_name, i) => {
      const r = DEFAULT_RULES.rules[i];
      const row = doc.split(' | ').join('|');
      expect(row).toContain(`\`${r.kind}\`|${r.label}`);
      expect(doc).toContain(referenceText(r));
      expect(doc).toContain(r.quote.replace(/\|/g, '\\|'));
      expect(doc).toContain(r.inForce);
      if (r.endsOn) expect(doc).toContain(r.endsOn);
    },
  );
});

describe('RULES_FILE', () => {
  it('replaces the table when it is valid', () => {
    const dir = tempDir();
    const file = join(dir, 'regler.json');
    const table = structuredClone(DEFAULT_RULES);
    table.rules = table.rules.map((r) => (r.kind === 'skyddsbedomning' ? { ...r, verified: true } : r));
    writeFileSync(file, JSON.stringify(table));
    expect(loadRules(file).rules.find((r) => r.kind === 'skyddsbedomning')?.verified).toBe(true);
  });

  it('stops the start on a bad row, naming the row and the field in Swedish', () => {
    const dir = tempDir();
    const file = join(dir, 'regler.json');
    const table = structuredClone(DEFAULT_RULES) as unknown as { rules: Record<string, unknown>[] };
    table.rules[2].inForce = '1 juli 2025';
    delete table.rules[3].verified;
    writeFileSync(file, JSON.stringify(table));
    let message = '';
    try {
      loadRules(file);
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      message = (err as Error).message;
    }
    expect(message).toContain('Regeltabellen');
    expect(message).toContain('rules[2].inForce: Datum ska skrivas ÅÅÅÅ-MM-DD');
    expect(message).toMatch(/rules\[3\]\.verified: Ogiltig inmatning/);
  });

  it('refuses a table that lacks a kind the bot counts', () => {
    const dir = tempDir();
    const file = join(dir, 'regler.json');
    writeFileSync(
      file,
      JSON.stringify({ ...DEFAULT_RULES, rules: DEFAULT_RULES.rules.filter((r) => r.kind !== 'lvu_ansokan') }),
    );
    expect(() => loadRules(file)).toThrow(/Rad för lvu_ansokan saknas/);
  });
});
