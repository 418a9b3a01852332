// The statistics as the command, the card, the API and the CLI ask for them: the month checked (Swedish
// messages naming the field, never repeating what was sent), the figures computed from the store.
import type { AppDeps } from '../app/context.js';
import { stockholmDate } from '../domain/time.js';
import {
  addMonthsTo,
  computeMonths,
  isMonth,
  monthOf,
  monthsEndingWith,
  type Month,
  type MonthStats,
} from './figures.js';

export interface StatsQueryIssue {
  path: 'month' | 'groupId';
  message: string;
}

export type StatsQuery = { ok: true; month: Month; groupId?: string } | { ok: false; issues: StatsQueryIssue[] };

/** The last month that has ended: what a monthly report is about. */
export const previousMonth = (now: Date): Month => addMonthsTo(monthOf(stockholmDate(now)), -1);

/**
 * Check a month (ÅÅÅÅ-MM; default the previous month) and a group id (optional, must be in the
 * organisation). The current month is allowed (its figures so far); a later one is not.
 */
export function checkStatsQuery(deps: AppDeps, input: { month?: string; groupId?: string }): StatsQuery {
  const issues: StatsQueryIssue[] = [];
  const current = monthOf(stockholmDate(deps.now()));
  const month = input.month ?? previousMonth(deps.now());
  if (!isMonth(month)) issues.push({ path: 'month', message: 'Månaden ska skrivas ÅÅÅÅ-MM, t.ex. 2026-11.' });
  else if (month > current) issues.push({ path: 'month', message: 'Månaden har inte börjat än.' });
  else if (month < '2000-01') issues.push({ path: 'month', message: 'Månaden ska vara 2000-01 eller senare.' });
  if (input.groupId !== undefined && !deps.org.org.groups.some((g) => g.id === input.groupId))
    issues.push({ path: 'groupId', message: 'Gruppen finns inte i organisationen.' });
  if (issues.length) return { ok: false, issues };
  return { ok: true, month, ...(input.groupId !== undefined ? { groupId: input.groupId } : {}) };
}

/** The figures of these months from every stored case, with each case's rule row. */
export async function monthStats(deps: AppDeps, months: readonly Month[]): Promise<MonthStats[]> {
  return computeMonths(await deps.store.allCases(), months, {
    now: deps.now(),
    rules: deps.rules,
    calendar: deps.calendar,
    groups: deps.org.org.groups,
    ...(deps.config.statsContinuationDays !== undefined ? { continuationDays: deps.config.statsContinuationDays } : {}),
  });
}

/** The month and the twelve before it (the card's chart), oldest first. */
export const cardMonths = (month: Month): Month[] => monthsEndingWith(month, 13);
