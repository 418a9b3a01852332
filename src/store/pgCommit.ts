// A commit of the PostgreSQL store (src/store/postgresStore.ts), as SQL. The usual commit is one
// statement, one round trip: av_commit_next (migrations/002_commit_one_statement.sql) takes the
// head row's lock, checks that the audit entries were hashed against the head this instance last
// saw, and writes cases (version checks as conditional updates), documents, entries and the log
// row; a refusal is raised, so the statement and all it wrote roll back. When another instance
// moved the head, the entries are hashed again against the head it names, and sent again. A
// gallring or an erasure (tx.redact) rewrites old entries too: one transaction of several statements.
import type pg from 'pg';
import type { Case } from '../domain/schemas.js';
import { chainEntry, redactEntry, withRedactionAct } from './audit.js';
import type { AuditEntry, CommitResult, Redaction, Transaction } from './port.js';

/** The end of the audit chain as this instance last saw it. */
export interface Head {
  auditSeq: number;
  lastHash: string;
}

export type Conflict = Extract<CommitResult, { ok: false }>['conflict'];

export interface Committed {
  ok: true;
  seq: number;
  head: Head;
  cases: { id: string; data: Case }[];
  docs: { c: string; id: string; value: unknown }[];
  removed: string[];
  versions: Record<string, number>;
}

type Refusal = { ok: false; kind: 'case'; id: string; currentVersion?: number | null } | ConflictDoc;
type ConflictDoc = { ok: false; kind: 'doc'; collection: string; id: string; currentVersion?: number | null };

const conflictOf = (r: Refusal): Conflict =>
  r.kind === 'case'
    ? { kind: 'case', id: r.id, currentVersion: r.currentVersion ?? null }
    : { kind: 'doc', collection: r.collection, id: r.id, currentVersion: r.currentVersion ?? null };

/** The transaction as av_commit reads it, its entries hashed against `head`. */
function payload(tx: Transaction, head: Head) {
  const versions: Record<string, number> = {};
  const cases = (tx.cases ?? []).map((w) => {
    const version = (w.expectedVersion ?? 0) + 1;
    versions[w.case.id] = version;
    return { id: w.case.id, expected: w.expectedVersion, version, data: { ...w.case, version } };
  });
  const r0 = tx.redact;
  const inputs = r0
    ? withRedactionAct(
        tx.audit ?? [],
        r0,
        cases.map((c) => c.id),
      )
    : [...(tx.audit ?? [])];
  let prev = head.lastHash;
  let auditSeq = head.auditSeq;
  const audit = inputs.map((input) => {
    const e = chainEntry(input, ++auditSeq, prev);
    prev = e.hash;
    return e;
  });
  const docs = (tx.docs ?? []).map((d) => ({
    c: d.collection,
    id: d.id,
    value: d.value,
    ...(d.expectedVersion !== undefined ? { expected: d.expectedVersion } : {}),
  }));
  const body = {
    cases,
    docs,
    audit: audit.map((e) => ({
      seq: e.seq,
      case_id: e.caseId ?? null,
      prev_hash: e.prevHash,
      hash: e.hash,
      entry: JSON.stringify(e),
    })),
    auditSeq,
    lastHash: prev,
  };
  return { body, cases, docs, versions, inputs, head: { auditSeq, lastHash: prev } };
}

/** Commit `tx`; `head` is where this instance last saw the chain end. */
export async function commitTransaction(
  pool: pg.Pool,
  tx: Transaction,
  head: Head,
): Promise<Committed | { ok: false; conflict: Conflict }> {
  if (tx.redact) return commitRedaction(pool, tx);
  for (;;) {
    const p = payload(tx, head);
    try {
      const r = await pool.query<{ seq: string }>({
        name: 'av_commit_next',
        text: 'SELECT av_commit_next($1::json, $2, $3) AS seq',
        values: [JSON.stringify(p.body), head.auditSeq, head.lastHash],
      });
      const seq = Number(r.rows[0].seq);
      return { ok: true, seq, head: p.head, cases: p.cases, docs: p.docs, removed: [], versions: p.versions };
    } catch (err) {
      const e = err as { code?: string; detail?: string };
      if (e.code === 'AVC01') return { ok: false, conflict: conflictOf(JSON.parse(e.detail!) as Refusal) };
      if (e.code !== 'AVH01') throw err;
      // Another instance appended entries since: hash against the head as it is now.
      const now = JSON.parse(e.detail!) as { auditSeq: number | string; lastHash: string };
      head = { auditSeq: Number(now.auditSeq), lastHash: now.lastHash };
    }
  }
}

