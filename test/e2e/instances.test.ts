// Several instances behave as one: two real bot processes on one PostgreSQL database behind the
// Bot Connector stand-in (as two App Service instances behind one bot registration). Any instance
// answers any activity; card presses alternate between them and lose no update; kill -9 of one
// loses no acknowledged write and the other goes on sending; both ticking at 07:46 post each
// morning list once; a rolling restart loses and doubles nothing; the busiest second at the
// connector stays within Teams' 50 a second.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cardText, EXAMPLE_ORG, person } from '../support/bot.js';
import { nodeArgs } from '../support/children.js';
import { ConnectorStandIn } from '../support/connector.js';
import { freshDatabase, usePostgres } from '../support/postgres.js';
import * as teams from '../support/teams.js';

usePostgres();

const CHILD = new URL('./instanceChild.ts', import.meta.url).pathname;
const KEY = 'instances-test-key-0123456789';
const CHANNEL = '19:mottagning@thread.tacv2';
const karin = person(EXAMPLE_ORG, 'karin');
const anna = person(EXAMPLE_ORG, 'anna');
const bo = person(EXAMPLE_ORG, 'bo');

interface Instance {
  name: string;
  child: ChildProcess;
  url: string;
  lines: string[];
  waitLine(re: RegExp, timeoutMs?: number): Promise<string>;
  exited: Promise<number | null>;
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

async function startInstance(name: string, db: string, now?: string): Promise<Instance> {
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

async function post(i: Instance, activity: object): Promise<{ status: number; body: any }> {
  const res = await fetch(`${i.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

async function report(i: Instance, externalId: string): Promise<number> {
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

async function caseOf(i: Instance, id: string): Promise<any> {
  const res = await fetch(`${i.url}/api/cases/${id}`, { headers: { authorization: `Bearer ${KEY}` } });
  return res.status === 200 ? res.json() : undefined;
}

const stop = async (i: Instance) => {
  i.child.kill('SIGTERM');
  expect(await i.exited).toBe(0);
};

let connector: ConnectorStandIn;
beforeAll(async () => {
  connector = await new ConnectorStandIn().start();
  connector.roster = EXAMPLE_ORG.staff.map((s) => ({ id: teams.teamsId(s), name: s.name, aadObjectId: s.aadObjectId }));
});
afterAll(() => connector.stop());

async function setUp(i: Instance) {
  expect((await post(i, teams.botAddedToTeam(connector.url, karin))).status).toBe(200);
  expect(
    (await post(i, teams.message(connector.url, karin, 'koppla barn-mottagning', teams.channel(CHANNEL)))).status,
  ).toBe(200);
}

/** The channel's case cards first posted (not updates), by case. */
function postedCards(): Map<string, number> {
  const byCase = new Map<string, number>();
  for (const c of connector.cards((r) => r.kind !== 'update' && r.conversationId === CHANNEL)) {
    const m = /IFO-2026-\d{6}/.exec(c.card ? cardText(c.card) : '');
    if (m && !cardText(c.card).startsWith('Morgonlista')) byCase.set(m[0], (byCase.get(m[0]) ?? 0) + 1);
  }
  return byCase;
}

function busiestSecond(): number {
  const times = connector.calls.map((c) => c.at).sort((a, b) => a - b);
  let max = 0;
  for (let i = 0, j = 0; j < times.length; j++) {
    while (times[j] - times[i] >= 1_000) i++;
    max = Math.max(max, j - i + 1);
  }
  return max;
}

describe('two bot processes on one PostgreSQL database', () => {
  it('answer any activity as one: presses alternate between them, no update is lost, each card is posted once', async () => {
    connector.calls.length = 0;
    const db = await freshDatabase();
    const [a, b] = await Promise.all([startInstance('A', db), startInstance('B', db)]);
    await setUp(a); // linked through A ...
    const ids = Array.from({ length: 8 }, (_, n) => `IFO-2026-1000${String(n).padStart(2, '0')}`);
    for (const [n, id] of ids.entries()) expect(await report(n % 2 ? a : b, id)).toBe(201); // ... reports through both
    // Take on one instance, reassign on the other, based on what each answered.
    for (const [n, id] of ids.entries()) {
      const [first, second] = n % 2 ? [a, b] : [b, a];
      const took = await post(
        first,
        teams.invoke(connector.url, anna, 'case.take', { caseId: id, version: 1 }, teams.channel(CHANNEL)),
      );
      expect(took.status).toBe(200);
      const r = await post(
        second,
        teams.invoke(
          connector.url,
          karin,
          'case.assign',
          { caseId: id, version: 2, assignee: bo.aadObjectId },
          teams.channel(CHANNEL),
        ),
      );
      expect(cardText(r.body.value)).toMatch(/Bo .* har fått ärendet/);
    }
    // Two presses at once on the same version, one on each instance: one wins, the other is told.
    const id = ids[0];
    const [x, y] = await Promise.all(
      [a, b].map((i) =>
        post(
          i,
          teams.invoke(
            connector.url,
            karin,
            'case.assign',
            { caseId: id, version: 3, assignee: anna.aadObjectId },
            teams.channel(CHANNEL),
          ),
        ),
      ),
    );
    const texts = [cardText(x.body.value), cardText(y.body.value)];
    expect(texts.filter((t) => /Anna .* har fått ärendet/.test(t))).toHaveLength(1);
    for (const i of [a, b]) {
      expect(await caseOf(i, id)).toMatchObject({ version: 4 });
      for (const other of ids.slice(1)) expect(await caseOf(i, other)).toMatchObject({ version: 3 });
    }
    await connector.waitFor(() => postedCards().size === ids.length, 20_000);
    await new Promise((r) => setTimeout(r, 1_000)); // a second drain would post its copies now
    expect([...postedCards().values()].every((n) => n === 1)).toBe(true);
    expect(busiestSecond()).toBeLessThanOrEqual(50);
    await Promise.all([stop(a), stop(b)]);
  }, 400_000);

  it('kill -9 of one instance in a burst loses no acknowledged report, and the other sends them all', async () => {
    connector.calls.length = 0;
    const db = await freshDatabase();
    // A starts first and so leads the drain: the kill takes the sender away mid-burst.
    const a = await startInstance('A', db);
    const b = await startInstance('B', db);
    await setUp(a);
    const acked: string[] = [];
    const burst = Array.from({ length: 24 }, (_, n) => `IFO-2026-2000${String(n).padStart(2, '0')}`);
    let killed = false;
    await Promise.all(
      burst.map(async (id, n) => {
        await new Promise((r) => setTimeout(r, n * 15));
        if (n === 12) {
          a.child.kill('SIGKILL');
          killed = true;
        }
        const via = n % 2 && !killed ? a : b;
        try {
          if ((await report(via, id)) === 201) acked.push(id);
        } catch {
          /* A died with this request in flight: not acknowledged */
        }
      }),
    );
    expect(await a.exited).toBe(null);
    expect(acked.length).toBeGreaterThanOrEqual(12);
    // Every acknowledged report is in the database (the intake API's rate limit is per instance,
    // so the check reads the database rather than spending B's allowance).
    const pool = new pg.Pool({ connectionString: db });
    const stored = await pool.query<{ id: string }>('SELECT id FROM av_cases WHERE id = ANY($1)', [acked]);
    await pool.end();
    expect(stored.rows.map((r) => r.id).sort()).toEqual([...acked].sort());
    await connector.waitFor(() => acked.every((id) => postedCards().has(id)), 30_000);
    expect(busiestSecond()).toBeLessThanOrEqual(50);
    await stop(b);
  }, 400_000);

  it('both ticking at 07:46 post the morning list once', async () => {
    connector.calls.length = 0;
    const db = await freshDatabase();
    const NOW = '2026-11-24T07:46:00+01:00'; // a Tuesday
    const [a, b] = await Promise.all([startInstance('A', db, NOW), startInstance('B', db, NOW)]);
    await setUp(b);
    expect(await report(a, 'IFO-2026-300001')).toBe(201);
    for (let round = 0; round < 3; round++) {
      a.child.stdin!.write('tick\n');
      b.child.stdin!.write('tick\n');
    }
    await Promise.all([a, b].map((i) => i.waitLine(/^ticked/)));
    const lists = () =>
      connector
        .cards((c) => c.kind !== 'update' && c.conversationId === CHANNEL)
        .filter((c) => !!c.card && cardText(c.card).startsWith('Morgonlista'));
    await connector.waitFor(() => lists().length >= 1, 20_000);
    await Promise.all([a, b].map((i) => i.waitLine(/^ticked/)));
    await new Promise((r) => setTimeout(r, 1_500));
    const claimedBy = [...a.lines, ...b.lines].filter((l) => /^ticked claimed=.*morning:barn-mottagning/.test(l));
    expect(claimedBy).toHaveLength(1);
    expect(lists()).toHaveLength(1);
    expect(cardText(lists()[0].card)).toContain('IFO-2026-300001');
    await Promise.all([stop(a), stop(b)]);
  }, 400_000);

  it('a rolling restart (stop A, start A′, stop B) loses and doubles nothing', async () => {
    connector.calls.length = 0;
    const db = await freshDatabase();
    let [a, b] = await Promise.all([startInstance('A', db), startInstance('B', db)]);
    await setUp(a);
    const acked: string[] = [];
    let n = 0;
    const send = async (via: Instance, count: number) => {
      for (let k = 0; k < count; k++) {
        const id = `IFO-2026-4000${String(n++).padStart(2, '0')}`;
        if ((await report(via, id)) === 201) acked.push(id);
      }
    };
    await send(a, 4);
    await Promise.all([send(b, 4), stop(a)]);
    a = await startInstance('A2', db);
    await send(a, 4);
    await Promise.all([send(a, 4), stop(b)]);
    b = await startInstance('B2', db);
    await send(b, 4);
    expect(acked).toHaveLength(20);
    await connector.waitFor(() => acked.every((id) => postedCards().has(id)), 30_000);
    await new Promise((r) => setTimeout(r, 1_000));
    expect([...postedCards().entries()].filter(([, count]) => count !== 1)).toEqual([]);
    expect(postedCards().size).toBe(20);
    await Promise.all([stop(a), stop(b)]);
  }, 400_000);
});
