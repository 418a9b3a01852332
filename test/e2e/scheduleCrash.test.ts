// The bot is killed with SIGKILL right after it claimed the morning list (claim and queued message
// durable, nothing sent). After a restart the list is delivered exactly once: not lost, not doubled.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OUTBOX, type OutboxMessage } from '../../src/outbox/messages.js';
import { CLAIMS } from '../../src/jobs/claims.js';
import { openLowdbStore } from '../../src/store/lowdbStore.js';
import { cardText, installAndConnect, startTestBot, type TestBot } from '../support/bot.js';
import { nodeArgs } from '../support/children.js';

const CHANNEL = '19:barn-mottagning@thread.tacv2';
const CHILD = new URL('../jobs/schedulerChild.ts', import.meta.url).pathname;
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

function runChild(
  dataFile: string,
  nowIso: string,
  killOn?: string,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }> {
  const child = spawn(process.execPath, [...nodeArgs(CHILD), dataFile, nowIso, ...(killOn ? [killOn] : [])], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, out })));
}

describe('a crash right after the morning list was claimed', () => {
  it('delivers the list once after the restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arendevakt-crash-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const dataFile = join(dir, 'db.json');
    // Set up with the real server: the team installs the bot and links the channel; a report waits.
    const t: TestBot = await startTestBot({ dataFile, now: () => new Date('2026-11-24T07:30:00+01:00') });
    cleanup.push(() => t.connector.stop());
    await installAndConnect(t, t.who('karin'), 'barn-mottagning', CHANNEL);
    await t.registerReport({ externalId: 'IFO-2026-008001', receivedAt: '2026-11-23T10:00:00+01:00' });
    await t.drained();
    await t.running.stop();
    const lists = () =>
      t.connector.cards((c) => c.kind !== 'update').filter((c) => c.card && cardText(c.card).startsWith('Morgonlista'));

    const crashed = await runChild(dataFile, '2026-11-24T07:46:00+01:00', 'morning:');
    expect(crashed.signal).toBe('SIGKILL');
    expect(crashed.out).toContain('claimed morning:barn-mottagning:2026-11-24');
    expect(lists()).toHaveLength(0);
    // What the killed process left: the claim and its queued message, both durable.
    const store = await openLowdbStore(dataFile);
    expect(await store.getDoc(CLAIMS, 'morning:barn-mottagning:2026-11-24')).toBeDefined();
    expect(
      (await store.listDocs<OutboxMessage>(OUTBOX)).filter((m) => m.target.kind === 'group' && m.status === 'pending'),
    ).toHaveLength(1);
    await store.close();

    const restarted = await runChild(dataFile, '2026-11-24T07:47:00+01:00');
    expect(restarted.code).toBe(0);
    expect(restarted.out).toMatch(/done claimed=(?!.*morning:)/); // the restart claimed no second list
    await t.connector.waitFor(() => lists().length >= 1);
    const again = await runChild(dataFile, '2026-11-24T09:10:00+01:00');
    expect(again.code).toBe(0);

    expect(lists()).toHaveLength(1);
    expect(lists()[0].conversationId.split(';')[0]).toBe(CHANNEL);
    expect(cardText(lists()[0].card)).toContain('IFO-2026-008001');
  }, 120_000); // three bot processes start one after another
});
