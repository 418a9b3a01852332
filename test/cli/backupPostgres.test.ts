// The PostgreSQL backup as docs/backup.md documents it: pg_dump -Fc of a database the store wrote,
// pg_restore into a fresh database, the store opened on it: the cases are there and the chain
// verifies. Never skipped: without pg_dump (on PATH or in /usr/lib/postgresql/*/bin) it fails.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/store/postgresStore.js';
import { newCase } from '../store/fixtures.js';
import { freshDatabase, usePostgres } from '../support/postgres.js';
import { tempDir } from '../support/tmp.js';

usePostgres();

function pgTool(name: string): string {
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir && existsSync(join(dir, name))) return join(dir, name);
  const root = '/usr/lib/postgresql';
  if (existsSync(root))
    for (const v of readdirSync(root).sort((a, b) => Number(b) - Number(a)))
      if (existsSync(join(root, v, 'bin', name))) return join(root, v, 'bin', name);
  throw new Error(
    `${name} saknas: säkerhetskopieringen av PostgreSQL kan inte provas (Debian: apt-get install postgresql-client).`,
  );
}

describe('pg_dump and pg_restore of the PostgreSQL store', () => {
  it('restores a dump into a fresh database with every case and a chain that verifies', async () => {
    const url = await freshDatabase();
    const store = await openPostgresStore(url);
    for (let i = 1; i <= 12; i++) {
      const r = await store.commit({
        cases: [{ case: newCase(`PG-${i}`), expectedVersion: null }],
        docs: [{ collection: 'outbox', id: `m-${i}`, value: { n: i, version: 1 }, expectedVersion: null }],
        audit: [{ at: '2026-11-20T09:15:00+01:00', actor: 'system', type: 'ReportRegistered', caseId: `PG-${i}` }],
      });
      expect(r.ok).toBe(true);
    }
    await store.close();

    const dump = join(tempDir(), 'arendevakt.dump');
    execFileSync(pgTool('pg_dump'), ['-Fc', '--no-owner', `--dbname=${url}`, '-f', dump], { stdio: 'pipe' });
    const target = await freshDatabase();
    execFileSync(pgTool('pg_restore'), ['--no-owner', '--exit-on-error', `--dbname=${target}`, dump], {
      stdio: 'pipe',
    });

    const copy = await openPostgresStore(target);
    try {
      const v = await copy.verifyAudit();
      expect(v.ok, v.message).toBe(true);
      expect(v.entries).toBe(12);
      expect([...(await copy.allCases())].map((c) => c.id).sort()).toEqual(
        Array.from({ length: 12 }, (_, i) => `PG-${i + 1}`).sort(),
      );
      expect(await copy.listDocs('outbox')).toHaveLength(12);
      // The restored database takes writes and goes on with the same chain.
      expect(
        (
          await copy.commit({
            cases: [{ case: newCase('PG-13'), expectedVersion: null }],
            audit: [{ at: '2026-11-20T10:00:00+01:00', actor: 'system', type: 'ReportRegistered', caseId: 'PG-13' }],
          })
        ).ok,
      ).toBe(true);
      expect((await copy.verifyAudit()).entries).toBe(13);
    } finally {
      await copy.close();
    }
  }, 180_000);
});
