// The embedded store (docs/embedded-store.md "The files"). State lives in memory; every commit is one line
// appended to a journal and fsync'd before it is acknowledged, so a commit costs one small write
// however many cases are stored. A lowdb snapshot (DATA_FILE) records the state up to a journal
// offset and is rewritten in the background now and then, so a start reads the snapshot and only the
// journal after it. Gallring and erasure are one line like any commit: the content they remove is
// hidden at once and gone from disk when the journal is compacted right after (./journalCompaction.ts).
// The line format and reading: ./journal.ts; appending: ./journalAppender.ts; a commit's line:
// ./journalCommit.ts; the chain check: ./journalVerify.ts.
import { mkdir, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Low } from 'lowdb';
import { errorFields, log } from '../log.js';
import { DurableJSONFile } from './durableFile.js';
import {
  auditCaseIds,
  COMPACT_SUFFIX,
  lineRedactionOf,
  pendingOf,
  readCaseAudit,
  readJournalId,
  redactedByPending,
  replayJournal,
  type JournalLine,
  type PendingRedaction,
} from './journal.js';
import { JournalAppender, type JournalWrite } from './journalAppender.js';
import { renameDurably, writeCompactedJournal, type CompactionStep } from './journalCompaction.js';
import { JournalChainCheck } from './journalVerify.js';
import { acquireLock, type LockOptions } from './lock.js';
import { CURRENT_SCHEMA_VERSION, emptySnapshot, migrate, snapshotOf, type SnapshotV2 } from './migrations.js';
import { prepareLine } from './journalCommit.js';
import { MemoryCopy, type Doc } from './memoryCopy.js';
import type { AuditEntry, AuditVerification, CommitResult, CompactionResult, Store, Transaction } from './port.js';

export interface LowdbStoreOptions {
  /** Journal bytes written since the last snapshot before a new snapshot is taken. */
  snapshotAfterBytes?: number;
  /**
   * How one chunk is appended to the journal; resolves with the bytes written. The real write by
   * default; tests put a disk that runs full (short writes, ENOSPC) here.
   */
  writeJournal?: JournalWrite;
  /** The lock's lease and heartbeat (./lock.ts). */
  lock?: LockOptions;
  /** Called after each step of a compaction (tests kill the process there). */
  compactionHook?: (step: CompactionStep) => void | Promise<void>;
}

export async function openLowdbStore(dataFile: string, opts: LowdbStoreOptions = {}): Promise<Store> {
  await mkdir(dirname(dataFile), { recursive: true });
  let store: LowdbStore | undefined;
  const release = await acquireLock(dataFile, {
    ...opts.lock,
    onLost: () => {
      opts.lock?.onLost?.();
      store?.lockLost();
    },
  });
  try {
    store = new LowdbStore(dataFile, opts, release);
    await store.load();
    return store;
  } catch (err) {
    release();
    throw err;
  }
}

class LowdbStore extends MemoryCopy implements Store {
  private readonly journalFile: string;
  private readonly db: Low<SnapshotV2>;
  private readonly journal: JournalAppender;
  private snapshotOffset = 0;
  private seq = 0;
  private auditSeq = 0;
  private lastHash = '';
  /** caseId → [offset, length] of the journal lines that hold its audit entries. */
  private auditIndex = new Map<string, [number, number][]>();
  private queue: Promise<unknown> = Promise.resolve();
  private snapshotting: Promise<void> | null = null;
  private closed = false;
  /** The id in the journal's header line (undefined: a journal never compacted). */
  private journalId: string | undefined;
  /** Redactions committed but not yet compacted into the journal: applied to every read. */
  private pending: PendingRedaction[] = [];
  private readonly chainCheck: JournalChainCheck;
  /** An audit entry as it reads now. */
  private readonly read = (e: AuditEntry) => redactedByPending(e, this.pending);

  constructor(
    private readonly dataFile: string,
    private readonly opts: LowdbStoreOptions,
    private readonly release: () => void,
  ) {
    super();
    this.journalFile = `${dataFile}.journal`;
    this.journal = new JournalAppender(this.journalFile, opts.writeJournal);
    this.chainCheck = new JournalChainCheck(this.journalFile);
    this.db = new Low<SnapshotV2>(new DurableJSONFile(dataFile), emptySnapshot());
  }

