// The unit manager's monthly statistics card: on the first working day of the month (or, after a bot that
// was down then, on a working day in the week after), the previous month's figures for the whole unit in
// each unit manager's 1:1 chat. Claimed per manager and month with the message in the same commit
// (src/jobs/claims.ts), so it goes once across restarts and instances.
import { filterAsync } from '../app/asyncFilter.js';
import type { AppDeps } from '../app/context.js';
import { enqueue } from '../outbox/messages.js';
import { fittedStatsCardData } from '../cards/statsCard.js';
import { perLang } from '../app/protection.js';
import { langOfStaff } from '../app/recipientLang.js';
import type { Calendar } from '../domain/calendar.js';
import type { LocalDate } from '../domain/schemas.js';
import { daysBetween } from '../domain/time.js';
import { firstDayOf, monthOf } from '../stats/figures.js';
import { cardMonths, monthStats, previousMonth } from '../stats/query.js';
import type { DocWrite } from '../store/port.js';
import { hasClaim } from './claims.js';

export const statsClaimId = (managerId: string, month: string) => `stats:${managerId}:${month}`;

/** A missed monthly card is still sent this many calendar days after the first working day (claims live 14). */
export const MONTHLY_CATCH_UP_DAYS = 7;

/** The first working day of the month that `day` is in. */
export function firstWorkingDayOfMonth(calendar: Calendar, day: LocalDate): LocalDate {
  const first = firstDayOf(monthOf(day));
  return calendar.isWorkingDay(first) ? first : calendar.nextWorkingDay(first);
}

/** Is today the day (or within the catch-up days after it) for the monthly card? */
export function isMonthlyStatsDay(calendar: Calendar, today: LocalDate): boolean {
  const first = firstWorkingDayOfMonth(calendar, today);
  return today >= first && daysBetween(first, today) <= MONTHLY_CATCH_UP_DAYS && calendar.isWorkingDay(today);
}

export async function runMonthlyStats(
  deps: AppDeps,
  now: Date,
  today: LocalDate,
  claim: (id: string, messages: DocWrite[]) => Promise<void>,
): Promise<void> {
  if (!isMonthlyStatsDay(deps.calendar, today)) return;
  const month = previousMonth(now);
  const managers = await filterAsync(
    deps.org.unitManagers(),
    async (m) => !(await hasClaim(deps.store, statsClaimId(m.aadObjectId, month))),
  );
  if (!managers.length) return;
  const history = await monthStats(deps, cardMonths(month));
  // In each unit manager's language (src/app/recipientLang.ts), made once per language.
  const data = perLang((lang) => fittedStatsCardData({ history, groupId: null, lang }));
  for (const m of managers)
    await claim(statsClaimId(m.aadObjectId, month), [
      enqueue(
        now,
        { kind: 'user', staffId: m.aadObjectId },
        { kind: 'card', template: 'stats', data: data(await langOfStaff(deps, m.aadObjectId)) },
      ),
    ]);
}
