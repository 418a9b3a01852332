// AppDeps over the real lowdb store in a fresh temp dir, with a fixed clock, for use-case and drain
// tests that need no HTTP. Call inside a test: the store is closed and its files removed when the test ends.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { Directory, type AppDeps } from '../../src/app/context.js';
import { Calendar } from '../../src/domain/calendar.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import { executeCaseCommand } from '../../src/app/executeCaseCommand.js';
import type { Case, Organisation, ReportInput } from '../../src/domain/schemas.js';
import { openLowdbStore } from '../../src/store/lowdbStore.js';
import { EXAMPLE_ORG } from './bot.js';
import { INTAKE_ACTOR, report } from './synthetic.js';

export async function testDeps(
  opts: { now?: () => Date; org?: Organisation; dataFile?: string; caseLinkTemplate?: string } = {},
): Promise<AppDeps> {
  const org = opts.org ?? EXAMPLE_ORG;
  const dir = opts.dataFile ? undefined : mkdtempSync(join(tmpdir(), 'arendevakt-app-'));
  const store = await openLowdbStore(opts.dataFile ?? join(dir!, 'db.json'));
  onTestFinished(async () => {
    await store.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return {
    store,
    org: new Directory(org),
    rules: DEFAULT_RULES,
    calendar: new Calendar({ eveHolidaysAreNonWorking: org.eveHolidaysAreNonWorking }),
    now: opts.now ?? (() => new Date('2026-11-20T09:30:00+01:00')),
    config: opts.caseLinkTemplate ? { caseLinkTemplate: opts.caseLinkTemplate } : {},
  };
}

export { actorOf } from './synthetic.js';

/**
 * Register an anmälan through the domain and the one write path (the channel card queued in the same
 * commit), independent of the intake module so use-case tests stay about their own use case.
 */
export async function registerCase(deps: AppDeps, over: Partial<ReportInput> = {}): Promise<Case> {
  const r = report(over);
  const res = await executeCaseCommand(deps, {
    caseId: r.externalId,
    expectedVersion: null,
    actor: INTAKE_ACTOR,
    intent: { type: 'registerReport', report: r },
  });
  if (!res.ok) throw new Error(`registration refused: ${res.refusal.message}`);
  return res.case;
}
