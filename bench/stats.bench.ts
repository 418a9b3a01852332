// Statistics benchmarks: one month's figures (every group and the unit) and the card's thirteen months
// over 50,000 stored cases spread over four years (scripts/stats-sample.ts), the stats card's size, and
// the server-side PNG. Run alone with `npm run bench -- stats`.
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { statsCard } from '../src/cards/statsCard.js';
import { cardSize, MAX_CARD_BYTES } from '../src/cards/render.js';
import { Calendar } from '../src/domain/calendar.js';
import { DEFAULT_RULES } from '../src/domain/rules.js';
import type { Group } from '../src/domain/schemas.js';
import { statsChartPng } from '../src/stats/chart.js';
import { computeMonth, computeMonths } from '../src/stats/figures.js';
import { cardMonths } from '../src/stats/query.js';
import { sampleCases } from '../scripts/stats-sample.js';
import type { BenchRow } from './row.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

export async function benchStats(opts: { cases?: number } = {}): Promise<BenchRow[]> {
  const count = opts.cases ?? 50_000;
  const groups: Group[] = [
    { id: 'barn-mottagning', name: 'Mottagning', kind: 'intake' },
    ...Array.from({ length: 6 }, (_, i): Group => ({
      id: `barn-utredning-${i + 1}`,
      name: `Utredning ${i + 1}`,
      kind: 'investigation',
    })),
  ];
  const cases = sampleCases({
    count,
    from: '2022-12-01',
    to: '2026-11-30',
    asOf: '2026-12-01',
    groups: { intake: 'barn-mottagning', investigation: groups.slice(1).map((g) => g.id) },
  });
  const opts2 = { now: new Date('2026-12-01T08:00:00+01:00'), rules: DEFAULT_RULES, calendar: new Calendar(), groups };
  computeMonth(cases, '2026-11', opts2); // warm up (the calendar's year tables, the JIT)
  // Wall time, and the process's own CPU time (the honest number on a shared, loaded machine).
  const one: number[] = [];
  const oneCpu: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    computeMonth(cases, '2026-11', opts2);
    const d = process.cpuUsage(c);
    one.push(performance.now() - t);
    oneCpu.push((d.user + d.system) / 1000);
  }
  const thirteen: number[] = [];
  const thirteenCpu: number[] = [];
  let history = computeMonths(cases, cardMonths('2026-11'), opts2);
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    history = computeMonths(cases, cardMonths('2026-11'), opts2);
    const d = process.cpuUsage(c);
    thirteen.push(performance.now() - t);
    thirteenCpu.push((d.user + d.system) / 1000);
  }
  const card = statsCard({ history, groupId: null });
  const t = performance.now();
  const png = statsChartPng(history, null);
  const pngMs = performance.now() - t;
  const oneMs = Math.round(median(one));
  const allMs = Math.round(median(thirteen));
  return [
    {
      name: `stats: one month, unit + ${groups.length} groups, ${count.toLocaleString('sv-SE')} stored cases`,
      value: oneMs,
      unit: 'ms',
      aim: '≤ 200 ms',
      ok: oneMs <= 200,
      note: `median of 7; CPU ${Math.round(median(oneCpu))} ms; load ${loadavg()[0].toFixed(1)}`,
    },
    {
      name: 'stats: the card’s 13 months in one pass',
      value: allMs,
      unit: 'ms',
      aim: '≤ 400 ms',
      ok: allMs <= 400,
      note: `median of 5; CPU ${Math.round(median(thirteenCpu))} ms`,
    },
    {
      name: 'stats: unit card size',
      value: Math.round(cardSize(card) / 102.4) / 10,
      unit: 'KB',
      aim: `< ${MAX_CARD_BYTES / 1024} KB`,
      ok: cardSize(card) < MAX_CARD_BYTES,
    },
    {
      name: 'stats: PNG chart (ECharts SVG + resvg)',
      value: Math.round(pngMs),
      unit: 'ms',
      aim: '(context)',
      ok: true,
      note: `${Math.round(png.length / 1024)} KB`,
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { printTable } = await import('./row.js');
  printTable(await benchStats());
}
