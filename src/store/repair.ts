// `npm run store:repair`: the one documented way back from a journal whose last line is damaged
// (a write torn by a crash or a full disk before this version cut such bytes back itself). Only the
// end is ever cut, and only what was never acknowledged: a damaged line followed by good ones is
// refused (restore from backup), and the bytes cut are kept in a file beside the journal.
import { open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { StoreFileError, fsyncDir } from './durableFile.js';
import { acquireLock } from './lock.js';
import { isJournalLine } from './journal.js';

export interface RepairResult {
  /** 0 repaired or nothing to do, 1 refused (damage not at the end), 3 locked or unreadable. */
  code: number;
  output: string;
}

function lineOk(bytes: Buffer): boolean {
  try {
    return isJournalLine(JSON.parse(bytes.toString('utf8')));
  } catch {
    return false;
  }
}

export async function repairJournal(dataFile: string, now = () => new Date()): Promise<RepairResult> {
  const journalFile = `${dataFile}.journal`;
  let release: () => void;
  try {
    release = await acquireLock(dataFile, { leaseMs: 30_000 });
  } catch (err) {
    if (err instanceof StoreFileError)
      return { code: 3, output: `${err.message}\nStoppa boten och kör npm run store:repair igen.` };
    throw err;
  }
  try {
    let logOffset = 0;
    try {
      logOffset = Number((JSON.parse(await readFile(dataFile, 'utf8')) as { logOffset?: number }).logOffset ?? 0);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
        return {
          code: 3,
          output: `Databasfilen ${dataFile} går inte att läsa; den lagas inte här. Återställ den från säkerhetskopia.`,
        };
    }
    let fh;
    try {
      fh = await open(journalFile, 'r+');
    } catch {
      return { code: 0, output: `Journalen ${journalFile} finns inte: inget att laga.` };
    }
    try {
      const size = (await fh.stat()).size;
      // Scan line by line in chunks: the first damaged line and whether good lines follow it.
      let firstBad: number | undefined;
      let goodAfterBad = 0;
      let pos = 0;
      let carry = Buffer.alloc(0);
      let lineStart = 0;
      const chunk = Buffer.alloc(1024 * 1024);
      while (pos < size) {
        const { bytesRead } = await fh.read(chunk, 0, chunk.length, pos);
        if (bytesRead === 0) break;
        pos += bytesRead;
        let buf = Buffer.concat([carry, chunk.subarray(0, bytesRead)]);
        let from = 0;
        for (let nl = buf.indexOf(0x0a, from); nl !== -1; nl = buf.indexOf(0x0a, from)) {
          const ok = lineOk(buf.subarray(from, nl));
          if (!ok && firstBad === undefined) firstBad = lineStart;
          else if (ok && firstBad !== undefined) goodAfterBad++;
          lineStart += nl + 1 - from;
          from = nl + 1;
        }
        buf = buf.subarray(from);
        carry = Buffer.from(buf);
      }
      // An unterminated tail was never acknowledged either.
      const cutAt = firstBad ?? (carry.length ? lineStart : undefined);
      if (cutAt === undefined) return { code: 0, output: `Journalen ${journalFile} är hel: inget att laga.` };
      if (goodAfterBad > 0)
        return {
          code: 1,
          output:
            `Journalen ${journalFile} är skadad vid byte ${firstBad}, och ${goodAfterBad} hela rader följer efter: ` +
            'det är inte en avbruten skrivning och lagas inte här. Filen har inte ändrats; återställ från säkerhetskopia.',
        };
      if (cutAt < logOffset)
        return {
          code: 1,
          output: `Journalen ${journalFile} är skadad före den punkt databasfilen redan bygger på; filen har inte ändrats. Återställ från säkerhetskopia.`,
        };
      const cut = Buffer.alloc(size - cutAt);
      await fh.read(cut, 0, cut.length, cutAt);
      const keep = `${journalFile}.trasig-${now().toISOString().replace(/[:.]/g, '-')}`;
      const out = await open(keep, 'wx');
      try {
        await out.writeFile(cut);
        await out.sync();
      } finally {
        await out.close();
      }
      await fh.truncate(cutAt);
      await fh.sync();
      await fsyncDir(dirname(journalFile));
      return {
        code: 0,
        output:
          `Journalen ${journalFile}: tog bort ${cut.length} byte från slutet (en rad som aldrig bekräftades) ` +
          `och sparade dem i ${keep}. Starta boten.`,
      };
    } finally {
      await fh.close();
    }
  } finally {
    release();
  }
}
