// The intake API over HTTP against the real server (createServer via startTestBot) and a real
// lowdb store in a temp dir: every status code, duplicates and conflicts, routing, the rate limit,
// and that a rejected request changes no byte of the store.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutboxMessage } from '../../src/outbox/messages.js';
import type { RateLimitOptions } from '../../src/http/rateLimit.js';
import { registerIntakeRoutes } from '../../src/http/intake.js';
import { report, startTestBot, type TestBot } from '../support/bot.js';
import { syntheticPersonnummer } from '../support/synthetic.js';
import { raw } from './client.js';

const KEY = 'test-intake-key-0123456789abcdef';
const NOW = new Date('2026-11-20T10:00:00+01:00');
const AUTH = { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' };

async function start(opts: { apiKey?: string | null; rateLimit?: RateLimitOptions } = {}): Promise<TestBot> {
  const t = await startTestBot({
    now: () => NOW,
    routes: [
      (s, d) =>
        registerIntakeRoutes(s, d, {
          ...(opts.apiKey === null ? { apiKey: undefined } : { apiKey: opts.apiKey ?? KEY }),
          rateLimit: opts.rateLimit ?? { burst: 1000, perMinute: 60_000 },
        }),
    ],
  });
  await t.running.drain.stop(); // keep queued messages in the store so the tests can read them
  return t;
}

const post = (t: TestBot, body: unknown, headers: Record<string, string> = AUTH) =>
  raw(t.url, 'POST', '/api/reports', { headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
const get = (t: TestBot, path: string, headers: Record<string, string> = { authorization: `Bearer ${KEY}` }) =>
  raw(t.url, 'GET', path, { headers });
const outbox = async (t: TestBot) => await t.deps.store.listDocs<OutboxMessage>('outbox');

/** Every byte of every file of the store (snapshot, journal, lock). */
function storeBytes(t: TestBot): Record<string, string> {
  const dir = dirname(t.dataFile);
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (f.isFile()) out[join(f.parentPath, f.name)] = readFileSync(join(f.parentPath, f.name)).toString('base64');
  }
  return out;
}

describe('POST /api/reports', () => {
  let t: TestBot;
  beforeEach(async () => {
    t = await start();
  });
  afterEach(async () => {
    await t.stop();
  });

  it('201: stores the report, answers with it and its deadlines, and queues the group card', async () => {
    const r = await post(t, report());
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({
      externalId: 'IFO-2026-004512',
      groupId: 'barn-mottagning',
      childRef: 'B-2026-0412',
      phase: 'skyddsbedomning',
      version: 1,
      owners: [],
      lastContact: null,
      summary: report().summary,
    });
    const kinds = (r.json.deadlines as { kind: string; due: string }[]).map((d) => [d.kind, d.due]);
    expect(kinds).toEqual([
      ['skyddsbedomning', '2026-11-20'],
      ['forhandsbedomning', '2026-12-04'],
    ]);
    expect((await t.deps.store.getCase('IFO-2026-004512'))?.version).toBe(1);
    const cards = (await outbox(t)).filter((m) => m.content.kind === 'caseCard');
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({
      target: { kind: 'group', groupId: 'barn-mottagning' },
      upsertKey: 'case:IFO-2026-004512:group:barn-mottagning',
    });
    const audit = await t.deps.store.auditFor('IFO-2026-004512');
    expect(audit.map((a) => [a.type, a.actor])).toEqual([['ReportRegistered', 'system:intake']]);
  });

  it('200: the same report again gives the same body and no second card', async () => {
    const first = await post(t, report());
    const again = await post(t, { ...report(), receivedAt: '2026-11-20T08:15:00Z' }); // same instant, other notation
    expect(again.status).toBe(200);
    expect(again.json).toEqual(first.json);
    expect(await outbox(t)).toHaveLength(1);
  });

  it('409: the same externalId with different content changes nothing', async () => {
    await post(t, report());
    const r = await post(t, report({ concerns: ['violence'] }));
    expect(r.status).toBe(409);
    expect(r.json.error).toMatch(/annat innehåll/);
    expect((await t.deps.store.getCase('IFO-2026-004512'))?.concerns).toEqual(['neglect']);
    expect(await outbox(t)).toHaveLength(1);
  });

  it('400: names each field in Swedish, never repeats what was sent, stores nothing', async () => {
    const r = await post(t, {
      ...report(),
      receivedAt: 'igår',
      reporter: { type: 'granne', professional: 'ja' },
      concerns: [],
      extra: 'hemligt-värde',
    });
    expect(r.status).toBe(400);
    const paths = (r.json.issues as { path: string }[]).map((i) => i.path).sort();
    expect(paths).toEqual(['(kroppen)', 'concerns', 'receivedAt', 'reporter.professional', 'reporter.type'].sort());
    expect(r.text).not.toMatch(/igår|granne|hemligt-värde/);
    for (const i of r.json.issues) expect(i.message).toMatch(/[a-zåäö]/i);
    expect([...(await t.deps.store.allCases())]).toHaveLength(0);
  });

  it('400: a personnummer in the summary, or a childRef shaped like one, is refused by field and never echoed', async () => {
    const pnr = syntheticPersonnummer('090315246');
    const r = await post(t, report({ summary: `Gäller barnet ${pnr}, hög frånvaro.` }));
    expect(r.status).toBe(400);
    expect(r.json.issues).toEqual([
      { path: 'summary', message: expect.stringMatching(/personnummer eller samordningsnummer/) },
    ]);
    expect(r.json.error).toMatch(/Texten innehåller något som liknar ett personnummer.*summary/);
    expect(r.text).not.toContain(pnr);
    expect(r.text).not.toContain(pnr.replace('-', ''));
    expect(r.text).not.toContain('hög frånvaro');
    const c = await post(t, report({ childRef: pnr.replace('-', '') }));
    expect(c.status).toBe(400);
    expect(c.json.issues.map((i: { path: string }) => i.path)).toEqual(['childRef']);
    expect(c.text).not.toContain(pnr.replace('-', ''));
    expect([...(await t.deps.store.allCases())]).toHaveLength(0);
  });

  it('400: an unknown group, a future receivedAt and a body that is not an object', async () => {
    const g = await post(t, report({ groupId: 'okand-grupp' }));
    expect(g.status).toBe(400);
    expect(g.json.issues).toEqual([{ path: 'groupId', message: 'Gruppen finns inte i organisationen.' }]);
    expect(g.text).not.toContain('okand-grupp');
    const f = await post(t, report({ receivedAt: '2026-12-24T09:00:00+01:00' }));
    expect(f.status).toBe(400);
    expect(f.json.issues[0].path).toBe('receivedAt');
    for (const body of ['[]', 'null', '42', '"text"']) {
      const b = await post(t, body);
      expect(b.status, body).toBe(400);
      expect(b.json.issues[0].path).toBe('(kroppen)');
    }
  });

  it('401: no key, a wrong key, a key of another length, another scheme', async () => {
    for (const authorization of [
      undefined,
      `Bearer ${KEY}x`,
      'Bearer x',
      `Basic ${KEY}`,
      `Bearer`,
      `bearer  ${KEY.slice(1)}`,
    ]) {
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        ...(authorization ? { authorization } : {}),
      };
      const r = await post(t, report(), headers);
      expect(r.status, authorization).toBe(401);
      expect(r.headers['www-authenticate']).toBe('Bearer');
    }
    expect([...(await t.deps.store.allCases())]).toHaveLength(0);
  });

  it('413: a body over 64 KiB, by Content-Length and by the bytes actually sent (chunked)', async () => {
    const big = JSON.stringify(report({ summary: 'x'.repeat(70 * 1024) }));
    const byHeader = await post(t, big);
    expect(byHeader.status).toBe(413);
    const chunked = await raw(t.url, 'POST', '/api/reports', { headers: AUTH, body: big, chunked: true });
    expect(chunked.status).toBe(413);
    const lying = await raw(t.url, 'POST', '/api/reports', {
      headers: { ...AUTH, 'content-length': '100000000' },
      body: '{}',
    });
    expect(lying.status).toBe(413);
    expect([...(await t.deps.store.allCases())]).toHaveLength(0);
  });

  it('415 for another content type; 400 for JSON that does not parse or bytes that are not UTF-8', async () => {
    expect((await post(t, report(), { authorization: `Bearer ${KEY}`, 'content-type': 'text/plain' })).status).toBe(
      415,
    );
    expect((await post(t, report(), { authorization: `Bearer ${KEY}` })).status).toBe(415);
    expect((await post(t, report(), { ...AUTH, 'content-type': 'application/json; charset=latin1' })).status).toBe(415);
    expect((await post(t, '{"externalId": "IFO-1",')).status).toBe(400);
    expect((await post(t, '')).status).toBe(400);
    const notUtf8 = await raw(t.url, 'POST', '/api/reports', {
      headers: AUTH,
      body: Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]),
    });
    expect(notUtf8.status).toBe(400);
    expect((await post(t, report(), { ...AUTH, 'content-type': 'application/json; charset=utf-8' })).status).toBe(201);
  });

  it('routes a report about violence to the VINR group with a short card', async () => {
    await post(t, report({ concerns: ['violence', 'neglect'] }));
    const notices = (await outbox(t)).filter((m) => m.content.kind === 'card');
    expect(notices).toHaveLength(1);
    expect(notices[0].target).toEqual({ kind: 'group', groupId: 'vinr' });
    expect(notices[0].content).toMatchObject({ template: 'vinr-notice', data: { caseId: 'IFO-2026-004512' } });
    expect(JSON.stringify(notices[0])).not.toContain(report().summary!);
    await post(t, report({ externalId: 'IFO-2026-000002', childRef: 'B-2026-0002', concerns: ['honour_related'] }));
    expect((await outbox(t)).filter((m) => m.content.kind === 'card')).toHaveLength(2);
    await post(t, report({ externalId: 'IFO-2026-000003', childRef: 'B-2026-0003', concerns: ['mental_health'] }));
    expect((await outbox(t)).filter((m) => m.content.kind === 'card')).toHaveLength(2);
  });

  it('links a report to an open case about the same child in another group, both ways, and updates both cards', async () => {
    const first = await post(t, report({ externalId: 'IFO-2026-000100', groupId: 'barn-utredning-1' }));
    expect(first.status).toBe(201);
    const r = await post(t, report());
    expect(r.status).toBe(201);
    expect(r.json.linkedCaseIds).toEqual(['IFO-2026-000100']);
    const other = (await t.deps.store.getCase('IFO-2026-000100'))!;
    expect(other.linkedCaseIds).toEqual(['IFO-2026-004512']);
    expect(other.version).toBe(2);
    const keys = (await outbox(t)).filter((m) => m.content.kind === 'caseCard').map((m) => m.upsertKey);
    expect(keys).toEqual(
      expect.arrayContaining([
        'case:IFO-2026-000100:group:barn-utredning-1',
        'case:IFO-2026-004512:group:barn-mottagning',
      ]),
    );
    expect(keys.filter((k) => k === 'case:IFO-2026-000100:group:barn-utredning-1')).toHaveLength(2); // posted, then updated
    expect((await t.deps.store.auditFor('IFO-2026-000100')).map((a) => a.type)).toEqual([
      'ReportRegistered',
      'CasesLinked',
    ]);
    // A second report in the same group is not a link (same group sees it already).
    const same = await post(t, report({ externalId: 'IFO-2026-000101', groupId: 'barn-utredning-1' }));
    expect(same.json.linkedCaseIds).toEqual(['IFO-2026-004512']);
  });

  it('a rejected request leaves the store files byte-for-byte unchanged', async () => {
    expect((await post(t, report())).status).toBe(201);
    const before = storeBytes(t);
    expect(Object.keys(before).length).toBeGreaterThan(0);
    const pnr = syntheticPersonnummer('090315246');
    const rejected = [
      await post(t, report({ summary: `pnr ${pnr}` })),
      await post(t, report({ externalId: 'IFO-2026-000009', groupId: 'nej' })),
      await post(t, report({ concerns: ['violence'] })), // 409
      await post(t, report()), // 200 duplicate: nothing written either
      await post(t, '{bad json'),
      await post(t, report(), { 'content-type': 'application/json' }),
      await post(t, JSON.stringify(report({ summary: 'y'.repeat(66_000) }))),
      await post(t, report(), { ...AUTH, 'content-type': 'text/csv' }),
    ].map((r) => r.status);
    expect(rejected).toEqual([400, 400, 409, 200, 400, 401, 413, 415]);
    expect(storeBytes(t)).toEqual(before);
  });
});

