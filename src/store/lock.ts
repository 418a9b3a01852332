// One process owns a data file. The embedded store is single-instance: a second bot started on the
// same DATA_FILE stops with a message. A lock left by a process that was killed is taken over, so a
// restart after kill -9 is never blocked (the owner is checked by pid on this host).
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { StoreFileError } from './durable-file.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireLock(dataFile: string): () => void {
  const lockFile = `${dataFile}.lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), at: new Date().toISOString() }));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          unlinkSync(lockFile);
        } catch {
          /* already gone */
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let owner: { pid?: number; host?: string } = {};
      try {
        owner = JSON.parse(readFileSync(lockFile, 'utf8'));
      } catch {
        /* a lock file half-written by a killed process: treat as stale */
      }
      const sameHost = !owner.host || owner.host === hostname();
      if (owner.pid && owner.pid !== process.pid && sameHost && alive(owner.pid)) {
        throw new StoreFileError(
          `Databasfilen ${dataFile} används redan av en annan process (pid ${owner.pid}). ` +
            'Den inbäddade databasen klarar bara en instans; flera instanser behöver en delad databas.',
        );
      }
      if (!sameHost) {
        throw new StoreFileError(
          `Databasfilen ${dataFile} är låst av värden ${owner.host}. Den inbäddade databasen klarar bara en instans.`,
        );
      }
      try {
        unlinkSync(lockFile); // stale: its owner is gone
      } catch {
        /* someone else removed it first */
      }
    }
  }
  throw new StoreFileError(`Kunde inte låsa databasfilen ${dataFile}.`);
}
