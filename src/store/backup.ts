// A consistent copy of the embedded store while the bot runs, and its check (docs/backup.md). The
// bot keeps its lock; this file only reads. The snapshot (DATA_FILE) is replaced by atomic rename
// and the journal only grows, so a pair read as (snapshot, then the journal up to its last complete
// line) is a state the store passed through: the snapshot's logOffset lies inside the copied journal,
// and a start replays the lines after it. Should a file be renamed while it is copied (a new
// snapshot, a compacted journal), the copy is thrown away and taken again.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdtemp, open, readFile, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fsyncDir } from './durableFile.js';
import { isJournalLine } from './journal.js';
import { openLowdbStore } from './lowdbStore.js';

export const MANIFEST = 'säkerhetskopia.json';
const FORMAT = 'arendevakt-backup/1';

export interface BackupManifest {
  format: typeof FORMAT;
  createdAt: string;
  /** The store's file names (DATA_FILE's base name and its journal). */
  snapshotFile: string | null;
  journalFile: string;
  files: Record<string, { bytes: number; sha256: string }>;
  cases: number;
  auditEntries: number;
}

export interface BackupCheck {
  ok: boolean;
  message: string;
  cases: number;
  auditEntries: number;
  bytes: number;
}

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

async function statIfExists(file: string): Promise<Identity | null> {
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

export async function sha256File(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(file)) h.update(chunk as Buffer);
  return h.digest('hex');
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

/**
 * Opens a copy of the store's files in a temporary directory (the files given are never changed,
 * and no lock of theirs is touched) and reads the chain and the cases.
 */
export async function inspectStoreFiles(
  snapshot: string | null,
  journal: string,
): Promise<{ ok: boolean; message: string; cases: number; auditEntries: number }> {
  // A torn last line is cut off by a start, silently: here it is a damaged copy.
  const fh = await open(journal, 'r');
  try {
    const size = (await fh.stat()).size;
    if (size > 0) {
      const last = Buffer.alloc(1);
      await fh.read(last, 0, 1, size - 1);
      if (last[0] !== 0x0a)
        return { ok: false, message: 'Journalens sista rad är avbruten.', cases: 0, auditEntries: 0 };
    }
  } finally {
    await fh.close();
  }
  const work = await mkdtemp(join(tmpdir(), 'arendevakt-kontroll-'));
  try {
    const file = join(work, 'db.json');
    if (snapshot) await copyFile(snapshot, file);
    await copyFile(journal, `${file}.journal`);
    let store;
    try {
      store = await openLowdbStore(file, { snapshotAfterBytes: Number.MAX_SAFE_INTEGER });
    } catch (err) {
      return { ok: false, message: (err as Error).message, cases: 0, auditEntries: 0 };
    }
    try {
      const v = await store.verifyAudit();
      return { ok: v.ok, message: v.message, cases: [...store.allCases()].length, auditEntries: v.entries };
    } finally {
      await store.close();
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Writes the manifest of a copied store (sizes, checksums, counts) into `dir`. */
export async function writeManifest(
  dir: string,
  dataFile: string,
  counts: { cases: number; auditEntries: number },
  now = new Date(),
): Promise<BackupManifest> {
  const snapName = basename(dataFile);
  const journalName = `${snapName}.journal`;
  const hasSnap = (await statIfExists(join(dir, snapName))) !== null;
  const files: BackupManifest['files'] = {};
  for (const f of hasSnap ? [snapName, journalName] : [journalName])
    files[f] = { bytes: (await stat(join(dir, f))).size, sha256: await sha256File(join(dir, f)) };
  const manifest: BackupManifest = {
    format: FORMAT,
    createdAt: now.toISOString(),
    snapshotFile: hasSnap ? snapName : null,
    journalFile: journalName,
    files,
    ...counts,
  };
  await writeFile(join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { flag: 'wx' });
  const mh = await open(join(dir, MANIFEST), 'r');
  await mh.sync();
  await mh.close();
  await fsyncDir(dir);
  return manifest;
}

const refused = (message: string): BackupCheck => ({ ok: false, message, cases: 0, auditEntries: 0, bytes: 0 });

/** Checks a backup directory: its manifest, every file's checksum, the chain and the case count. */
export async function verifyBackup(dir: string): Promise<BackupCheck & { manifest?: BackupManifest }> {
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')) as BackupManifest;
  } catch {
    return refused(`${dir} är ingen hel säkerhetskopia: ${MANIFEST} saknas eller går inte att läsa.`);
  }
  if (manifest.format !== FORMAT || typeof manifest.journalFile !== 'string' || !manifest.files)
    return refused(`${dir}: ${MANIFEST} har ett okänt format.`);
  let bytes = 0;
  for (const [name, want] of Object.entries(manifest.files)) {
    if (name.includes('/') || name.startsWith('.')) return refused(`${dir}: ${MANIFEST} nämner en ogiltig fil.`);
    const file = join(dir, name);
    const got = await statIfExists(file);
    if (!got) return refused(`Säkerhetskopian ${dir} saknar filen ${name}.`);
    if (got.size !== want.bytes || (await sha256File(file)) !== want.sha256)
      return refused(
        `Filen ${name} i säkerhetskopian ${dir} är ändrad eller skadad (storlek eller kontrollsumma stämmer inte).`,
      );
    bytes += got.size;
  }
  if (!manifest.files[manifest.journalFile] || (manifest.snapshotFile && !manifest.files[manifest.snapshotFile]))
    return refused(`${dir}: ${MANIFEST} saknar databasens filer.`);
  const inspected = await inspectStoreFiles(
    manifest.snapshotFile ? join(dir, manifest.snapshotFile) : null,
    join(dir, manifest.journalFile),
  );
  if (!inspected.ok) return refused(`Säkerhetskopian ${dir} går inte att använda: ${inspected.message}`);
  if (inspected.cases !== manifest.cases || inspected.auditEntries !== manifest.auditEntries)
    return refused(
      `Säkerhetskopian ${dir} stämmer inte med sin förteckning: ${inspected.cases} ärenden och ` +
        `${inspected.auditEntries} granskningsposter, förteckningen säger ${manifest.cases} och ${manifest.auditEntries}.`,
    );
  return {
    ok: true,
    message: inspected.message,
    cases: inspected.cases,
    auditEntries: inspected.auditEntries,
    bytes,
    manifest,
  };
}