describe('GET /api/cases', () => {
  let t: TestBot;
  beforeEach(async () => {
    t = await start();
    await post(t, report());
    await post(
      t,
      report({ externalId: 'IFO-2026-000200', childRef: 'B-2026-0200', receivedAt: '2026-11-02T09:00:00+01:00' }),
    );
    await post(t, report({ externalId: 'IFO-2026-000300', childRef: 'B-2026-0300', groupId: 'barn-utredning-1' }));
  });
  afterEach(async () => {
    await t.stop();
  });

  it('one case by its reference with phase, owners, deadlines, version and last contact; 404 when never seen', async () => {
    const r = await get(t, '/api/cases/IFO-2026-004512');
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      externalId: 'IFO-2026-004512',
      phase: 'skyddsbedomning',
      version: 1,
      owners: [],
      lastContact: null,
    });
    expect(r.json.deadlines[0]).toMatchObject({ kind: 'skyddsbedomning', due: '2026-11-20', status: 'due_today' });
    expect(r.json).not.toHaveProperty('summary');
    expect((await get(t, '/api/cases/IFO-1999-000001')).status).toBe(404);
  });

  it('finds a reference with a slash when it is URL-encoded', async () => {
    expect((await post(t, report({ externalId: 'BoU/2026/17', childRef: 'B-2026-0017' }))).status).toBe(201);
    const r = await get(t, `/api/cases/${encodeURIComponent('BoU/2026/17')}`);
    expect(r.status).toBe(200);
    expect(r.json.externalId).toBe('BoU/2026/17');
  });

  it('lists open, unassigned and overdue cases of a group', async () => {
    const open = await get(t, '/api/cases?groupId=barn-mottagning&state=open');
    expect(open.status).toBe(200);
    expect(open.json.cases.map((c: { externalId: string }) => c.externalId)).toEqual([
      'IFO-2026-000200',
      'IFO-2026-004512',
    ]);
    const un = await get(t, '/api/cases?groupId=barn-mottagning&state=unassigned');
    expect(
      un.json.cases.map((c: { externalId: string; unassignedWorkingDays: number }) => [
        c.externalId,
        c.unassignedWorkingDays,
      ]),
    ).toEqual([
      ['IFO-2026-000200', 14],
      ['IFO-2026-004512', 0],
    ]);
    const late = await get(t, '/api/cases?groupId=barn-mottagning&state=overdue');
    expect(late.json.cases.map((c: { externalId: string }) => c.externalId)).toEqual(['IFO-2026-000200']);
    const all = await get(t, '/api/cases');
    expect(all.json.count).toBe(3);
  });

  it('400 for an unknown group or state, 401 without the key', async () => {
    const r = await get(t, '/api/cases?groupId=finns-ej&state=stängd');
    expect(r.status).toBe(400);
    expect(r.json.issues.map((i: { path: string }) => i.path)).toEqual(['groupId', 'state']);
    expect(r.text).not.toMatch(/finns-ej|stängd/);
    expect((await get(t, '/api/cases', {})).status).toBe(401);
    expect((await get(t, '/api/cases/IFO-2026-004512', { authorization: 'Bearer fel' })).status).toBe(401);
  });
});

