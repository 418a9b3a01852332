// SIGTERM while sends hang: the bot stops within a bounded time (the sends in flight are waited
// for a few seconds, then left queued) and exits 0; the cards go out after the restart.
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { CONVERSATIONS } from '../../src/app/conversations.js';
import { OUTBOX, enqueue, type OutboxMessage } from '../../src/outbox/messages.js';
import { openLowdbStore } from '../../src/store/lowdbStore.js';
import { ConnectorStandIn } from '../support/connector.js';
import { scratchDir, startProcess } from '../support/process.js';
import { BOT, TENANT } from '../support/teams.js';

describe('shutdown with a connector that never answers', () => {
  it('exits 0 within 8 s of SIGTERM and keeps the unanswered cards queued', async () => {
    const connector = await new ConnectorStandIn().start();
    onTestFinished(() => connector.stop());
    connector.mode = 'hang';
    const dataFile = join(scratchDir(), 'db.json');
    const store = await openLowdbStore(dataFile);
    const id = '19:hang@thread.tacv2';
    await store.commit({
      docs: [
        {
          collection: CONVERSATIONS,
          id: `channel:${id}`,
          value: {
            key: `channel:${id}`,
            kind: 'channel',
            reference: {
              channelId: 'msteams',
              serviceUrl: connector.url,
              bot: BOT,
              conversation: { id, conversationType: 'channel', tenantId: TENANT },
            },
            serviceUrl: connector.url,
            active: true,
            updatedAt: '',
            version: 1,
          },
        },
        ...[1, 2, 3].map((n) =>
          enqueue(new Date(), { kind: 'conversation', key: `channel:${id}` }, { kind: 'text', text: `kort ${n}` }),
        ),
      ],
    });
    await store.close();
    const p = startProcess({ DATA_FILE: dataFile });
    await p.started;
    const until = Date.now() + 20_000;
    while (connector.unanswered.length < 3 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(connector.unanswered.length).toBeGreaterThanOrEqual(3);
    const t0 = Date.now();
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    expect(Date.now() - t0).toBeLessThan(8_000);
    const after = await openLowdbStore(dataFile);
    // The three cards to the hanging channel (what the schedules queue on the day of the run aside).
    const toChannel = (await after.listDocs<OutboxMessage>(OUTBOX)).filter(
      (m) => m.target.kind === 'conversation' && m.target.key === `channel:${id}`,
    );
    expect(toChannel).toHaveLength(3);
    await after.close();
  }, 90_000);
});
