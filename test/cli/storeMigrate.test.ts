// Moving a pilot to PostgreSQL: everything the embedded store holds arrives (cases, documents of
// every collection, the audit chain with its hashes), the chain verifies on the other side, and a
// database that already holds data is refused.
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { migrateStore } from '../../src/cli/storeMigrate.js';
import { canonicalJson } from '../../src/store/audit.js';
import { openLowdbStore } from '../../src/store/lowdbStore.js';
import { openPostgresStore } from '../../src/store/postgresStore.js';
import { freshDatabase, usePostgres } from '../support/postgres.js';
import { tempDataFile } from '../support/tmp.js';
import { newCase } from '../store/fixtures.js';

usePostgres();

const AT = '2026-11-20T10:00:00.000Z';

async function pilot(file: string) {
  // A small snapshot threshold: part of the data is in the snapshot, part only in the journal.
  const s = await openLowdbStore(file, { snapshotAfterBytes: 3_000 });
  for (let i = 0; i < 12; i++) {
    await s.commit({
      cases: [{ case: newCase(`IFO-${i}`, i % 4 === 0 ? { phase: 'closed' } : {}), expectedVersion: null }],
      docs: [
        { collection: 'outbox', id: `m-${i}`, value: { id: `m-${i}`, version: 1 }, expectedVersion: null },
        { collection: 'cardActivities', id: `case:IFO-${i}:group:g`, value: { activityId: `a${i}`, version: 1 } },
      ],
      audit: [{ at: AT, actor: 'karin', type: 'ReportRegistered', caseId: `IFO-${i}`, reason: `skäl ${i}` }],
    });
  }
  await s.commit({
    docs: [
      { collection: 'claims', id: 'morning:g:2026-11-20', value: { version: 1 }, expectedVersion: null },
      { collection: 'outbox', id: 'm-3', value: null },
    ],
    audit: [{ at: AT, actor: 'system', type: 'MorningListQueued' }],
  });
  await s.close();
}

const env = (file: string, url: string) => ({ DATA_FILE: file, DATABASE_URL: url });

describe('npm run store:migrate -- --to postgres', () => {
  it('moves a store after gallring: the emptied entries arrive emptied and the chain verifies there', async () => {
    const file = tempDataFile();
    await pilot(file);
    const s = await openLowdbStore(file);
    // The closed ones (IFO-0, 4, 8) removed under the rule.
    const { runGallring } = await import('../../src/app/gallring.js');
    const g = await runGallring(s, { afterMonths: 1, now: new Date('2027-06-01T00:00:00.000Z') });
    expect(g.plan.cases.sort()).toEqual(['IFO-0', 'IFO-4', 'IFO-8']);
    await s.close();
    const url = await freshDatabase();
    const r = await migrateStore(['--to', 'postgres'], env(file, url));
    expect(r.code).toBe(0);
    expect(r.output).toMatch(/9 ärenden/);
    const after = await openPostgresStore(url);
    expect(await after.verifyAudit()).toMatchObject({ ok: true, entries: 14, redacted: { gallring: 3 } });
    expect((await after.auditFor('IFO-4'))[0]).toMatchObject({
      type: 'ReportRegistered',
      redacted: { rule: 'gallring' },
    });
    expect((await after.auditFor('IFO-4'))[0].reason).toBeUndefined();
    expect((await after.auditFor('IFO-5'))[0].reason).toBe('skäl 5');
    await after.close();
  });

  it('copies cases, documents and the whole audit chain, and the chain verifies in PostgreSQL', async () => {
    const file = tempDataFile();
    await pilot(file);
    const url = await freshDatabase();
    const r = await migrateStore(['--to', 'postgres'], env(file, url));
    expect(r.output).toMatch(/12 ärenden, 24 dokument \(cardActivities, claims, outbox\)/);
    expect(r.output).toMatch(/13 granskningsposter\. Granskningsloggen är hel/);
    expect(r.code).toBe(0);

    const before = await openLowdbStore(file);
    const after = await openPostgresStore(url);
    expect([...(await after.allCases())].sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(
      [...(await before.allCases())].sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
    expect([...(await after.openCases())].length).toBe(9);
    for (const c of ['outbox', 'claims', 'cardActivities'])
      expect((await after.listDocs(c)).map(canonicalJson).sort()).toEqual(
        (await before.listDocs(c)).map(canonicalJson).sort(),
      );
    expect(await after.getDoc('outbox', 'm-3')).toBeUndefined();
    expect(await after.getDoc('cardActivities', 'case:IFO-5:group:g')).toEqual({ activityId: 'a5', version: 1 });
    expect(await after.auditFor('IFO-5')).toEqual(await before.auditFor('IFO-5'));
    expect(await after.verifyAudit()).toMatchObject({ ok: true, entries: 13 });
    // The chain goes on from where the embedded store left it.
    await after.commit({
      cases: [{ case: { ...(await after.getCase('IFO-5'))!, assignees: ['anna'] }, expectedVersion: 1 }],
      audit: [{ at: AT, actor: 'karin', type: 'CaseAssigned', caseId: 'IFO-5' }],
    });
    expect(await after.verifyAudit()).toMatchObject({ ok: true, entries: 14 });
    await before.close();
    await after.close();

    const again = await migrateStore(['--to', 'postgres'], env(file, url));
    expect(again.code).toBe(1);
    expect(again.output).toMatch(/är inte tom \(12 ärenden, 24 dokument, 14 granskningsposter\).*inget har flyttats/);
  });

  it('refuses a source whose chain is broken, and while the bot holds the data file', async () => {
    const file = tempDataFile();
    await pilot(file);
    const url = await freshDatabase();
    // The bot running: another live process holds the data file's lock.
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: process.ppid, host: hostname(), at: AT }));
    const locked = await migrateStore(['--to', 'postgres'], env(file, url));
    expect(locked.code).toBe(3);
    expect(locked.output).toMatch(/Stoppa boten/);
    unlinkSync(`${file}.lock`);
    const journal = `${file}.journal`;
    writeFileSync(journal, readFileSync(journal, 'utf8').replace('skäl 2', 'skäl X'));
    const broken = await migrateStore(['--to', 'postgres'], env(file, url));
    expect(broken.code).toBe(1);
    expect(broken.output).toMatch(/kedjan bryts vid post 3.*Inget har flyttats/s);
    const target = await openPostgresStore(url);
    expect([...(await target.allCases())]).toEqual([]);
    await target.close();
  });

  it('says what is missing', async () => {
    expect((await migrateStore([], {})).output).toMatch(/--to postgres/);
    expect((await migrateStore(['--to', 'postgres'], { DATA_FILE: tempDataFile() })).output).toMatch(
      /DATABASE_URL saknas/,
    );
  });
});
