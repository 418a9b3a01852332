// GET /api/cases/{ref}/timeline over HTTP against the real server: JSON and CSV, the chain result
// stated, the same bearer key as intake (401 without it, 503 when none is configured), 404 for an
// unknown case, 400 for an unknown format.
import { afterEach, describe, expect, it } from 'vitest';
import { recordSkyddsbedomning } from '../../src/app/decisions.js';
import { registerTimelineRoutes } from '../../src/http/timeline.js';
import { raw } from '../http/client.js';
import { report, startTestBot, type TestBot } from '../support/bot.js';
import { actorOf } from '../support/deps.js';

const KEY = 'test-timeline-key-0123456789abcdef';
const NOW = new Date('2026-11-20T10:00:00+01:00');
const ID = report().externalId;
const AUTH = { authorization: `Bearer ${KEY}` };

let t: TestBot | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

async function start(opts: { noKey?: boolean } = {}): Promise<TestBot> {
  const apiKey = opts.noKey ? undefined : KEY;
  t = await startTestBot({
    now: () => NOW,
    routes: [(s, d) => registerTimelineRoutes(s, d, { apiKey, rateLimit: { burst: 100, perMinute: 6000 } })],
  });
  const r = await t.registerReport();
  if (!r.ok) throw new Error(r.refusal.message);
  const s = await recordSkyddsbedomning(t.deps, {
    caseId: ID,
    version: r.case.version,
    actor: actorOf(t.who('anna')),
    data: { immediateProtection: 'nej', motivation: 'Ingen akut fara.' },
  });
  if (!s.ok) throw new Error(s.refusal.message);
  return t;
}

describe('GET /api/cases/{ref}/timeline', () => {
  it('answers JSON with who, what, when and why, and the verified chain stated', async () => {
    const bot = await start();
    const r = await raw(bot.url, 'GET', `/api/cases/${ID}/timeline`, { headers: AUTH });
    expect(r.status).toBe(200);
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.json.caseId).toBe(ID);
    expect(r.json.entries.map((e: { who: string; event: string }) => [e.who, e.event])).toEqual([
      ['Ärendevakt', 'ReportRegistered'],
      ['Anna Berg', 'SkyddsbedomningRecorded'],
    ]);
    expect(r.json.entries[1]).toMatchObject({
      when: '2026-11-20 10:00',
      what: 'Skyddsbedömning gjord: inget omedelbart skyddsbehov.',
      why: 'Ingen akut fara.',
    });
    expect(r.json.audit).toMatchObject({ ok: true, entries: 2 });
    expect(r.json.auditStatement).toBe('Historiken är kontrollerad: inget har ändrats i efterhand (2 händelser).');
  });

  it('answers CSV with ?format=csv', async () => {
    const bot = await start();
    const r = await raw(bot.url, 'GET', `/api/cases/${ID}/timeline?format=csv`, { headers: AUTH });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(r.headers['content-disposition']).toBe(`attachment; filename="historik-${ID}.csv"`);
    const lines = r.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('nr;tid;vem;händelse;vad;varför');
    expect(lines[2]).toBe(
      '2;2026-11-20 10:00;Anna Berg;SkyddsbedomningRecorded;Skyddsbedömning gjord: inget omedelbart skyddsbehov.;Ingen akut fara.',
    );
    expect(lines[3]).toMatch(/Granskningslogg;"?Historiken är kontrollerad: inget har ändrats i efterhand/);
  });

  it('needs the bearer key: 401 without or with a wrong one, 503 when the server has none', async () => {
    const bot = await start();
    const none = await raw(bot.url, 'GET', `/api/cases/${ID}/timeline`);
    expect(none.status).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Bearer');
    expect(none.text).not.toContain('Anna');
    const wrong = await raw(bot.url, 'GET', `/api/cases/${ID}/timeline`, { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    await bot.stop();
    t = undefined;
    const off = await start({ noKey: true });
    expect((await raw(off.url, 'GET', `/api/cases/${ID}/timeline`, { headers: AUTH })).status).toBe(503);
  });

  it('answers 404 for a case never seen and 400 for an unknown format', async () => {
    const bot = await start();
    const missing = await raw(bot.url, 'GET', '/api/cases/IFO-0000-000000/timeline', { headers: AUTH });
    expect(missing.status).toBe(404);
    expect(missing.json.error).toBe('Ärendet finns inte.');
    const bad = await raw(bot.url, 'GET', `/api/cases/${ID}/timeline?format=xml`, { headers: AUTH });
    expect(bad.status).toBe(400);
    expect(bad.json.issues).toEqual([{ path: 'format', message: 'Ska vara json eller csv.' }]);
  });
});
