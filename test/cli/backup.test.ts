// Backup and restore on the real process: the bot runs and takes reports through the intake API
// without pause while `npm run backup` copies its store (twice); a backup is restored into a fresh
// directory, a bot started on it has every report acknowledged before that backup began, and the
// chain verifies. Restore refuses while that bot runs, and refuses a data file with data without
// --force (which keeps the old files aside).
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLowdbStore } from '../../src/store/lowdbStore.js';
import { report } from '../support/bot.js';
import { ROOT, scratchDir, startProcess } from '../support/process.js';
import { nodeArgs } from '../support/children.js';

const KEY = 'backup-test-intake-key-abcdefgh';
const FAST = { INGEST_API_KEY: KEY, INGEST_RATE_BURST: '100000', READ_RATE_BURST: '100000' };

function cli(script: string, args: string[], dataFile: string): Promise<{ code: number; out: string }> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !k.startsWith('VITEST') && k !== 'DATABASE_URL' && k !== 'NODE_ENV') env[k] = v;
  return new Promise((resolve) =>
    execFile(
      process.execPath,
      [...nodeArgs(`src/cli/${script}.ts`), ...args],
      { cwd: ROOT, env: { ...env, DATA_FILE: dataFile } },
      (err, stdout, stderr) =>
        resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, out: `${stdout}${stderr}` }),
    ),
  );
}

const post = (port: number, n: number) =>
  fetch(`http://127.0.0.1:${port}/api/reports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify(
      report({ externalId: `BK-2026-${String(n).padStart(5, '0')}`, childRef: `B-BK-${String(n).padStart(5, '0')}` }),
    ),
  });

describe('backup and restore of the running bot', () => {
  it('a backup under continuous writes restores to a bot with every write acknowledged before it began', async () => {
    const dir = scratchDir();
    const dataFile = join(dir, 'live', 'db.json');
    const bot = startProcess({ ...FAST, DATA_FILE: dataFile });
    const port = await bot.started;

    const acked: string[] = [];
    let writing = true;
    let failures = 0;
    const writer = (async () => {
      for (let n = 1; writing; n++) {
        const r = await post(port, n);
        if (r.status === 201) acked.push(String(((await r.json()) as { externalId: string }).externalId));
        else failures++;
      }
    })();
    while (acked.length < 20) await new Promise((r) => setTimeout(r, 20));

    const backups: { to: string; before: string[] }[] = [];
    for (let i = 1; i <= 2; i++) {
      const to = join(dir, `kopia-${i}`);
      const before = acked.slice(); // acknowledged before the backup started
      const r = await cli('backup', ['--to', to], dataFile);
      expect(r.out).toMatch(/Säkerhetskopian är klar och kontrollerad/);
      expect(r.code).toBe(0);
      const cases = Number(/(\d+) ärenden/.exec(r.out)![1]);
      expect(cases).toBeGreaterThanOrEqual(before.length);
      backups.push({ to, before });
    }
    const afterLast = acked.length;
    writing = false;
    await writer;
    expect(failures).toBe(0);
    expect(acked.length).toBeGreaterThan(backups[1].before.length); // writes went on during the backups
    expect(readdirSync(dir).filter((f) => f.includes('ofullständig'))).toEqual([]);
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);

    // Restore the second backup into a fresh data directory and start a bot on it.
    const { to, before } = backups[1];
    const restored = join(dir, 'återställd', 'db.json');
    const r = await cli('restore', ['--from', to], restored);
    expect(r.out).toMatch(/Återställt från/);
    expect(r.code).toBe(0);
    const again = startProcess({ ...FAST, DATA_FILE: restored });
    const port2 = await again.started;
    for (const id of before) {
      const got = await fetch(`http://127.0.0.1:${port2}/api/cases/${id}`, {
        headers: { authorization: `Bearer ${KEY}` },
      });
      expect(got.status, id).toBe(200);
    }

    // While that bot runs, restore refuses (even with --force) and changes nothing.
    const busy = await cli('restore', ['--from', backups[0].to, '--force'], restored);
    expect(busy.code).toBe(3);
    expect(busy.out).toMatch(/används redan av en annan process.*Stoppa boten/s);
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);

    const store = await openLowdbStore(restored);
    const v = await store.verifyAudit();
    expect(v.ok, v.message).toBe(true);
    const ids = new Set([...(await store.allCases())].map((c) => c.id));
    for (const id of before) expect(ids.has(id), id).toBe(true);
    // Nothing invented: only reports the live bot acknowledged (by the end of the backup's copy).
    expect(ids.size).toBeLessThanOrEqual(afterLast + 1);
    for (const id of ids) expect(acked).toContain(id);
    await store.close();

    // A data file with data is not overwritten without --force; with it, the old files are kept aside.
    const refused = await cli('restore', ['--from', backups[0].to], restored);
    expect(refused.code).toBe(2);
    expect(refused.out).toMatch(/innehåller redan data.*--force.*Inget har ändrats/s);
    const forced = await cli('restore', ['--from', backups[0].to, '--force'], restored);
    expect(forced.code).toBe(0);
    const aside = readdirSync(join(dir, 'återställd')).filter((f) => f.includes('före-återställning'));
    expect(aside.some((f) => f.startsWith('db.json.journal.före-återställning-'))).toBe(true);
    expect(aside.some((f) => f.startsWith('db.json.före-återställning-'))).toBe(true);
    // The first backup was taken before the live bot ever wrote a snapshot: the journal is all of it.
    expect(existsSync(`${restored}.journal`)).toBe(true);
    const first = await openLowdbStore(restored);
    expect((await first.verifyAudit()).ok).toBe(true);
    for (const id of backups[0].before) expect(await first.getCase(id), id).toBeDefined();
    await first.close();
  }, 180_000);
});
