// Several instances behave as one: two real bot processes on one PostgreSQL database behind the
// Bot Connector stand-in (as two App Service instances behind one bot registration). Any instance
// answers any activity; card presses alternate between them and lose no update; kill -9 of one
// loses no acknowledged write and the other goes on sending; both ticking at 07:46 post each
// morning list once; a rolling restart loses and doubles nothing; the busiest second at the
// connector stays within Teams' 50 a second.
// The kill -9 and the rolling restart are instancesKill.test.ts and instancesRestart.test.ts, so the
// four run side by side (the harness: instances.support.ts).
import { describe, expect, it } from 'vitest';
import { cardText } from '../support/bot.js';
import { freshDatabase } from '../support/postgres.js';
import * as teams from '../support/teams.js';
import {
  anna,
  bo,
  busiestSecond,
  caseOf,
  CHANNEL,
  connector,
  karin,
  post,
  postedCards,
  report,
  setUp,
  startInstance,
  stop,
  useInstances,
} from './instances.support.js';

useInstances();

describe('two bot processes on one PostgreSQL database', () => {
  it('answer any activity as one: presses alternate between them, no update is lost, each card is posted once', async () => {
    const db = await freshDatabase();
    const [a, b] = await Promise.all([startInstance('A', db), startInstance('B', db)]);
    await setUp(a); // linked through A ...
    const ids = Array.from({ length: 8 }, (_, n) => `IFO-2026-1000${String(n).padStart(2, '0')}`);
    for (const [n, id] of ids.entries()) expect(await report(n % 2 ? a : b, id)).toBe(201); // ... reports through both
    // Take on one instance, reassign on the other, based on what each answered.
    for (const [n, id] of ids.entries()) {
      const [first, second] = n % 2 ? [a, b] : [b, a];
      const took = await post(
        first,
        teams.invoke(connector.url, anna, 'case.take', { caseId: id, version: 1 }, teams.channel(CHANNEL)),
      );
      expect(took.status).toBe(200);
      const r = await post(
        second,
        teams.invoke(
          connector.url,
          karin,
          'case.assign',
          { caseId: id, version: 2, assignee: bo.aadObjectId },
          teams.channel(CHANNEL),
        ),
      );
      expect(cardText(r.body.value)).toMatch(/Bo .* har fått ärendet/);
    }
    // Two presses at once on the same version, one on each instance: one wins, the other is told.
    const id = ids[0];
    const [x, y] = await Promise.all(
      [a, b].map((i) =>
        post(
          i,
          teams.invoke(
            connector.url,
            karin,
            'case.assign',
            { caseId: id, version: 3, assignee: anna.aadObjectId },
            teams.channel(CHANNEL),
          ),
        ),
      ),
    );
    const texts = [cardText(x.body.value), cardText(y.body.value)];
    expect(texts.filter((t) => /Anna .* har fått ärendet/.test(t))).toHaveLength(1);
    for (const i of [a, b]) {
      expect(await caseOf(i, id)).toMatchObject({ version: 4 });
      for (const other of ids.slice(1)) expect(await caseOf(i, other)).toMatchObject({ version: 3 });
    }
    await connector.waitFor(() => postedCards().size === ids.length, 20_000);
    await new Promise((r) => setTimeout(r, 1_000)); // a second drain would post its copies now
    expect([...postedCards().values()].every((n) => n === 1)).toBe(true);
    expect(busiestSecond()).toBeLessThanOrEqual(50);
    await Promise.all([stop(a), stop(b)]);
  }, 400_000);

  it('both ticking at 07:46 post the morning list once', async () => {
    const db = await freshDatabase();
    const NOW = '2026-11-24T07:46:00+01:00'; // a Tuesday
    const [a, b] = await Promise.all([startInstance('A', db, NOW), startInstance('B', db, NOW)]);
    await setUp(b);
    expect(await report(a, 'IFO-2026-300001')).toBe(201);
    for (let round = 0; round < 3; round++) {
      a.child.stdin!.write('tick\n');
      b.child.stdin!.write('tick\n');
    }
    await Promise.all([a, b].map((i) => i.waitLine(/^ticked/)));
    const lists = () =>
      connector
        .cards((c) => c.kind !== 'update' && c.conversationId === CHANNEL)
        .filter((c) => !!c.card && cardText(c.card).startsWith('Morgonlista'));
    await connector.waitFor(() => lists().length >= 1, 20_000);
    await Promise.all([a, b].map((i) => i.waitLine(/^ticked/)));
    await new Promise((r) => setTimeout(r, 1_500));
    const claimedBy = [...a.lines, ...b.lines].filter((l) => /^ticked claimed=.*morning:barn-mottagning/.test(l));
    expect(claimedBy).toHaveLength(1);
    expect(lists()).toHaveLength(1);
    expect(cardText(lists()[0].card)).toContain('IFO-2026-300001');
    await Promise.all([stop(a), stop(b)]);
  }, 400_000);
});
