import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openLowdbStore } from '../../src/store/lowdbStore.js';
import { CURRENT_SCHEMA_VERSION } from '../../src/store/migrations.js';
import { tempDataFile } from '../support/tmp.js';
import { newCase } from './fixtures.js';

describe('opening a file written by an older release', () => {
  it('migrates a version 1 file and writes it back as the current version', async () => {
    const file = tempDataFile();
    writeFileSync(
      file,
      JSON.stringify({
        schemaVersion: 1,
        seq: 2,
        logOffset: 0,
        auditSeq: 0,
        lastHash: '',
        cases: [newCase('IFO-OLD-1', { version: 3 }), newCase('IFO-OLD-2', { phase: 'closed', version: 5 })],
        docs: { conversations: { 'group:barn-mottagning': { conversationId: 'c1' } } },
      }),
    );
    const s = await openLowdbStore(file);
    expect((await s.getCase('IFO-OLD-1'))?.version).toBe(3);
    expect([...(await s.openCases())].map((c) => c.id)).toEqual(['IFO-OLD-1']);
    expect(await s.getDoc('conversations', 'group:barn-mottagning')).toEqual({ conversationId: 'c1' });
    const r = await s.commit({ cases: [{ case: newCase('IFO-OLD-1', { assignees: ['x'] }), expectedVersion: 3 }] });
    expect(r).toEqual({ ok: true, versions: { 'IFO-OLD-1': 4 } });
    await s.close();
    expect(JSON.parse(readFileSync(file, 'utf8')).schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('refuses a file from a newer release, and one that is not ours, without touching them', async () => {
    const file = tempDataFile();
    writeFileSync(file, JSON.stringify({ schemaVersion: 99 }));
    await expect(openLowdbStore(file)).rejects.toThrow(/schemaversion 99.*Uppgradera/);
    writeFileSync(file, JSON.stringify({ hello: 'world' }));
    await expect(openLowdbStore(file)).rejects.toThrow(/saknar schemaVersion/);
    expect(readFileSync(file, 'utf8')).toBe('{"hello":"world"}');
  });
});
