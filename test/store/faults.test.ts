// The store on a bad day: a disk that runs full (a short write, then ENOSPC) never gets a commit
// acknowledged that it did not hold, leaves no torn bytes for the next commit to land behind, and
// takes writes again by itself when space returns. A damaged last line is repaired by one command.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { StoreWriteError } from '../../src/store/durableFile.js';
import { openLowdbStore } from '../../src/store/lowdbStore.js';
import { repairJournal } from '../../src/store/repair.js';
import { tempDataFile } from '../support/tmp.js';
import { newCase } from './fixtures.js';
import { nodeArgs } from '../support/children.js';

const AT = '2026-11-20T10:00:00.000Z';

/** A disk with `free` bytes left: a write past it writes what fits (a short write), then ENOSPC. */
function fullDisk(free: number) {
  const disk = {
    free,
    write: async (fh: FileHandle, bytes: Buffer): Promise<number> => {
      if (disk.free <= 0) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      const n = Math.min(bytes.length, disk.free);
      const { bytesWritten } = await fh.write(bytes, 0, n, null);
      disk.free -= bytesWritten;
      return bytesWritten;
    },
  };
  return disk;
}

const caseTx = (id: string) => ({
  cases: [{ case: newCase(id), expectedVersion: null }],
  docs: [{ collection: 'outbox', id: `m-${id}`, value: { n: id, version: 1 }, expectedVersion: null }],
  audit: [{ at: AT, actor: 'system' as const, type: 'ReportRegistered', caseId: id }],
});

describe('a full disk', () => {
  it('fails the commit of a short write, applies nothing, cuts the bytes back and recovers when space returns', async () => {
    const file = tempDataFile();
    const disk = fullDisk(1e9);
    const s = await openLowdbStore(file, { writeJournal: disk.write, snapshotAfterBytes: 1e9 });
    expect((await s.commit(caseTx('IFO-1'))).ok).toBe(true);
    const journal = `${file}.journal`;
    const sizeBefore = statSync(journal).size;
    disk.free = 40; // the next line is longer: 40 bytes land, then the disk is full
    const err = await s.commit(caseTx('IFO-2')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreWriteError);
    expect((err as Error).message).toMatch(/disken är full.*Ingenting av den sparades/);
    expect(await s.getCase('IFO-2')).toBeUndefined();
    expect(await s.getDoc('outbox', 'm-IFO-2')).toBeUndefined();
    expect(await s.auditFor('IFO-2')).toEqual([]);
    expect(statSync(journal).size).toBe(sizeBefore); // the torn 40 bytes are gone
    // Still full: refused again, reads go on.
    await expect(s.commit(caseTx('IFO-3'))).rejects.toThrow(StoreWriteError);
    expect(await s.getCase('IFO-1')).toBeDefined();
    // Space returns: the next commit is written, and lands right after the last good line.
    disk.free = 1e9;
    expect((await s.commit(caseTx('IFO-4'))).ok).toBe(true);
    expect((await s.verifyAudit()).ok).toBe(true);
    await s.close();
    const again = await openLowdbStore(file);
    expect([...(await again.allCases())].map((c) => c.id).sort()).toEqual(['IFO-1', 'IFO-4']);
    expect((await again.verifyAudit()).ok).toBe(true);
    await again.close();
  });

  it('keeps running when the snapshot cannot be written, and the journal still has every commit', async () => {
    const file = tempDataFile();
    const s = await openLowdbStore(file, { snapshotAfterBytes: 1 });
    // The snapshot's temporary file cannot be created: its directory entry is taken by a directory.
    const { mkdirSync } = await import('node:fs');
    mkdirSync(`${dirname(file)}/.db.json.${process.pid}.tmp`);
    for (let i = 0; i < 5; i++) expect((await s.commit(caseTx(`IFO-${i}`))).ok).toBe(true);
    await s.close();
    const again = await openLowdbStore(file);
    expect([...(await again.allCases())]).toHaveLength(5);
    await again.close();
  });
});

