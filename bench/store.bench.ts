// Store benchmarks: start-up load of 50,000 stored cases (5,000 open), one durable assign commit
// (one case + one audit entry + one outbox message) against the naive way (the whole state
// rewritten atomically with fsync per change), and the process RSS.
// Run alone with `npx tsx bench/store.bench.ts`; bench/run.ts prints these rows with the others.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { open as openFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { enqueue } from '../src/outbox/messages.js';
import type { Case } from '../src/domain/schemas.js';
import { writeFileDurably } from '../src/store/durableFile.js';
import { openLowdbStore } from '../src/store/lowdbStore.js';
import type { BenchRow } from './row.js';

/** The example organisation's staff ids (fake UUIDs ending in a two-digit number). */
const staffUuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const GROUPS = ['barn-mottagning', 'barn-utredning-1', 'barn-utredning-2', 'vinr'];

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

const r2 = (x: number) => Math.round(x * 100) / 100;

function syntheticCase(i: number, open: boolean): Case {
  const day = String(1 + (i % 28)).padStart(2, '0');
  const month = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0');
  const at = `2025-${month}-${day}T09:00:00+01:00`;
  const id = `IFO-BENCH-${String(i).padStart(6, '0')}`;
  return {
    id,
    version: 0,
    groupId: GROUPS[i % GROUPS.length],
    childRef: `B-BENCH-${i}`,
    receivedAt: at,
    reporter: { type: 'school', professional: true },
    concerns: ['neglect'],
    phase: open ? 'utredning' : 'closed',
    assignees: [staffUuid(10 + (i % 12))],
    contacts: [],
    linkedCaseIds: [],
    ...(open ? {} : { closure: { outcome: 'ingen_insats', at, by: 'system:bench' } as unknown as Case['closure'] }),
    createdAt: at,
    updatedAt: at,
    updatedBy: 'system:bench',
  };
}

