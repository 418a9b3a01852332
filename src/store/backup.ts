// A consistent copy of the embedded store while the bot runs (docs/backup.md); its check: ./backupCheck.ts. The
// bot keeps its lock; this file only reads. The snapshot (DATA_FILE) is replaced by atomic rename
// and the journal only grows, so a pair read as (snapshot, then the journal up to its last complete
// line) is a state the store passed through: the snapshot's logOffset lies inside the copied journal,
// and a start replays the lines after it. Should a file be renamed while it is copied (a new
// snapshot, a compacted journal), the copy is thrown away and taken again.
import { open, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fsyncDir } from './durableFile.js';
import { isJournalLine } from './journal.js';

/** Called between the copy and the check that nothing was renamed meanwhile (tests rename here). */
export type CopyHook = (attempt: number) => Promise<void> | void;

interface Identity {
  ino: number;
  size: number;
  mtimeMs: number;
}

const same = (a: Identity | null, b: Identity | null) =>
  a === b || (!!a && !!b && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs);

async function openIfExists(file: string): Promise<FileHandle | null> {
  try {
    return await open(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

export async function statIfExists(file: string): Promise<Identity | null> {
  try {
    const s = await stat(file);
    return { ino: s.ino, size: s.size, mtimeMs: s.mtimeMs };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

async function identity(fh: FileHandle | null): Promise<Identity | null> {
  if (!fh) return null;
  const s = await fh.stat();
  return { ino: s.ino, size: s.size, mtimeMs: s.mtimeMs };
}

/**
 * Copies `size` bytes of `from` into `to`, cut back to the last complete line: a line still being
 * appended was never acknowledged. Returns the bytes kept.
 */
async function copyCompleteLines(from: FileHandle, size: number, to: string): Promise<number> {
  const out = await open(to, 'wx');
  try {
    const chunk = Buffer.alloc(1024 * 1024);
    let pos = 0;
    let keep = 0;
    while (pos < size) {
      const { bytesRead } = await from.read(chunk, 0, Math.min(chunk.length, size - pos), pos);
      if (bytesRead === 0) break;
      await out.write(chunk, 0, bytesRead);
      const nl = chunk.subarray(0, bytesRead).lastIndexOf(0x0a);
      if (nl !== -1) keep = pos + nl + 1;
      pos += bytesRead;
    }
    await out.truncate(keep);
    await out.sync();
    return keep;
  } finally {
    await out.close();
  }
}

/** The seq of the journal line that ends at `offset` (a snapshot's logOffset), or undefined. */
async function seqOfLineEndingAt(file: string, offset: number): Promise<number | undefined> {
  const fh = await open(file, 'r');
  try {
    for (let window = 64 * 1024; ; window *= 4) {
      const start = Math.max(0, offset - window);
      const buf = Buffer.alloc(offset - start);
      await fh.read(buf, 0, buf.length, start);
      if (buf[buf.length - 1] !== 0x0a) return undefined;
      const prev = buf.subarray(0, buf.length - 1).lastIndexOf(0x0a);
      if (prev === -1 && start > 0) continue;
      try {
        const line: unknown = JSON.parse(buf.subarray(prev + 1, buf.length - 1).toString('utf8'));
        return isJournalLine(line) ? line.seq : undefined;
      } catch {
        return undefined;
      }
    }
  } finally {
    await fh.close();
  }
}

/**
 * One attempt: the snapshot and the journal as they are now, into `dir`. Returns false when a file
 * was replaced during the copy (then `dir` holds a partial copy that the caller clears).
 */
async function copyOnce(dataFile: string, dir: string, attempt: number, hook?: CopyHook): Promise<boolean> {
  const snapName = basename(dataFile);
  const journalName = `${snapName}.journal`;
  const snap = await openIfExists(dataFile);
  const journal = await openIfExists(`${dataFile}.journal`);
  try {
    const snapId = await identity(snap);
    const journalId = await identity(journal);
    let logOffset = 0;
    let snapSeq = 0;
    if (snap) {
      const text = await snap.readFile('utf8');
      try {
        const parsed = JSON.parse(text) as { logOffset?: number; seq?: number };
        logOffset = Number(parsed.logOffset ?? 0);
        snapSeq = Number(parsed.seq ?? 0);
      } catch {
        return false; // not the file we opened any more, or being replaced: take it again
      }
      await writeFile(join(dir, snapName), text, { flag: 'wx' });
    }
    // The journal after the snapshot: it only grows (or is replaced whole), so its size now covers
    // every line the snapshot builds on.
    const journalSize = journalId ? (await journal!.stat()).size : 0;
    const kept = journal ? await copyCompleteLines(journal, journalSize, join(dir, journalName)) : 0;
    if (!journal) await writeFile(join(dir, journalName), '', { flag: 'wx' });
    await hook?.(attempt);
    // Renamed during the copy: the pair may not belong together.
    if (!same(snapId, await statIfExists(dataFile))) return false;
    const journalNow = await statIfExists(`${dataFile}.journal`);
    if (journalId?.ino !== journalNow?.ino) return false;
    if (logOffset > kept) return false;
    if (logOffset > 0 && (await seqOfLineEndingAt(join(dir, journalName), logOffset)) !== snapSeq) return false;
    return true;
  } finally {
    await snap?.close();
    await journal?.close();
  }
}

/** Copies the store in `dataFile` into the empty directory `dir`; retried when a rename interferes. */
export async function copyStore(
  dataFile: string,
  dir: string,
  opts: { attempts?: number; hook?: CopyHook } = {},
): Promise<{ attempts: number }> {
  const attempts = opts.attempts ?? 10;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (await copyOnce(dataFile, dir, attempt, opts.hook)) {
      await fsyncDir(dir);
      return { attempts: attempt };
    }
    for (const f of [basename(dataFile), `${basename(dataFile)}.journal`]) await rm(join(dir, f), { force: true });
    await new Promise((r) => setTimeout(r, 20 * attempt));
  }
  throw new Error(`Databasfilen ${dataFile} byttes ut under varje försök (${attempts}); ingen säkerhetskopia togs.`);
}