describe('npm run store:repair', () => {
  async function storeWithTornLastLine(): Promise<string> {
    const file = tempDataFile();
    const s = await openLowdbStore(file, { snapshotAfterBytes: 1e9 });
    for (let i = 0; i < 3; i++) await s.commit(caseTx(`IFO-${i}`));
    await s.close();
    // A line written by an older version that appended after a torn fragment: damaged, then \n.
    writeFileSync(`${file}.journal`, readFileSync(`${file}.journal`, 'utf8') + '{"v":1,"seq":4,"cas\n', { flag: 'w' });
    return file;
  }

  it('the start names the command; the command cuts only the damaged last line and keeps its bytes', async () => {
    const file = await storeWithTornLastLine();
    await expect(openLowdbStore(file)).rejects.toThrow(/sista raden.*npm run store:repair/);
    const r = await repairJournal(file, () => new Date(AT));
    expect(r.code).toBe(0);
    expect(r.output).toMatch(/tog bort 20 byte/);
    const kept = readdirSync(dirname(file)).filter((f) => f.includes('.trasig-'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(`${dirname(file)}/${kept[0]}`, 'utf8')).toBe('{"v":1,"seq":4,"cas\n');
    const s = await openLowdbStore(file);
    expect([...(await s.allCases())]).toHaveLength(3);
    expect((await s.verifyAudit()).ok).toBe(true);
    await s.close();
    expect((await repairJournal(file)).output).toMatch(/är hel: inget att laga/);
  });

  it('refuses damage followed by good lines, and changes nothing', async () => {
    const file = tempDataFile();
    const s = await openLowdbStore(file, { snapshotAfterBytes: 1e9 });
    for (let i = 0; i < 3; i++) await s.commit(caseTx(`IFO-${i}`));
    unlinkSync(`${file}.lock`); // a crash: no final snapshot, the start replays the journal
    const lines = readFileSync(`${file}.journal`, 'utf8').split('\n');
    lines[0] = lines[0].slice(0, 10) + '#' + lines[0].slice(11);
    writeFileSync(`${file}.journal`, lines.join('\n'));
    const before = readFileSync(`${file}.journal`);
    await expect(openLowdbStore(file)).rejects.toThrow(/återställ från säkerhetskopia/);
    const r = await repairJournal(file);
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/2 hela rader följer efter/);
    expect(readFileSync(`${file}.journal`).equals(before)).toBe(true);
  });

  it('refuses while the bot holds the store', async () => {
    const file = tempDataFile();
    const s = await openLowdbStore(file);
    const r = await repairJournal(file);
    expect(r.code).toBe(3);
    expect(r.output).toMatch(/används redan[\s\S]*Stoppa boten/);
    await s.close();
  });
});

describe('the lock after a crash', () => {
  const lockOf = (file: string, owner: object, ageMs = 0) => {
    writeFileSync(`${file}.lock`, JSON.stringify(owner));
    const t = new Date(Date.now() - ageMs);
    utimesSync(`${file}.lock`, t, t);
  };

  it('is taken over at once when its owner is a zombie', async () => {
    // The background sleep ends after its parent exec'd into another sleep, which never reaps it.
    const holder = spawn('sh', ['-c', 'sleep 0.2 & echo $!; exec sleep 30'], { stdio: ['ignore', 'pipe', 'ignore'] });
    onTestFinished(() => void holder.kill('SIGKILL'));
    const pid = Number(await new Promise<string>((r) => holder.stdout.once('data', (d) => r(String(d)))));
    const until = Date.now() + 5_000;
    while (!/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8')) && Date.now() < until)
      await new Promise((r) => setTimeout(r, 20));
    expect(readFileSync(`/proc/${pid}/stat`, 'utf8')).toMatch(/\) Z /);
    const file = tempDataFile();
    lockOf(file, { pid, host: hostname(), at: new Date().toISOString() });
    const t0 = Date.now();
    const s = await openLowdbStore(file);
    expect(Date.now() - t0).toBeLessThan(1_000);
    await s.close();
  });

  it('naming a live pid 1 without a heartbeat is taken over after one lease (a restarted container)', async () => {
    const file = tempDataFile();
    expect(existsSync('/proc/1')).toBe(true); // pid 1 runs here, as in any container
    lockOf(file, { pid: 1, host: hostname(), at: new Date(Date.now() - 3.6e6).toISOString() }, 5_000);
    const s = await openLowdbStore(file, { lock: { leaseMs: 1_000 } });
    expect((await s.commit(caseTx('IFO-1'))).ok).toBe(true);
    await s.close();
  });

  it('from another host waits one lease without a heartbeat, then is taken over', async () => {
    const file = tempDataFile();
    lockOf(file, { pid: 1, host: 'old-container-7f3a', at: new Date().toISOString() });
    const t0 = Date.now();
    const s = await openLowdbStore(file, { lock: { leaseMs: 1_500 } });
    const waited = Date.now() - t0;
    expect(waited).toBeGreaterThanOrEqual(1_000);
    expect(waited).toBeLessThan(4_000);
    await s.close();
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('from another host whose heartbeat goes on is refused, naming the host', async () => {
    const file = tempDataFile();
    lockOf(file, { pid: 4242, host: 'other-node', at: new Date().toISOString() });
    const beat = setInterval(() => utimesSync(`${file}.lock`, new Date(), new Date()), 200);
    onTestFinished(() => clearInterval(beat));
    await expect(openLowdbStore(file, { lock: { leaseMs: 1_500 } })).rejects.toThrow(
      /låst av värden other-node, som fortfarande är igång/,
    );
  });

  it('turns the store read-only when another process took the lock over', async () => {
    const file = tempDataFile();
    const s = await openLowdbStore(file, { lock: { leaseMs: 150 } });
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: 99999, host: 'intruder', token: 'x' }));
    await new Promise((r) => setTimeout(r, 200));
    await expect(s.commit(caseTx('IFO-1'))).rejects.toThrow(/en annan process har tagit över databasfilen/);
    await s.close();
    // Not ours: left in place.
    expect(readFileSync(`${file}.lock`, 'utf8')).toMatch(/intruder/);
  });
});

