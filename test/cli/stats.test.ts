// npm run stats: CSV and JSON with the same numbers as the computation, the 13-month chart as a PNG
// drawn on the server with the bundled font (å, ä, ö), Swedish messages for bad arguments, a held lock
// explained.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runStats } from '../../src/cli/stats.js';
import { Calendar } from '../../src/domain/calendar.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import { CHART_FONT_FILE, statsChartSvg } from '../../src/stats/chart.js';
import { computeMonths } from '../../src/stats/figures.js';
import { cardMonths } from '../../src/stats/query.js';
import { openLowdbStore } from '../../src/store/lowdbStore.js';
import { EXAMPLE_ORG } from '../support/bot.js';
import { NOVEMBER, NOW } from '../stats/monthFixture.js';

const ORG_FILE = join(import.meta.dirname, '../../data/organisation.example.json');
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'arendevakt-stats-cli-'));
  env = { DATA_FILE: join(dir, 'db.json'), ORG_FILE, LOG_LEVEL: 'silent' };
  const store = await openLowdbStore(env.DATA_FILE);
  expect((await store.commit({ cases: NOVEMBER.map((c) => ({ case: c, expectedVersion: null })) })).ok).toBe(true);
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const history = () =>
  computeMonths(NOVEMBER, cardMonths('2026-11'), {
    now: NOW,
    rules: DEFAULT_RULES,
    calendar: new Calendar(),
    groups: EXAMPLE_ORG.groups,
  });

describe('npm run stats', () => {
  it('writes CSV to standard output by default, the same rows as the API', async () => {
    const r = await runStats(['--month', '2026-11'], env, () => NOW);
    expect(r.code).toBe(0);
    const rows = r.output
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(rows).toContain('2026-11;enheten;Hela enheten;Förhandsbedömning inom 14 dagar;3;6;50,0;0;;;;T-B T-C T-D');
    expect(rows).toContain('2026-11;enheten;Hela enheten;Utredning klar inom 4 månader;1;4;25,0;0;;;;T-F T-G T-H T-I');
  });

  it('writes JSON for one group to a file', async () => {
    const out = join(dir, 'g.json');
    const r = await runStats(
      ['--month=2026-11', '--group', 'barn-mottagning', '--format', 'json', '--out', out],
      env,
      () => NOW,
    );
    expect(r).toMatchObject({ code: 0, files: [out] });
    const body = JSON.parse(readFileSync(out, 'utf8'));
    expect(body.scopes).toEqual([
      history()
        .at(-1)!
        .groups.find((g) => g.groupId === 'barn-mottagning'),
    ]);
  });

  it('draws the 13-month chart as a PNG on the server, with the bundled font', async () => {
    const out = join(dir, 'chart.png');
    const r = await runStats(['--month', '2026-11', '--format', 'png', '--out', out], env, () => NOW);
    expect(r).toMatchObject({ code: 0, files: [out] });
    const png = readFileSync(out);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(2000); // width: 1000 at zoom 2
    expect(png.readUInt32BE(20)).toBe(1280);
    const svg = statsChartSvg(history(), null);
    for (const text of [
      'Andel i tid · Hela enheten',
      'Skyddsbedömning samma dag',
      'Utredning klar inom 4 månader',
      'nov 26',
    ])
      expect(svg).toContain(text);
    // The text is drawn with the bundled font: without any font resvg draws no text at all.
    const withoutFont = new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: [] } }).render();
    const withFont = new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: [CHART_FONT_FILE] } }).render();
    const ink = (px: Buffer) => {
      let n = 0;
      for (let i = 0; i < px.length; i += 4) if (px[i] + px[i + 1] + px[i + 2] < 200) n++; // dark (text) pixels
      return n;
    };
    expect(ink(Buffer.from(withFont.pixels))).toBeGreaterThan(ink(Buffer.from(withoutFont.pixels)) + 1000);
  });

  it('says what is wrong in Swedish, exit 2, and repeats nothing', async () => {
    const bad = await runStats(['--month', '2026-13'], env, () => NOW);
    expect(bad).toMatchObject({ code: 2, output: '--month: Månaden ska skrivas ÅÅÅÅ-MM, t.ex. 2026-11.' });
    const group = await runStats(['--month', '2026-11', '--group', 'okand-xyz'], env, () => NOW);
    expect(group.code).toBe(2);
    expect(group.output).toBe('--group: Gruppen finns inte i organisationen.');
    expect((await runStats(['--format', 'pdf'], env, () => NOW)).output).toContain(
      '--format ska vara csv, json eller png.',
    );
    expect((await runStats(['--månad', 'x'], env, () => NOW)).output).toMatch(/^Användning: npm run stats/);
  });

  it('explains a database held by the running bot', async () => {
    // A lock held by another live process on this host (our parent, standing in for the bot).
    const lock = `${env.DATA_FILE}.lock`;
    writeFileSync(lock, JSON.stringify({ pid: process.ppid, host: hostname(), at: NOW.toISOString() }));
    try {
      const r = await runStats(['--month', '2026-11'], env, () => NOW);
      expect(r.code).toBe(3);
      expect(r.output).toContain('Stoppa boten');
      expect(r.output).toContain('GET /api/stats');
    } finally {
      rmSync(lock, { force: true });
    }
  });
});
