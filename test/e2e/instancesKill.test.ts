// Two bot processes on one PostgreSQL database (instances.test.ts): kill -9 of the one that leads the
// drain, mid-burst, loses no acknowledged report, and the other sends them all.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/postgres.js';
import {
  busiestSecond,
  connector,
  postedCards,
  report,
  setUp,
  startInstance,
  stop,
  useInstances,
} from './instances.support.js';

useInstances();

describe('two bot processes on one PostgreSQL database', () => {
  it('kill -9 of one instance in a burst loses no acknowledged report, and the other sends them all', async () => {
    const db = await freshDatabase();
    // A starts first and so leads the drain: the kill takes the sender away mid-burst.
    const a = await startInstance('A', db);
    const b = await startInstance('B', db);
    await setUp(a);
    const acked: string[] = [];
    const burst = Array.from({ length: 24 }, (_, n) => `IFO-2026-2000${String(n).padStart(2, '0')}`);
    let killed = false;
    await Promise.all(
      burst.map(async (id, n) => {
        await new Promise((r) => setTimeout(r, n * 15));
        if (n === 12) {
          a.child.kill('SIGKILL');
          killed = true;
        }
        const via = n % 2 && !killed ? a : b;
        try {
          if ((await report(via, id)) === 201) acked.push(id);
        } catch {
          /* A died with this request in flight: not acknowledged */
        }
      }),
    );
    expect(await a.exited).toBe(null);
    expect(acked.length).toBeGreaterThanOrEqual(12);
    // Every acknowledged report is in the database (the intake API's rate limit is per instance,
    // so the check reads the database rather than spending B's allowance).
    const pool = new pg.Pool({ connectionString: db });
    const stored = await pool.query<{ id: string }>('SELECT id FROM av_cases WHERE id = ANY($1)', [acked]);
    await pool.end();
    expect(stored.rows.map((r) => r.id).sort()).toEqual([...acked].sort());
    await connector.waitFor(() => acked.every((id) => postedCards().has(id)), 30_000);
    expect(busiestSecond()).toBeLessThanOrEqual(50);
    await stop(b);
  }, 400_000);
});
