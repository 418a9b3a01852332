// Gallring on 50,000 stored cases (5,000 open, 45,000 closed over five years), each with three audit
// entries holding synthetic free text: the run with GALLRING_AFTER_MONTHS=24 (what was removed, the
// time it took, the embedded journal compacted in it), the chain verified after, the files' size
// before and after, and a search of the files for the removed texts. On the embedded store and on
// PostgreSQL (a local server from Debian's package, started here, fsync on).
// Run alone with `npx tsx bench/gallring.bench.ts`; `npm run bench -- gallring` prints the rows.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { runGallring } from '../src/app/gallring.js';
import type { Case } from '../src/domain/schemas.js';
import { openLowdbStore } from '../src/store/lowdbStore.js';
import { openPostgresStore } from '../src/store/postgresStore.js';
import type { Store } from '../src/store/port.js';
import { startPostgres } from '../test/support/postgres.js';
import type { BenchRow } from './row.js';

const GROUPS = ['barn-mottagning', 'barn-utredning-1', 'barn-utredning-2', 'vinr'];
const NOW = new Date('2026-11-20T02:30:00.000Z');
const AFTER_MONTHS = 24;
const text = (id: string, what: string) => `FRITEXT-${what}-${id}`;

function syntheticCase(i: number, open: boolean): Case {
  // Closed cases spread over 2021-12 .. 2026-10, so about half are past 24 months.
  const month = i % 59;
  const at = new Date(Date.UTC(2021, 11 + month, 1 + (i % 27), 9)).toISOString();
  const id = `IFO-G-${String(i).padStart(6, '0')}`;
  return {
    id,
    version: 0,
    groupId: GROUPS[i % GROUPS.length],
    childRef: `B-G-${i}`,
    receivedAt: at,
    reporter: { type: 'school', professional: true },
    concerns: ['neglect'],
    summary: text(id, 'summary'),
    phase: open ? 'utredning' : 'closed',
    assignees: [],
    contacts: [],
    linkedCaseIds: [],
    ...(open ? {} : { closure: { outcome: 'ingen_insats', at, by: 'k', motivation: text(id, 'closure') } }),
    createdAt: at,
    updatedAt: at,
    updatedBy: 'k',
  } as Case;
}

async function seed(store: Store, stored: number, open: number): Promise<Case[]> {
  const every = Math.round(stored / open);
  const all: Case[] = [];
  for (let start = 0; start < stored; start += 500) {
    const batch: Case[] = [];
    for (let i = start; i < Math.min(stored, start + 500); i++) batch.push(syntheticCase(i, i % every === 0));
    all.push(...batch);
    const r = await store.commit({
      cases: batch.map((c) => ({ case: c, expectedVersion: null })),
      docs: batch
        .filter((_, k) => k % 10 === 3)
        .map((c) => ({ collection: 'claims', id: `aterkoppling:${c.id}`, value: { at: c.createdAt } })),
      audit: batch.flatMap((c) => [
        {
          at: c.createdAt,
          actor: 'system' as const,
          type: 'ReportRegistered',
          caseId: c.id,
          after: { summary: c.summary },
        },
        { at: c.createdAt, actor: 'k', type: 'SkyddsbedomningRecorded', caseId: c.id, reason: text(c.id, 'skydd') },
        ...(c.closure
          ? [{ at: c.closure.at, actor: 'k', type: 'CaseClosed', caseId: c.id, reason: c.closure.motivation }]
          : []),
      ]),
    });
    if (!r.ok) throw new Error('seed conflict');
  }
  return all;
}

const r1 = (x: number) => Math.round(x * 10) / 10;

