// One contract, two stores: the Store port's promises (src/store/port.ts) tested the same way on the
// embedded store and on PostgreSQL (a real server: test/support/postgres.ts).
import { describe, expect, it } from 'vitest';
import { openLowdbStore } from '../../src/store/lowdbStore.js';
import { openPostgresStore } from '../../src/store/postgresStore.js';
import type { Store } from '../../src/store/port.js';
import { freshDatabase, tablesHold, usePostgres } from '../support/postgres.js';
import { tempDataFile } from '../support/tmp.js';
import { newCase } from './fixtures.js';
import type { AppDeps } from '../../src/app/context.js';
import { Calendar } from '../../src/domain/calendar.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import { isSnoozed, pruneSnoozes, snoozeReminder, SNOOZES } from '../../src/app/snooze.js';
import { forhandsCase } from '../jobs/listFixtures.js';
import { STAFF } from '../domain/fixtures.js';
import { actorOf } from '../support/synthetic.js';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { eraseFreeText } from '../../src/app/lifecycle.js';
import { gallringReport, runGallring } from '../../src/app/gallring.js';
import { ERASED_MARKER } from '../../src/store/audit.js';
import type { Case } from '../../src/domain/schemas.js';

usePostgres();

const AT = '2026-11-20T10:00:00.000Z';

interface Subject {
  name: string;
  /** A new, empty place to keep data; open() opens a store on it (again after close()). */
  fresh(): Promise<{ open(): Promise<Store>; contains(marker: string): Promise<boolean> }>;
}

const SUBJECTS: Subject[] = [
  {
    name: 'the embedded store',
    fresh: async () => {
      const file = tempDataFile();
      return {
        open: () => openLowdbStore(file),
        // Every byte of every file the store keeps (snapshot, journal, lock, leftovers).
        contains: async (marker) =>
          readdirSync(dirname(file)).some((f) => readFileSync(join(dirname(file), f)).includes(Buffer.from(marker))),
      };
    },
  },
  {
    name: 'PostgreSQL',
    fresh: async () => {
      const url = await freshDatabase();
      return {
        open: () => openPostgresStore(url),
        // What the tables hold (the server's files and WAL are the server's: docs/postgres.md).
        contains: (marker) => tablesHold(url, marker),
      };
    },
  },
];

