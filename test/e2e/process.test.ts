// The process as an operator meets it: `npm start` runs with the example organisation in local mode
// and says so once, stops cleanly on SIGTERM, refuses to run unauthenticated in production, and with
// credentials refuses a request without a token.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const dirs: string[] = [];
const children: ChildProcess[] = [];

afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function start(env: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'arendevakt-proc-'));
  dirs.push(dir);
  const base: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !k.startsWith('VITEST') && !k.startsWith('Microsoft') && k !== 'NODE_ENV') base[k] = v;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...base, PORT: '0', DATA_FILE: join(dir, 'db.json'), LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (b) => (out += b));
  child.stderr!.on('data', (b) => (out += b));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const started = new Promise<number>((resolve, reject) => {
    const check = () => {
      const m = out.match(/"port":(\d+)[^\n]*Ärendevakt started/);
      if (m) resolve(Number(m[1]));
    };
    child.stdout!.on('data', check);
    void exited.then((code) => reject(new Error(`exited ${code}: ${out}`)));
  });
  started.catch(() => undefined); // a test that expects the process to refuse never awaits it
  return { child, started, exited, output: () => out };
}

describe('the process', () => {
  it('starts with the example organisation in local mode, says so in one line, and exits 0 on SIGTERM', async () => {
    const p = start({});
    const port = await p.started;
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(
      p
        .output()
        .split('\n')
        .filter((l) => /not authenticated/i.test(l)),
    ).toHaveLength(1);
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    expect(p.output()).toMatch(/stopped/);
  });

  it('refuses to start in production without credentials', async () => {
    const p = start({ NODE_ENV: 'production' });
    expect(await p.exited).toBe(1);
    expect(p.output()).toMatch(/NODE_ENV=production kräver MicrosoftAppId/);
  });

  it('with credentials, answers 401 to an activity without a token', async () => {
    const p = start({
      MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
      MicrosoftAppPassword: 'not-a-real-secret',
      MicrosoftAppType: 'MultiTenant',
    });
    const port = await p.started;
    expect(p.output()).not.toMatch(/not authenticated/i);
    const r = await fetch(`http://127.0.0.1:${port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        text: 'hjälp',
        serviceUrl: 'http://127.0.0.1:1/',
        channelId: 'msteams',
        conversation: { id: 'x' },
        from: { id: 'y' },
        recipient: { id: 'z' },
      }),
    });
    expect(r.status).toBe(401);
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
  });
});
