// A lowdb adapter that never leaves the snapshot half-written: write a temporary file, fsync it,
// rename it over the old one, fsync the directory. A file that cannot be parsed is refused, never
// replaced: the start stops with a message that names the file.
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';

export class StoreFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreFileError';
  }
}

/**
 * A write the store could not make durable (disk full, I/O error, the lock lost): nothing of the
 * transaction was applied, and the caller answers with a clear message (503, an error card). The
 * store goes on serving reads and tries again with the next commit.
 */
export class StoreWriteError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'StoreWriteError';
  }
}

export async function fsyncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

export async function writeFileDurably(file: string, text: string): Promise<void> {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  const fh = await open(tmp, 'w');
  try {
    await fh.writeFile(text, 'utf8');
    await fh.sync();
  } catch (err) {
    await fh.close();
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
  await fh.close();
  await rename(tmp, file);
  await fsyncDir(dirname(file));
}

export class DurableJSONFile<T> implements Adapter<T> {
  constructor(private readonly file: string) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new StoreFileError(
        `Databasfilen ${this.file} kan inte läsas (${(err as NodeJS.ErrnoException).code}). Boten startar inte.`,
      );
    }
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new StoreFileError(
        `Databasfilen ${this.file} är skadad (ogiltig JSON) och har inte ändrats. Boten startar inte: ` +
          'återställ filen från säkerhetskopia eller flytta den och starta om.',
      );
    }
  }

  async write(data: T): Promise<void> {
    await writeFileDurably(this.file, JSON.stringify(data));
  }
}
