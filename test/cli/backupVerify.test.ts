// The backup and its check, in process: taken while a store holds the lock, taken again when the
// snapshot is renamed mid-copy, and a damaged backup (a torn last line, an edited entry) refused by
// the check, by its checksum and, with the checksum made to match, by the journal and the chain.
import { existsSync, readFileSync, readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backup } from '../../src/cli/backup.js';
import { restore } from '../../src/cli/restore.js';
import { MANIFEST, sha256File, verifyBackup } from '../../src/store/backupCheck.js';
import { writeFileDurably } from '../../src/store/durableFile.js';
import { openLowdbStore } from '../../src/store/lowdbStore.js';
import type { Store } from '../../src/store/port.js';
import { newCase } from '../store/fixtures.js';
import { tempDir } from '../support/tmp.js';

const AT = '2026-11-20T09:15:00+01:00';
const caseTx = (id: string) => ({
  cases: [{ case: newCase(id), expectedVersion: null }],
  docs: [{ collection: 'outbox', id: `m-${id}`, value: { n: id, version: 1 }, expectedVersion: null }],
  audit: [{ at: AT, actor: 'system' as const, type: 'ReportRegistered', caseId: id }],
});

async function storeWith(n: number): Promise<{ dataFile: string; store: Store; dir: string }> {
  const dir = tempDir('arendevakt-bk-');
  const dataFile = join(dir, 'data', 'db.json');
  // Half before a close (which writes the snapshot), half after: a snapshot and a journal tail.
  const first = await openLowdbStore(dataFile);
  for (let i = 1; i <= n / 2; i++) expect((await first.commit(caseTx(`IFO-${i}`))).ok).toBe(true);
  await first.close();
  const store = await openLowdbStore(dataFile);
  for (let i = Math.floor(n / 2) + 1; i <= n; i++) expect((await store.commit(caseTx(`IFO-${i}`))).ok).toBe(true);
  expect(existsSync(dataFile)).toBe(true);
  return { dataFile, store, dir };
}

/** Rewrites the manifest's checksums to match the files as they are now (a forger's backup). */
async function refreshManifest(dir: string) {
  const m = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8'));
  for (const name of Object.keys(m.files))
    m.files[name] = { bytes: statSync(join(dir, name)).size, sha256: await sha256File(join(dir, name)) };
  writeFileSync(join(dir, MANIFEST), JSON.stringify(m));
}

describe('npm run backup (in process)', () => {
  it('copies the store while it is open and locked, checks the copy and names it only when done', async () => {
    const { dataFile, store, dir } = await storeWith(6);
    const to = join(dir, 'kopior', 'k1');
    const r = await backup(['--to', to], { DATA_FILE: dataFile });
    expect(r.output).toMatch(/Säkerhetskopian är klar och kontrollerad/);
    expect(r.output).toMatch(/6 ärenden, 6 granskningsposter, \d+ byte/);
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'kopior'))).toEqual(['k1']); // no temporary directory left beside it
    expect(readdirSync(to).sort()).toEqual(['db.json', 'db.json.journal', MANIFEST].sort());
    // The store was never disturbed: it still takes writes, and its lock is its own.
    expect((await store.commit(caseTx('IFO-7'))).ok).toBe(true);
    expect((await verifyBackup(to)).cases).toBe(6);
    // The same directory again is refused, and nothing in it changes.
    const before = readFileSync(join(to, 'db.json.journal'));
    const again = await backup(['--to', to], { DATA_FILE: dataFile });
    expect(again.code).toBe(2);
    expect(again.output).toMatch(/finns redan/);
    expect(readFileSync(join(to, 'db.json.journal'))).toEqual(before);
    await store.close();
  });

  it('takes the copy again when the snapshot is replaced (atomic rename) during the copy', async () => {
    const { dataFile, store, dir } = await storeWith(4);
    const to = join(dir, 'k');
    const attempts: number[] = [];
    const r = await backup(
      ['--to', to],
      { DATA_FILE: dataFile },
      {
        hook: async (attempt) => {
          attempts.push(attempt);
          // What a new snapshot or a compaction does: a new file renamed over the old one.
          if (attempt === 1) await writeFileDurably(dataFile, readFileSync(dataFile, 'utf8'));
        },
      },
    );
    expect(r.output).toMatch(/2 försök: databasfilen byttes ut/);
    expect(r.code).toBe(0);
    expect(attempts).toEqual([1, 2]);
    expect((await verifyBackup(to)).ok).toBe(true);
    await store.close();
  });

  it('with DATABASE_URL refuses and points to pg_dump; nothing is written', async () => {
    const dir = tempDir();
    const r = await backup(['--to', join(dir, 'k')], {
      DATA_FILE: join(dir, 'db.json'),
      DATABASE_URL: 'postgres://arendevakt@localhost/arendevakt',
    });
    expect(r.code).toBe(2);
    expect(r.output).toMatch(/pg_dump -Fc/);
    expect(r.output).toMatch(/docs\/backup\.md/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('without --to says how to call it', async () => {
    const r = await backup([], { DATA_FILE: join(tempDir(), 'db.json') });
    expect(r.code).toBe(2);
    expect(r.output).toMatch(/npm run backup -- --to <katalog>/);
  });
});

describe('a damaged backup is refused by the check', () => {
  async function taken() {
    const { dataFile, store, dir } = await storeWith(4);
    const to = join(dir, 'k');
    expect((await backup(['--to', to], { DATA_FILE: dataFile })).code).toBe(0);
    await store.close();
    return { to, dir, journal: join(to, 'db.json.journal') };
  }

  it('a torn last line: by the checksum, and with the checksum forged, by the journal itself', async () => {
    const { to, journal } = await taken();
    truncateSync(journal, statSync(journal).size - 7);
    const v = await verifyBackup(to);
    expect(v.ok).toBe(false);
    expect(v.message).toMatch(/Filen db\.json\.journal i säkerhetskopian .* är ändrad eller skadad/);
    await refreshManifest(to);
    const forged = await verifyBackup(to);
    expect(forged.ok).toBe(false);
    expect(forged.message).toMatch(/sista rad är avbruten/);
  });

  it('an edited audit entry: by the checksum, and with the checksum forged, by the chain', async () => {
    const { to, journal } = await taken();
    const text = readFileSync(journal, 'utf8');
    const edited = text.replace('"caseId":"IFO-2"', '"caseId":"IFO-9"');
    expect(edited).not.toBe(text);
    writeFileSync(journal, edited);
    expect((await verifyBackup(to)).message).toMatch(/är ändrad eller skadad/);
    await refreshManifest(to);
    const forged = await verifyBackup(to);
    expect(forged.ok).toBe(false);
    expect(forged.message).toMatch(/Granskningsloggen är ändrad: kedjan bryts vid post 2/);
  });

  it('restore refuses a damaged backup and changes nothing in the data directory', async () => {
    const { to, dir, journal } = await taken();
    truncateSync(journal, statSync(journal).size - 1);
    const target = join(dir, 'ny', 'db.json');
    const r = await restore(['--from', to], { DATA_FILE: target });
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/är ändrad eller skadad.*Inget har ändrats/s);
    expect(existsSync(target)).toBe(false);
    expect(existsSync(`${target}.journal`)).toBe(false);
  });

  it('a directory without a manifest is no backup', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'db.json.journal'), '');
    const v = await verifyBackup(dir);
    expect(v.ok).toBe(false);
    expect(v.message).toMatch(/ingen hel säkerhetskopia/);
  });
});
