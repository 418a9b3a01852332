// The check of a backup of the embedded store (docs/backup.md): its manifest (sizes, checksums,
// counts), and the copy opened in a temporary directory with its chain verified and its cases counted.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdtemp, open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { statIfExists } from './backup.js';
import { fsyncDir } from './durableFile.js';
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

export async function sha256File(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(file)) h.update(chunk as Buffer);
  return h.digest('hex');
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
      return { ok: v.ok, message: v.message, cases: (await store.allCases()).length, auditEntries: v.entries };
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