describe('a crash during compaction', () => {
  const MARK = 'SYNTETISK-KOMPAKT-9902';
  const OLD = '2024-03-01T10:00:00.000Z';

  /** Ten closed cases (five old enough for gallring), each with its text in the case and the audit. */
  async function seed(file: string): Promise<void> {
    const s = await openLowdbStore(file, { snapshotAfterBytes: 2_000 });
    for (let i = 0; i < 10; i++) {
      const at = i < 5 ? OLD : '2026-10-01T10:00:00.000Z';
      const c = newCase(`IFO-K${i}`, {
        phase: 'closed',
        closure: { at, by: 'k', outcome: 'ingen_insats', motivation: `${MARK}-${i}` },
      });
      await s.commit({
        cases: [{ case: c, expectedVersion: null }],
        docs: [{ collection: 'claims', id: `x:IFO-K${i}`, value: { at } }],
        audit: [{ at, actor: 'k', type: 'CaseClosed', caseId: c.id, reason: `${MARK}-${i}` }],
      });
    }
    await s.close();
  }

  const filesContain = (file: string, text: string) =>
    readdirSync(dirname(file)).some((f) => readFileSync(`${dirname(file)}/${f}`).includes(Buffer.from(text)));

  function runChild(file: string, mode: string, step: string): Promise<{ signal: string | null; out: string }> {
    const child = spawn(
      process.execPath,
      [...nodeArgs(new URL('./compactor.ts', import.meta.url).pathname), file, mode, step],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    return new Promise((resolve) => child.on('exit', (_code, signal) => resolve({ signal, out })));
  }

  for (const step of ['journal-written', 'journal-renamed', 'snapshot-written']) {
    it(`a gallring killed after "${step}" opens with the cases gone, the text off the disk and the chain whole`, async () => {
      const file = tempDataFile();
      await seed(file);
      const r = await runChild(file, 'gallring', step);
      expect(r).toMatchObject({ signal: 'SIGKILL', out: '' });
      const s = await openLowdbStore(file);
      // The gallring's commit was durable before its compaction began: the start finishes it.
      expect([...(await s.allCases())].map((c) => c.id).sort()).toEqual([
        'IFO-K5',
        'IFO-K6',
        'IFO-K7',
        'IFO-K8',
        'IFO-K9',
      ]);
      expect(await s.getDoc('claims', 'x:IFO-K0')).toBeUndefined();
      expect(await s.getDoc('claims', 'x:IFO-K9')).toBeDefined();
      expect(await s.verifyAudit()).toMatchObject({ ok: true, entries: 11, redacted: { gallring: 5 } });
      await s.close();
      for (let i = 0; i < 5; i++) expect(filesContain(file, `${MARK}-${i}`), `case ${i}`).toBe(false);
      expect(filesContain(file, `${MARK}-7`)).toBe(true);
      expect(existsSync(`${file}.journal.compact`)).toBe(false);
    });

    it(`a plain compaction killed after "${step}" opens with the same state and chain`, async () => {
      const file = tempDataFile();
      await seed(file);
      const r = await runChild(file, 'compact', step);
      expect(r.signal).toBe('SIGKILL');
      const s = await openLowdbStore(file);
      expect([...(await s.allCases())].length).toBe(10);
      expect((await s.getCase('IFO-K3'))?.closure?.motivation).toBe(`${MARK}-3`);
      expect((await s.auditFor('IFO-K3')).map((e) => e.reason)).toEqual([`${MARK}-3`]);
      expect(await s.verifyAudit()).toMatchObject({ ok: true, entries: 10 });
      expect((await s.commit(caseTx('IFO-NEW'))).ok).toBe(true);
      await s.close();
      const again = await openLowdbStore(file);
      expect([...(await again.allCases())].length).toBe(11);
      expect(await again.verifyAudit()).toMatchObject({ ok: true, entries: 11 });
      await again.close();
    });
  }

  it('a half-written compaction left beside the journal is removed at start and changes nothing', async () => {
    const file = tempDataFile();
    await seed(file);
    writeFileSync(`${file}.journal.compact`, '{"v":1,"seq":0,"cases":[],"docs":[],"audit":[],"jou');
    const s = await openLowdbStore(file);
    expect([...(await s.allCases())].length).toBe(10);
    expect(await s.verifyAudit()).toMatchObject({ ok: true, entries: 10 });
    await s.close();
    expect(existsSync(`${file}.journal.compact`)).toBe(false);
  });
});

describe('a compaction that fails (a full disk, an I/O error)', () => {
  it('leaves the gallring acknowledged and its text hidden; a later snapshot keeps the redaction pending and the next start compacts', async () => {
    const MARK = 'SYNTETISK-FEL-6610';
    const OLD = '2024-03-01T10:00:00.000Z';
    const file = tempDataFile();
    let fail = true;
    const s = await openLowdbStore(file, {
      snapshotAfterBytes: 500,
      compactionHook: (step) => {
        if (fail && step === 'journal-written') throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
      },
    });
    for (let i = 0; i < 4; i++) {
      const at = i < 2 ? OLD : '2026-10-01T10:00:00.000Z';
      await s.commit({
        cases: [
          {
            case: newCase(`IFO-F${i}`, {
              phase: 'closed',
              closure: { at, by: 'k', outcome: 'insats', motivation: `${MARK}-${i}` },
            }),
            expectedVersion: null,
          },
        ],
        audit: [{ at, actor: 'k', type: 'CaseClosed', caseId: `IFO-F${i}`, reason: `${MARK}-${i}` }],
      });
    }
    const { runGallring } = await import('../../src/app/gallring.js');
    const g = await runGallring(s, { afterMonths: 24, now: new Date('2026-11-20T10:00:00.000Z') });
    expect(g.plan.cases).toEqual(['IFO-F0', 'IFO-F1']);
    // Acknowledged and hidden, though not yet off the disk.
    expect(g.verification).toMatchObject({ ok: true, redacted: { gallring: 2 } });
    expect(await s.getCase('IFO-F0')).toBeUndefined();
    expect((await s.auditFor('IFO-F0'))[0]).toMatchObject({ redacted: { rule: 'gallring' } });
    expect((await s.auditFor('IFO-F0'))[0].reason).toBeUndefined();
    expect(readFileSync(`${file}.journal`, 'utf8')).toContain(`${MARK}-0`);
    // Later commits write snapshots past the gallring's line: the redaction stays pending in them.
    for (let i = 0; i < 5; i++) expect((await s.commit(caseTx(`IFO-N${i}`))).ok).toBe(true);
    await s.close();
    expect(JSON.parse(readFileSync(file, 'utf8')).pendingRedactions).toHaveLength(1);
    fail = false;
    const again = await openLowdbStore(file);
    expect(await again.verifyAudit()).toMatchObject({ ok: true, entries: 10, redacted: { gallring: 2 } });
    expect([...(await again.allCases())].length).toBe(7);
    await again.close();
    const disk = readdirSync(dirname(file))
      .map((f) => readFileSync(`${dirname(file)}/${f}`, 'utf8'))
      .join('\n');
    expect(disk).not.toContain(`${MARK}-0`);
    expect(disk).not.toContain(`${MARK}-1`);
    expect(disk).toContain(`${MARK}-3`);
    expect(JSON.parse(readFileSync(file, 'utf8')).pendingRedactions).toBeUndefined();
  });
});
