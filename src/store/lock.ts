// One process owns a data file. The embedded store is single-instance: a second bot started on the
// same DATA_FILE stops with a message. The lock is a file naming its owner (pid, host, start) and a
// lease: the owner touches the file's mtime every `leaseMs / 3` (the heartbeat). A lock is taken
// over when
//   - its owner on this host is dead, a zombie, or a later process that reused the pid (started
//     after the lock was written: pid 1 of a new container), at once;
//   - its lease expired (no heartbeat for `leaseMs`), whatever the host: a lock from a recreated
//     container with a new hostname blocks a start for one lease at most;
// and refused while a live owner on this host holds it, or a heartbeat goes on from another host.
//
// Hand-written rather than proper-lockfile: that library decides staleness by mtime alone, so a
// restart after kill -9 would wait for the whole stale period and it cannot name the owner; this
// file keeps its mtime lease (the same heartbeat) and adds the owner checks. The heartbeat also
// checks the file still names us: a lock taken over behind our back (a paused process) turns the
// store read-only instead of two processes writing one journal.
import { randomUUID } from 'node:crypto';
import { closeSync, openSync, readFileSync, statSync, unlinkSync, utimesSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { StoreFileError } from './durableFile.js';

export interface LockOptions {
  /** Without a heartbeat for this long the lock is free, whatever host wrote it. Default 30 s. */
  leaseMs?: number;
  /** Called when the heartbeat finds the lock no longer ours. */
  onLost?: () => void;
}

interface Owner {
  pid?: number;
  host?: string;
  at?: string;
  token?: string;
}

/** Tokens of the locks this process holds (a second open in the same process is refused too). */
const held = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Linux: a process's state letter and start time (ms since the epoch) from /proc; undefined elsewhere. */
function procInfo(pid: number): { state: string; startedAt: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const btime = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]);
    const ticks = Number(fields[19]); // field 22 of stat: start time in clock ticks after boot
    if (!Number.isFinite(btime) || !Number.isFinite(ticks)) return undefined;
    return { state: fields[0], startedAt: btime * 1000 + (ticks / 100) * 1000 };
  } catch {
    return undefined;
  }
}

/**
 * Whether the owner named in a lock on this host still runs and is the process that wrote it.
 * `createdAt`: when the lock file was made (its birth time; the time it names where the file
 * system keeps none).
 */
export function ownerRuns(owner: Owner, createdAt: number): boolean {
  if (!owner.pid || !alive(owner.pid)) return false;
  const info = procInfo(owner.pid);
  if (!info) return true;
  if (info.state === 'Z' || info.state === 'X') return false;
  // Clock ticks round the start time; a process that started clearly after the lock was made is
  // not the one that made it.
  return !(Number.isFinite(createdAt) && info.startedAt > createdAt + 2_000);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function acquireLock(dataFile: string, opts: LockOptions = {}): Promise<() => void> {
  const lockFile = `${dataFile}.lock`;
  const leaseMs = opts.leaseMs ?? 30_000;
  const token = randomUUID();
  const me = hostname();
  const giveUpAt = Date.now() + leaseMs + 2_000;
  let foreign: { text: string; mtime: number } | undefined;
  for (;;) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, host: me, at: new Date().toISOString(), token }));
      closeSync(fd);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    let text = '';
    let mtime = 0;
    let birth = 0;
    try {
      text = readFileSync(lockFile, 'utf8');
      ({ mtimeMs: mtime, birthtimeMs: birth } = statSync(lockFile));
    } catch {
      continue; // removed meanwhile: try again
    }
    let owner: Owner | undefined;
    try {
      owner = JSON.parse(text) as Owner;
    } catch {
      /* half-written by a process killed while creating it */
    }
    const leaseExpired = Date.now() - mtime > leaseMs;
    const sameHost = !owner?.host || owner.host === me;
    let stale: boolean;
    if (owner?.token && held.has(owner.token)) stale = false;
    else if (leaseExpired) stale = true;
    else if (!owner) stale = Date.now() - mtime > 1_000;
    else if (sameHost)
      stale = owner.pid === process.pid || !ownerRuns(owner, birth > 0 ? birth : Date.parse(owner.at ?? ''));
    else stale = false;
    if (!stale && sameHost && owner) {
      throw new StoreFileError(
        `Databasfilen ${dataFile} används redan av en annan process (pid ${owner.pid}). ` +
          'Den inbäddade databasen klarar bara en instans; flera instanser behöver en delad databas.',
      );
    }
    if (!stale) {
      // Another host's lock: wait for its lease to run out, unless its heartbeat goes on.
      if (foreign && foreign.text === text && mtime > foreign.mtime) {
        throw new StoreFileError(
          `Databasfilen ${dataFile} är låst av värden ${owner?.host ?? '(okänd)'}, som fortfarande är igång. ` +
            'Den inbäddade databasen klarar bara en instans.',
        );
      }
      foreign ??= { text, mtime };
      if (Date.now() > giveUpAt) throw new StoreFileError(`Kunde inte låsa databasfilen ${dataFile}.`);
      await sleep(Math.min(500, leaseMs / 4));
      continue;
    }
    try {
      // Only the lock we judged: if someone replaced it meanwhile, judge theirs instead.
      if (readFileSync(lockFile, 'utf8') === text) unlinkSync(lockFile);
    } catch {
      /* someone else removed it first */
    }
  }
  held.add(token);
  let released = false;
  const beat = setInterval(
    () => {
      try {
        const owner = JSON.parse(readFileSync(lockFile, 'utf8')) as Owner;
        if (owner.token !== token) throw new Error('taken over');
        const now = new Date();
        utimesSync(lockFile, now, now);
      } catch {
        clearInterval(beat);
        if (!released) opts.onLost?.();
      }
    },
    Math.max(50, Math.floor(leaseMs / 3)),
  );
  beat.unref();
  return () => {
    if (released) return;
    released = true;
    clearInterval(beat);
    held.delete(token);
    try {
      const owner = JSON.parse(readFileSync(lockFile, 'utf8')) as Owner;
      if (owner.token === token) unlinkSync(lockFile);
    } catch {
      /* already gone */
    }
  };
}