async function measure(
  label: string,
  store: Store,
  cases: Case[],
  size: () => Promise<number>,
  holds: (needle: string) => Promise<boolean>,
): Promise<BenchRow[]> {
  const bytesBefore = await size();
  const before = await store.verifyAudit();
  const run = await runGallring(store, { afterMonths: AFTER_MONTHS, now: NOW });
  const t0 = performance.now();
  const after = await store.verifyAudit();
  const verifyMs = performance.now() - t0;
  const compact = label === 'postgres' ? await store.compact!({ full: true }) : undefined;
  const bytesAfter = await size();
  const removed = new Set(run.plan.cases);
  // The texts of every 100th removed case, and of every 100th kept one, looked for in the stored data.
  const sample = cases.filter((_, i) => i % 100 === 7);
  let leaked = 0;
  let kept = 0;
  let keptSeen = 0;
  for (const c of sample) {
    const found = await holds(text(c.id, 'skydd'));
    if (removed.has(c.id)) leaked += found ? 1 : 0;
    else {
      kept++;
      keptSeen += found ? 1 : 0;
    }
  }
  const mb = (n: number) => `${(n / 1_048_576).toFixed(1)} MB`;
  return [
    {
      name: `${label}: gallring of ${cases.length.toLocaleString('en')} stored (GALLRING_AFTER_MONTHS=${AFTER_MONTHS})`,
      value: Math.round(run.ms),
      unit: 'ms',
      aim: '(context)',
      ok: run.verification?.ok === true,
      note: `plan, commit and the chain check in one; removed ${run.plan.cases.length} cases, ${run.plan.docsDeleted} docs deleted, ${run.plan.docsChanged} changed; ${after.redacted?.gallring ?? 0} audit entries emptied${label === 'embedded' ? ', journal compacted in the run' : ''}`,
    },
    {
      name: `${label}: chain verified after gallring`,
      value: Math.round(verifyMs),
      unit: 'ms',
      aim: 'ok',
      ok: after.ok && after.entries === before.entries + 1,
      note: `${after.entries} entries (${before.entries} before + the act), ok=${after.ok}`,
    },
    {
      name: `${label}: stored bytes before → after`,
      value: r1(bytesAfter / 1_048_576),
      unit: 'MB',
      aim: '(context)',
      ok: true,
      note: `${mb(bytesBefore)} → ${mb(bytesAfter)}${compact ? `; VACUUM FULL ${Math.round(compact.ms)} ms (plain VACUUM frees, does not shrink)` : ''}`,
    },
    {
      name: `${label}: removed texts left in the stored data`,
      value: leaked,
      unit: `of ${sample.length - kept}`,
      aim: '0',
      ok: leaked === 0 && keptSeen === kept,
      note: `sample of every 100th case; the kept ones found ${keptSeen} of ${kept}`,
    },
  ];
}

export async function benchGallring(opts: { stored?: number; open?: number } = {}): Promise<BenchRow[]> {
  const stored = opts.stored ?? 50_000;
  const open = opts.open ?? 5_000;
  const rows: BenchRow[] = [];

  const dir = mkdtempSync(join(tmpdir(), 'arendevakt-gallring-bench-'));
  try {
    const file = join(dir, 'db.json');
    const s = await openLowdbStore(file);
    const cases = await seed(s, stored, open);
    // The snapshot (db.json) is written at the first compaction; until then the journal is all there is.
    const parts = () => [`${file}.journal`, file].filter((p) => existsSync(p));
    const size = async () => parts().reduce((n, p) => n + statSync(p).size, 0);
    const files = () => Buffer.concat(parts().map((p) => readFileSync(p)));
    let blob: Buffer | undefined;
    rows.push(
      ...(await measure('embedded', s, cases, size, async (needle) => {
        blob ??= files();
        return blob.includes(needle);
      })),
    );
    await s.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const server = startPostgres({ durable: true });
  try {
    const admin = server.admin();
    await admin.connect();
    await admin.query('CREATE DATABASE gallring TEMPLATE template0');
    await admin.end();
    const url = server.url('gallring');
    const s = await openPostgresStore(url);
    const cases = await seed(s, stored, open);
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    try {
      const size = async () =>
        Number(
          (
            await pool.query<{ n: string }>(
              `SELECT sum(pg_total_relation_size(c))::bigint AS n FROM unnest(ARRAY['av_audit','av_cases','av_docs']::regclass[]) c`,
            )
          ).rows[0].n,
        );
      rows.push(
        ...(await measure('postgres', s, cases, size, async (needle) => {
          const r = await pool.query<{ n: string }>(
            `SELECT (SELECT count(*) FROM av_audit WHERE entry LIKE $1) + (SELECT count(*) FROM av_cases WHERE data::text LIKE $1) AS n`,
            [`%${needle}%`],
          );
          return Number(r.rows[0].n) > 0;
        })),
      );
    } finally {
      await pool.end();
      await s.close();
    }
  } finally {
    server.stop();
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { printTable } = await import('./row.js');
  printTable(await benchGallring());
  process.exit();
}
