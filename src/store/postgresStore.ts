// The PostgreSQL store: several instances on one database behave as one.
//
// The Store port reads synchronously, so each instance keeps a replica of cases and documents in
// memory, as the embedded store does, and catches up with what the other instances committed in
// refresh(): every commit writes a row to av_commit_log naming the keys it wrote (never their
// content), and refresh() fetches the current rows of the keys named after its last seq. The
// server calls refresh() where a unit of work starts (each HTTP request and activity, each schedule
// tick, each drain round), so a unit reads what any instance committed before it began.
//
// A commit is one transaction (./pgCommit.ts): it takes the row lock of av_head first, so commits
// are serialised across instances, seq is gap-free in commit order and the audit chain has one
// head; versions are checked as conditional writes. A version conflict rolls back, refreshes, and
// returns the conflict as the embedded store does: the caller then reads the current state.
// Acknowledged means committed in PostgreSQL.
import pg from 'pg';
import type { Case } from '../domain/schemas.js';
import { redactUrl } from './redactUrl.js';
import { auditEntries, auditFor, compact, verifyAudit } from './pgAudit.js';
import { commitTransaction, type Head } from './pgCommit.js';
import { StoreFileError } from './durableFile.js';
import { migratePostgres } from './pgMigrate.js';
import { PgSession } from './pgSession.js';
import { MemoryCopy, type Doc } from './memoryCopy.js';
import type { AuditEntry, AuditVerification, CommitResult, CompactionResult, Store, Transaction } from './port.js';

export interface PostgresStoreOptions {
  /** Commit-log rows older than this are pruned (an instance further behind reloads). */
  keepLogMs?: number;
  /** Connections in the pool (commits are serialised per instance; reads of the audit log use more). */
  poolSize?: number;
}

const SEP = '\x1f';

export async function openPostgresStore(url: string, opts: PostgresStoreOptions = {}): Promise<PostgresStore> {
  const pool = new pg.Pool({ connectionString: url, max: opts.poolSize ?? 4, application_name: 'arendevakt' });
  // An idle connection that dies (database restart) must not crash the process: the pool replaces it.
  pool.on('error', () => undefined);
  try {
    await migratePostgres(pool);
    const store = new PostgresStore(pool, url, opts);
    await store.load();
    return store;
  } catch (err) {
    await pool.end().catch(() => undefined);
    if (err instanceof StoreFileError) throw err;
    const code = (err as { code?: string }).code ?? (err as Error).name;
    throw new StoreFileError(
      `Databasen ${redactUrl(url)} (DATABASE_URL) kan inte öppnas (${code}). Boten startar inte.`,
    );
  }
}

export class PostgresStore extends MemoryCopy implements Store {
  /** The last commit seq this replica has applied. */
  private seq = 0;
  /** The end of the audit chain as this instance last saw it (its next entries are hashed against it). */
  private head: Head = { auditSeq: 0, lastHash: '' };
  private queue: Promise<unknown> = Promise.resolve();
  private pendingRefresh: Promise<void> | null = null;
  private closed = false;
  /** A session of its own: LISTEN for the others' commits, and the drain's advisory lock. */
  private readonly session: PgSession;

  constructor(
    private readonly pool: pg.Pool,
    url: string,
    private readonly opts: PostgresStoreOptions,
  ) {
    super();
    this.session = new PgSession(url, (seq) => seq > this.seq);
  }

  async load(): Promise<void> {
    await this.fullLoad();
    await this.session.connect();
  }

  // ---- the replica (its reads are MemoryCopy's, src/store/memoryCopy.ts) --------------------

  // ---- catching up ---------------------------------------------------------------------------

