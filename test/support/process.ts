// The bot as a real process (src/main.ts, bundled once per run: test/support/buildChildren.ts; or any command), with its output
// collected and its start-up line awaited. Killed after each test if it is still running.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { nodeArgs } from './children.js';

export const ROOT = join(import.meta.dirname, '../..');
const dirs: string[] = [];
const children: ChildProcess[] = [];

afterEach(() => {
  for (const c of children.splice(0)) {
    if (c.exitCode !== null || c.signalCode !== null) continue;
    try {
      process.kill(-c.pid!, 'SIGKILL'); // detached: its whole group
    } catch {
      c.kill('SIGKILL');
    }
  }
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

export function scratchDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'arendevakt-proc-'));
  dirs.push(dir);
  return dir;
}

export interface BotProcess {
  child: ChildProcess;
  /** Resolves with the port once the bot logged that it started. */
  started: Promise<number>;
  exited: Promise<number | null>;
  output(): string;
  /** Resolves when the output has a line matching `re` (rejects on exit). */
  waitFor(re: RegExp): Promise<string>;
}

/** The environment without the test runner's and the machine's bot settings. */
function baseEnv(): Record<string, string> {
  const base: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (
      v !== undefined &&
      !k.startsWith('VITEST') &&
      !k.startsWith('Microsoft') &&
      !['NODE_ENV', 'HOST', 'ORG_FILE', 'INGEST_API_KEY'].includes(k) &&
      !k.startsWith('npm_')
    )
      base[k] = v;
  return base;
}

export function startProcess(
  env: Record<string, string>,
  command: [string, string[]] = [process.execPath, nodeArgs('src/main.ts')],
): BotProcess {
  const dir = scratchDir();
  const child = spawn(command[0], command[1], {
    cwd: ROOT,
    env: { ...baseEnv(), PORT: '0', DATA_FILE: join(dir, 'db.json'), LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so a test can see that nothing of it is left
  });
  children.push(child);
  let out = '';
  const waiters: { re: RegExp; resolve: (line: string) => void }[] = [];
  const onData = (b: Buffer) => {
    out += b;
    for (const w of waiters.slice()) {
      const line = out.split('\n').find((l) => w.re.test(l));
      if (line !== undefined) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const waitFor = (re: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const line = out.split('\n').find((l) => re.test(l));
      if (line !== undefined) return resolve(line);
      waiters.push({ re, resolve });
      void exited.then((code) => reject(new Error(`exited ${code} before ${re}: ${out}`)));
    });
  const started = waitFor(/Ärendevakt started/).then((l) => Number(/"port":(\d+)/.exec(l)![1]));
  started.catch(() => undefined); // a test that expects the process to refuse never awaits it
  return { child, started, exited, output: () => out, waitFor };
}

/** True while any process of the group `pgid` exists. */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