describe.each(SUBJECTS)('the Store contract on $name', (subject) => {
  it('keeps what was committed across a close and reopen, with versions set by the store', async () => {
    const place = await subject.fresh();
    const s1 = await place.open();
    const r = await s1.commit({
      cases: [{ case: newCase('IFO-1'), expectedVersion: null }],
      docs: [{ collection: 'conversations', id: 'group:x', value: { ref: 1 } }],
    });
    expect(r).toEqual({ ok: true, versions: { 'IFO-1': 1 } });
    expect((await s1.getCase('IFO-1'))?.version).toBe(1);
    await s1.commit({ cases: [{ case: { ...newCase('IFO-1'), assignees: ['a'] }, expectedVersion: 1 }] });
    await s1.commit({ cases: [{ case: newCase('IFO-2', { phase: 'closed' }), expectedVersion: null }] });
    await s1.close();
    const s2 = await place.open();
    expect(await s2.getCase('IFO-1')).toMatchObject({ version: 2, assignees: ['a'] });
    expect(await s2.getDoc('conversations', 'group:x')).toEqual({ ref: 1 });
    expect([...(await s2.openCases())].map((c) => c.id)).toEqual(['IFO-1']);
    expect([...(await s2.allCases())].map((c) => c.id).sort()).toEqual(['IFO-1', 'IFO-2']);
    expect((await s2.casesByChild('B-IFO-1')).map((c) => c.id)).toEqual(['IFO-1']);
    await s2.close();
  });

  it('refuses a commit based on an old version and writes nothing of it', async () => {
    const s = await (await subject.fresh()).open();
    await s.commit({ cases: [{ case: newCase('IFO-1'), expectedVersion: null }] });
    await s.commit({ cases: [{ case: { ...newCase('IFO-1'), assignees: ['a'] }, expectedVersion: 1 }] });
    const stale = await s.commit({
      cases: [{ case: { ...newCase('IFO-1'), assignees: ['b'] }, expectedVersion: 1 }],
      docs: [{ collection: 'outbox', id: 'm1', value: { x: 1 } }],
      audit: [{ at: AT, actor: 'b', type: 'CaseReassigned', caseId: 'IFO-1' }],
    });
    expect(stale).toEqual({ ok: false, conflict: { kind: 'case', id: 'IFO-1', currentVersion: 2 } });
    expect((await s.getCase('IFO-1'))?.assignees).toEqual(['a']);
    expect(await s.getDoc('outbox', 'm1')).toBeUndefined();
    expect(await s.auditFor('IFO-1')).toEqual([]);
    expect(await s.commit({ cases: [{ case: newCase('IFO-1'), expectedVersion: null }] })).toEqual({
      ok: false,
      conflict: { kind: 'case', id: 'IFO-1', currentVersion: 2 },
    });
    expect(await s.commit({ cases: [{ case: newCase('IFO-9'), expectedVersion: 3 }] })).toEqual({
      ok: false,
      conflict: { kind: 'case', id: 'IFO-9', currentVersion: null },
    });
    expect(await s.verifyAudit()).toMatchObject({ ok: true, entries: 0 });
    await s.close();
  });

  it('lets exactly one of two concurrent commits on the same version win', async () => {
    const s = await (await subject.fresh()).open();
    await s.commit({ cases: [{ case: newCase('IFO-1'), expectedVersion: null }] });
    const [a, b] = await Promise.all([
      s.commit({ cases: [{ case: { ...newCase('IFO-1'), assignees: ['a'] }, expectedVersion: 1 }] }),
      s.commit({ cases: [{ case: { ...newCase('IFO-1'), assignees: ['b'] }, expectedVersion: 1 }] }),
    ]);
    expect([a.ok, b.ok]).toEqual([true, false]);
    expect((await s.getCase('IFO-1'))?.assignees).toEqual(['a']);
    await s.close();
  });

  it('claims a document once, updates it only from the version it was read at, and deletes it', async () => {
    const s = await (await subject.fresh()).open();
    const claim = () =>
      s.commit({
        docs: [{ collection: 'claims', id: 'morning:g:2026-11-20', value: { version: 1 }, expectedVersion: null }],
      });
    expect((await claim()).ok).toBe(true);
    expect(await claim()).toEqual({
      ok: false,
      conflict: { kind: 'doc', collection: 'claims', id: 'morning:g:2026-11-20', currentVersion: 1 },
    });
    const update = (from: number) =>
      s.commit({
        docs: [
          { collection: 'claims', id: 'morning:g:2026-11-20', value: { version: from + 1 }, expectedVersion: from },
        ],
      });
    expect((await update(1)).ok).toBe(true);
    expect((await update(1)).ok).toBe(false);
    expect(await s.getDoc('claims', 'morning:g:2026-11-20')).toEqual({ version: 2 });
    // A document without a version field counts as version 0.
    await s.commit({ docs: [{ collection: 'members', id: 'x', value: { name: 'x' } }] });
    expect(
      (await s.commit({ docs: [{ collection: 'members', id: 'x', value: { version: 1 }, expectedVersion: 0 }] })).ok,
    ).toBe(true);
    expect(
      await s.commit({ docs: [{ collection: 'absent', id: 'y', value: { version: 2 }, expectedVersion: 1 }] }),
    ).toEqual({ ok: false, conflict: { kind: 'doc', collection: 'absent', id: 'y', currentVersion: null } });
    await s.commit({ docs: [{ collection: 'claims', id: 'morning:g:2026-11-20', value: null }] });
    expect(await s.getDoc('claims', 'morning:g:2026-11-20')).toBeUndefined();
    expect(await s.listDocs('claims')).toEqual([]);
    expect(await s.listDocs('members')).toEqual([{ version: 1 }]);
    await s.close();
  });

  it('keeps a "Påminn mig i morgon" per person and case across a reopen, once for two presses at once, and prunes it', async () => {
    const place = await subject.fresh();
    const s1 = await place.open();
    const anna = STAFF.anna;
    // Förhandsbedömning due Thursday 26 Nov; pressed on Monday 23 Nov.
    await s1.commit({
      cases: [{ case: forhandsCase('IFO-2026-000070', '2026-11-12', anna.aadObjectId), expectedVersion: null }],
    });
    const deps = (store: Store, at: string) =>
      ({ store, now: () => new Date(at), calendar: new Calendar(), rules: DEFAULT_RULES }) as unknown as AppDeps;
    const press = () => snoozeReminder(deps(s1, '2026-11-23T10:00:00+01:00'), actorOf(anna), 'IFO-2026-000070');
    const [a, b] = await Promise.all([press(), press()]);
    expect(a).toMatchObject({ ok: true, quietOn: '2026-11-24', resumeOn: '2026-11-25' });
    expect(b).toMatchObject({ ok: true, quietOn: '2026-11-24' });
    expect(await s1.listDocs(SNOOZES)).toHaveLength(1);
    expect((await s1.listDocs(SNOOZES))[0]).toMatchObject({
      staffId: anna.aadObjectId,
      caseId: 'IFO-2026-000070',
      version: 1,
    });
    await s1.close();
    const s2 = await place.open();
    expect(await isSnoozed(s2, anna.aadObjectId, 'IFO-2026-000070', '2026-11-23')).toBe(false); // the day pressed
    expect(await isSnoozed(s2, anna.aadObjectId, 'IFO-2026-000070', '2026-11-24')).toBe(true);
    expect(await isSnoozed(s2, anna.aadObjectId, 'IFO-2026-000070', '2026-11-25')).toBe(false);
    expect(await isSnoozed(s2, STAFF.bo.aadObjectId, 'IFO-2026-000070', '2026-11-24')).toBe(false);
    // Pressed again the next day: the same document, one version on.
    expect(await snoozeReminder(deps(s2, '2026-11-24T09:00:00+01:00'), actorOf(anna), 'IFO-2026-000070')).toMatchObject(
      { ok: true, quietOn: '2026-11-25' },
    );
    expect(await s2.listDocs(SNOOZES)).toMatchObject([{ version: 2, quietOn: '2026-11-25' }]);
    await pruneSnoozes(s2, '2026-12-20', 14);
    expect(await s2.listDocs(SNOOZES)).toEqual([]);
    await s2.close();
  });

  it('keeps the open index and the child index as cases close and move', async () => {
    const s = await (await subject.fresh()).open();
    await s.commit({ cases: [{ case: newCase('IFO-1'), expectedVersion: null }] });
    await s.commit({ cases: [{ case: newCase('IFO-1', { phase: 'closed', childRef: 'B-X' }), expectedVersion: 1 }] });
    expect([...(await s.openCases())]).toEqual([]);
    expect(await s.casesByChild('B-IFO-1')).toEqual([]);
    expect((await s.casesByChild('B-X')).map((c) => c.version)).toEqual([2]);
    await s.close();
  });

  it('keeps the family index (casesByFamily) as cases join, move family and after a reopen', async () => {
    const place = await subject.fresh();
    const s = await place.open();
    await s.commit({
      cases: [
        { case: newCase('IFO-1', { familyRef: 'F-1' }), expectedVersion: null },
        { case: newCase('IFO-2', { familyRef: 'F-1', phase: 'closed' }), expectedVersion: null },
        { case: newCase('IFO-3', { familyRef: 'F-2' }), expectedVersion: null },
        { case: newCase('IFO-4'), expectedVersion: null },
      ],
    });
    expect((await s.casesByFamily('F-1')).map((c) => c.id)).toEqual(['IFO-1', 'IFO-2']);
    await s.commit({ cases: [{ case: newCase('IFO-3', { familyRef: 'F-1' }), expectedVersion: 1 }] });
    expect(await s.casesByFamily('F-2')).toEqual([]);
    await s.close();
    const again = await place.open();
    expect((await again.casesByFamily('F-1')).map((c) => c.id).sort()).toEqual(['IFO-1', 'IFO-2', 'IFO-3']);
    expect(await again.casesByFamily('F-2')).toEqual([]);
    await again.close();
  });

  it('keeps an audit trail per case, in order, that verifies after a reopen', async () => {
    const place = await subject.fresh();
    const s = await place.open();
    for (let i = 0; i < 30; i++) {
      await s.commit({
        cases: [{ case: newCase(`IFO-${i % 3}`), expectedVersion: i < 3 ? null : Math.floor(i / 3) }],
        audit: [{ at: AT, actor: 'x', type: `E${i}`, caseId: `IFO-${i % 3}`, reason: 'för att', data: { n: i } }],
      });
    }
    await s.commit({ audit: [{ at: AT, actor: 'system', type: 'Tick' }] });
    const one = await s.auditFor('IFO-1');
    expect(one.map((e) => e.type)).toEqual(['E1', 'E4', 'E7', 'E10', 'E13', 'E16', 'E19', 'E22', 'E25', 'E28']);
    expect(one[0]).toMatchObject({ seq: 2, actor: 'x', reason: 'för att', data: { n: 1 } });
    expect(await s.verifyAudit()).toMatchObject({ ok: true, entries: 31 });
    await s.close();
    const again = await place.open();
    expect((await again.auditFor('IFO-2')).length).toBe(10);
    expect(await again.verifyAudit()).toMatchObject({ ok: true, entries: 31 });
    await again.close();
  });

  it('refuses a commit once closed', async () => {
    const s = await (await subject.fresh()).open();
    await s.close();
    await expect(s.commit({ docs: [] })).rejects.toThrow(/closed/);
  });

  describe('data lifecycle', () => {
    const MARK = 'SYNTETISK-FRITEXT-4417';
    const OLD = '2024-03-01T10:00:00.000Z';
    const NOW = new Date('2026-11-20T10:00:00.000Z');
    const closed = (id: string, at: string, over: Partial<Case> = {}): Case =>
      newCase(id, {
        phase: 'closed',
        closure: { at, by: STAFF.karin.aadObjectId, outcome: 'ingen_insats', motivation: `${MARK} ${id}` },
        ...over,
      });

    /** Two old closed cases with free text, one recently closed, one open; docs that reference them. */
    async function seeded(s: Store): Promise<void> {
      for (const [c, at] of [
        [closed('IFO-G1', OLD), OLD],
        [closed('IFO-G2', OLD, { familyRef: 'F-G' }), OLD],
        [closed('IFO-R1', '2026-10-01T10:00:00.000Z'), '2026-10-01T10:00:00.000Z'],
        [newCase('IFO-O1', { familyRef: 'F-G' }), AT],
      ] as const)
        await s.commit({
          cases: [{ case: c, expectedVersion: null }],
          audit: [
            { at, actor: 'k', type: 'ReportRegistered', caseId: c.id, after: { summary: `${MARK} anmälan ${c.id}` } },
            ...(c.phase === 'closed'
              ? [{ at, actor: 'k', type: 'CaseClosed', caseId: c.id, reason: c.closure?.motivation }]
              : []),
          ],
        });
      await s.commit({
        docs: [
          { collection: 'claims', id: 'aterkoppling:IFO-G1', value: { at: OLD } },
          { collection: 'outbox', id: 'm-1', value: { caseId: 'IFO-G2', text: `${MARK} kort`, version: 1 } },
          { collection: 'outbox', id: 'm-2', value: { caseId: 'IFO-O1', version: 1 } },
          {
            collection: 'handovers',
            id: 'h-1',
            value: {
              version: 3,
              entries: [
                { caseId: 'IFO-G1', status: MARK },
                { caseId: 'IFO-O1', status: 'klar' },
              ],
            },
          },
        ],
        audit: [{ at: AT, actor: 'system', type: 'Tick' }],
      });
    }

    it('gallring removes old closed cases with their text and documents; the chain verifies and says what went', async () => {
      const place = await subject.fresh();
      const s = await place.open();
      await seeded(s);
      expect(await place.contains(MARK)).toBe(true);
      const dry = await runGallring(s, { afterMonths: 24, now: NOW, dryRun: true });
      expect(dry.plan.cases.sort()).toEqual(['IFO-G1', 'IFO-G2']);
      expect(await s.getCase('IFO-G1')).toBeDefined();
      const run = await runGallring(s, { afterMonths: 24, now: NOW });
      expect(run.plan).toMatchObject({ docsDeleted: 2, docsChanged: 1 });
      expect(run.verification).toMatchObject({ ok: true, entries: 9, redacted: { gallring: 4 } });
      expect(run.verification?.message).toMatch(/kedjan stämmer.*gallring: 4/);
      expect(await s.getCase('IFO-G1')).toBeUndefined();
      expect([...(await s.allCases())].map((c) => c.id).sort()).toEqual(['IFO-O1', 'IFO-R1']);
      expect((await s.casesByFamily('F-G')).map((c) => c.id)).toEqual(['IFO-O1']);
      expect(await s.getDoc('claims', 'aterkoppling:IFO-G1')).toBeUndefined();
      expect(await s.getDoc('outbox', 'm-1')).toBeUndefined();
      expect(await s.getDoc('outbox', 'm-2')).toBeDefined();
      expect(await s.getDoc('handovers', 'h-1')).toEqual({
        version: 4,
        entries: [{ caseId: 'IFO-O1', status: 'klar' }],
      });
      const gone = await s.auditFor('IFO-G1');
      expect(gone.map((e) => [e.type, e.redacted?.rule, e.reason, e.after])).toEqual([
        ['ReportRegistered', 'gallring', undefined, undefined],
        ['CaseClosed', 'gallring', undefined, undefined],
      ]);
      // The recent one keeps its text.
      expect((await s.auditFor('IFO-R1'))[1].reason).toContain(MARK);
      await s.compact?.({ full: true });
      await s.close();
      const again = await place.open();
      expect(await again.verifyAudit()).toMatchObject({ ok: true, entries: 9, redacted: { gallring: 4 } });
      expect(await again.getCase('IFO-G2')).toBeUndefined();
      // A second run finds nothing more; the text of the gallrade cases is nowhere in the data.
      expect((await runGallring(again, { afterMonths: 24, now: NOW })).plan.cases).toEqual([]);
      await again.close();
      for (const id of ['IFO-G1', 'IFO-G2']) {
        expect(await place.contains(`${MARK} ${id}`)).toBe(false);
        expect(await place.contains(`${MARK} anmälan ${id}`)).toBe(false);
      }
      expect(await place.contains(`${MARK} kort`)).toBe(false);
      expect(await place.contains(`${MARK} IFO-R1`)).toBe(true);
    });

    /** `s`, with `meanwhile` run before each of the first `times` gallring commits reaches the store. */
    const beforeGallringCommit = (s: Store, meanwhile: () => Promise<unknown>, times = 1): Store => {
      let left = times;
      return new Proxy(s, {
        get(target, key) {
          if (key === 'commit')
            return async (tx: Parameters<Store['commit']>[0]) => {
              if (tx.redact?.rule === 'gallring' && left-- > 0) await meanwhile();
              return target.commit(tx);
            };
          const v = Reflect.get(target, key) as unknown;
          return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
        },
      });
    };
    /** The seeded data has 8 audit entries; each gallring commit adds its act. */
    const entries = async (s: Store) => (await s.verifyAudit()).entries;

    it('two gallring runs at once remove each case once: the later one finds it already done', async () => {
      const place = await subject.fresh();
      const s = await place.open();
      await seeded(s);
      let other: Awaited<ReturnType<typeof runGallring>> | undefined;
      const racing = beforeGallringCommit(s, async () => {
        other = await runGallring(s, { afterMonths: 24, now: NOW });
      });
      const late = await runGallring(racing, { afterMonths: 24, now: NOW });
      expect(other?.plan.cases.sort()).toEqual(['IFO-G1', 'IFO-G2']);
      expect(late).toMatchObject({ alreadyDone: true, attempts: 2, plan: { cases: [] } });
      expect(late.verification).toMatchObject({ ok: true, redacted: { gallring: 4 } });
      expect(gallringReport(late, false)).toContain('Redan gallrat');
      expect(await entries(s)).toBe(9);
      expect(await s.getDoc('handovers', 'h-1')).toMatchObject({ version: 4 });
      await s.close();
    });

    it('a case reopened while gallring plans is kept; the others go', async () => {
      const place = await subject.fresh();
      const s = await place.open();
      await seeded(s);
      const racing = beforeGallringCommit(s, async () => {
        const c = (await s.getCase('IFO-G1'))!;
        const reopened: Case = { ...c, phase: 'forhandsbedomning', closure: undefined };
        const r = await s.commit({
          cases: [{ case: reopened, expectedVersion: c.version }],
          audit: [{ at: AT, actor: 'k', type: 'CaseReopened', caseId: c.id }],
        });
        expect(r.ok).toBe(true);
      });
      const run = await runGallring(racing, { afterMonths: 24, now: NOW });
      expect(run).toMatchObject({ attempts: 2, plan: { cases: ['IFO-G2'] } });
      expect(run.alreadyDone).toBeUndefined();
      expect(await s.getCase('IFO-G1')).toMatchObject({ phase: 'forhandsbedomning', version: 2 });
      expect((await s.auditFor('IFO-G1')).every((e) => !e.redacted)).toBe(true);
      expect(await s.getCase('IFO-G2')).toBeUndefined();
      // The handover row of the reopened case stays: it was planned again with it kept.
      expect(await s.getDoc('handovers', 'h-1')).toMatchObject({ version: 3 });
      expect(await s.getDoc('claims', 'aterkoppling:IFO-G1')).toBeDefined();
      expect(run.verification).toMatchObject({ ok: true, redacted: { gallring: 2 } });
      await s.close();
    });

    it('a document changed while gallring plans is planned again, the change kept', async () => {
      const place = await subject.fresh();
      const s = await place.open();
      await seeded(s);
      const racing = beforeGallringCommit(s, () =>
        s.commit({
          docs: [
            {
              collection: 'handovers',
              id: 'h-1',
              expectedVersion: 3,
              value: {
                version: 4,
                entries: [
                  { caseId: 'IFO-G1', status: MARK },
                  { caseId: 'IFO-O1', status: 'klar' },
                  { caseId: 'IFO-R1', status: 'ny rad' },
                ],
              },
            },
          ],
          audit: [{ at: AT, actor: 'k', type: 'HandoverUpdated' }],
        }),
      );
      const run = await runGallring(racing, { afterMonths: 24, now: NOW });
      expect(run.attempts).toBe(2);
      expect(await s.getDoc('handovers', 'h-1')).toEqual({
        version: 5,
        entries: [
          { caseId: 'IFO-O1', status: 'klar' },
          { caseId: 'IFO-R1', status: 'ny rad' },
        ],
      });
      await s.close();
    });

    it('gives up in Swedish after five refused plans, and nothing is removed', async () => {
      const place = await subject.fresh();
      const s = await place.open();
      await seeded(s);
      const touch = async () => {
        const c = (await s.getCase('IFO-G2'))!;
        await s.commit({
          cases: [{ case: { ...c, updatedAt: AT }, expectedVersion: c.version }],
          audit: [{ at: AT, actor: 'k', type: 'NoteAdded', caseId: c.id }],
        });
      };
      const run = await runGallring(beforeGallringCommit(s, touch, 5), { afterMonths: 24, now: NOW });
      expect(run).toMatchObject({ gaveUp: true, attempts: 5 });
      expect(gallringReport(run, false)).toMatch(/Gallringen gavs upp.*5 gånger i rad\. Inget har gallrats/);
      expect(await s.getCase('IFO-G1')).toBeDefined();
      // The seeded 8 and the 5 notes made meanwhile, no act.
      expect(await entries(s)).toBe(13);
      expect(await s.verifyAudit()).toMatchObject({ ok: true });
      expect((await s.verifyAudit()).redacted).toBeUndefined();
      await s.close();
    });

    it('a case that stays loses its links to the removed ones in the same commit', async () => {
      const place = await subject.fresh();
      const s = await place.open();
      await seeded(s);
      const o = (await s.getCase('IFO-O1'))!;
      await s.commit({
        cases: [{ case: { ...o, linkedCaseIds: ['IFO-G2', 'IFO-R1'] }, expectedVersion: o.version }],
        audit: [{ at: AT, actor: 'k', type: 'CasesLinked', caseId: o.id }],
      });
      const run = await runGallring(s, { afterMonths: 24, now: NOW });
      expect(run.plan.unlinked.map((w) => w.case.id)).toEqual(['IFO-O1']);
      expect(await s.getCase('IFO-O1')).toMatchObject({ linkedCaseIds: ['IFO-R1'], version: o.version + 2 });
      expect(run.verification).toMatchObject({ ok: true, entries: 10, redacted: { gallring: 4 } });
      await s.close();
      const again = await place.open();
      expect((await again.getCase('IFO-O1'))?.linkedCaseIds).toEqual(['IFO-R1']);
      await again.close();
    });

    it('a unit manager erases one free text from the case and the audit, with a reason category; others may not', async () => {
      const place = await subject.fresh();
      const s = await place.open();
      await seeded(s);
      const entries = await s.auditFor('IFO-R1');
      const closing = entries.find((e) => e.type === 'CaseClosed')!;
      const refused = await eraseFreeText(
        { store: s },
        {
          actor: actorOf(STAFF.karin),
          caseId: 'IFO-R1',
          seq: closing.seq,
          reason: 'personuppgift',
          now: NOW,
        },
      );
      expect(refused).toMatchObject({ ok: false, reason: 'forbidden' });
      expect((await s.getCase('IFO-R1'))?.closure?.motivation).toContain(MARK);
      const r = await eraseFreeText(
        { store: s },
        {
          actor: actorOf(STAFF.lars),
          caseId: 'IFO-R1',
          seq: closing.seq,
          reason: 'personuppgift',
          now: NOW,
        },
      );
      expect(r).toMatchObject({ ok: true, entries: 1, fields: ['reason'] });
      expect((await s.getCase('IFO-R1'))?.closure?.motivation).toBe(ERASED_MARKER);
      const after = await s.auditFor('IFO-R1');
      expect(after.find((e) => e.seq === closing.seq)).toMatchObject({
        reason: ERASED_MARKER,
        type: 'CaseClosed',
        redacted: { rule: 'radering', fields: ['reason'] },
      });
      expect(after.at(-1)).toMatchObject({
        type: 'FreeTextErased',
        actor: STAFF.lars.aadObjectId,
        data: { seq: closing.seq, category: 'personuppgift', redacts: { rule: 'radering', seqs: [closing.seq] } },
      });
      // The anmälan's summary, another field, is kept.
      expect(after[0].after).toEqual({ summary: `${MARK} anmälan IFO-R1` });
      expect(await s.verifyAudit()).toMatchObject({ ok: true, redacted: { radering: 1 } });
      await s.close();
      expect(await place.contains(`${MARK} IFO-R1`)).toBe(false);
      const again = await place.open();
      expect(await again.verifyAudit()).toMatchObject({ ok: true, redacted: { radering: 1 } });
      // Gallring later takes the whole case, the erasure's act with it.
      const g = await runGallring(again, { afterMonths: 0, now: new Date('2027-01-01T00:00:00.000Z') });
      expect(g.verification).toMatchObject({ ok: true, redacted: { gallring: 7 } });
      await again.close();
    });

    it('opens after a compaction with everything in place and goes on appending', async () => {
      const place = await subject.fresh();
      const s = await place.open();
      await seeded(s);
      const before = await s.verifyAudit();
      await s.compact?.();
      expect(await s.verifyAudit()).toMatchObject({ ok: true, entries: before.entries });
      await s.commit({
        cases: [{ case: { ...newCase('IFO-O1'), assignees: ['a'] }, expectedVersion: 1 }],
        audit: [{ at: AT, actor: 'x', type: 'CaseAssigned', caseId: 'IFO-O1' }],
      });
      await s.compact?.();
      await s.close();
      const again = await place.open();
      expect(await again.getCase('IFO-O1')).toMatchObject({ version: 2, assignees: ['a'] });
      expect([...(await again.allCases())].length).toBe(4);
      expect(await again.getDoc('handovers', 'h-1')).toMatchObject({ version: 3 });
      expect((await again.auditFor('IFO-O1')).map((e) => e.type)).toEqual(['ReportRegistered', 'CaseAssigned']);
      expect(await again.verifyAudit()).toMatchObject({ ok: true, entries: before.entries + 1 });
      await again.close();
    });
  });
});
