// Writing a compacted journal beside the old one (docs/embedded-store.md "Compaction"): a header line with
// a new id, every line of the old journal that holds audit entries (each entry as it reads now, so
// removed content is left out while hashes stay), then the state as of now in lines of at most
// 1,000 cases or documents. The file is fsync'd; renaming it over the journal is the store's step.
import { randomUUID } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Case } from '../domain/schemas.js';
import { auditCaseIds, journalLines, type JournalLine } from './journal.js';
import { fsyncDir } from './durableFile.js';
import { writeAll } from './journalAppender.js';
import type { Doc } from './memoryCopy.js';
import type { AuditEntry } from './port.js';

/** The steps of a compaction, for tests that crash between them. */
export type CompactionStep = 'journal-written' | 'journal-renamed' | 'snapshot-written';

export interface CompactionInput {
  journalFile: string;
  /** Where the new journal is written. */
  tmpFile: string;
  /** The old journal's acknowledged bytes (anything after them is not read). */
  journalSize: number;
  /** The last seq applied: the state's lines continue from it. */
  seq: number;
  cases: ReadonlyMap<string, Case>;
  docs: ReadonlyMap<string, ReadonlyMap<string, Doc>>;
  /** An audit entry as it reads now (the pending redactions applied). */
  read: (e: AuditEntry) => AuditEntry;
}

export interface CompactedJournal {
  id: string;
  size: number;
  seq: number;
  /** caseId → [offset, length] of the new journal's lines that hold its audit entries. */
  auditIndex: Map<string, [number, number][]>;
}

const CHUNK = 1 << 20;
const STATE_LINE = 1000;

export async function writeCompactedJournal(input: CompactionInput): Promise<CompactedJournal> {
  const id = randomUUID();
  const out = await open(input.tmpFile, 'w');
  const auditIndex = new Map<string, [number, number][]>();
  let size = 0;
  let seq = input.seq;
  let chunk: Buffer[] = [];
  let chunkBytes = 0;
  const flush = async () => {
    if (chunkBytes === 0) return;
    await writeAll(out, Buffer.concat(chunk, chunkBytes));
    chunk = [];
    chunkBytes = 0;
  };
  const put = async (line: JournalLine) => {
    const bytes = Buffer.from(`${JSON.stringify(line)}\n`, 'utf8');
    for (const caseId of auditCaseIds(line)) {
      const refs = auditIndex.get(caseId) ?? [];
      refs.push([size, bytes.length]);
      auditIndex.set(caseId, refs);
    }
    size += bytes.length;
    chunk.push(bytes);
    chunkBytes += bytes.length;
    if (chunkBytes >= CHUNK) await flush();
  };
  try {
    await put({ v: 1, seq: 0, cases: [], docs: [], audit: [], journal: { id, compactedAt: new Date().toISOString() } });
    for await (const l of journalLines(input.journalFile, input.journalSize)) {
      if (!l) continue;
      const line = JSON.parse(l) as JournalLine;
      if (line.audit.length === 0) continue;
      await put({ v: 1, seq: line.seq, cases: [], docs: [], audit: line.audit.map(input.read) });
    }
    // The state, in lines of at most 1,000 cases or documents (never one line of the whole store).
    const docs = [...input.docs].flatMap(([c, byId]) => [...byId].map(([id, value]) => ({ c, id, value })));
    const cases = [...input.cases.values()];
    for (let i = 0; i < Math.max(cases.length, docs.length, 1); i += STATE_LINE)
      await put({
        v: 1,
        seq: ++seq,
        cases: cases.slice(i, i + STATE_LINE),
        docs: docs.slice(i, i + STATE_LINE),
        audit: [],
      });
    await flush();
    await out.datasync();
    await out.close();
  } catch (err) {
    await out.close().catch(() => undefined);
    await unlink(input.tmpFile).catch(() => undefined);
    throw err;
  }
  return { id, size, seq, auditIndex };
}

/** The compacted journal renamed over the old one, the rename itself made durable. */
export async function renameDurably(tmpFile: string, journalFile: string): Promise<void> {
  await rename(tmpFile, journalFile);
  await fsyncDir(dirname(journalFile));
}
