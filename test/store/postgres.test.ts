// The PostgreSQL store as several instances see it: two stores on one database (as two bot
// processes would open them) catch up with each other, conflict as one store does, claim once,
// share one audit chain, and hand the drain's lead over when its holder goes away.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { migratePostgres } from '../../src/store/pgMigrate.js';
import { openPostgresStore } from '../../src/store/postgresStore.js';
import { freshDatabase, postgresBinDir, usePostgres } from '../support/postgres.js';
import { newCase } from './fixtures.js';

usePostgres();

const AT = '2026-11-20T10:00:00.000Z';

async function two() {
  const url = await freshDatabase();
  const [a, b] = await Promise.all([openPostgresStore(url), openPostgresStore(url)]);
  return { url, a, b, close: () => Promise.all([a.close(), b.close()]) };
}

const until = async (cond: () => boolean | Promise<boolean>, ms = 5_000) => {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('PostgreSQL: several instances on one database', () => {
  it('an instance reads what another committed once it refreshed, and a stale write conflicts', async () => {
    const { a, b, close } = await two();
    await a.commit({
      cases: [{ case: newCase('IFO-1'), expectedVersion: null }],
      docs: [{ collection: 'conversations', id: 'k', value: { v: 1 } }],
    });
    expect(await b.getCase('IFO-1')).toBeUndefined(); // no unit of work has started on b yet
    await b.refresh();
    expect((await b.getCase('IFO-1'))?.version).toBe(1);
    expect(await b.getDoc('conversations', 'k')).toEqual({ v: 1 });
    // a and b both read version 1; a writes first; b's write conflicts and b then sees a's.
    expect((await a.commit({ cases: [{ case: newCase('IFO-1', { assignees: ['a'] }), expectedVersion: 1 }] })).ok).toBe(
      true,
    );
    const late = await b.commit({ cases: [{ case: newCase('IFO-1', { assignees: ['b'] }), expectedVersion: 1 }] });
    expect(late).toEqual({ ok: false, conflict: { kind: 'case', id: 'IFO-1', currentVersion: 2 } });
    expect(await b.getCase('IFO-1')).toMatchObject({ version: 2, assignees: ['a'] });
    // A delete on a reaches b too.
    await a.commit({ docs: [{ collection: 'conversations', id: 'k', value: null }] });
    await b.refresh();
    expect(await b.getDoc('conversations', 'k')).toBeUndefined();
    await close();
  });

  it('a gallring on one instance reaches the other: the cases, their documents and indexes gone', async () => {
    const { a, b, close } = await two();
    const closed = newCase('IFO-G', {
      phase: 'closed',
      familyRef: 'F-1',
      closure: { at: '2023-01-01T10:00:00.000Z', by: 'k', outcome: 'insats', motivation: 'SYNTETISK-PG' },
    });
    await a.commit({
      cases: [
        { case: closed, expectedVersion: null },
        { case: newCase('IFO-O', { familyRef: 'F-1' }), expectedVersion: null },
      ],
      docs: [{ collection: 'claims', id: 'x:IFO-G', value: { v: 1 } }],
      audit: [{ at: AT, actor: 'k', type: 'CaseClosed', caseId: 'IFO-G', reason: 'SYNTETISK-PG' }],
    });
    await b.refresh();
    expect(await b.casesByFamily('F-1')).toHaveLength(2);
    const { runGallring } = await import('../../src/app/gallring.js');
    const g = await runGallring(a, { afterMonths: 12, now: new Date(AT) });
    expect(g.plan.cases).toEqual(['IFO-G']);
    await b.refresh();
    expect(await b.getCase('IFO-G')).toBeUndefined();
    expect((await b.casesByFamily('F-1')).map((c) => c.id)).toEqual(['IFO-O']);
    expect(await b.getDoc('claims', 'x:IFO-G')).toBeUndefined();
    expect(await b.verifyAudit()).toMatchObject({ ok: true, entries: 2, redacted: { gallring: 1 } });
    expect((await b.auditFor('IFO-G'))[0].reason).toBeUndefined();
    await close();
  });

  it('two instances running gallring at once remove each case once; the later run says it was already done', async () => {
    const { a, b, close } = await two();
    for (const id of ['IFO-G1', 'IFO-G2'])
      await a.commit({
        cases: [
          {
            case: newCase(id, {
              phase: 'closed',
              closure: { at: '2023-01-01T10:00:00.000Z', by: 'k', outcome: 'insats', motivation: 'SYNTETISK-PG' },
            }),
            expectedVersion: null,
          },
        ],
        // A document without a version: only the case versions can tell the runs apart.
        docs: [{ collection: 'claims', id: `x:${id}`, value: { v: 1 } }],
        audit: [{ at: AT, actor: 'k', type: 'CaseClosed', caseId: id, reason: 'SYNTETISK-PG' }],
      });
    await b.refresh();
    const { runGallring, gallringReport } = await import('../../src/app/gallring.js');
    const runs = await Promise.all([a, b].map((s) => runGallring(s, { afterMonths: 12, now: new Date(AT) })));
    // Both planned the same two cases from their own copies; one commit won, the other re-planned.
    expect(runs.filter((r) => r.alreadyDone)).toHaveLength(1);
    const won = runs.find((r) => !r.alreadyDone)!;
    expect(won.plan.cases.sort()).toEqual(['IFO-G1', 'IFO-G2']);
    expect(
      gallringReport(
        runs.find((r) => r.alreadyDone)!,
        false,
      ),
    ).toMatch(/^Redan gallrat/m);
    await a.refresh();
    // Two closings and one act: the second run recorded nothing.
    expect(await a.verifyAudit()).toMatchObject({ ok: true, entries: 3, redacted: { gallring: 2 } });
    await close();
  });

  it('interleaved commits from two instances lose no update and keep one audit chain that verifies', async () => {
    const { a, b, close } = await two();
    await a.commit({ cases: [{ case: newCase('IFO-1'), expectedVersion: null }] });
    // 40 increments of one counter from two instances, retried on conflict as a use case does.
    const bump = async (s: typeof a, who: string, i: number) => {
      for (;;) {
        await s.refresh();
        const c = (await s.getCase('IFO-1'))!;
        const r = await s.commit({
          cases: [
            {
              case: { ...c, contacts: [...c.contacts, { at: AT, by: who, kind: 'phone' } as never] },
              expectedVersion: c.version,
            },
          ],
          audit: [{ at: AT, actor: who, type: 'Bump', caseId: 'IFO-1', data: { i } }],
        });
        if (r.ok) return;
      }
    };
    // One worker per instance, each bumping 20 times: their commits interleave and race.
    await Promise.all(
      [a, b].map(async (s, k) => {
        for (let i = 0; i < 20; i++) await bump(s, k ? 'a' : 'b', i * 2 + k);
      }),
    );
    await a.refresh();
    await b.refresh();
    expect((await a.getCase('IFO-1'))!.contacts).toHaveLength(40);
    expect(await b.getCase('IFO-1')).toEqual(await a.getCase('IFO-1'));
    expect((await a.getCase('IFO-1'))!.version).toBe(41);
    const trail = await b.auditFor('IFO-1');
    expect(trail.map((e) => e.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(await a.verifyAudit()).toMatchObject({ ok: true, entries: 40 });
    await close();
  });

  it('another instance reads a document exactly as written, key order included', async () => {
    const { a, b, close } = await two();
    const reference = { serviceUrl: 'https://x', conversation: { id: 'c', tenantId: 't' }, bot: { id: 'b' } };
    await a.commit({ docs: [{ collection: 'conversations', id: 'k', value: { reference, version: 1 } }] });
    await b.refresh();
    // The bot compares stored references with JSON.stringify: a reordered copy would count as changed.
    expect(JSON.stringify(await b.getDoc('conversations', 'k'))).toBe(JSON.stringify({ reference, version: 1 }));
    await close();
  });

  it('a claim is taken once however many instances try it at the same time', async () => {
    const { url, a, b, close } = await two();
    const c = await openPostgresStore(url);
    const results = await Promise.all(
      [a, b, c, a, b, c].map((s, i) =>
        s.commit({
          docs: [
            { collection: 'claims', id: 'morning:g:2026-11-20', value: { version: 1, by: i }, expectedVersion: null },
            { collection: 'outbox', id: `m${i}`, value: { version: 1 }, expectedVersion: null },
          ],
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    await c.refresh();
    expect(await c.listDocs('outbox')).toHaveLength(1);
    await c.close();
    await close();
  });

  it('one instance leads the drain; the lead passes on when its holder stops or its connection dies', async () => {
    const { url, a, b, close } = await two();
    expect(await a.holdLead('outbox')).toBe(true);
    expect(await b.holdLead('outbox')).toBe(false);
    expect(await a.holdLead('outbox')).toBe(true);
    await a.close();
    await until(() => b.holdLead('outbox'));
    // The holder's connection killed (as by kill -9 of its process): PostgreSQL releases the lock.
    const c = await openPostgresStore(url);
    expect(await c.holdLead('outbox')).toBe(false);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'arendevakt-session' AND pid IN (SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted)",
    );
    await admin.end();
    await until(() => c.holdLead('outbox'));
    expect(await b.holdLead('outbox')).toBe(false);
    await c.close();
    await close();
  });

  it('tells the others that something was committed (so the drain leader sends what they queued)', async () => {
    const { a, b, close } = await two();
    let kicked = 0;
    b.onRemoteCommit(() => kicked++);
    const before = kicked;
    await a.commit({ docs: [{ collection: 'outbox', id: 'm1', value: { version: 1 } }] });
    await until(() => kicked > before);
    await close();
  });

  it('an instance behind the pruned commit log reloads everything', async () => {
    const { url, a, b, close } = await two();
    await a.commit({ cases: [{ case: newCase('IFO-1'), expectedVersion: null }] });
    await a.commit({ docs: [{ collection: 'x', id: '1', value: { v: 1 } }] });
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query('DELETE FROM av_commit_log WHERE seq < 2');
    await admin.end();
    await b.refresh();
    expect((await b.getCase('IFO-1'))?.version).toBe(1);
    expect(await b.getDoc('x', '1')).toEqual({ v: 1 });
    await close();
  });

  it('applies the migrations once when several instances start together, and refuses a newer database', async () => {
    const url = await freshDatabase();
    const stores = await Promise.all([1, 2, 3].map(() => openPostgresStore(url)));
    const pool = new pg.Pool({ connectionString: url });
    const versions = await pool.query('SELECT version FROM av_schema_migrations ORDER BY version');
    expect(versions.rows.map((r) => r.version)).toEqual([1, 2]);
    expect(await migratePostgres(pool)).toEqual([]);
    await pool.query("INSERT INTO av_schema_migrations (version, name) VALUES (99, 'future')");
    await Promise.all(stores.map((s) => s.close()));
    await expect(openPostgresStore(url)).rejects.toThrow(/schemaversion 99.*Uppgradera boten/);
    await pool.end();
  });

  it('a pg_dump taken while running restores into an empty database with the chain whole', async () => {
    const { url, a, b, close } = await two();
    for (let i = 0; i < 5; i++)
      await (i % 2 ? a : b).commit({
        cases: [{ case: newCase(`IFO-${i}`), expectedVersion: null }],
        docs: [{ collection: 'claims', id: `c${i}`, value: { version: 1 }, expectedVersion: null }],
        audit: [{ at: AT, actor: 'x', type: 'ReportRegistered', caseId: `IFO-${i}` }],
      });
    const dir = mkdtempSync(join(tmpdir(), 'arendevakt-dump-'));
    const bin = postgresBinDir();
    execFileSync(join(bin, 'pg_dump'), ['--format=custom', `--file=${join(dir, 'x.dump')}`, url]);
    await close();
    const restored = await freshDatabase();
    execFileSync(join(bin, 'pg_restore'), ['--no-owner', `--dbname=${restored}`, join(dir, 'x.dump')]);
    rmSync(dir, { recursive: true, force: true });
    const s = await openPostgresStore(restored);
    expect([...(await s.allCases())]).toHaveLength(5);
    expect(await s.listDocs('claims')).toHaveLength(5);
    expect(await s.verifyAudit()).toMatchObject({ ok: true, entries: 5 });
    expect((await s.commit({ cases: [{ case: newCase('IFO-9'), expectedVersion: null }] })).ok).toBe(true);
    await s.close();
  });

  it('says which database could not be opened, without its password', async () => {
    await expect(openPostgresStore('postgres://arendevakt:hemligt@127.0.0.1:1/nowhere')).rejects.toThrow(
      /Databasen postgres:\/\/arendevakt:\*\*\*@127\.0\.0\.1:1\/nowhere \(DATABASE_URL\) kan inte öppnas/,
    );
  });
});