  async load(): Promise<void> {
    await this.db.read();
    const raw = this.db.data as unknown;
    let snapshot = migrate(raw ?? emptySnapshot(), this.dataFile);
    let migrated = (raw as { schemaVersion?: number } | null)?.schemaVersion !== CURRENT_SCHEMA_VERSION;
    // A compaction that never reached its rename: the old journal is the store.
    await unlink(`${this.journalFile}${COMPACT_SUFFIX}`).catch(() => undefined);
    const journalId = await readJournalId(this.journalFile);
    this.journalId = journalId ?? undefined;
    if (raw !== null && journalId !== null && snapshot.journalId !== this.journalId) {
      // The journal was compacted after this snapshot was written: it holds everything on its own.
      log.warn('snapshot belongs to an earlier journal; replaying the compacted journal whole');
      snapshot = emptySnapshot();
      migrated = true;
    }
    this.seq = snapshot.seq;
    this.auditSeq = snapshot.auditSeq;
    this.lastHash = snapshot.lastHash;
    this.snapshotOffset = snapshot.logOffset;
    for (const c of Object.values(snapshot.cases)) this.indexCase(c);
    for (const [collection, byId] of Object.entries(snapshot.docs))
      this.docs.set(collection, new Map(Object.entries(byId) as [string, Doc][]));
    for (const [caseId, refs] of Object.entries(snapshot.auditIndex)) this.auditIndex.set(caseId, refs);
    for (const r of snapshot.pendingRedactions ?? []) this.pending.push(pendingOf(r));
    this.db.data = emptySnapshot(); // the state lives in the maps; don't keep a second copy
    const size = await replayJournal(this.journalFile, snapshot.logOffset, (line, offset, length) => {
      if (line.seq > this.seq) this.apply(line, offset, length);
    });
    await this.journal.open(size);
    // A new file or an older one migrated: write a snapshot now so the next start needs no migration.
    // On a full disk the start goes on (the journal holds everything); the next snapshot catches up.
    if (raw === null || migrated)
      await this.writeSnapshot().catch((err) => log.error(errorFields(err), 'snapshot could not be written'));
    // Removed content still in the journal (a crash or a full disk stopped the compaction): now.
    if (this.pending.length > 0) await this.compactAfterRedaction();
  }

  pendingWriteFailure(): { bytes: number; code?: string } | undefined {
    return this.journal.failure;
  }

  /** Another process took the data file over (./lock.ts): refuse every write from now on. */
  lockLost(): void {
    this.journal.markLost();
  }

  private apply(line: JournalLine, offset: number, length: number): void {
    for (const c of line.cases) this.indexCase(c);
    for (const id of line.del ?? []) this.dropCase(id);
    if (line.redact) this.pending.push(pendingOf(line.redact));
    for (const d of line.docs) this.setDoc(d.c, d.id, d.value);
    const last = line.audit.at(-1);
    if (last) {
      this.auditSeq = last.seq;
      this.lastHash = last.hash;
    }
    for (const caseId of auditCaseIds(line)) {
      const refs = this.auditIndex.get(caseId) ?? [];
      refs.push([offset, length]);
      this.auditIndex.set(caseId, refs);
    }
    this.seq = line.seq;
  }

  commit(tx: Transaction): Promise<CommitResult> {
    return this.queued(() => this.commitNow(tx));
  }

  compact(): Promise<CompactionResult> {
    return this.queued(() => this.compactNow());
  }

  /** Commits and compactions run one at a time, in order. */
  private queued<T>(work: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('The store is closed'));
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async commitNow(tx: Transaction): Promise<CommitResult> {
    const { cases, docs, seq, auditSeq, lastHash } = this;
    const prepared = prepareLine({ cases, docs, seq, auditSeq, lastHash }, tx);
    if (!prepared.ok) return prepared;
    const { line, versions, redact } = prepared;
    const bytes = Buffer.from(`${JSON.stringify(line)}\n`, 'utf8');
    const offset = await this.journal.append(bytes);
    this.apply(line, offset, bytes.length);
    if (redact) {
      // Entries already checked now read differently: the next check starts from the beginning.
      this.chainCheck.forget();
      // The commit is durable and the content hidden; the compaction takes it off the disk.
      await this.compactAfterRedaction();
    } else this.maybeSnapshot();
    return { ok: true, versions };
  }

