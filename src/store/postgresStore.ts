// The PostgreSQL store: several instances on one database behave as one.
//
// The Store port reads synchronously, so each instance keeps a replica of cases and documents in
// memory, as the embedded store does, and catches up with what the other instances committed in
// refresh(): every commit writes a row to av_commit_log naming the keys it wrote (never their
// content), and refresh() fetches the current rows of the keys named after its last seq. The
// server calls refresh() where a unit of work starts (each HTTP request and activity, each schedule
// tick, each drain round), so a unit reads what any instance committed before it began.
//
// A commit is one transaction. It first takes the row lock of av_head (so commits are serialised
// across instances and seq is gap-free in commit order, and the audit chain has one head), then
// av_commit() (migrations/001_initial.sql) checks versions as conditional writes, writes documents,
// appends the audit entries hashed here against that head, and writes the log row. A version
// conflict rolls back, refreshes, and returns the conflict as the embedded store does: the caller
// then reads the current state. Acknowledged means committed in PostgreSQL.
import pg from 'pg';
import type { Case } from '../domain/schemas.js';
import { redactUrl } from './redactUrl.js';
import { ChainVerifier, chainEntry, redactEntry, withRedactionAct } from './audit.js';
import { StoreFileError } from './durableFile.js';
import { LOCK_NAMESPACE, LOCK_OUTBOX_DRAIN, migratePostgres } from './pgMigrate.js';
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
  private queue: Promise<unknown> = Promise.resolve();
  private pendingRefresh: Promise<void> | null = null;
  private closed = false;
  /** A session of its own: LISTEN for the others' commits, and the drain's advisory lock. */
  private session: pg.Client | null = null;
  private connecting: Promise<pg.Client | null> | null = null;
  private leading = false;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private readonly listeners: (() => void)[] = [];

  constructor(
    private readonly pool: pg.Pool,
    private readonly url: string,
    private readonly opts: PostgresStoreOptions,
  ) {
    super();
  }

  async load(): Promise<void> {
    await this.fullLoad();
    await this.connectSession();
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
      const head = await client.query<{ seq: string }>('SELECT seq FROM av_head WHERE id = 1');
      const cases = await client.query<{ data: Case }>('SELECT data FROM av_cases');
      const docs = await client.query<{ collection: string; id: string; value: Doc }>(
        'SELECT collection, id, value FROM av_docs',
      );
      await client.query('COMMIT');
      this.clearCopy();
      for (const r of cases.rows) this.indexCase(r.data);
      for (const r of docs.rows) this.setDoc(r.collection, r.id, r.value);
      this.seq = Number(head.rows[0].seq);
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
    const client = await this.pool.connect();
    let open = false;
    let released = false;
    const release = () => {
      if (!released) client.release();
      released = true;
    };
    try {
      open = true;
      await client.query('BEGIN');
      const head = (
        await client.query<{ seq: string; audit_seq: string; last_hash: string }>(
          'UPDATE av_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, audit_seq, last_hash',
        )
      ).rows[0];
      const seq = Number(head.seq);
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
      const bySeq = r0 ? Number(head.audit_seq) + inputs.length : 0;
      let prev = head.last_hash;
      let auditSeq = Number(head.audit_seq);
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
      const payload = {
        seq,
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
      const r = (await client.query<{ r: ConflictRow }>('SELECT av_commit($1::json) AS r', [JSON.stringify(payload)]))
        .rows[0].r;
      if (!r.ok) {
        await client.query('ROLLBACK');
        open = false;
        release();
        await this.catchUp();
        return {
          ok: false,
          conflict:
            r.kind === 'case'
              ? { kind: 'case', id: r.id, currentVersion: r.currentVersion ?? null }
              : { kind: 'doc', collection: r.collection, id: r.id, currentVersion: r.currentVersion ?? null },
        };
      }
      const removed = r0?.cases ?? [];
      if (r0) {
        const marker = { rule: r0.rule, at: inputs[inputs.length - 1].at, bySeq };
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
      }
      await client.query('COMMIT');
      open = false;
      release();
      const gap = seq !== this.seq + 1;
      for (const id of removed) this.dropCase(id);
      for (const c of cases) this.indexCase(c.data);
      for (const d of docs) this.setDoc(d.c, d.id, d.value as Doc | null);
      if (gap) await this.catchUp();
      else this.seq = seq;
      if (seq % 500 === 0) void this.pruneLog(seq);
      return { ok: true, versions };
    } catch (err) {
      if (open) await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      release();
    }
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

  // ---- the session: notifications and the drain's lead --------------------------------------

  private connectSession(): Promise<pg.Client | null> {
    if (this.session) return Promise.resolve(this.session);
    this.connecting ??= (async () => {
      const client = new pg.Client({ connectionString: this.url, application_name: 'arendevakt-session' });
      const lost = () => {
        if (this.session === client) this.session = null;
        this.leading = false;
        if (!this.closed && !this.reconnectTimer) {
          this.reconnectTimer = setTimeout(() => {
            this.reconnectTimer = null;
            void this.connectSession();
          }, 1_000);
          this.reconnectTimer.unref();
        }
      };
      client.on('error', lost);
      client.on('end', lost);
      client.on('notification', (n) => {
        if (Number(n.payload) > this.seq) for (const l of this.listeners) l();
      });
      try {
        await client.connect();
        await client.query('LISTEN arendevakt_commit');
        this.session = client;
        // Commits made while no session listened: tell the listeners once.
        for (const l of this.listeners) l();
        return client;
      } catch {
        lost();
        await client.end().catch(() => undefined);
        return null;
      } finally {
        this.connecting = null;
      }
    })();
    return this.connecting;
  }

  /** Another instance committed: the drain is kicked so that the leader sends what it queued. */
  onRemoteCommit(listener: () => void): void {
    this.listeners.push(listener);
  }

  /**
   * One outbox drain at a time across the instances: a session-level advisory lock, released by
   * PostgreSQL when the holder's connection ends (stop, crash, kill -9), taken over at the next try.
   */
  async holdLead(name: 'outbox'): Promise<boolean> {
    void name;
    if (this.closed) return false;
    const session = await this.connectSession();
    if (!session) return false;
    if (this.leading) return true;
    try {
      const r = await session.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS ok', [
        LOCK_NAMESPACE,
        LOCK_OUTBOX_DRAIN,
      ]);
      this.leading = r.rows[0].ok && this.session === session;
    } catch {
      this.leading = false;
    }
    return this.leading;
  }

  // ---- the audit log -------------------------------------------------------------------------

  async auditFor(caseId: string): Promise<AuditEntry[]> {
    const rows = await this.pool.query<{ entry: string }>(
      'SELECT entry FROM av_audit WHERE case_id = $1 ORDER BY seq',
      [caseId],
    );
    return rows.rows.map((r) => JSON.parse(r.entry) as AuditEntry);
  }

  /** Every entry, oldest first, read in pages (the chain can hold millions). */
  async *auditEntries(pageSize = 5_000): AsyncIterable<AuditEntry> {
    let after = 0;
    for (;;) {
      const rows = await this.pool.query<{ seq: string; entry: string }>(
        'SELECT seq, entry FROM av_audit WHERE seq > $1 ORDER BY seq LIMIT $2',
        [after, pageSize],
      );
      for (const r of rows.rows) yield JSON.parse(r.entry) as AuditEntry;
      if (rows.rows.length < pageSize) return;
      after = Number(rows.rows[rows.rows.length - 1].seq);
    }
  }

  async verifyAudit(): Promise<AuditVerification> {
    await this.queue;
    const head = (await this.pool.query<{ last_hash: string }>('SELECT last_hash FROM av_head WHERE id = 1')).rows[0];
    // The chain is checked page by page, by the same rules as everywhere (./audit.ts).
    const chain = new ChainVerifier();
    for await (const e of this.auditEntries()) chain.push(e);
    return chain.result(head.last_hash);
  }

  /**
   * VACUUM the tables that held removed content, so their old row versions are freed (FULL: the
   * tables rewritten, the space handed back; it locks them while it runs). WAL archives and
   * pg_dump files keep what they hold until they are rotated (docs/postgres.md).
   */
  async compact(opts: { full?: boolean } = {}): Promise<CompactionResult> {
    const started = performance.now();
    const size = async () =>
      Number(
        (
          await this.pool.query<{ n: string }>(
            `SELECT sum(pg_total_relation_size(c))::bigint AS n FROM unnest(ARRAY['av_audit','av_cases','av_docs','av_commit_log']::regclass[]) c`,
          )
        ).rows[0].n,
      );
    const bytesBefore = await size();
    await this.pool.query(`VACUUM ${opts.full ? '(FULL) ' : ''}av_audit, av_cases, av_docs, av_commit_log`);
    return { bytesBefore, bytesAfter: await size(), ms: performance.now() - started };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const session = this.session;
    this.session = null;
    this.leading = false;
    await session?.end().catch(() => undefined);
    await this.pool.end();
  }
}

type ConflictRow =
  | { ok: true }
  | { ok: false; kind: 'case'; id: string; currentVersion?: number | null }
  | { ok: false; kind: 'doc'; collection: string; id: string; currentVersion?: number | null };

export { redactUrl };
