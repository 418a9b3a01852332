// The harness of the secrecy proof: the bot as a real process (its logs captured), the Bot Connector
// stand-in, the written forms of two generated numbers, and the search for their digits with any
// separators in everything that comes out.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConnectorStandIn } from '../support/connector.js';
import { luhnDigit } from '../support/synthetic.js';
import { nodeArgs } from '../support/children.js';

export const ROOT = join(import.meta.dirname, '../..');
export const API_KEY = 'proof-key-0123456789abcdef';

/** A synthetic number built here (never a literal): the date parts and the last four. */
export function numberFor(yy: string, mm: string, dd: string, serial: string) {
  return { yy, mm, dd, last4: serial + luhnDigit(yy + mm + dd + serial) };
}

export type Parts = ReturnType<typeof numberFor>;

const wide = (s: string) => s.replace(/\d/g, (d) => String.fromCodePoint(0xff10 + Number(d)));

export interface Form {
  name: string;
  samordning?: boolean;
  write(p: Parts, century: string): string;
}

/** Every common written form: the ones that got through before, and the usual ones. */
export const FORMS: Form[] = [
  { name: 'ÅÅMMDD-NNNN', write: (p) => `${p.yy}${p.mm}${p.dd}-${p.last4}` },
  { name: 'ÅÅMMDDNNNN', write: (p) => `${p.yy}${p.mm}${p.dd}${p.last4}` },
  { name: 'ÅÅMMDD+NNNN', write: (p) => `${p.yy}${p.mm}${p.dd}+${p.last4}` },
  { name: 'ÅÅÅÅMMDD-NNNN', write: (p, c) => `${c}${p.yy}${p.mm}${p.dd}-${p.last4}` },
  { name: 'ÅÅÅÅMMDDNNNN', write: (p, c) => `${c}${p.yy}${p.mm}${p.dd}${p.last4}` },
  { name: 'ÅÅMMDD NNNN', write: (p) => `${p.yy}${p.mm}${p.dd} ${p.last4}` },
  { name: 'ÅÅÅÅMMDD NNNN', write: (p, c) => `${c}${p.yy}${p.mm}${p.dd} ${p.last4}` },
  { name: 'ÅÅMMDD - NNNN', write: (p) => `${p.yy}${p.mm}${p.dd} - ${p.last4}` },
  { name: 'ÅÅ MM DD-NNNN', write: (p) => `${p.yy} ${p.mm} ${p.dd}-${p.last4}` },
  { name: 'ÅÅÅÅ-MM-DD-NNNN', write: (p, c) => `${c}${p.yy}-${p.mm}-${p.dd}-${p.last4}` },
  { name: 'ÅÅÅÅ-MM-DD NNNN', write: (p, c) => `${c}${p.yy}-${p.mm}-${p.dd} ${p.last4}` },
  { name: 'ÅÅMMDD–NNNN (tankstreck)', write: (p) => `${p.yy}${p.mm}${p.dd}\u2013${p.last4}` },
  { name: 'ÅÅMMDD‑NNNN (hårt bindestreck)', write: (p) => `${p.yy}${p.mm}${p.dd}\u2011${p.last4}` },
  { name: 'ÅÅMMDD-NNNN (helbredda siffror)', write: (p) => wide(`${p.yy}${p.mm}${p.dd}-${p.last4}`) },
  { name: 'samordningsnummer ÅÅMMDD-NNNN', samordning: true, write: (p) => `${p.yy}${p.mm}${p.dd}-${p.last4}` },
  {
    name: 'samordningsnummer ÅÅ MM DD NNNN',
    samordning: true,
    write: (p) => `${p.yy} ${p.mm} ${p.dd} ${p.last4}`,
  },
];

/** The number of form f at entrance e: its own serial, so a hit says exactly which try leaked. */
export function numberOf(e: number, f: number): Parts {
  return numberFor('85', '03', FORMS[f].samordning ? '82' : '22', String(e * FORMS.length + f).padStart(3, '0'));
}

/** The ten digits with anything but digits (up to four characters) between them. */
export function digitsPattern(p: Parts): RegExp {
  return new RegExp(
    `${p.yy}${p.mm}${p.dd}${p.last4}`
      .split('')
      .map((d) => d)
      .join('[^0-9]{0,4}'),
  );
}

/** Text as searched: NFKC, so full-width digits are digits. */
export const searchable = (s: string) => s.normalize('NFKC');

export function filesText(dir: string): string {
  let out = '';
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isFile()) out += readFileSync(p, 'utf8');
  }
  return out;
}

export interface BotProcess {
  url: string;
  dataDir: string;
  connector: ConnectorStandIn;
  logs(): string;
  stop(): Promise<void>;
}

export async function startBotProcess(): Promise<BotProcess> {
  const connector = await new ConnectorStandIn().start();
  const dataDir = mkdtempSync(join(tmpdir(), 'arendevakt-proof-'));
  const base: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !k.startsWith('VITEST') && !k.startsWith('Microsoft') && k !== 'NODE_ENV') base[k] = v;
  const child: ChildProcess = spawn(process.execPath, nodeArgs('src/main.ts'), {
    cwd: ROOT,
    env: {
      ...base,
      PORT: '0',
      DATA_FILE: join(dataDir, 'db.json'),
      LOG_LEVEL: 'trace',
      INGEST_API_KEY: API_KEY,
      MORNING_LIST_TIME: '23:59',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (b) => (out += b));
  child.stderr!.on('data', (b) => (out += b));
  const exited = new Promise<void>((r) => child.on('exit', () => r()));
  const port = await new Promise<number>((resolve, reject) => {
    const check = () => {
      const m = out.match(/"port":(\d+)[^\n]*Ärendevakt started/);
      if (m) resolve(Number(m[1]));
    };
    child.stdout!.on('data', check);
    void exited.then(() => reject(new Error(`bot exited: ${out.slice(-2000)}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    connector,
    logs: () => out,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      await connector.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