export async function benchStore(
  opts: { stored?: number; open?: number; commits?: number; naiveCommits?: number } = {},
): Promise<BenchRow[]> {
  const stored = opts.stored ?? 50_000;
  const open = opts.open ?? 5_000;
  const commits = opts.commits ?? 500;
  const naiveCommits = opts.naiveCommits ?? 30;
  const dir = mkdtempSync(join(tmpdir(), 'arendevakt-bench-store-'));
  const dataFile = join(dir, 'db.json');
  const now = new Date('2026-11-24T10:00:00+01:00');
  try {
    // Seed in a child process (so its garbage does not count in this process's RSS), in batches, then
    // close there (writes the snapshot) so the start-up below reads a realistic file.
    const seeded = spawnSync(
      'npx',
      ['tsx', fileURLToPath(import.meta.url), '--seed', dataFile, String(stored), String(open)],
      { encoding: 'utf8' },
    );
    if (seeded.status !== 0) throw new Error(`seeding failed: ${seeded.stderr}`);

    const t0 = performance.now();
    const store = await openLowdbStore(dataFile);
    const startup = performance.now() - t0;
    const ids = (await store.openCases()).map((c) => c.id);
    const openCount = ids.length;

    const times: number[] = [];
    for (let i = 0; i < commits + 20; i++) {
      const c = (await store.getCase(ids[i % ids.length]))!;
      const assignee = staffUuid(10 + ((i + 1) % 12));
      const next: Case = { ...c, assignees: [assignee], updatedAt: now.toISOString(), updatedBy: 'bench' };
      const s = performance.now();
      const r = await store.commit({
        cases: [{ case: next, expectedVersion: c.version }],
        audit: [
          {
            at: now.toISOString(),
            actor: 'bench',
            type: 'CaseAssigned',
            caseId: c.id,
            before: { assignees: c.assignees },
            after: { assignees: [assignee] },
          },
        ],
        docs: [
          enqueue(now, { kind: 'user', staffId: assignee }, { kind: 'caseCard', caseId: c.id, view: 'assignedToYou' }),
        ],
      });
      const ms = performance.now() - s;
      if (!r.ok) throw new Error('assign refused');
      if (i >= 20) times.push(ms);
    }
    const rss = process.memoryUsage().rss / 1024 / 1024;

    // The disk's own floor on this machine right now: a 600-byte append + fdatasync.
    const floor: number[] = [];
    const fh = await openFile(join(dir, 'floor'), 'a');
    for (let i = 0; i < 200; i++) {
      const s = performance.now();
      await fh.write(`${'x'.repeat(599)}\n`);
      await fh.datasync();
      floor.push(performance.now() - s);
    }
    await fh.close();

    // The naive way: the whole state as one JSON file, temp + fsync + rename + fsync dir per change.
    const all: Record<string, Case> = {};
    for (const c of await store.allCases()) all[c.id] = c;
    const naiveFile = join(dir, 'naive.json');
    const naive: number[] = [];
    for (let i = 0; i < naiveCommits; i++) {
      const c = all[ids[i % ids.length]];
      all[c.id] = { ...c, assignees: ['x'], version: c.version + 1 };
      const s = performance.now();
      await writeFileDurably(naiveFile, JSON.stringify({ cases: all }));
      naive.push(performance.now() - s);
    }
    await store.close();

    const p50 = percentile(times, 50),
      p95 = percentile(times, 95),
      max = Math.max(...times);
    const np50 = percentile(naive, 50),
      np95 = percentile(naive, 95),
      nmax = Math.max(...naive);
    const ratio = np95 / p95;
    const size = `${stored.toLocaleString('en')} cases, ${openCount.toLocaleString('en')} open`;
    return [
      { name: `store start-up load (${size})`, value: r2(startup), unit: 'ms', aim: '< 1000 ms', ok: startup < 1000 },
      {
        name: 'assign commit (case + audit + outbox), p50',
        value: r2(p50),
        unit: 'ms',
        aim: '(context)',
        ok: true,
        note: `naive ${r2(np50)} ms`,
      },
      {
        name: 'assign commit (case + audit + outbox), p95',
        value: r2(p95),
        unit: 'ms',
        aim: '< 5 ms',
        ok: p95 < 5,
        note: `naive ${r2(np95)} ms`,
      },
      {
        name: 'assign commit (case + audit + outbox), max',
        value: r2(max),
        unit: 'ms',
        aim: '(context)',
        ok: true,
        note: `naive ${r2(nmax)} ms; ${commits} commits, ${naiveCommits} naive`,
      },
      {
        name: 'naive whole-file atomic rewrite / journal commit, p95 ratio',
        value: r2(ratio),
        unit: '×',
        aim: '≥ 30×',
        ok: ratio >= 30,
      },
      {
        name: 'disk floor: 600-byte append + fdatasync, p95',
        value: r2(percentile(floor, 95)),
        unit: 'ms',
        aim: '(context)',
        ok: true,
        note: `p50 ${r2(percentile(floor, 50))} ms`,
      },
      { name: 'RSS after load and commits', value: Math.round(rss), unit: 'MB', aim: '< 200 MB', ok: rss < 200 },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function seed(dataFile: string, stored: number, open: number): Promise<void> {
  const every = Math.round(stored / open);
  const now = new Date('2026-11-24T10:00:00+01:00');
  const store = await openLowdbStore(dataFile);
  for (let start = 0; start < stored; start += 2_000) {
    const cases = [];
    for (let i = start; i < Math.min(stored, start + 2_000); i++)
      cases.push({ case: syntheticCase(i, i % every === 0), expectedVersion: null });
    const r = await store.commit({
      cases,
      audit: [{ at: now.toISOString(), actor: 'system', type: 'BenchSeeded', data: { from: start } }],
    });
    if (!r.ok) throw new Error('seeding failed');
  }
  await store.close();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === '--seed') {
    await seed(process.argv[3], Number(process.argv[4]), Number(process.argv[5]));
  } else {
    const { printTable } = await import('./row.js');
    printTable(await benchStore());
  }
}
