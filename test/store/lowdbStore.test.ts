import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openLowdbStore } from '../../src/store/lowdbStore.js';
import { tempDataFile } from '../support/tmp.js';
import { newCase } from './fixtures.js';
import { nodeArgs } from '../support/children.js';

const AT = '2026-11-20T10:00:00.000Z';

describe('the embedded store', () => {
  it('keeps what was committed across a close and reopen, with versions set by the store', async () => {
    const file = tempDataFile();
    const s1 = await openLowdbStore(file);
    const r = await s1.commit({
      cases: [{ case: newCase('IFO-1'), expectedVersion: null }],
      docs: [{ collection: 'conversations', id: 'group:x', value: { ref: 1 } }],
    });
    expect(r).toEqual({ ok: true, versions: { 'IFO-1': 1 } });
    await s1.commit({ cases: [{ case: { ...newCase('IFO-1'), assignees: ['a'] }, expectedVersion: 1 }] });
    await s1.close();
    const s2 = await openLowdbStore(file);
    expect(await s2.getCase('IFO-1')).toMatchObject({ version: 2, assignees: ['a'] });
    expect(await s2.getDoc('conversations', 'group:x')).toEqual({ ref: 1 });
    expect([...(await s2.openCases())].map((c) => c.id)).toEqual(['IFO-1']);
    expect((await s2.casesByChild('B-IFO-1')).map((c) => c.id)).toEqual(['IFO-1']);
    await s2.close();
  });

  it('finds the cases of a family by familyRef (open and closed), after a change of family and after a reopen', async () => {
    const file = tempDataFile();
    const s1 = await openLowdbStore(file, { snapshotAfterBytes: 1e9 });
    const fam = (id: string, familyRef?: string) => ({ ...newCase(id), ...(familyRef ? { familyRef } : {}) });
    await s1.commit({
      cases: [
        { case: fam('IFO-1', 'F-1'), expectedVersion: null },
        { case: { ...fam('IFO-2', 'F-1'), phase: 'closed' as const }, expectedVersion: null },
        { case: fam('IFO-3', 'F-2'), expectedVersion: null },
        { case: fam('IFO-4'), expectedVersion: null },
      ],
    });
    expect((await s1.casesByFamily('F-1')).map((c) => c.id)).toEqual(['IFO-1', 'IFO-2']);
    // IFO-3 is corrected to family F-1: it leaves F-2.
    await s1.commit({ cases: [{ case: fam('IFO-3', 'F-1'), expectedVersion: 1 }] });
    expect(await s1.casesByFamily('F-2')).toEqual([]);
    const { unlinkSync } = await import('node:fs');
    unlinkSync(`${file}.lock`); // no snapshot: the index is rebuilt from the journal
    const s2 = await openLowdbStore(file);
    expect((await s2.casesByFamily('F-1')).map((c) => c.id)).toEqual(['IFO-1', 'IFO-2', 'IFO-3']);
    expect(await s2.casesByFamily('F-2')).toEqual([]);
    await s2.close();
    const s3 = await openLowdbStore(file); // from the snapshot
    expect(await s3.casesByFamily('F-1')).toHaveLength(3);
    await s3.close();
  });

  it('reopens from the journal alone when the process stopped without a snapshot', async () => {
    const file = tempDataFile();
    const s1 = await openLowdbStore(file, { snapshotAfterBytes: 1e9 });
    for (let i = 0; i < 20; i++) await s1.commit({ cases: [{ case: newCase(`IFO-${i}`), expectedVersion: null }] });
    // Simulate a crash: release the lock without close() (no final snapshot).
    const { unlinkSync } = await import('node:fs');
    unlinkSync(`${file}.lock`);
    const s2 = await openLowdbStore(file);
    expect([...(await s2.allCases())]).toHaveLength(20);
    await s2.close();
  });

  it('refuses a commit based on an old version and writes nothing', async () => {
    const file = tempDataFile();
    const s = await openLowdbStore(file);
    await s.commit({ cases: [{ case: newCase('IFO-1'), expectedVersion: null }] });
    await s.commit({ cases: [{ case: { ...newCase('IFO-1'), assignees: ['a'] }, expectedVersion: 1 }] });
    const stale = await s.commit({
      cases: [{ case: { ...newCase('IFO-1'), assignees: ['b'] }, expectedVersion: 1 }],
      docs: [{ collection: 'outbox', id: 'm1', value: { x: 1 } }],
      audit: [{ at: AT, actor: 'b', type: 'CaseReassigned', caseId: 'IFO-1' }],
    });
    expect(stale).toEqual({ ok: false, conflict: { kind: 'case', id: 'IFO-1', currentVersion: 2 } });
    expect((await s.getCase('IFO-1'))?.assignees).toEqual(['a']);
    expect(await s.getDoc('outbox', 'm1')).toBeUndefined();
    expect(await s.auditFor('IFO-1')).toEqual([]);
    const dup = await s.commit({ cases: [{ case: newCase('IFO-1'), expectedVersion: null }] });
    expect(dup.ok).toBe(false);
    await s.close();
  });

  it('lets exactly one of two concurrent commits on the same version win', async () => {
    const file = tempDataFile();
    const s = await openLowdbStore(file);
    await s.commit({ cases: [{ case: newCase('IFO-1'), expectedVersion: null }] });
    const [a, b] = await Promise.all([
      s.commit({ cases: [{ case: { ...newCase('IFO-1'), assignees: ['a'] }, expectedVersion: 1 }] }),
      s.commit({ cases: [{ case: { ...newCase('IFO-1'), assignees: ['b'] }, expectedVersion: 1 }] }),
    ]);
    expect([a.ok, b.ok]).toEqual([true, false]);
    expect((await s.getCase('IFO-1'))?.assignees).toEqual(['a']);
    await s.close();
  });

  it('claims a document once (insert if absent), as the schedules need', async () => {
    const s = await openLowdbStore(tempDataFile());
    const claim = () =>
      s.commit({
        docs: [{ collection: 'claims', id: 'morning:g:2026-11-20', value: { version: 1 }, expectedVersion: null }],
      });
    expect((await claim()).ok).toBe(true);
    expect(await claim()).toMatchObject({
      ok: false,
      conflict: { kind: 'doc', collection: 'claims', currentVersion: 1 },
    });
    await s.close();
  });

  it('keeps an audit trail per case, in order, that verifies', async () => {
    const file = tempDataFile();
    const s = await openLowdbStore(file, { snapshotAfterBytes: 2_000 });
    for (let i = 0; i < 30; i++) {
      await s.commit({
        cases: [{ case: newCase(`IFO-${i % 3}`), expectedVersion: i < 3 ? null : Math.floor(i / 3) }],
        audit: [{ at: AT, actor: 'x', type: `E${i}`, caseId: `IFO-${i % 3}`, reason: 'för att' }],
      });
    }
    expect((await s.auditFor('IFO-1')).map((e) => e.type)).toEqual([
      'E1',
      'E4',
      'E7',
      'E10',
      'E13',
      'E16',
      'E19',
      'E22',
      'E25',
      'E28',
    ]);
    expect(await s.verifyAudit()).toMatchObject({ ok: true, entries: 30 });
    await s.close();
    const again = await openLowdbStore(file);
    expect((await again.auditFor('IFO-2')).length).toBe(10);
    expect((await again.verifyAudit()).ok).toBe(true);
    await again.close();
  });

  it('checks only what was appended after a recent complete check, with the same answer as a full one', async () => {
    const file = tempDataFile();
    const s = await openLowdbStore(file);
    const add = (i: number) =>
      s.commit({ audit: [{ at: AT, actor: 'x', type: 'Decision', caseId: 'IFO-1', reason: `skäl ${i}` }] });
    for (let i = 0; i < 5; i++) await add(i);
    expect(await s.verifyAudit({ maxAgeMs: 60_000 })).toMatchObject({ ok: true, entries: 5 });
    for (let i = 5; i < 8; i++) await add(i);
    expect(await s.verifyAudit({ maxAgeMs: 60_000 })).toMatchObject({ ok: true, entries: 8 });
    expect(await s.verifyAudit()).toMatchObject({ ok: true, entries: 8 });
    // An edit in the part checked before is found by the complete check (every start, every 15 min).
    writeFileSync(`${file}.journal`, readFileSync(`${file}.journal`, 'utf8').replace('skäl 2', 'skäl X'));
    expect((await s.verifyAudit()).ok).toBe(false);
    expect((await s.verifyAudit({ maxAgeMs: 60_000 })).ok).toBe(false); // and stays found
    await s.close();
  });

  it('finds an edited audit entry', async () => {
    const file = tempDataFile();
    const s = await openLowdbStore(file);
    for (let i = 0; i < 5; i++)
      await s.commit({ audit: [{ at: AT, actor: 'x', type: 'Decision', caseId: 'IFO-1', reason: `skäl ${i}` }] });
    await s.close();
    const journal = `${file}.journal`;
    writeFileSync(journal, readFileSync(journal, 'utf8').replace('skäl 2', 'skäl X'));
    const reopened = await openLowdbStore(file);
    const v = await reopened.verifyAudit();
    expect(v.ok).toBe(false);
    expect(v.firstBadSeq).toBe(3);
    expect(v.message).toMatch(/ändrad/);
    await reopened.close();
  });

  it('refuses to start on a corrupt file and leaves it exactly as it was', async () => {
    const file = tempDataFile();
    const s = await openLowdbStore(file);
    await s.commit({ cases: [{ case: newCase('IFO-1'), expectedVersion: null }] });
    await s.close();
    const good = readFileSync(file);
    writeFileSync(file, '{"schemaVersion":2,"cases":{"IFO-1":{"id":');
    const before = readFileSync(file);
    await expect(openLowdbStore(file)).rejects.toThrow(/skadad.*inte ändrats/);
    expect(readFileSync(file).equals(before)).toBe(true);
    // The refused start keeps no lock: once the file is restored, the bot starts with its data.
    writeFileSync(file, good);
    const restored = await openLowdbStore(file);
    expect(await restored.getCase('IFO-1')).toBeDefined();
    await restored.close();
  });

  it('refuses a journal damaged in the middle, and leaves it', async () => {
    const file = tempDataFile();
    const s = await openLowdbStore(file, { snapshotAfterBytes: 1e9 });
    for (let i = 0; i < 3; i++) await s.commit({ cases: [{ case: newCase(`IFO-${i}`), expectedVersion: null }] });
    const { unlinkSync } = await import('node:fs');
    unlinkSync(`${file}.lock`);
    const journal = `${file}.journal`;
    const lines = readFileSync(journal, 'utf8').split('\n');
    lines[1] = lines[1].slice(0, 20) + '#' + lines[1].slice(21);
    writeFileSync(journal, lines.join('\n'));
    const before = readFileSync(journal);
    await expect(openLowdbStore(file)).rejects.toThrow(/skadad/);
    expect(readFileSync(journal).equals(before)).toBe(true);
  });

  it('refuses a second instance on the same file, and says why', async () => {
    const file = tempDataFile();
    const s = await openLowdbStore(file);
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `
      const { openLowdbStore } = await import(${JSON.stringify(new URL('../../src/store/lowdbStore.ts', import.meta.url).pathname)});
      try { await openLowdbStore(${JSON.stringify(file)}); console.log('opened'); } catch (e) { console.log(e.message); }
    `,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    await new Promise((r) => child.on('exit', r));
    expect(out).toMatch(/används redan av en annan process/);
    expect(out).toMatch(/en instans/);
    await s.close();
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('keeps every acknowledged commit when the writer is killed with SIGKILL mid-burst, and restarts at once', async () => {
    const file = tempDataFile();
    const child = spawn(
      process.execPath,
      [...nodeArgs(new URL('./writer.ts', import.meta.url).pathname), file, '100000'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    let acked = -1;
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = out.match(/ack (\d+)\n(?![\s\S]*ack)/);
        if (m) acked = Number(m[1]);
        if (acked >= 400) {
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    await new Promise((r) => child.on('exit', r));
    const lastAck = Math.max(...[...out.matchAll(/ack (\d+)\n/g)].map((m) => Number(m[1])));
    expect(lastAck).toBeGreaterThanOrEqual(400);
    const s = await openLowdbStore(file); // the dead writer's lock does not block the restart
    for (let i = 0; i <= lastAck; i++) {
      expect(await s.getCase(`IFO-CRASH-${i}`), `commit ${i}`).toBeDefined();
      expect(await s.getDoc('outbox', `m-${i}`), `outbox ${i}`).toBeDefined();
    }
    expect((await s.verifyAudit()).ok).toBe(true);
    await s.close();
  });
});
