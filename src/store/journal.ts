// The embedded store's journal file: one JSON line per commit, fsync'd before it is acknowledged
// (docs/embedded-store.md "The files"). This module knows the line format and how the file is read: the
// header of a compacted journal, a replay from an offset, the audit entries of one case and the
// whole chain line by line. The store (./lowdbStore.ts) decides what the lines mean.
import { createReadStream } from 'node:fs';
import { open, stat, truncate, type FileHandle } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Case } from '../domain/schemas.js';
import { redactEntry, type ChainVerifier } from './audit.js';
import { StoreFileError } from './durableFile.js';
import type { AuditEntry, AuditVerification } from './port.js';

/** A gallring or erasure as the journal records it until compaction has applied it. */
export interface LineRedaction {
  rule: string;
  at: string;
  bySeq: number;
  cases?: string[];
  entries?: { seq: number; paths: string[] }[];
}

export interface JournalLine {
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

/** A redaction committed and not yet compacted into the journal: applied to every read. */
export interface PendingRedaction {
  rule: string;
  at: string;
  bySeq: number;
  cases: Set<string>;
  entries: Map<number, string[]>;
}

/** The file a compaction writes beside the journal before renaming it over the journal. */
export const COMPACT_SUFFIX = '.compact';

export const isJournalLine = (l: unknown): l is JournalLine =>
  typeof l === 'object' &&
  l !== null &&
  (l as JournalLine).v === 1 &&
  Number.isInteger((l as JournalLine).seq) &&
  Array.isArray((l as JournalLine).cases) &&
  Array.isArray((l as JournalLine).docs) &&
  Array.isArray((l as JournalLine).audit);

export const pendingOf = (r: LineRedaction): PendingRedaction => ({
  rule: r.rule,
  at: r.at,
  bySeq: r.bySeq,
  cases: new Set(r.cases ?? []),
  entries: new Map((r.entries ?? []).map((e) => [e.seq, e.paths])),
});

export const lineRedactionOf = (p: PendingRedaction): LineRedaction => ({
  rule: p.rule,
  at: p.at,
  bySeq: p.bySeq,
  cases: [...p.cases],
  entries: [...p.entries].map(([seq, paths]) => ({ seq, paths })),
});

/** The entry as it reads now: every redaction committed after it (and not yet compacted) applied. */
export function redactedByPending(e: AuditEntry, pending: readonly PendingRedaction[]): AuditEntry {
  let out = e;
  for (const p of pending) {
    if (out.seq >= p.bySeq) continue;
    if (out.caseId !== undefined && p.cases.has(out.caseId)) out = redactEntry(out, p, 'all');
    else {
      const paths = p.entries.get(out.seq);
      if (paths) out = redactEntry(out, p, paths);
    }
  }
  return out;
}

/** The case ids whose audit entries a line holds, each once, in order. */
export function auditCaseIds(line: JournalLine): string[] {
  const seen = new Set<string>();
  for (const e of line.audit) if (e.caseId) seen.add(e.caseId);
  return [...seen];
}

/**
 * The id in the journal's first line if it is a compacted journal's header; undefined for a journal
 * never compacted, null when there is no journal.
 */
export async function readJournalId(journalFile: string): Promise<string | undefined | null> {
  let fh: FileHandle;
  try {
    fh = await open(journalFile, 'r');
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

/**
 * Every line from `fromOffset` on, with its offset and length; resolves with the journal's size.
 * A last line without its newline was never acknowledged (torn by a crash) and is cut off; any
 * other line that cannot be read stops the start with a message that names the file and the byte.
 */
export async function replayJournal(
  journalFile: string,
  fromOffset: number,
  onLine: (line: JournalLine, offset: number, length: number) => void,
): Promise<number> {
  let size: number;
  try {
    size = (await stat(journalFile)).size;
  } catch {
    if (fromOffset > 0)
      throw new StoreFileError(
        `Journalen ${journalFile} saknas men databasfilen hänvisar till den. Boten startar inte.`,
      );
    return 0;
  }
  if (size < fromOffset)
    throw new StoreFileError(
      `Journalen ${journalFile} är kortare än databasfilen anger. Boten startar inte; filerna har inte ändrats.`,
    );
  const fh = await open(journalFile, 'r');
  const buf = Buffer.alloc(size - fromOffset);
  await fh.read(buf, 0, buf.length, fromOffset);
  await fh.close();
  let pos = 0;
  while (pos < buf.length) {
    const nl = buf.indexOf(0x0a, pos);
    if (nl === -1) {
      await truncate(journalFile, fromOffset + pos);
      return fromOffset + pos;
    }
    let line: JournalLine;
    try {
      line = JSON.parse(buf.subarray(pos, nl).toString('utf8'));
      if (!isJournalLine(line)) throw new Error('shape');
    } catch {
      const last = nl === buf.length - 1;
      throw new StoreFileError(
        `Journalen ${journalFile} är skadad vid byte ${fromOffset + pos}. Boten startar inte; filen har inte ändrats.` +
          (last
            ? ' Det är den sista raden, som aldrig bekräftades: `npm run store:repair` tar bort den (och sparar en kopia).'
            : ' Skadan ligger före andra rader: återställ från säkerhetskopia.'),
      );
    }
    onLine(line, fromOffset + pos, nl + 1 - pos);
    pos = nl + 1;
  }
  return size;
}

/** The lines of the journal's first `size` bytes, one at a time (memory does not grow with the file). */
export async function* journalLines(journalFile: string, size: number, from = 0): AsyncGenerator<string> {
  if (size <= from) return;
  const lines = createInterface({
    input: createReadStream(journalFile, { start: from, end: size - 1 }),
    crlfDelay: Infinity,
  });
  try {
    for await (const l of lines) yield l;
  } finally {
    lines.close();
  }
}

/** One case's audit entries from the lines that hold them ([offset, length] each), oldest first. */
export async function readCaseAudit(
  journalFile: string,
  caseId: string,
  refs: readonly [number, number][],
  read: (e: AuditEntry) => AuditEntry,
): Promise<AuditEntry[]> {
  if (refs.length === 0) return [];
  const fh = await open(journalFile, 'r');
  try {
    const out: AuditEntry[] = [];
    for (const [offset, length] of refs) {
      const buf = Buffer.alloc(length);
      await fh.read(buf, 0, length, offset);
      const line = JSON.parse(buf.toString('utf8')) as JournalLine;
      out.push(...line.audit.filter((e) => e.caseId === caseId).map(read));
    }
    return out.sort((a, b) => a.seq - b.seq);
  } finally {
    await fh.close();
  }
}

/**
 * Pushes every audit entry between `from` and `size` through `chain` (each as it reads now); stops
 * at the first that does not fit. Resolves with a failed verification, or with the lines read.
 */
export async function checkJournalChain(
  journalFile: string,
  range: { from: number; size: number; lineNo: number },
  chain: ChainVerifier,
  read: (e: AuditEntry) => AuditEntry,
  lastHash: string,
): Promise<{ failed: AuditVerification } | { lineNo: number }> {
  let lineNo = range.lineNo;
  for await (const l of journalLines(journalFile, range.size, range.from)) {
    lineNo++;
    if (!l) continue;
    let audit: AuditEntry[];
    try {
      audit = (JSON.parse(l) as JournalLine).audit;
      if (!Array.isArray(audit)) throw new Error('shape');
    } catch {
      return {
        failed: {
          ok: false,
          entries: chain.entries,
          firstBadSeq: chain.expectedSeq ?? 1,
          message: `Granskningsloggen går inte att läsa på rad ${lineNo}.`,
        },
      };
    }
    for (const e of audit) if (chain.push(read(e)) !== undefined) return { failed: chain.result(lastHash) };
  }
  return { lineNo };
}
