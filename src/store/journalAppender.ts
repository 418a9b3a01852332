// Appending to the journal so that an acknowledged commit is on disk and a failed one leaves
// nothing (docs/embedded-store.md "A commit"): a short write goes on with the rest, any error cuts the
// file back to where the line began, and if even that fails, the cut is made before the next line,
// so a later line never lands after a torn fragment.
import { open, type FileHandle } from 'node:fs/promises';
import { errorFields, log } from '../log.js';
import { StoreWriteError } from './durableFile.js';

/** How one chunk is written; resolves with the bytes written (tests put a disk that runs full here). */
export type JournalWrite = (fh: FileHandle, bytes: Buffer) => Promise<number>;

const realWrite: JournalWrite = async (fh, bytes) => (await fh.write(bytes, 0, bytes.length, null)).bytesWritten;

/** The Swedish sentence for a write that failed, by the error's code (no path, no content). */
export function writeFailure(code: string | undefined): string {
  const why =
    code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG'
      ? 'disken är full'
      : code === 'EROFS'
        ? 'disken är skrivskyddad'
        : `skrivfel${code ? ` (${code})` : ''}`;
  return `Ändringen kunde inte sparas: ${why}. Ingenting av den sparades; försök igen om en stund.`;
}

/** Writes all of `bytes` at the end of `fh`, or throws (ENOSPC when the disk takes no more). */
export async function writeAll(fh: FileHandle, bytes: Buffer, write: JournalWrite = realWrite): Promise<void> {
  let done = 0;
  while (done < bytes.length) {
    const n = await write(fh, bytes.subarray(done));
    if (!(n > 0)) throw Object.assign(new Error('no bytes written'), { code: 'ENOSPC' });
    done += n;
  }
}

export class JournalAppender {
  private fh!: FileHandle;
  /** Bytes acknowledged: where the next line begins. */
  size = 0;
  /** A failed append whose bytes could not be cut back yet: done before the next append. */
  private tornTail = false;
  private lost = false;
  /** The last write that failed, until one at least as large succeeds (/healthz reports it). */
  failure: { bytes: number; code?: string } | undefined;

  constructor(
    private readonly file: string,
    private readonly write: JournalWrite = realWrite,
  ) {}

  /** Opens the journal for appending at `size` (what the replay found); reopens after a rename. */
  async open(size: number): Promise<void> {
    await this.fh?.close().catch(() => undefined);
    this.fh = await open(this.file, 'a');
    this.size = size;
    this.tornTail = false;
  }

  /** Another process took the data file over: refuse every write from now on. */
  markLost(): void {
    this.lost = true;
  }

  get isLost(): boolean {
    return this.lost;
  }

  refuseIfLost(message: string): void {
    if (this.lost) throw new StoreWriteError(message, 'ELOCKLOST');
  }

  /** Append one line and make it durable; resolves with the offset it begins at. */
  async append(bytes: Buffer): Promise<number> {
    this.refuseIfLost('Ändringen kunde inte sparas: en annan process har tagit över databasfilen. Starta om boten.');
    if (this.tornTail) await this.cutBack();
    try {
      await writeAll(this.fh, bytes, this.write);
      await this.fh.datasync();
      if (this.failure && bytes.length >= this.failure.bytes) this.failure = undefined;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      this.failure = { bytes: bytes.length, ...(code ? { code } : {}) };
      log.error({ ...errorFields(err), bytes: bytes.length }, 'journal write failed; nothing acknowledged');
      this.tornTail = true;
      await this.cutBack().catch(() => undefined);
      throw new StoreWriteError(writeFailure(code), code);
    }
    const offset = this.size;
    this.size += bytes.length;
    return offset;
  }

  private async cutBack(): Promise<void> {
    try {
      await this.fh.truncate(this.size);
      await this.fh.datasync();
      this.tornTail = false;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new StoreWriteError(writeFailure(code), code);
    }
  }

  async close(): Promise<void> {
    await this.fh?.close().catch(() => undefined);
  }
}
