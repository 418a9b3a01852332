// The harness of the multi-instance tests (instances*.test.ts): bot processes (instanceChild.ts)
// on one PostgreSQL database behind the Bot Connector stand-in, and what the tests ask of them. The
// four scenarios are three files so that they run side by side (each starts its own processes).
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { cardText, EXAMPLE_ORG, person } from '../support/bot.js';
import { nodeArgs } from '../support/children.js';
import { ConnectorStandIn } from '../support/connector.js';
import { usePostgres } from '../support/postgres.js';
import * as teams from '../support/teams.js';

const CHILD = new URL('./instanceChild.ts', import.meta.url).pathname;
export const KEY = 'instances-test-key-0123456789';
export const CHANNEL = '19:mottagning@thread.tacv2';
export const karin = person(EXAMPLE_ORG, 'karin');
export const anna = person(EXAMPLE_ORG, 'anna');
export const bo = person(EXAMPLE_ORG, 'bo');

export interface Instance {
  name: string;
  child: ChildProcess;
  url: string;
  lines: string[];
  waitLine(re: RegExp, timeoutMs?: number): Promise<string>;
  exited: Promise<number | null>;
}

const children: ChildProcess[] = [];
export let connector: ConnectorStandIn;

/**
 * Call at the top of each instances test file (hooks in a shared module would be registered for
 * the first file of a worker only, isolate: false): its PostgreSQL server, the Bot Connector
 * stand-in, and no child left running after a test.
 */
export function useInstances(): void {
  usePostgres();
  beforeAll(async () => {
    connector = await new ConnectorStandIn().start();
    connector.roster = EXAMPLE_ORG.staff.map((s) => ({
      id: teams.teamsId(s),
      name: s.name,
      aadObjectId: s.aadObjectId,
    }));
  });
  afterAll(() => connector.stop());
  // Each scenario counts only its own calls (the busiest second, the posted cards).
  beforeEach(() => {
    connector.calls.length = 0;
  });
  afterEach(() => {
    for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  });
}

export async function startInstance(name: string, db: string, now?: string): Promise<Instance> {
  const child = spawn(process.execPath, nodeArgs(CHILD), {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      DATABASE_URL: db,
      INGEST_API_KEY: KEY,
      LOG_LEVEL: 'warn',
      ...(now ? { NOW: now } : {}),
    },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  children.push(child);
  const lines: string[] = [];
  const waiters: { re: RegExp; resolve: (l: string) => void }[] = [];
  createInterface({ input: child.stdout! }).on('line', (l) => {
    lines.push(l);
    for (const w of waiters.slice())
      if (w.re.test(l)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(l);
      }
  });
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const waitLine = (re: RegExp, timeoutMs = 30_000) =>
    new Promise<string>((resolve, reject) => {
      const seen = lines.find((l) => re.test(l));
      if (seen) return resolve(seen);
      waiters.push({ re, resolve });
      setTimeout(() => reject(new Error(`${name}: no ${re} in ${timeoutMs} ms: ${lines.join('\n')}`)), timeoutMs);
      void exited.then((code) => reject(new Error(`${name} exited ${code} before ${re}`)));
    });
  // Under load a cold start (botbuilder, the catalogue) takes tens of seconds.
  const port = Number((await waitLine(/^listening \d+/, 150_000)).split(' ')[1]);
  return { name, child, url: `http://127.0.0.1:${port}`, lines, waitLine, exited };
}

export async function post(i: Instance, activity: object): Promise<{ status: number; body: any }> {
  const res = await fetch(`${i.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

export async function report(i: Instance, externalId: string): Promise<number> {
  const res = await fetch(`${i.url}/api/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
    body: JSON.stringify({
      externalId,
      receivedAt: '2026-11-23T09:15:00+01:00',
      groupId: 'barn-mottagning',
      childRef: `B-${externalId.slice(-4)}`,
      reporter: { type: 'preschool', professional: true },
      concerns: ['neglect'],
    }),
  });
  await res.text();
  return res.status;
}

export async function caseOf(i: Instance, id: string): Promise<any> {
  const res = await fetch(`${i.url}/api/cases/${id}`, { headers: { authorization: `Bearer ${KEY}` } });
  return res.status === 200 ? res.json() : undefined;
}

export const stop = async (i: Instance) => {
  i.child.kill('SIGTERM');
  expect(await i.exited).toBe(0);
};

export async function setUp(i: Instance) {
  expect((await post(i, teams.botAddedToTeam(connector.url, karin))).status).toBe(200);
  expect(
    (await post(i, teams.message(connector.url, karin, 'koppla barn-mottagning', teams.channel(CHANNEL)))).status,
  ).toBe(200);
}

/** The channel's case cards first posted (not updates), by case. */
export function postedCards(): Map<string, number> {
  const byCase = new Map<string, number>();
  for (const c of connector.cards((r) => r.kind !== 'update' && r.conversationId === CHANNEL)) {
    const m = /IFO-2026-\d{6}/.exec(c.card ? cardText(c.card) : '');
    if (m && !cardText(c.card).startsWith('Morgonlista')) byCase.set(m[0], (byCase.get(m[0]) ?? 0) + 1);
  }
  return byCase;
}

export function busiestSecond(): number {
  const times = connector.calls.map((c) => c.at).sort((a, b) => a - b);
  let max = 0;
  for (let i = 0, j = 0; j < times.length; j++) {
    while (times[j] - times[i] >= 1_000) i++;
    max = Math.max(max, j - i + 1);
  }
  return max;
}
