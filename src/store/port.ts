// The Store port: what the application needs from persistence, nothing of how it is kept.
// Adapters: lowdb (embedded default, ./lowdbStore.ts); PostgreSQL (./postgresStore.ts, DATABASE_URL).
import type { Case, Instant, StaffId } from '../domain/schemas.js';

/** What a use case asks the audit log to record; the store adds seq and the hash chain. */
export interface AuditInput {
  at: Instant;
  /** Staff id, or 'system' for the bot's own actions (schedules, intake API). */
  actor: StaffId | 'system';
  type: string;
  caseId?: string;
  before?: unknown;
  after?: unknown;
  reason?: string;
  data?: Record<string, unknown>;
}

export interface AuditEntry extends AuditInput {
  seq: number;
  /** Hash of the previous entry ('' for the first): editing any entry breaks the chain. */
  prevHash: string;
  hash: string;
  /**
   * Set when gallring or an erasure removed content (./audit.ts): the entry keeps its place and
   * hash in the chain, and the act that removed it is the entry at `bySeq`.
   */
  redacted?: AuditRedaction;
}

export interface AuditRedaction {
  /** 'gallring' (closed cases past the configured time) or 'radering' (a unit manager's erasure). */
  rule: string;
  at: Instant;
  /** seq of the audit entry that recorded the act; it names this entry's case or seq. */
  bySeq: number;
  /** The free-text fields replaced by a marker; absent when the whole content was removed. */
  fields?: string[];
}

/**
 * Content taken out of the store in the commit that records it. The transaction's last audit entry
 * is the act: the store writes `data.redacts` ({rule, cases, seqs}) into it, so the chain pins what
 * was removed, and gives each affected entry `redacted.bySeq` = that entry's seq.
 */
export interface Redaction {
  rule: string;
  /** Cases removed whole: the case document, and the content of every audit entry of it. */
  cases?: string[];
  /**
   * The version each of `cases` had when the removal was planned. The commit is refused (a case
   * conflict) when one is changed since or gone, so a case reopened meanwhile is never removed and
   * two runs at once remove each case once.
   */
  expectedVersions?: Record<string, number>;
  /** Single entries: the dotted paths of free text ('after.motivation', 'reason') replaced by a marker. */
  entries?: { seq: number; paths: string[] }[];
}

export interface CaseWrite {
  case: Case;
  /** The version the change was based on; null when the case must not exist yet. */
  expectedVersion: number | null;
}

/**
 * A named collection of documents of one shape, declared once where its documents are made:
 * `export const CLAIMS = collection<Claim>('claims')`. It is the name (a string), typed: getDoc and
 * listDocs read it back as T and docWrite takes only a T, so no caller casts a document. A plain
 * string still names a collection (gallring and migration walk them all) and reads back unknown.
 */
export type Collection<T> = string & { readonly __doc?: T };

export const collection = <T extends object>(name: string): Collection<T> => name as Collection<T>;

/** A document read from a collection named by a plain string (gallring, migration walk them all). */
export const isDocument = (v: unknown): v is { [k: string]: unknown } =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A write of one document of a typed collection (`value: null` deletes; `expectedVersion` as in DocWrite). */
export function docWrite<T extends object>(
  c: Collection<T>,
  id: string,
  value: T | null,
  expectedVersion?: number | null,
): DocWrite {
  return {
    collection: c,
    id,
    value: value as { [k: string]: unknown } | null,
    ...(expectedVersion !== undefined ? { expectedVersion } : {}),
  };
}

/**
 * A keyed document in a named collection (conversations, outbox, claims, absences, handovers...).
 * `value: null` deletes. With `expectedVersion` the write is refused unless the stored document's
 * `version` field equals it (null: must not exist); the caller sets the new `version` in `value`.
 */
export interface DocWrite {
  collection: string;
  id: string;
  value: { [k: string]: unknown } | null;
  expectedVersion?: number | null;
}