  /** If it cannot run (a full disk), the content stays hidden; the next start or `npm run store:compact` runs it. */
  private compactAfterRedaction(): Promise<unknown> {
    return this.compactNow().catch((err) =>
      log.error(errorFields(err), 'compaction after gallring could not run; content stays hidden'),
    );
  }

  /**
   * Writes the journal anew (./journalCompaction.ts) and renames it over the old one, then a
   * snapshot at its end. Runs in the commit queue, so nothing is appended meanwhile.
   */
  private async compactNow(): Promise<CompactionResult> {
    const started = performance.now();
    this.journal.refuseIfLost('Journalen kunde inte komprimeras: en annan process har tagit över databasfilen.');
    if (this.snapshotting) await this.snapshotting;
    const hook = this.opts.compactionHook;
    const bytesBefore = this.journal.size;
    const tmpFile = `${this.journalFile}${COMPACT_SUFFIX}`;
    const compacted = await writeCompactedJournal({
      journalFile: this.journalFile,
      tmpFile,
      journalSize: this.journal.size,
      seq: this.seq,
      cases: this.cases,
      docs: this.docs,
      read: this.read,
    });
    await hook?.('journal-written');
    await renameDurably(tmpFile, this.journalFile);
    // From here the new journal is the store (the old snapshot no longer matches its id).
    await hook?.('journal-renamed');
    await this.journal.open(compacted.size);
    this.journalId = compacted.id;
    this.seq = compacted.seq;
    this.pending = [];
    this.chainCheck.forget();
    this.auditIndex = compacted.auditIndex;
    await this.writeSnapshot().catch((err) =>
      log.error(errorFields(err), 'snapshot after compaction could not be written; the journal has it all'),
    );
    await hook?.('snapshot-written');
    return { bytesBefore, bytesAfter: compacted.size, ms: performance.now() - started };
  }

  private maybeSnapshot(): void {
    const threshold = this.opts.snapshotAfterBytes ?? 64 * 1024 * 1024;
    if (this.snapshotting || this.journal.size - this.snapshotOffset < threshold) return;
    // A snapshot that cannot be written (a full disk) is tried again later; the journal has it all.
    this.snapshotting = this.writeSnapshot()
      .catch((err) => log.error(errorFields(err), 'snapshot could not be written; journal kept'))
      .finally(() => {
        this.snapshotting = null;
      });
  }

  /** Serialise the state as of now (synchronously, so it is consistent) and write it durably. */
  private async writeSnapshot(): Promise<void> {
    const offset = this.journal.size;
    this.db.data = snapshotOf({
      seq: this.seq,
      auditSeq: this.auditSeq,
      lastHash: this.lastHash,
      cases: this.cases,
      docs: this.docs,
      auditIndex: this.auditIndex,
      journalId: this.journalId,
      logOffset: offset,
      pendingRedactions: this.pending.map(lineRedactionOf),
    });
    try {
      await this.db.write();
    } finally {
      this.db.data = emptySnapshot(); // the state lives in the maps; don't keep a second copy
    }
    this.snapshotOffset = offset;
  }

  auditFor(caseId: string): Promise<AuditEntry[]> {
    return readCaseAudit(this.journalFile, caseId, this.auditIndex.get(caseId) ?? [], this.read);
  }

  /** The whole chain (./journalVerify.ts), up to the journal as of now (later commits: next time). */
  async verifyAudit(opts: { maxAgeMs?: number } = {}): Promise<AuditVerification> {
    await this.queue;
    return this.chainCheck.verify(this.journal.size, this.lastHash, this.read, opts.maxAgeMs);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue;
    if (this.snapshotting) await this.snapshotting;
    try {
      if (this.journal.size > this.snapshotOffset && !this.journal.isLost) await this.writeSnapshot();
    } catch (err) {
      log.error(errorFields(err), 'final snapshot could not be written; the journal has every commit');
    } finally {
      await this.journal.close();
      this.release();
    }
  }
}
