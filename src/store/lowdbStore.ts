// The embedded store. State lives in memory; every commit is one line appended to a journal and
// fsync'd before it is acknowledged, so a commit costs one small write however many cases are
// stored. The journal is never truncated (it is also the audit log), only compacted as below. A
// lowdb snapshot (DATA_FILE) records the state up to a journal offset and is rewritten in the
// background now and then, so a start reads the snapshot and only the journal written after it.
//
// Gallring and erasure (Transaction.redact) are one line like any commit; the content they remove is
// hidden at once (reads apply the pending redactions) and gone from disk when the journal is
// compacted, right after that commit: a new journal is written beside the old one (a header line
// with a new id, every audit entry with the redactions applied, then the state as of now), fsync'd
// and renamed over it, then a snapshot naming the new id. A crash before the rename leaves the old
// pair; after it, the old snapshot's id does not match and the new journal is replayed whole.
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, stat, truncate, unlink, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { Low } from 'lowdb';
import type { Case } from '../domain/schemas.js';
import { errorFields, log } from '../log.js';
import { ChainVerifier, chainEntry, redactEntry, withRedactionAct } from './audit.js';
import { DurableJSONFile, fsyncDir, StoreFileError, StoreWriteError } from './durableFile.js';
import { acquireLock, type LockOptions } from './lock.js';
import { CURRENT_SCHEMA_VERSION, migrate, type SnapshotV2 } from './migrations.js';
import { MemoryCopy, type Doc } from './memoryCopy.js';
import type { AuditEntry, AuditVerification, CommitResult, CompactionResult, Store, Transaction } from './port.js';

/** The steps of a compaction, for tests that crash between them. */
export type CompactionStep = 'journal-written' | 'journal-renamed' | 'snapshot-written';

export interface LowdbStoreOptions {
  /** Journal bytes written since the last snapshot before a new snapshot is taken. */
  snapshotAfterBytes?: number;
  /**
   * How one chunk is appended to the journal; resolves with the bytes written. The real write by
   * default; tests put a disk that runs full (short writes, ENOSPC) here.
   */
  writeJournal?: (fh: FileHandle, bytes: Buffer) => Promise<number>;
  /** The lock's lease and heartbeat (./lock.ts). */
  lock?: LockOptions;
  /** Called after each step of a compaction (tests kill the process there). */
  compactionHook?: (step: CompactionStep) => void | Promise<void>;
}

const realWrite = async (fh: FileHandle, bytes: Buffer) => (await fh.write(bytes, 0, bytes.length, null)).bytesWritten;

/** The Swedish sentence for a write that failed, by the error's code (no path, no content). */
function writeFailure(code: string | undefined): string {
  const why =
    code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG'
      ? 'disken är full'
      : code === 'EROFS'
        ? 'disken är skrivskyddad'
        : `skrivfel${code ? ` (${code})` : ''}`;
  return `Ändringen kunde inte sparas: ${why}. Ingenting av den sparades; försök igen om en stund.`;
}

/** A gallring or erasure as the journal records it until compaction has applied it. */
interface LineRedaction {
  rule: string;
  at: string;
  bySeq: number;
  cases?: string[];
  entries?: { seq: number; paths: string[] }[];
}

interface JournalLine {
  v: 1;
  seq: number;
  cases: Case[];
  docs: { c: string; id: string; value: Record<string, unknown> | null }[];
  audit: AuditEntry[];
  /** Cases removed (gallring). */
  del?: string[];
  redact?: LineRedaction;
  /** Only in the first line of a compacted journal (seq 0, never applied): its id. */
  journal?: { id: string; compactedAt: string };
}

interface PendingRedaction {
  rule: string;
  at: string;
  bySeq: number;
  cases: Set<string>;
  entries: Map<number, string[]>;
}

const COMPACT_SUFFIX = '.compact';

export const isJournalLine = (l: unknown): l is JournalLine =>
  typeof l === 'object' &&
  l !== null &&
  (l as JournalLine).v === 1 &&
  Number.isInteger((l as JournalLine).seq) &&
  Array.isArray((l as JournalLine).cases) &&
  Array.isArray((l as JournalLine).docs) &&
  Array.isArray((l as JournalLine).audit);

