// The values derived once per case object or per frozen array (docs/architecture.md, "Derived
// values"): a change is a new object or a new array, so nothing derived from the old one is read.
import { describe, expect, it } from 'vitest';
import { deadlinesOf } from '../../src/domain/deadlines.js';
import { openCountsOf } from '../../src/domain/queries.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import type { Case } from '../../src/domain/schemas.js';
import { listCases } from '../../src/views/morningListBuilder.js';
import { openLowdbStore } from '../../src/store/lowdbStore.js';
import { aCase } from '../domain/fixtures.js';
import { tempDataFile } from '../support/tmp.js';

const ANNA = '00000000-0000-4000-8000-000000000001';
const BO = '00000000-0000-4000-8000-000000000002';

describe('derived values', () => {
  it('deadlinesOf answers a changed case (a new object) anew, and its answer cannot be sorted in place', () => {
    const c = aCase();
    const before = deadlinesOf(c, DEFAULT_RULES);
    expect(deadlinesOf(c, DEFAULT_RULES)).toBe(before);
    expect(before.find((d) => d.kind === 'skyddsbedomning')?.done).toBe(false);
    const assessed = {
      ...c,
      skyddsbedomning: { at: '2026-11-20T10:00:00+01:00', by: ANNA, immediateProtection: false, motivation: 'Inget.' },
    };
    expect(deadlinesOf(assessed, DEFAULT_RULES).find((d) => d.kind === 'skyddsbedomning')?.done).toBe(true);
    expect(() => before.sort(() => 0)).toThrow(TypeError);
    expect(() => (before[0].done = true)).toThrow(TypeError);
  });

  it("a store's open cases are a new frozen array after a commit, and the counts follow it", async () => {
    const store = await openLowdbStore(tempDataFile());
    try {
      await store.commit({
        cases: [
          { case: aCase({ id: 'IFO-1', assignees: [ANNA] }), expectedVersion: null },
          { case: aCase({ id: 'IFO-2', assignees: [ANNA] }), expectedVersion: null },
        ],
      });
      const first = (await store.openCases()) as readonly Case[];
      expect(Object.isFrozen(first)).toBe(true);
      expect(await store.openCases()).toBe(first);
      expect(openCountsOf(await store.openCases()).get(ANNA)?.open).toBe(2);
      const c = (await store.getCase('IFO-2'))!;
      await store.commit({ cases: [{ case: { ...c, assignees: [BO] }, expectedVersion: c.version }] });
      expect(await store.openCases()).not.toBe(first);
      expect([...(await store.openCases())].map((x) => x.id)).toEqual(['IFO-1', 'IFO-2']);
      expect(openCountsOf(await store.openCases()).get(ANNA)?.open).toBe(1);
      expect(openCountsOf(await store.openCases()).get(BO)?.open).toBe(1);
      expect(openCountsOf(first).get(ANNA)?.open).toBe(2); // the old array is what it was
      const b = (await store.getCase('IFO-1'))!;
      await store.commit({ cases: [{ case: { ...b, phase: 'closed' }, expectedVersion: b.version }] });
      expect([...(await store.openCases())].map((x) => x.id)).toEqual(['IFO-2']);
      expect(listCases(await store.allCases()).map((x) => x.id)).toEqual(['IFO-2']);
      expect(Object.isFrozen(listCases(await store.allCases()))).toBe(true);
    } finally {
      await store.close();
    }
  });
});