  /** Catch up with every commit made (by any instance) before this call. */
  refresh(): Promise<void> {
    if (this.closed) return Promise.resolve();
    // Calls that arrive while one waits in the queue share it: it starts after they were made.
    if (this.pendingRefresh) return this.pendingRefresh;
    const run = this.queue.then(() => {
      this.pendingRefresh = null;
      return this.catchUp();
    });
    this.pendingRefresh = run;
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async fullLoad(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const head = await client.query<{ seq: string; audit_seq: string; last_hash: string }>(
        'SELECT seq, audit_seq, last_hash FROM av_head WHERE id = 1',
      );
      const cases = await client.query<{ data: Case }>('SELECT data FROM av_cases');
      const docs = await client.query<{ collection: string; id: string; value: Doc }>(
        'SELECT collection, id, value FROM av_docs',
      );
      await client.query('COMMIT');
      this.clearCopy();
      for (const r of cases.rows) this.indexCase(r.data);
      for (const r of docs.rows) this.setDoc(r.collection, r.id, r.value);
      this.seq = Number(head.rows[0].seq);
      this.head = { auditSeq: Number(head.rows[0].audit_seq), lastHash: head.rows[0].last_hash };
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  private async catchUp(): Promise<void> {
    const log = await this.pool.query<{ seq: string; cases: string[]; docs: string[] }>(
      'SELECT seq, cases, docs FROM av_commit_log WHERE seq > $1 ORDER BY seq',
      [this.seq],
    );
    if (log.rows.length === 0) return;
    // Pruned past where this replica stands: start over from the tables.
    if (Number(log.rows[0].seq) !== this.seq + 1) return this.fullLoad();
    const caseIds = new Set<string>();
    const docKeys = new Set<string>();
    for (const r of log.rows) {
      for (const id of r.cases) caseIds.add(id);
      for (const k of r.docs) docKeys.add(k);
    }
    const fetched = new Map<string, Case>();
    if (caseIds.size) {
      const rows = await this.pool.query<{ data: Case }>('SELECT data FROM av_cases WHERE id = ANY($1)', [
        [...caseIds],
      ]);
      for (const r of rows.rows) fetched.set(r.data.id, r.data);
    }
    const fetchedDocs = new Map<string, Doc>();
    if (docKeys.size) {
      const keys = [...docKeys].map((k) => k.split(SEP));
      const rows = await this.pool.query<{ collection: string; id: string; value: Doc }>(
        `SELECT d.collection, d.id, d.value FROM av_docs d
         JOIN unnest($1::text[], $2::text[]) AS k(collection, id) ON d.collection = k.collection AND d.id = k.id`,
        [keys.map((k) => k[0]), keys.map((k) => k[1])],
      );
      for (const r of rows.rows) fetchedDocs.set(`${r.collection}${SEP}${r.id}`, r.value);
    }
    for (const id of caseIds) {
      const c = fetched.get(id);
      if (c) this.indexCase(c);
      else this.dropCase(id);
    }
    for (const k of docKeys) {
      const [collection, id] = k.split(SEP);
      this.setDoc(collection, id, fetchedDocs.get(k) ?? null);
    }
    this.seq = Number(log.rows[log.rows.length - 1].seq);
  }

  // ---- commits -------------------------------------------------------------------------------

  commit(tx: Transaction): Promise<CommitResult> {
    if (this.closed) return Promise.reject(new Error('The store is closed'));
    const run = this.queue.then(() => this.commitNow(tx));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async commitNow(tx: Transaction): Promise<CommitResult> {
    const r = await commitTransaction(this.pool, tx, this.head);
    if (!r.ok) {
      await this.catchUp();
      return r;
    }
    this.head = r.head;
    const gap = r.seq !== this.seq + 1;
    for (const id of r.removed) this.dropCase(id);
    for (const c of r.cases) this.indexCase(c.data);
    for (const d of r.docs) this.setDoc(d.c, d.id, d.value as Doc | null);
    if (gap) await this.catchUp();
    else this.seq = r.seq;
    if (r.seq % 500 === 0) void this.pruneLog(r.seq);
    return { ok: true, versions: r.versions };
  }

  private async pruneLog(seq: number): Promise<void> {
    const keepMs = this.opts.keepLogMs ?? 24 * 3600_000;
    await this.pool
      .query(`DELETE FROM av_commit_log WHERE at < now() - $1 * interval '1 millisecond' AND seq < $2`, [
        keepMs,
        seq - 1000,
      ])
      .catch(() => undefined);
  }

  // ---- the session (./pgSession.ts): notifications and the drain's lead ----------------------

  /** Another instance committed: the drain is kicked so that the leader sends what it queued. */
  onRemoteCommit(listener: () => void): void {
    this.session.onRemoteCommit(listener);
  }

  /** One outbox drain at a time across the instances (./pgSession.ts). */
  holdLead(name: 'outbox'): Promise<boolean> {
    void name;
    return this.closed ? Promise.resolve(false) : this.session.holdLead();
  }

  // ---- the audit log (./pgAudit.ts) ----------------------------------------------------------

  auditFor(caseId: string): Promise<AuditEntry[]> {
    return auditFor(this.pool, caseId);
  }

  /** Every entry, oldest first, read in pages (the chain can hold millions). */
  auditEntries(pageSize = 5_000): AsyncIterable<AuditEntry> {
    return auditEntries(this.pool, pageSize);
  }

  async verifyAudit(): Promise<AuditVerification> {
    await this.queue;
    return verifyAudit(this.pool);
  }

  compact(opts: { full?: boolean } = {}): Promise<CompactionResult> {
    return compact(this.pool, opts);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue;
    await this.session.close();
    await this.pool.end();
  }
}

export { redactUrl };
