// What /healthz reports as problems: a list of small checks, each returning codes and counts (never
// case content, never which case). A module that can tell that something is wrong adds a check to
// PROBLEM_CHECKS below: a function and a line. docs/deploy.md lists every code.
import type { AppDeps } from './context.js';
import { healthProblems } from './deliveries.js';

export interface Problem {
  /** Stable, lower_snake_case: what monitoring alerts on. */
  code: string;
  count: number;
}

export type ProblemCheck = (deps: AppDeps) => Problem[] | Promise<Problem[]>;

export const PROBLEM_CHECKS: ProblemCheck[] = [
  healthProblems, // undeliverable, group_without_channel, no_management_channel, no_out_of_hours_group
];

/** Every check's problems, codes merged (counts added); a check that throws reports itself. */
export async function collectProblems(deps: AppDeps, checks: ProblemCheck[] = PROBLEM_CHECKS): Promise<Problem[]> {
  const byCode = new Map<string, number>();
  for (const check of checks) {
    let found: Problem[];
    try {
      found = await check(deps);
    } catch {
      found = [{ code: 'health_check_failed', count: 1 }];
    }
    for (const p of found) if (p.count > 0) byCode.set(p.code, (byCode.get(p.code) ?? 0) + p.count);
  }
  return [...byCode].map(([code, count]) => ({ code, count })).sort((a, b) => a.code.localeCompare(b.code));
}
