// The family on the case card (docs/family.md) at the planned size: 50,000 stored cases, 5,000 open,
// a third of them in families of three siblings, each child with three reports. Measured: the
// family and history of one case (two index look-ups and the pure rules), and the whole case card
// with and without the family section. Run alone with `npx tsx bench/family.bench.ts`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Directory, type AppDeps } from '../src/app/context.js';
import { familyOf, familySectionView } from '../src/app/family.js';
import { caseCardFor } from '../src/outbox/caseCards.js';
import { Calendar } from '../src/domain/calendar.js';
import { DEFAULT_RULES } from '../src/domain/rules.js';
import type { Case } from '../src/domain/schemas.js';
import { loadOrganisation } from '../src/config.js';
import { openLowdbStore } from '../src/store/lowdbStore.js';
import type { BenchRow } from './row.js';

export async function benchFamily(opts: { stored?: number; open?: number } = {}): Promise<BenchRow[]> {
  const stored = opts.stored ?? 50_000;
  const open = opts.open ?? 5_000;
  const dir = mkdtempSync(join(tmpdir(), 'arendevakt-bench-family-'));
  const store = await openLowdbStore(join(dir, 'db.json'), { snapshotAfterBytes: 1e12 });
  const org = loadOrganisation(join(import.meta.dirname, '../data/organisation.example.json'));
  const groups = ['barn-mottagning', 'barn-utredning-1', 'barn-utredning-2'];
  const owners = org.staff.filter((s) => s.role === 'caseworker').map((s) => s.aadObjectId);
  const cases: Case[] = [];
  for (let i = 0; i < stored; i++) {
    const child = Math.floor(i / 3); // three reports per child
    const family = Math.floor(child / 3); // three children per family
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 11)).padStart(2, '0');
    const isOpen = i >= stored - open;
    cases.push({
      id: `IFO-B-${i}`,
      version: 0,
      groupId: groups[i % groups.length],
      childRef: `B-${child}`,
      ...(family % 3 === 0 ? { familyRef: `F-${family}` } : {}),
      receivedAt: `2026-${month}-${day}T09:00:00+01:00`,
      reporter: { type: 'school', professional: true },
      concerns: ['neglect'],
      phase: isOpen ? 'forhandsbedomning' : 'closed',
      assignees: [owners[i % owners.length]],
      contacts: [],
      linkedCaseIds: [],
      createdAt: '2026-01-01T09:00:00+01:00',
      updatedAt: '2026-01-01T09:00:00+01:00',
      updatedBy: 'system:bench',
    });
  }
  await store.commit({ cases: cases.map((c) => ({ case: c, expectedVersion: null })) });
  const deps: AppDeps = {
    store,
    org: new Directory(org),
    rules: DEFAULT_RULES,
    calendar: new Calendar({ eveHolidaysAreNonWorking: true }),
    now: () => new Date('2026-11-23T09:00:00+01:00'),
    config: {},
  };
  try {
    const sample = (await store.openCases()).filter((c) => c.familyRef).slice(0, 500);
    const t0 = performance.now();
    let lines = 0;
    for (const c of sample) lines += (await familySectionView(deps, c, await familyOf(deps, c))).siblings.length;
    const familyMs = (performance.now() - t0) / sample.length;
    const t1 = performance.now();
    for (const c of sample) await caseCardFor(deps, c);
    const cardMs = (performance.now() - t1) / sample.length;
    const t2 = performance.now();
    for (const c of sample) await caseCardFor(deps, { ...c, familyRef: undefined, childRef: `none-${c.id}` });
    const plainMs = (performance.now() - t2) / sample.length;
    return [
      {
        name: `family + history of one case, ${stored} stored`,
        value: Math.round(familyMs * 1000) / 1000,
        unit: 'ms',
        aim: '< 5 ms',
        ok: familyMs < 5,
        note: `${sample.length} cases, ${lines} sibling lines`,
      },
      {
        name: 'case card with the family section',
        value: Math.round(cardMs * 100) / 100,
        unit: 'ms',
        aim: '(context)',
        ok: true,
        note: `without a family: ${Math.round(plainMs * 100) / 100} ms`,
      },
    ];
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await benchFamily()) console.log(`${r.name}: ${r.value} ${r.unit} (${r.aim}) ${r.note ?? ''}`);
}
