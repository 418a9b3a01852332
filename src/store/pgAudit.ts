// The audit log of the PostgreSQL store (src/store/postgresStore.ts), read from av_audit: one
// case's entries, every entry in pages, the chain verified; and VACUUM after content was removed.
import type pg from 'pg';
import { ChainVerifier } from './audit.js';
import type { AuditEntry, AuditVerification, CompactionResult } from './port.js';

export async function auditFor(pool: pg.Pool, caseId: string): Promise<AuditEntry[]> {
  const rows = await pool.query<{ entry: string }>('SELECT entry FROM av_audit WHERE case_id = $1 ORDER BY seq', [
    caseId,
  ]);
  return rows.rows.map((r) => JSON.parse(r.entry) as AuditEntry);
}

/** Every entry, oldest first, read in pages (the chain can hold millions). */
export async function* auditEntries(pool: pg.Pool, pageSize = 5_000): AsyncIterable<AuditEntry> {
  let after = 0;
  for (;;) {
    const rows = await pool.query<{ seq: string; entry: string }>(
      'SELECT seq, entry FROM av_audit WHERE seq > $1 ORDER BY seq LIMIT $2',
      [after, pageSize],
    );
    for (const r of rows.rows) yield JSON.parse(r.entry) as AuditEntry;
    if (rows.rows.length < pageSize) return;
    after = Number(rows.rows[rows.rows.length - 1].seq);
  }
}

export async function verifyAudit(pool: pg.Pool): Promise<AuditVerification> {
  const head = (await pool.query<{ last_hash: string }>('SELECT last_hash FROM av_head WHERE id = 1')).rows[0];
  // The chain is checked page by page, by the same rules as everywhere (./audit.ts).
  const chain = new ChainVerifier();
  for await (const e of auditEntries(pool)) chain.push(e);
  return chain.result(head.last_hash);
}

/**
 * VACUUM the tables that held removed content, so their old row versions are freed (FULL: the
 * tables rewritten, the space handed back; it locks them while it runs). WAL archives and
 * pg_dump files keep what they hold until they are rotated (docs/postgres.md).
 */
export async function compact(pool: pg.Pool, opts: { full?: boolean } = {}): Promise<CompactionResult> {
  const started = performance.now();
  const size = async () =>
    Number(
      (
        await pool.query<{ n: string }>(
          `SELECT sum(pg_total_relation_size(c))::bigint AS n FROM unnest(ARRAY['av_audit','av_cases','av_docs','av_commit_log']::regclass[]) c`,
        )
      ).rows[0].n,
    );
  const bytesBefore = await size();
  await pool.query(`VACUUM ${opts.full ? '(FULL) ' : ''}av_audit, av_cases, av_docs, av_commit_log`);
  return { bytesBefore, bytesAfter: await size(), ms: performance.now() - started };
}