const emptySnapshot = (): SnapshotV2 => ({
  schemaVersion: CURRENT_SCHEMA_VERSION,
  seq: 0,
  logOffset: 0,
  auditSeq: 0,
  lastHash: '',
  cases: {},
  docs: {},
  auditIndex: {},
});

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
  private journal!: FileHandle;
  private journalSize = 0;
  private snapshotOffset = 0;
  private seq = 0;
  private auditSeq = 0;
  private lastHash = '';
  /** caseId → [offset, length] of the journal lines that hold its audit entries. */
  private readonly auditIndex = new Map<string, [number, number][]>();
  private queue: Promise<unknown> = Promise.resolve();
  private snapshotting: Promise<void> | null = null;
  private closed = false;
  /** A failed append whose bytes could not be cut back yet: done before the next commit. */
  private tornTail = false;
  private lost = false;
  private failure: { bytes: number; code?: string } | undefined;
  /** The id in the journal's header line (undefined: a journal never compacted). */
  private journalId: string | undefined;
  /** Redactions committed but not yet compacted into the journal: applied to every read. */
  private pending: PendingRedaction[] = [];

  constructor(
    private readonly dataFile: string,
    private readonly opts: LowdbStoreOptions,
    private readonly release: () => void,
  ) {
    super();
    this.journalFile = `${dataFile}.journal`;
    this.db = new Low<SnapshotV2>(new DurableJSONFile(dataFile), emptySnapshot());
  }

  async load(): Promise<void> {
    await this.db.read();
    const raw = this.db.data as unknown;
    const loaded = migrate(raw ?? emptySnapshot(), this.dataFile);
    let migrated = (raw as { schemaVersion?: number } | null)?.schemaVersion !== CURRENT_SCHEMA_VERSION;
    // A compaction that never reached its rename: the old journal is the store.
    await unlink(`${this.journalFile}${COMPACT_SUFFIX}`).catch(() => undefined);
    const journalId = await this.readJournalId();
    this.journalId = journalId ?? undefined;
    let snapshot = loaded;
    // (A missing journal is refused below, as before.)
    if (raw !== null && journalId !== null && snapshot.journalId !== this.journalId) {
      // The journal was compacted after this snapshot was written: it holds everything on its own.
      log.warn('snapshot belongs to an earlier journal; replaying the compacted journal whole');
      snapshot = emptySnapshot();
      migrated = true;
    }
    this.db.data = snapshot;
    this.seq = snapshot.seq;
    this.auditSeq = snapshot.auditSeq;
    this.lastHash = snapshot.lastHash;
    this.snapshotOffset = snapshot.logOffset;
    for (const c of Object.values(snapshot.cases)) this.indexCase(c);
    for (const [collection, byId] of Object.entries(snapshot.docs))
      this.docs.set(collection, new Map(Object.entries(byId) as [string, Doc][]));
    for (const [caseId, refs] of Object.entries(snapshot.auditIndex)) this.auditIndex.set(caseId, refs);
    for (const r of snapshot.pendingRedactions ?? [])
      this.pending.push({
        ...r,
        cases: new Set(r.cases ?? []),
        entries: new Map((r.entries ?? []).map((e) => [e.seq, e.paths])),
      });
    await this.replayJournal(snapshot.logOffset);
    this.journal = await open(this.journalFile, 'a');
    // A new file or an older one migrated: write a snapshot now so the next start needs no migration.
    // On a full disk the start goes on (the journal holds everything); the next snapshot catches up.
    if (raw === null || migrated)
      await this.writeSnapshot().catch((err) => log.error(errorFields(err), 'snapshot could not be written'));
    // Removed content still in the journal (a crash or a full disk stopped the compaction): now.
    if (this.pending.length > 0)
      await this.compactNow().catch((err) =>
        log.error(errorFields(err), 'compaction after gallring could not run; content stays hidden'),
      );
  }

  /** The id in the journal's first line, if it is a compacted journal's header. */
  private async readJournalId(): Promise<string | undefined | null> {
    let fh: FileHandle;
    try {
      fh = await open(this.journalFile, 'r');
    } catch {
      return null;
    }
    try {
      const buf = Buffer.alloc(4096);
      const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
      const head = buf.subarray(0, bytesRead);
      const nl = head.indexOf(0x0a);
      if (nl === -1 || !head.subarray(0, nl).includes('"journal"')) return undefined;
      const line = JSON.parse(head.subarray(0, nl).toString('utf8')) as JournalLine;
      return line.journal?.id;
    } catch {
      return undefined;
    } finally {
      await fh.close();
    }
  }

  pendingWriteFailure(): { bytes: number; code?: string } | undefined {
    return this.failure;
  }

  /** Another process took the data file over (./lock.ts): refuse every write from now on. */
  lockLost(): void {
    this.lost = true;
  }

  private async replayJournal(fromOffset: number): Promise<void> {
    let size: number;
    try {
      size = (await stat(this.journalFile)).size;
    } catch {
      if (fromOffset > 0)
        throw new StoreFileError(
          `Journalen ${this.journalFile} saknas men databasfilen hänvisar till den. Boten startar inte.`,
        );
      this.journalSize = 0;
      return;
    }
    if (size < fromOffset)
      throw new StoreFileError(
        `Journalen ${this.journalFile} är kortare än databasfilen anger. Boten startar inte; filerna har inte ändrats.`,
      );
    const fh = await open(this.journalFile, 'r');
    const buf = Buffer.alloc(size - fromOffset);
    await fh.read(buf, 0, buf.length, fromOffset);
    await fh.close();
    let pos = 0;
    while (pos < buf.length) {
      const nl = buf.indexOf(0x0a, pos);
      if (nl === -1) {
        // A line without its newline was never acknowledged (torn by a crash): cut it off.
        await truncate(this.journalFile, fromOffset + pos);
        size = fromOffset + pos;
        break;
      }
      let line: JournalLine;
      try {
        line = JSON.parse(buf.subarray(pos, nl).toString('utf8'));
        if (!isJournalLine(line)) throw new Error('shape');
      } catch {
        const last = nl === buf.length - 1;
        throw new StoreFileError(
          `Journalen ${this.journalFile} är skadad vid byte ${fromOffset + pos}. Boten startar inte; filen har inte ändrats.` +
            (last
              ? ' Det är den sista raden, som aldrig bekräftades: `npm run store:repair` tar bort den (och sparar en kopia).'
              : ' Skadan ligger före andra rader: återställ från säkerhetskopia.'),
        );
      }
      if (line.seq > this.seq) this.apply(line, fromOffset + pos, nl + 1 - pos);
      pos = nl + 1;
    }
    this.journalSize = size;
  }

  private apply(line: JournalLine, offset: number, length: number): void {
    for (const c of line.cases) this.indexCase(c);
    for (const id of line.del ?? []) this.dropCase(id);
    if (line.redact)
      this.pending.push({
        rule: line.redact.rule,
        at: line.redact.at,
        bySeq: line.redact.bySeq,
        cases: new Set(line.redact.cases ?? []),
        entries: new Map((line.redact.entries ?? []).map((e) => [e.seq, e.paths])),
      });
    for (const d of line.docs) {
      const coll = this.docs.get(d.c) ?? new Map<string, Doc>();
      if (d.value === null) coll.delete(d.id);
      else coll.set(d.id, d.value);
      this.docs.set(d.c, coll);
    }
    const seen = new Set<string>();
    for (const e of line.audit) {
      this.auditSeq = e.seq;
      this.lastHash = e.hash;
      if (e.caseId && !seen.has(e.caseId)) {
        seen.add(e.caseId);
        const refs = this.auditIndex.get(e.caseId) ?? [];
        refs.push([offset, length]);
        this.auditIndex.set(e.caseId, refs);
      }
    }
    this.seq = line.seq;
  }

  /** The entry as it reads now: the redactions committed since the last compaction applied. */
  private redacted(e: AuditEntry): AuditEntry {
    let out = e;
    for (const p of this.pending) {
      if (out.seq >= p.bySeq) continue;
      if (out.caseId !== undefined && p.cases.has(out.caseId)) out = redactEntry(out, p, 'all');
      else {
        const paths = p.entries.get(out.seq);
        if (paths) out = redactEntry(out, p, paths);
      }
    }
    return out;
  }

  commit(tx: Transaction): Promise<CommitResult> {
    if (this.closed) return Promise.reject(new Error('The store is closed'));
    const run = this.queue.then(() => this.commitNow(tx));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async commitNow(tx: Transaction): Promise<CommitResult> {
    const versions: Record<string, number> = {};
    const cases: Case[] = [];
    for (const w of tx.cases ?? []) {
      const current = this.cases.get(w.case.id);
      const currentVersion = current ? current.version : null;
      if (currentVersion !== w.expectedVersion)
        return { ok: false, conflict: { kind: 'case', id: w.case.id, currentVersion } };
      const version = (w.expectedVersion ?? 0) + 1;
      cases.push({ ...w.case, version });
      versions[w.case.id] = version;
    }
    for (const d of tx.docs ?? []) {
      if (d.expectedVersion === undefined) continue;
      const current = this.docs.get(d.collection)?.get(d.id);
      const currentVersion = current ? (current.version ?? 0) : null;
      if (currentVersion !== d.expectedVersion) {
        return { ok: false, conflict: { kind: 'doc', collection: d.collection, id: d.id, currentVersion } };
      }
    }
    let inputs = [...(tx.audit ?? [])];
    let redact: LineRedaction | undefined;
    if (tx.redact) {
      const r = tx.redact;
      inputs = withRedactionAct(
        inputs,
        r,
        cases.map((c) => c.id),
      );
      const act = inputs[inputs.length - 1];
      redact = {
        rule: r.rule,
        at: act.at,
        bySeq: this.auditSeq + inputs.length,
        ...(r.cases?.length ? { cases: r.cases } : {}),
        ...(r.entries?.length ? { entries: r.entries } : {}),
      };
    }
    let prev = this.lastHash;
    let auditSeq = this.auditSeq;
    const audit = inputs.map((input) => {
      const e = chainEntry(input, ++auditSeq, prev);
      prev = e.hash;
      return e;
    });
    const line: JournalLine = {
      v: 1,
      seq: this.seq + 1,
      cases,
      audit,
      docs: (tx.docs ?? []).map((d) => ({ c: d.collection, id: d.id, value: d.value })),
      ...(redact ? { del: redact.cases ?? [], redact } : {}),
    };
    const bytes = Buffer.from(`${JSON.stringify(line)}\n`, 'utf8');
    const offset = this.journalSize;
    await this.append(bytes);
    this.journalSize += bytes.length;
    this.apply(line, offset, bytes.length);
    if (redact) {
      // Entries already checked now read differently: the next check starts from the beginning.
      this.verified = undefined;
      // The commit is durable and the content hidden; the compaction takes it off the disk. If it
      // cannot (a full disk), the next start or `npm run store:compact` does.
      await this.compactNow().catch((err) =>
        log.error(errorFields(err), 'compaction after gallring could not run; content stays hidden'),
      );
    } else this.maybeSnapshot();
    return { ok: true, versions };
  }

  compact(): Promise<CompactionResult> {
    if (this.closed) return Promise.reject(new Error('The store is closed'));
    const run = this.queue.then(() => this.compactNow());
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Writes the journal anew: a header with a new id, every line that holds audit entries (content
   * the pending redactions removed is left out), then the state as of now in lines of its own, and
   * a snapshot at its end. Runs in the commit queue, so nothing is appended meanwhile.
   */
  private async compactNow(): Promise<CompactionResult> {
    const started = performance.now();
    if (this.lost)
      throw new StoreWriteError(
        'Journalen kunde inte komprimeras: en annan process har tagit över databasfilen.',
        'ELOCKLOST',
      );
    if (this.snapshotting) await this.snapshotting;
    const hook = this.opts.compactionHook;
    const bytesBefore = this.journalSize;
    const tmp = `${this.journalFile}${COMPACT_SUFFIX}`;
    const id = randomUUID();
    const out = await open(tmp, 'w');
    const index = new Map<string, [number, number][]>();
    let size = 0;
    let seq = this.seq;
    let chunk: Buffer[] = [];
    let chunkBytes = 0;
    const flush = async () => {
      if (chunkBytes === 0) return;
      const buf = Buffer.concat(chunk, chunkBytes);
      let done = 0;
      while (done < buf.length) {
        const { bytesWritten } = await out.write(buf, done, buf.length - done, null);
        if (!(bytesWritten > 0)) throw Object.assign(new Error('no bytes written'), { code: 'ENOSPC' });
        done += bytesWritten;
      }
      chunk = [];
      chunkBytes = 0;
    };
    const put = async (line: JournalLine) => {
      const bytes = Buffer.from(`${JSON.stringify(line)}\n`, 'utf8');
      const seen = new Set<string>();
      for (const e of line.audit)
        if (e.caseId && !seen.has(e.caseId)) {
          seen.add(e.caseId);
          const refs = index.get(e.caseId) ?? [];
          refs.push([size, bytes.length]);
          index.set(e.caseId, refs);
        }
      size += bytes.length;
      chunk.push(bytes);
      chunkBytes += bytes.length;
      if (chunkBytes >= 1 << 20) await flush();
    };
    try {
      await put({
        v: 1,
        seq: 0,
        cases: [],
        docs: [],
        audit: [],
        journal: { id, compactedAt: new Date().toISOString() },
      });
      if (this.journalSize > 0) {
        const lines = createInterface({
          input: createReadStream(this.journalFile, { start: 0, end: this.journalSize - 1 }),
          crlfDelay: Infinity,
        });
        try {
          for await (const l of lines) {
            if (!l) continue;
            const line = JSON.parse(l) as JournalLine;
            if (line.audit.length === 0) continue;
            await put({ v: 1, seq: line.seq, cases: [], docs: [], audit: line.audit.map((e) => this.redacted(e)) });
          }
        } finally {
          lines.close();
        }
      }
      // The state, in lines of at most 1,000 cases or documents (never one line of the whole store).
      const docs = [...this.docs].flatMap(([c, byId]) => [...byId].map(([docId, value]) => ({ c, id: docId, value })));
      const caseList = [...this.cases.values()];
      const STEP = 1000;
      for (let i = 0; i < Math.max(caseList.length, docs.length, 1); i += STEP)
        await put({ v: 1, seq: ++seq, cases: caseList.slice(i, i + STEP), docs: docs.slice(i, i + STEP), audit: [] });
      await flush();
      await out.datasync();
      await out.close();
    } catch (err) {
      await out.close().catch(() => undefined);
      await unlink(tmp).catch(() => undefined);
      throw err;
    }
    await hook?.('journal-written');
    await rename(tmp, this.journalFile);
    await fsyncDir(dirname(this.journalFile));
    // From here the new journal is the store (the old snapshot no longer matches its id).
    await hook?.('journal-renamed');
    await this.journal.close().catch(() => undefined);
    this.journal = await open(this.journalFile, 'a');
    this.journalId = id;
    this.journalSize = size;
    this.tornTail = false;
    this.seq = seq;
    this.pending = [];
    this.verified = undefined;
    this.auditIndex.clear();
    for (const [k, v] of index) this.auditIndex.set(k, v);
    await this.writeSnapshot().catch((err) =>
      log.error(errorFields(err), 'snapshot after compaction could not be written; the journal has it all'),
    );
    await hook?.('snapshot-written');
    return { bytesBefore, bytesAfter: size, ms: performance.now() - started };
  }

  /**
   * Append one line and make it durable, or fail with nothing of it left: a short write goes on
   * with the rest, and any error cuts the file back to where the line began (if even that fails,
   * before the next commit), so a later line never lands after a torn fragment.
   */
  private async append(bytes: Buffer): Promise<void> {
    if (this.lost)
      throw new StoreWriteError(
        'Ändringen kunde inte sparas: en annan process har tagit över databasfilen. Starta om boten.',
        'ELOCKLOST',
      );
    if (this.tornTail) await this.cutBack();
    const write = this.opts.writeJournal ?? realWrite;
    try {
      let done = 0;
      while (done < bytes.length) {
        const n = await write(this.journal, bytes.subarray(done));
        if (!(n > 0)) throw Object.assign(new Error('no bytes written'), { code: 'ENOSPC' });
        done += n;
      }
      await this.journal.datasync();
      if (this.failure && bytes.length >= this.failure.bytes) this.failure = undefined;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      this.failure = { bytes: bytes.length, ...(code ? { code } : {}) };
      log.error({ ...errorFields(err), bytes: bytes.length }, 'journal write failed; nothing acknowledged');
      this.tornTail = true;
      await this.cutBack().catch(() => undefined);
      throw new StoreWriteError(writeFailure(code), code);
    }
  }

  private async cutBack(): Promise<void> {
    try {
      await this.journal.truncate(this.journalSize);
      await this.journal.datasync();
      this.tornTail = false;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new StoreWriteError(writeFailure(code), code);
    }
  }

  private maybeSnapshot(): void {
    const threshold = this.opts.snapshotAfterBytes ?? 64 * 1024 * 1024;
    if (this.snapshotting || this.journalSize - this.snapshotOffset < threshold) return;
    // A snapshot that cannot be written (a full disk) is tried again later; the journal has it all.
    this.snapshotting = this.writeSnapshot()
      .catch((err) => log.error(errorFields(err), 'snapshot could not be written; journal kept'))
      .finally(() => {
        this.snapshotting = null;
      });
  }

  /** Serialise the state as of now (synchronously, so it is consistent) and write it durably. */
  private async writeSnapshot(): Promise<void> {
    const docs: SnapshotV2['docs'] = {};
    for (const [c, byId] of this.docs) docs[c] = Object.fromEntries(byId);
    this.db.data = {
      schemaVersion: CURRENT_SCHEMA_VERSION,
      seq: this.seq,
      logOffset: this.journalSize,
      auditSeq: this.auditSeq,
      lastHash: this.lastHash,
      cases: Object.fromEntries(this.cases),
      docs,
      auditIndex: Object.fromEntries(this.auditIndex),
      ...(this.journalId ? { journalId: this.journalId } : {}),
      ...(this.pending.length
        ? {
            pendingRedactions: this.pending.map((p) => ({
              rule: p.rule,
              at: p.at,
              bySeq: p.bySeq,
              cases: [...p.cases],
              entries: [...p.entries].map(([seq, paths]) => ({ seq, paths })),
            })),
          }
        : {}),
    };
    const offset = this.journalSize;
    try {
      await this.db.write();
    } finally {
      this.db.data = emptySnapshot(); // the state lives in the maps; don't keep a second copy
    }
    this.snapshotOffset = offset;
  }

  /** The last good check of the chain: where it ended, and when the chain was last read from the start. */
  private verified?: {
    offset: number;
    chain: ChainVerifier;
    lines: number;
    fullAt: number;
  };

  async auditFor(caseId: string): Promise<AuditEntry[]> {
    const refs = this.auditIndex.get(caseId) ?? [];
    if (refs.length === 0) return [];
    const fh = await open(this.journalFile, 'r');
    try {
      const out: AuditEntry[] = [];
      for (const [offset, length] of refs) {
        const buf = Buffer.alloc(length);
        await fh.read(buf, 0, length, offset);
        const line = JSON.parse(buf.toString('utf8')) as JournalLine;
        out.push(...line.audit.filter((e) => e.caseId === caseId).map((e) => this.redacted(e)));
      }
      return out.sort((a, b) => a.seq - b.seq);
    } finally {
      await fh.close();
    }
  }

  /**
   * The whole chain, read line by line (memory does not grow with the journal): every entry's hash,
   * its link to the one before and its seq, and the last hash against the one in memory.
   */
  async verifyAudit(opts: { maxAgeMs?: number } = {}): Promise<AuditVerification> {
    const v = await this.checkChain(opts);
    // A broken chain stays broken: the next check reads it from the start again.
    if (!v.ok) this.verified = undefined;
    return v;
  }

  private async checkChain(opts: { maxAgeMs?: number }): Promise<AuditVerification> {
    await this.queue;
    // What is verified: the journal as of now (later commits are checked next time).
    const size = this.journalSize;
    const lastHash = this.lastHash;
    // Resumed after the last complete check when it is recent enough: the journal only grows by
    // appends the store itself made, and the lines before `offset` were checked then.
    const resume =
      opts.maxAgeMs !== undefined && this.verified && Date.now() - this.verified.fullAt <= opts.maxAgeMs
        ? this.verified
        : undefined;
    const from = resume?.offset ?? 0;
    const chain = resume ? resume.chain.clone() : new ChainVerifier();
    let lineNo = resume?.lines ?? 0;
    if (size > from) {
      const lines = createInterface({
        input: createReadStream(this.journalFile, { start: from, end: size - 1 }),
        crlfDelay: Infinity,
      });
      try {
        for await (const l of lines) {
          lineNo++;
          if (!l) continue;
          let audit: AuditEntry[];
          try {
            audit = (JSON.parse(l) as JournalLine).audit;
            if (!Array.isArray(audit)) throw new Error('shape');
          } catch {
            return {
              ok: false,
              entries: chain.entries,
              firstBadSeq: chain.expectedSeq ?? 1,
              message: `Granskningsloggen går inte att läsa på rad ${lineNo}.`,
            };
          }
          for (const e of audit) if (chain.push(this.redacted(e)) !== undefined) return chain.result(lastHash);
        }
      } finally {
        lines.close();
      }
    }
    const result = chain.result(lastHash);
    if (!result.ok) return result;
    this.verified = { offset: size, chain, lines: lineNo, fullAt: resume?.fullAt ?? Date.now() };
    return result;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue;
    if (this.snapshotting) await this.snapshotting;
    try {
      if (this.journalSize > this.snapshotOffset && !this.lost) await this.writeSnapshot();
    } catch (err) {
      log.error(errorFields(err), 'final snapshot could not be written; the journal has every commit');
    } finally {
      await this.journal.close().catch(() => undefined);
      this.release();
    }
  }
}