export interface Transaction {
  cases?: CaseWrite[];
  docs?: DocWrite[];
  audit?: AuditInput[];
  /** Gallring or an erasure, atomic with the rest (requires at least one audit entry: the act). */
  redact?: Redaction;
}

export type CommitResult =
  | { ok: true; versions: Record<string, number> }
  | { ok: false; conflict: { kind: 'case' | 'doc'; collection?: string; id: string; currentVersion: number | null } };

export interface AuditVerification {
  ok: boolean;
  entries: number;
  /** seq of the first entry whose hash or link does not match. */
  firstBadSeq?: number;
  /** Entries whose content was removed, by rule ('gallring', 'radering'); absent when none. */
  redacted?: Record<string, number>;
  message: string;
}

export interface CompactionResult {
  bytesBefore: number;
  bytesAfter: number;
  ms: number;
}

/**
 * Every read is async, so that a store across a network (PostgreSQL) implements the same port as the
 * embedded one; both answer from an in-memory copy today (./memoryCopy.ts), caught up by `refresh`.
 */
export interface Store {
  getCase(id: string): Promise<Case | undefined>;
  /** Every stored case (open and closed), as an array the caller may keep. */
  allCases(): Promise<readonly Case[]>;
  /**
   * Cases whose phase is not 'closed' (kept as an index: cheap at 50,000 stored). The array is frozen
   * and replaced, never changed, by a commit: what was derived from one array holds for it.
   */
  openCases(): Promise<readonly Case[]>;
  casesByChild(childRef: string): Promise<Case[]>;
  /** Every stored case (open and closed) with this familyRef, kept as an index like casesByChild. */
  casesByFamily(familyRef: string): Promise<Case[]>;
  getDoc<T = unknown>(collection: Collection<T>, id: string): Promise<T | undefined>;
  listDocs<T = unknown>(collection: Collection<T>): Promise<T[]>;
  /** The names of the collections that hold documents (gallring looks through them all). */
  collections(): Promise<string[]>;
  /** The keys of the documents in one collection. */
  docIds(collection: string): Promise<string[]>;
  /**
   * Atomic and durable: when the promise resolves, the transaction survives kill -9.
   * On a version conflict nothing is written. Case versions are set by the store
   * (expectedVersion + 1, or 1 for a new case).
   */
  commit(tx: Transaction): Promise<CommitResult>;
  /** Audit entries of one case, oldest first. */
  auditFor(caseId: string): Promise<AuditEntry[]>;
  /**
   * The whole audit chain checked. `maxAgeMs`: a store may instead check only what was appended
   * since a complete check younger than this (the timeline does, so that each call does not read the
   * whole journal); without it, always the whole chain.
   */
  verifyAudit(opts?: { maxAgeMs?: number }): Promise<AuditVerification>;
  /**
   * Optional: the last write the store could not make (a full disk), until a write at least as large
   * succeeds; /healthz reports it. Undefined when writes go through.
   */
  pendingWriteFailure?(): { bytes: number; code?: string } | undefined;
  /**
   * Rewrite the stored files so that removed content is gone from them, not only hidden: the
   * embedded store writes a new journal (its audit entries, redacted ones redacted, and the state),
   * PostgreSQL vacuums its tables. The chain verifies the same before and after.
   */
  compact?(opts?: { full?: boolean }): Promise<CompactionResult>;
  /** Finish in-flight writes and release the file. */
  close(): Promise<void>;
  /**
   * Catch up with what other instances committed. Called where a unit of work starts (an HTTP
   * request or activity, a schedule tick, a drain round), so its synchronous reads see every commit
   * made before it began. Absent on the embedded store: one process, nothing to catch up with.
   */
  refresh?(): Promise<void>;
  /**
   * Whether this instance holds the named lead now (one outbox drain across instances). Absent:
   * a single instance always leads.
   */
  holdLead?(name: 'outbox'): Promise<boolean>;
  /** Called when another instance committed (the drain leader sends what they queued). */
  onRemoteCommit?(listener: () => void): void;
}
