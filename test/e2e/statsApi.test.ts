// GET /api/stats through the real server: the same numbers as the domain computation, as JSON and as
// CSV (format=csv or Accept: text/csv), behind the intake API's key, 400 with Swedish details.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Calendar } from '../../src/domain/calendar.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import { computeMonth } from '../../src/stats/figures.js';
import { EXAMPLE_ORG, startTestBot, type TestBot } from '../support/bot.js';
import { NOVEMBER, NOW } from '../stats/monthFixture.js';

const KEY = 'test-stats-key-0123456789abcdef';
const AUTH = { authorization: `Bearer ${KEY}` };
let t: TestBot;

beforeAll(async () => {
  t = await startTestBot({ now: () => NOW, ingestApiKey: KEY });
  const r = await t.deps.store.commit({ cases: NOVEMBER.map((c) => ({ case: c, expectedVersion: null })) });
  expect(r.ok).toBe(true);
});
afterAll(async () => {
  await t?.stop();
});

const get = (path: string, headers: Record<string, string> = AUTH) => fetch(`${t.url}${path}`, { headers });
const expected = () =>
  computeMonth(NOVEMBER, '2026-11', {
    now: NOW,
    rules: DEFAULT_RULES,
    calendar: new Calendar({ eveHolidaysAreNonWorking: true }),
    groups: EXAMPLE_ORG.groups,
  });

describe('GET /api/stats', () => {
  it('answers JSON with the unit and every group, the same numbers as the computation', async () => {
    const res = await get('/api/stats?month=2026-11');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.json();
    const m = expected();
    expect(body).toMatchObject({ month: '2026-11', from: '2026-11-01', to: '2026-11-30', asOf: '2026-12-10' });
    expect(body.scopes.map((s: { groupId: string | null }) => s.groupId)).toEqual([
      null,
      ...EXAMPLE_ORG.groups.map((g) => g.id),
    ]);
    expect(body.scopes[0]).toEqual(m.unit);
    const f = body.scopes[0].figures.find((x: { id: string }) => x.id === 'forhandsbedomning_14');
    expect(f).toMatchObject({ total: 6, met: 3, share: 0.5, lateCases: ['T-B', 'T-C', 'T-D'] });
  });

  it('gives one group with groupId', async () => {
    const body = await (await get('/api/stats?month=2026-11&groupId=barn-mottagning')).json();
    expect(body.scopes).toHaveLength(1);
    expect(body.scopes[0]).toEqual(expected().groups.find((g) => g.groupId === 'barn-mottagning'));
  });

  it('answers CSV for format=csv and for Accept: text/csv, with the same numbers', async () => {
    for (const res of [
      await get('/api/stats?month=2026-11&format=csv'),
      await get('/api/stats?month=2026-11', { ...AUTH, accept: 'text/csv' }),
    ]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('content-disposition')).toContain('statistik-2026-11.csv');
      const text = (await res.text()).replace(/^\uFEFF/, '');
      const rows = text.trim().split('\r\n');
      expect(rows[0]).toBe(
        'månad;grupp-id;grupp;mått;i tid;bedömda;andel i tid (%);pågående;median;90:e percentilen;max;försenade ärenden',
      );
      expect(rows).toContain('2026-11;enheten;Hela enheten;Förhandsbedömning inom 14 dagar;3;6;50,0;0;;;;T-B T-C T-D');
      expect(rows).toContain('2026-11;enheten;Hela enheten;Skyddsbedömning samma dag;4;5;80,0;0;;;;T-B');
      expect(rows).toContain('2026-11;enheten;Hela enheten;Dagar ofördelad (arbetsdagar);;5;;1;1,0;20;20;');
      expect(rows).toContain(
        '2026-11;barn-mottagning;Mottagning barn och unga;Dagar ofördelad (arbetsdagar);;4;;1;1,5;20;20;',
      );
    }
  });

  it('refuses a bad month, an unknown group and an unknown format with Swedish details, repeating nothing', async () => {
    const cases: [string, string[]][] = [
      ['/api/stats', ['month']],
      ['/api/stats?month=2026-13', ['month']],
      ['/api/stats?month=november', ['month']],
      ['/api/stats?month=2027-01', ['month']],
      ['/api/stats?month=2026-11&groupId=finns-inte-xyz', ['groupId']],
      ['/api/stats?month=2026-11&format=xlsx', ['format']],
      ['/api/stats?month=2026-11&month=2026-10', ['month']],
      ['/api/stats?month=2026-11&grupp=x', ['query']],
    ];
    for (const [path, fields] of cases) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      const body = await res.json();
      expect(body.error).toBe('Ogiltig fråga.');
      expect(body.issues.map((i: { path: string }) => i.path)).toEqual(fields);
      const text = JSON.stringify(body);
      for (const sent of ['2026-13', 'november', 'finns-inte-xyz', 'xlsx']) expect(text).not.toContain(sent);
    }
    const future = await (await get('/api/stats?month=2027-01')).json();
    expect(future.issues[0].message).toBe('Månaden har inte börjat än.');
  });

  it('needs the key', async () => {
    expect((await get('/api/stats?month=2026-11', {})).status).toBe(401);
    expect((await get('/api/stats?month=2026-11', { authorization: 'Bearer wrong-key-0123456789' })).status).toBe(401);
  });
});
