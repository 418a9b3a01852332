// `npm run gallring` and `npm run store:compact` on the embedded store: refused without the
// configured time, a dry run changes nothing, a run removes the old closed cases and says what the
// chain verification found; refused while the bot holds the store.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { backup } from '../../src/cli/backup.js';
import { gallring } from '../../src/cli/gallring.js';
import { storeCompact } from '../../src/cli/storeCompact.js';
import { openLowdbStore } from '../../src/store/lowdbStore.js';
import { tempDataFile, tempDir } from '../support/tmp.js';
import { newCase } from '../store/fixtures.js';

const MARK = 'SYNTETISK-CLI-5120';
const NOW = () => new Date('2026-11-20T10:00:00.000Z');

async function seed(file: string) {
  const s = await openLowdbStore(file);
  for (const [id, at] of [
    ['IFO-C1', '2023-05-01T10:00:00.000Z'],
    ['IFO-C2', '2026-09-01T10:00:00.000Z'],
  ] as const)
    await s.commit({
      cases: [
        {
          case: newCase(id, {
            phase: 'closed',
            closure: { at, by: 'k', outcome: 'insats', motivation: `${MARK} ${id}` },
          }),
          expectedVersion: null,
        },
      ],
      audit: [{ at, actor: 'k', type: 'CaseClosed', caseId: id, reason: `${MARK} ${id}` }],
    });
  await s.close();
}

describe('npm run gallring', () => {
  it('refuses without GALLRING_AFTER_MONTHS and changes nothing', async () => {
    const file = tempDataFile();
    await seed(file);
    const r = await gallring([], { DATA_FILE: file });
    expect(r.code).toBe(2);
    expect(r.output).toMatch(/GALLRING_AFTER_MONTHS är inte satt.*informationshanteringsplan/);
    expect(readFileSync(`${file}.journal`, 'utf8')).toContain(`${MARK} IFO-C1`);
  });

  it('counts on a dry run, then removes, verifies and compacts', async () => {
    const file = tempDataFile();
    await seed(file);
    const env = { DATA_FILE: file, GALLRING_AFTER_MONTHS: '36' };
    const dry = await gallring(['--dry-run'], env, { now: NOW });
    expect(dry.code).toBe(0);
    expect(dry.output).toMatch(/Provkörning: 1 ärende skulle gallras.*Inget har ändrats/s);
    expect(readFileSync(`${file}.journal`, 'utf8')).toContain(`${MARK} IFO-C1`);
    const run = await gallring([], env, { now: NOW });
    expect(run.code).toBe(0);
    expect(run.output).toContain('avslutades före 2023-11-20 (36 månader)');
    expect(run.output).toContain('Gallrat: 1 ärende med sin fritext');
    expect(run.output).toMatch(/Granskningsloggen är hel: 3 poster, kedjan stämmer\. Innehållet i 1 post är borttaget/);
    const files = readFileSync(`${file}.journal`, 'utf8') + readFileSync(file, 'utf8');
    expect(files).not.toContain(`${MARK} IFO-C1`);
    expect(files).toContain(`${MARK} IFO-C2`);
    // A backup of the compacted store is whole and says what was removed.
    const copy = await backup(['--to', join(tempDir(), 'kopia')], { DATA_FILE: file });
    expect(copy.code).toBe(0);
    expect(copy.output).toMatch(/1 ärenden, 3 granskningsposter|1 ärende, 3 granskningsposter/);
    const compact = await storeCompact([], { DATA_FILE: file });
    expect(compact.code).toBe(0);
    expect(compact.output).toMatch(
      /Komprimerat på .* s: .* MB före, .* MB efter\.\nGranskningsloggen är hel: 3 poster/,
    );
  });

  it('refuses while the bot holds the embedded store', async () => {
    const file = tempDataFile();
    await seed(file);
    const bot = await openLowdbStore(file);
    try {
      const r = await gallring([], { DATA_FILE: file, GALLRING_AFTER_MONTHS: '12' }, { now: NOW });
      expect(r.code).toBe(3);
      expect(r.output).toMatch(/används redan av en annan process[\s\S]*Inget har gallrats/);
    } finally {
      await bot.close();
    }
  });
});
