// Health you can alert on, over HTTP against the real server: /livez, /readyz (503 while starting,
// shutting down, or when the store refuses writes), /healthz ok|degraded with problem codes and
// counts, and the number of open cases only for a caller with the intake key.
import restify from 'restify';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../src/app/context.js';
import { collectProblems, type ProblemCheck } from '../../src/app/problems.js';
import { registerHealthRoutes, WriteProbe, type Readiness } from '../../src/http/health.js';
import { EXAMPLE_ORG, installAndConnect, startTestBot, teams, type TestBot } from '../support/bot.js';

const KEY = 'health-test-key-0123456789abcdef';
let t: TestBot | undefined;
const servers: restify.Server[] = [];

afterEach(async () => {
  await t?.stop();
  t = undefined;
  for (const s of servers.splice(0)) s.close();
});

const json = async (url: string, headers: Record<string, string> = {}) => {
  const r = await fetch(url, { headers });
  return { status: r.status, body: (await r.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
};

/** The health routes alone on a server, with a readiness and store we control. */
async function healthServer(deps: AppDeps, readiness: Readiness): Promise<string> {
  const server = restify.createServer();
  registerHealthRoutes(server, deps, {
    version: '9.9.9',
    authenticated: false,
    readiness,
    probe: new WriteProbe(deps, 0),
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

describe('health', () => {
  it('answers live and ready, and is ok once every group and the management have a channel', async () => {
    t = await startTestBot({
      ingestApiKey: KEY,
      orgOverrides: {
        groups: [...EXAMPLE_ORG.groups, { id: 'socialjour', name: 'Socialjouren', kind: 'out_of_hours' }],
      },
    });
    expect((await json(`${t.url}/livez`)).status).toBe(200);
    expect(await json(`${t.url}/readyz`)).toEqual({ status: 200, body: { status: 'ready' } });

    const before = await json(`${t.url}/healthz`);
    expect(before.body.status).toBe('degraded');
    expect(before.body.problems).toEqual([
      { code: 'group_without_channel', count: 5 },
      { code: 'no_management_channel', count: 1 },
    ]);
    const lars = t.who('lars');
    for (const g of t.org.groups) await installAndConnect(t, lars, g.id, `19:${g.id}@thread.tacv2`);
    await t.sendMessage(lars, 'koppla ledning', teams.channel('19:ledning@thread.tacv2'));
    const after = await json(`${t.url}/healthz`);
    expect(after.body).toMatchObject({ status: 'ok', problems: [], mode: 'local' });
  });

  it('gives the number of open cases only to a caller with the intake key', async () => {
    t = await startTestBot({ ingestApiKey: KEY });
    await t.registerReport();
    await t.registerReport({ externalId: 'IFO-2026-004513', childRef: 'B-2026-0413' });
    const anonymous = await json(`${t.url}/healthz`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).not.toHaveProperty('openCases');
    expect(JSON.stringify(anonymous.body)).not.toMatch(/IFO-|B-2026/);
    expect((await json(`${t.url}/healthz`, { authorization: `Bearer ${KEY}x` })).body).not.toHaveProperty('openCases');
    expect((await json(`${t.url}/healthz`, { authorization: `Bearer ${KEY}` })).body.openCases).toBe(2);
  });

  it('is not ready while starting or stopping, and marks itself stopping when stop begins', async () => {
    t = await startTestBot();
    expect(t.running.readiness.phase).toBe('ready');
    const readiness: Readiness = { phase: 'starting', parts: [] };
    const url = await healthServer(t.deps, readiness);
    expect(await json(`${url}/readyz`)).toEqual({ status: 503, body: { status: 'starting' } });
    readiness.phase = 'ready';
    expect((await json(`${url}/readyz`)).status).toBe(200);
    readiness.phase = 'stopping';
    expect(await json(`${url}/readyz`)).toEqual({ status: 503, body: { status: 'stopping' } });
    expect((await json(`${url}/livez`)).status).toBe(200);
    const stopping = t.running.stop();
    expect(t.running.readiness.phase).toBe('stopping');
    await stopping;
  });

  it('is not ready and degraded when the store refuses writes, a part fails, or the outbox is stuck', async () => {
    t = await startTestBot();
    const failing = { ...t.deps, store: { ...t.deps.store, commit: () => Promise.reject(new Error('ENOSPC')) } };
    const readiness: Readiness = {
      phase: 'ready',
      parts: [{ name: 'scheduler', health: () => ({ ok: false, reason: 'scheduler_failing' }) }],
    };
    const url = await healthServer(failing, readiness);
    expect(await json(`${url}/readyz`)).toEqual({
      status: 503,
      body: { status: 'not_ready', reasons: ['scheduler_failing', 'store_not_writable'] },
    });
    const h = await json(`${url}/healthz`);
    expect(h.body.status).toBe('degraded');
    expect(h.body.problems).toEqual(
      expect.arrayContaining([
        { code: 'scheduler_failing', count: 1 },
        { code: 'store_not_writable', count: 1 },
      ]),
    );
    // The real bot's outbox: a drain that is stopped does not drain.
    await t.running.drain.stop();
    expect(await t.running.drain.health()).toMatchObject({ ok: false });
    expect((await json(`${t.url}/readyz`)).body).toEqual({ status: 'not_ready', reasons: ['outbox_not_draining'] });
  });

  it('merges the problems other modules contribute, by code', async () => {
    t = await startTestBot();
    const a: ProblemCheck = () => [{ code: 'x_late', count: 2 }];
    const b: ProblemCheck = async () => [
      { code: 'x_late', count: 1 },
      { code: 'a_zero', count: 0 },
    ];
    const broken: ProblemCheck = () => {
      throw new Error('boom');
    };
    expect(await collectProblems(t.deps, [a, b, broken])).toEqual([
      { code: 'health_check_failed', count: 1 },
      { code: 'x_late', count: 3 },
    ]);
  });
});
