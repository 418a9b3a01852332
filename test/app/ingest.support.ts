// AppDeps over a real lowdb store in a fresh temp dir, for the intake use-case and import tests.
import { join } from 'node:path';
import { Directory, type AppDeps } from '../../src/app/context.js';
import { Calendar } from '../../src/domain/calendar.js';
import { DEFAULT_RULES, type RuleTable } from '../../src/domain/rules.js';
import type { Organisation } from '../../src/domain/schemas.js';
import { openLowdbStore } from '../../src/store/lowdbStore.js';
import { ORG } from '../domain/fixtures.js';
import { tempDir } from '../support/tmp.js';

export async function intakeDeps(
  opts: { now?: Date; rules?: RuleTable; org?: Organisation; dataFile?: string } = {},
): Promise<AppDeps & { dataFile: string }> {
  const dataFile = opts.dataFile ?? join(tempDir('arendevakt-intake-'), 'db.json');
  const store = await openLowdbStore(dataFile);
  let now = opts.now ?? new Date('2026-11-20T10:00:00+01:00');
  return {
    dataFile,
    store,
    org: new Directory(opts.org ?? ORG),
    rules: opts.rules ?? DEFAULT_RULES,
    calendar: new Calendar({ eveHolidaysAreNonWorking: true }),
    now: () => now,
    config: {},
    set clock(d: Date) {
      now = d;
    },
  } as AppDeps & { dataFile: string };
}
