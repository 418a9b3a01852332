// Import benchmark: a 50,000-row CSV export (semicolon, BOM, CRLF) into an empty store, one commit;
// then the same file again (every row skipped). Must take seconds, not minutes.
// Run alone with `npx tsx bench/import.bench.ts`; the bench runner can import `benchImport()`.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Directory, type AppDeps } from '../src/app/context.js';
import { importReports } from '../src/app/importReports.js';
import { loadOrganisation } from '../src/config.js';
import { Calendar } from '../src/domain/calendar.js';
import { DEFAULT_RULES } from '../src/domain/rules.js';
import { openLowdbStore } from '../src/store/lowdbStore.js';

export interface ImportBenchRow {
  name: string;
  value: number;
  unit: string;
  aim: string;
  ok: boolean;
  note?: string;
}

const GROUPS = ['barn-mottagning', 'barn-utredning-1', 'barn-utredning-2', 'vinr'];
const TYPES = ['förskola', 'skola', 'polis', 'hälso- och sjukvård', 'anhörig', 'privatperson', 'anonym'];
const CONCERNS = [
  'brister i omsorgen',
  'våld',
  'psykisk ohälsa',
  'eget beteende|förälders missbruk',
  'hedersrelaterat',
  'annat',
];

/** A synthetic export: references and dates only, no personal data. */
export function syntheticExport(rows: number, now: Date): string {
  const lines = ['ärendereferens;mottagen;grupp;barnreferens;anmälare;yrkesverksam;oro;sammanfattning'];
  for (let i = 0; i < rows; i++) {
    const received = new Date(now.getTime() - (((i * 7919) % (3 * 365)) + 1) * 86_400_000);
    const d = received.toISOString().slice(0, 10);
    lines.push(
      [
        `IFO-${d.slice(0, 4)}-${String(i).padStart(6, '0')}`,
        `${d} ${String(8 + (i % 9)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
        GROUPS[i % GROUPS.length],
        `B-${String(i % 37_000).padStart(6, '0')}`,
        TYPES[i % TYPES.length],
        i % 3 ? 'ja' : '',
        CONCERNS[i % CONCERNS.length],
        i % 2 ? 'Oro för frånvaro och trötthet i förskolan.' : '',
      ].join(';'),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function benchImport(opts: { rows?: number } = {}): Promise<ImportBenchRow[]> {
  const rows = opts.rows ?? 50_000;
  const now = new Date('2026-11-20T12:00:00+01:00');
  const dir = mkdtempSync(join(tmpdir(), 'arendevakt-bench-import-'));
  const dataFile = join(dir, 'db.json');
  try {
    const file = Buffer.from(syntheticExport(rows, now), 'utf8');
    const store = await openLowdbStore(dataFile);
    const deps: AppDeps = {
      store,
      org: new Directory(loadOrganisation(join(import.meta.dirname, '../data/organisation.example.json'))),
      rules: DEFAULT_RULES,
      calendar: new Calendar({ eveHolidaysAreNonWorking: true }),
      now: () => now,
      config: {},
    };
    const t0 = performance.now();
    const first = await importReports(deps, file, { dryRun: false });
    const importMs = performance.now() - t0;
    const t1 = performance.now();
    const again = await importReports(deps, file, { dryRun: false });
    const againMs = performance.now() - t1;
    await store.close();
    const t2 = performance.now();
    const reopened = await openLowdbStore(dataFile);
    let n = 0;
    for (const _ of await reopened.allCases()) n++;
    const reopenMs = performance.now() - t2;
    await reopened.close();
    const journal = statSync(`${dataFile}.journal`).size;
    return [
      {
        name: `import ${rows} CSV rows (one commit)`,
        value: Math.round(importMs),
        unit: 'ms',
        aim: '< 15000',
        ok: importMs < 15_000 && first.committed && first.imported.length === rows,
        note: `${first.imported.length} imported, ${first.cardsQueued} cards queued, journal ${(journal / 1e6).toFixed(1)} MB, ${first.problems.length} problems`,
      },
      {
        name: `re-import the same ${rows} rows (all skipped)`,
        value: Math.round(againMs),
        unit: 'ms',
        aim: '< 15000',
        ok: againMs < 15_000 && again.skipped.length === rows,
      },
      {
        name: `reopen the store after the import (${n} cases)`,
        value: Math.round(reopenMs),
        unit: 'ms',
        aim: '< 30000',
        ok: reopenMs < 30_000 && n === rows,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await benchImport())
    console.log(
      `${r.ok ? 'ok  ' : 'FAIL'} ${r.name}: ${r.value} ${r.unit} (aim ${r.aim})${r.note ? ` – ${r.note}` : ''}`,
    );
}