describe('the intake API switched off and rate-limited', () => {
  it('503 with a message on every route when INGEST_API_KEY is not set', async () => {
    const t = await start({ apiKey: null });
    try {
      for (const r of [
        await post(t, report()),
        await get(t, '/api/cases'),
        await get(t, '/api/cases/IFO-2026-004512'),
      ]) {
        expect(r.status).toBe(503);
        expect(r.json.error).toMatch(/INGEST_API_KEY/);
      }
      expect([...(await t.deps.store.allCases())]).toHaveLength(0);
    } finally {
      await t.stop();
    }
  });

  it('429 with Retry-After after a burst; the key refills with time; reads have a budget of their own', async () => {
    let ms = 0;
    const t = await start({ rateLimit: { burst: 5, perMinute: 60, clock: () => ms } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++)
        statuses.push((await post(t, report({ externalId: `IFO-2026-10000${i}`, childRef: `B-2026-100${i}` }))).status);
      expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429, 429]);
      expect([...(await t.deps.store.allCases())]).toHaveLength(5);
      // A dashboard polling the list is not held up by intake's spent budget, and spends its own.
      const gets: number[] = [];
      for (let i = 0; i < 6; i++) gets.push((await get(t, '/api/cases')).status);
      expect(gets).toEqual([200, 200, 200, 200, 200, 429]);
      const limited = await get(t, '/api/cases');
      expect(limited.status).toBe(429);
      expect(limited.headers['retry-after']).toBe('1');
      ms += 1000; // one token back after a second at 60/min
      expect((await post(t, report({ externalId: 'IFO-2026-100009', childRef: 'B-2026-1009' }))).status).toBe(201);
      expect((await get(t, '/api/cases')).status).toBe(200);
    } finally {
      await t.stop();
    }
  });

  it('slows down key guessing from one address (429 after 30 failures) without affecting the right key', async () => {
    const t = await start();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 32; i++)
        statuses.push((await get(t, '/api/cases', { authorization: `Bearer gissning-${i}` })).status);
      expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
      expect(statuses.slice(30)).toEqual([429, 429]);
      expect((await get(t, '/api/cases')).status).toBe(200);
    } finally {
      await t.stop();
    }
  });
});
