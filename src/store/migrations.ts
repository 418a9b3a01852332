// The snapshot's schema version and the migrations that bring an older file up to date, so a newer
// release opens a file written by an older one. Each migration is a pure function of the old data.
import type { Case } from '../domain/schemas.js';
import { StoreFileError } from './durableFile.js';

export const CURRENT_SCHEMA_VERSION = 2;

/** Version 1 (the first release): cases as an array, no audit index. */
export interface SnapshotV1 {
  schemaVersion: 1;
  seq: number;
  logOffset: number;
  auditSeq: number;
  lastHash: string;
  cases: Case[];
  docs: Record<string, Record<string, Record<string, unknown>>>;
}

/** Version 2: cases keyed by reference (constant-time lookups at start) and the audit index. */
export interface SnapshotV2 {
  schemaVersion: 2;
  seq: number;
  logOffset: number;
  auditSeq: number;
  lastHash: string;
  cases: Record<string, Case>;
  docs: Record<string, Record<string, Record<string, unknown>>>;
  /** caseId → [offset, length] of the journal lines holding its audit entries. */
  auditIndex: Record<string, [number, number][]>;
  /**
   * The id in the first line of the journal this snapshot belongs to (set once a journal was
   * compacted). A snapshot whose id is not the journal's is ignored and the journal replayed whole:
   * so a crash between the new journal's rename and the new snapshot's leaves a store that opens.
   */
  journalId?: string;
  /** Gallring or erasures committed in the journal before `logOffset` and not yet compacted away. */
  pendingRedactions?: {
    rule: string;
    at: string;
    bySeq: number;
    cases?: string[];
    entries?: { seq: number; paths: string[] }[];
  }[];
}

const MIGRATIONS: Record<number, (data: any) => any> = {
  // v1 → v2: key cases by id; the audit index starts empty for lines before the snapshot, which
  // v1 journals never had (v1 wrote no audit entries before its snapshot offset).
  1: (v1: SnapshotV1): SnapshotV2 => ({
    schemaVersion: 2,
    seq: v1.seq,
    logOffset: v1.logOffset,
    auditSeq: v1.auditSeq,
    lastHash: v1.lastHash,
    cases: Object.fromEntries(v1.cases.map((c) => [c.id, c])),
    docs: v1.docs,
    auditIndex: {},
  }),
};

export function migrate(data: unknown, file: string): SnapshotV2 {
  let current = data as { schemaVersion?: unknown };
  if (typeof current !== 'object' || current === null || typeof current.schemaVersion !== 'number') {
    throw new StoreFileError(
      `Databasfilen ${file} saknar schemaVersion och är inte en Ärendevakt-databas. Boten startar inte; filen har inte ändrats.`,
    );
  }
  if (current.schemaVersion > CURRENT_SCHEMA_VERSION) {
    throw new StoreFileError(
      `Databasfilen ${file} har schemaversion ${current.schemaVersion}, men den här versionen av boten känner bara till ${CURRENT_SCHEMA_VERSION}. Uppgradera boten.`,
    );
  }
  while ((current.schemaVersion as number) < CURRENT_SCHEMA_VERSION) {
    const step = MIGRATIONS[current.schemaVersion as number];
    if (!step) throw new StoreFileError(`Ingen migrering från schemaversion ${current.schemaVersion} (${file}).`);
    current = step(current);
  }
  return current as SnapshotV2;
}

export const emptySnapshot = (): SnapshotV2 => ({
  schemaVersion: CURRENT_SCHEMA_VERSION,
  seq: 0,
  logOffset: 0,
  auditSeq: 0,
  lastHash: '',
  cases: {},
  docs: {},
  auditIndex: {},
});

/** The snapshot of a state in memory, in the current version. */
export function snapshotOf(state: {
  seq: number;
  logOffset: number;
  auditSeq: number;
  lastHash: string;
  cases: ReadonlyMap<string, Case>;
  docs: ReadonlyMap<string, ReadonlyMap<string, Record<string, unknown>>>;
  auditIndex: ReadonlyMap<string, [number, number][]>;
  journalId?: string;
  pendingRedactions: NonNullable<SnapshotV2['pendingRedactions']>;
}): SnapshotV2 {
  const docs: SnapshotV2['docs'] = {};
  for (const [c, byId] of state.docs) docs[c] = Object.fromEntries(byId);
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    seq: state.seq,
    logOffset: state.logOffset,
    auditSeq: state.auditSeq,
    lastHash: state.lastHash,
    cases: Object.fromEntries(state.cases),
    docs,
    auditIndex: Object.fromEntries(state.auditIndex),
    ...(state.journalId ? { journalId: state.journalId } : {}),
    ...(state.pendingRedactions.length ? { pendingRedactions: state.pendingRedactions } : {}),
  };
}
