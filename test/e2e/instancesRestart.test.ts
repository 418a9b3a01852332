// Two bot processes on one PostgreSQL database (instances.test.ts): a rolling restart, one instance
// stopped and started again after the other, loses and doubles nothing.
import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/postgres.js';
import {
  connector,
  type Instance,
  postedCards,
  report,
  setUp,
  startInstance,
  stop,
  useInstances,
} from './instances.support.js';

useInstances();

describe('two bot processes on one PostgreSQL database', () => {
  it('a rolling restart (stop A, start A′, stop B) loses and doubles nothing', async () => {
    const db = await freshDatabase();
    let [a, b] = await Promise.all([startInstance('A', db), startInstance('B', db)]);
    await setUp(a);
    const acked: string[] = [];
    let n = 0;
    const send = async (via: Instance, count: number) => {
      for (let k = 0; k < count; k++) {
        const id = `IFO-2026-4000${String(n++).padStart(2, '0')}`;
        if ((await report(via, id)) === 201) acked.push(id);
      }
    };
    await send(a, 4);
    await Promise.all([send(b, 4), stop(a)]);
    a = await startInstance('A2', db);
    await send(a, 4);
    await Promise.all([send(a, 4), stop(b)]);
    b = await startInstance('B2', db);
    await send(b, 4);
    expect(acked).toHaveLength(20);
    await connector.waitFor(() => acked.every((id) => postedCards().has(id)), 30_000);
    await new Promise((r) => setTimeout(r, 1_000));
    expect([...postedCards().entries()].filter(([, count]) => count !== 1)).toEqual([]);
    expect(postedCards().size).toBe(20);
    await Promise.all([stop(a), stop(b)]);
  }, 400_000);
});
