// A full disk, on the real process: the bot runs in its own mount namespace with DATA_FILE on a
// 2 MiB tmpfs, which the test fills (through /proc/<pid>/root) and empties again. Nothing
// acknowledged is lost, writes are refused with a message while it is full (503), reads go on,
// /healthz says degraded, the process stays up, and it takes writes again by itself.
import { appendFileSync, copyFileSync, existsSync, mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openLowdbStore } from '../../src/store/lowdbStore.js';
import { report } from '../support/bot.js';
import { scratchDir, startProcess } from '../support/process.js';
import { nodeArgs } from '../support/children.js';

const KEY = 'disk-full-intake-key-0123456789';

describe('a full disk under the running bot', () => {
  it('refuses writes with 503 while full, keeps reading, stays up, and recovers when space returns', async () => {
    const dir = scratchDir(); // the mount point; the tmpfs exists only inside the bot's namespace
    const p = startProcess({ DATA_FILE: join(dir, 'db.json'), INGEST_API_KEY: KEY }, [
      'unshare',
      [
        '-m',
        'sh',
        '-c',
        `mount -t tmpfs -o size=2m tmpfs ${dir} && exec "$0" "$@"`,
        process.execPath,
        ...nodeArgs('src/main.ts'),
      ],
    ]);
    const port = await p.started;
    const base = `http://127.0.0.1:${port}`;
    const inside = `/proc/${p.child.pid}/root${dir}`;
    const call = async (method: string, path: string, body?: unknown) => {
      const r = await fetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      return { status: r.status, json: (await r.json()) as Record<string, unknown> };
    };
    const reportN = (n: number) =>
      report({
        externalId: `IFO-2026-0${String(n).padStart(5, '0')}`,
        childRef: `B-2026-${String(n).padStart(4, '0')}`,
      });

    const acked: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await call('POST', '/api/reports', reportN(i));
      expect(r.status).toBe(201);
      acked.push(String(r.json.externalId));
    }
    // Fill the disk to the last byte.
    const filler = join(inside, 'filler');
    const chunk = Buffer.alloc(64 * 1024, 1);
    for (let size = chunk.length; size >= 1;) {
      try {
        appendFileSync(filler, chunk.subarray(0, size));
      } catch {
        size = Math.floor(size / 2);
      }
    }
    const refused: number[] = [];
    for (let i = 5; i < 25; i++) {
      const r = await call('POST', '/api/reports', reportN(i));
      if (r.status === 201) acked.push(String(r.json.externalId));
      else {
        refused.push(r.status);
        expect(r.json.error).toMatch(/disken är full.*Ingenting av den sparades/);
      }
    }
    expect(refused.length).toBeGreaterThan(0);
    expect(new Set(refused)).toEqual(new Set([503]));
    // Reads go on, the process is up and says it is degraded.
    expect((await call('GET', `/api/cases/${acked[0]}`)).status).toBe(200);
    expect((await fetch(`${base}/livez`)).status).toBe(200);
    const degraded = await call('GET', '/healthz');
    expect(degraded.json.status).toBe('degraded');
    expect(JSON.stringify(degraded.json.problems)).toMatch(/store_not_writable/);
    // Space returns: writes are taken again without a restart.
    unlinkSync(filler);
    const again = await call('POST', '/api/reports', reportN(99));
    expect(again.status).toBe(201);
    acked.push(String(again.json.externalId));
    await new Promise((r) => setTimeout(r, 2_100));
    expect((await call('GET', '/healthz')).json.problems).not.toContainEqual(
      expect.objectContaining({ code: 'store_not_writable' }),
    );
    // What is on the disk now is what a restart reads: every acknowledged report, a journal that parses.
    const copy = mkdtempSync(join(tmpdir(), 'arendevakt-diskfull-'));
    onTestFinished(() => rmSync(copy, { recursive: true, force: true }));
    for (const f of ['db.json', 'db.json.journal'])
      if (existsSync(join(inside, f))) copyFileSync(join(inside, f), join(copy, f));
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    const store = await openLowdbStore(join(copy, 'db.json'));
    for (const id of acked) expect(await store.getCase(id), id).toBeDefined();
    expect([...(await store.allCases())]).toHaveLength(acked.length);
    expect((await store.verifyAudit()).ok).toBe(true);
    await store.close();
  }, 120_000);
});