/** Gallring or an erasure: the head read under its lock, the commit, then the old entries rewritten. */
async function commitRedaction(pool: pg.Pool, tx: Transaction): Promise<Committed | { ok: false; conflict: Conflict }> {
  const r0 = tx.redact!;
  const client = await pool.connect();
  let open = false;
  try {
    open = true;
    await client.query('BEGIN');
    const row = (
      await client.query<{ seq: string; audit_seq: string; last_hash: string }>(
        'UPDATE av_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, audit_seq, last_hash',
      )
    ).rows[0];
    const seq = Number(row.seq);
    // Under the head's lock no other commit runs: the removed cases are as the plan saw them, or refused.
    const changed = await changedSincePlan(client, r0);
    if (changed) {
      await client.query('ROLLBACK');
      open = false;
      return { ok: false, conflict: changed };
    }
    const p = payload(tx, { auditSeq: Number(row.audit_seq), lastHash: row.last_hash });
    const bySeq = Number(row.audit_seq) + p.inputs.length;
    const r = (
      await client.query<{ r: { ok: true } | Refusal }>('SELECT av_commit($1::json) AS r', [
        JSON.stringify({ seq, ...p.body }),
      ])
    ).rows[0].r;
    if (!r.ok) {
      await client.query('ROLLBACK');
      open = false;
      return { ok: false, conflict: conflictOf(r) };
    }
    const marker = { rule: r0.rule, at: p.inputs[p.inputs.length - 1].at, bySeq };
    const removed = r0.cases ?? [];
    if (removed.length) {
      await client.query('DELETE FROM av_cases WHERE id = ANY($1)', [removed]);
      await client.query('UPDATE av_commit_log SET cases = cases || $2::text[] WHERE seq = $1', [seq, removed]);
      // Every entry of the removed cases keeps its chain fields and loses the rest.
      await client.query(
        `UPDATE av_audit SET entry = json_build_object('at', x.e->'at', 'actor', x.e->'actor', 'type', x.e->'type',
           'caseId', x.e->'caseId', 'seq', x.e->'seq', 'prevHash', x.e->'prevHash', 'hash', x.e->'hash',
           'redacted', $3::json)::text
         FROM (SELECT seq AS s, entry::json AS e FROM av_audit WHERE case_id = ANY($1) AND seq < $2) x
         WHERE av_audit.seq = x.s`,
        [removed, bySeq, JSON.stringify(marker)],
      );
    }
    const single = (r0.entries ?? []).filter((e) => e.seq < bySeq);
    if (single.length) {
      const rows = await client.query<{ entry: string }>(
        'SELECT entry FROM av_audit WHERE seq = ANY($1::bigint[]) FOR UPDATE',
        [single.map((e) => e.seq)],
      );
      const paths = new Map(single.map((e) => [e.seq, e.paths]));
      for (const row of rows.rows) {
        const e = JSON.parse(row.entry) as AuditEntry;
        const out = redactEntry(e, marker, paths.get(e.seq) ?? []);
        await client.query('UPDATE av_audit SET entry = $2 WHERE seq = $1', [e.seq, JSON.stringify(out)]);
      }
    }
    await client.query('COMMIT');
    open = false;
    return { ok: true, seq, head: p.head, cases: p.cases, docs: p.docs, removed, versions: p.versions };
  } catch (err) {
    if (open) await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** The first removed case whose version is not the one the redaction was planned on (gone: null). */
async function changedSincePlan(client: pg.PoolClient, r: Redaction): Promise<Conflict | undefined> {
  const expected = r.expectedVersions ?? {};
  const ids = (r.cases ?? []).filter((id) => expected[id] !== undefined);
  if (ids.length === 0) return undefined;
  const rows = await client.query<{ id: string; version: number }>(
    'SELECT id, version FROM av_cases WHERE id = ANY($1) FOR UPDATE',
    [ids],
  );
  const now = new Map(rows.rows.map((x) => [x.id, Number(x.version)]));
  for (const id of ids) {
    const currentVersion = now.get(id) ?? null;
    if (currentVersion !== expected[id]) return { kind: 'case', id, currentVersion };
  }
  return undefined;
}
