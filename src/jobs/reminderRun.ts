// The personal reminders of one run: plan them (src/views/reminders.ts), claim and queue each person's
// cards once a day (src/jobs/claims.ts), and keep the ledger of who was left out and why, looking back
// on earlier days (src/jobs/reminderLedger.ts). Used by the morning tick for everyone and by the
// catch-up after `åter` for one person. The card shown again after a press on it is src/app/snooze.ts `reminderNow`.
import { absences, type AppDeps } from '../app/context.js';
import { enqueue } from '../outbox/messages.js';
import { staffLangs } from '../app/recipientLang.js';
import type { Deadline } from '../domain/deadlines.js';
import type { Absence, Case } from '../domain/schemas.js';
import type { DocWrite } from '../store/port.js';
import { hasClaim, reminderClaimId } from './claims.js';
import { casesForLists } from '../app/lists.js';
import { auditReminders, recordRun } from './reminderLedger.js';
import { planReminders } from '../views/reminders.js';
import { fittedReminder } from '../cards/reminderCard.js';
import { snoozeLookup } from '../app/snooze.js';

export interface ReminderRunInput {
  /** What the morning tick already computed for its lists. */
  cases?: readonly Case[];
  absences?: Absence[];
  deadlines?: (c: Case) => Deadline[];
  /** Only these people (the catch-up); the look-back on earlier days runs only without it. */
  only?: Set<string>;
}

export async function runReminders(
  deps: AppDeps,
  now: Date,
  today: string,
  claim: (id: string, messages: DocWrite[]) => Promise<void>,
  given: ReminderRunInput = {},
): Promise<void> {
  const { store, org, calendar, rules } = deps;
  const abs = given.absences ?? (await absences(deps));
  const staff = given.only ? org.org.staff.filter((x) => given.only!.has(x.aadObjectId)) : org.org.staff;
  const plan = planReminders({
    cases: given.cases ?? (await casesForLists(deps)),
    staff,
    absences: abs,
    now,
    calendar,
    rules,
    ...(given.deadlines ? { deadlines: given.deadlines } : {}),
    snoozeOf: await snoozeLookup(store),
    langOf: await staffLangs(
      deps,
      staff.map((s) => s.aadObjectId),
    ),
  });
  for (const r of plan.due) {
    const id = reminderClaimId(r.staffId, today);
    if (await hasClaim(store, id)) continue;
    const target = { kind: 'user' as const, staffId: r.staffId };
    await claim(id, [
      ...(r.summary
        ? [enqueue(now, target, { kind: 'card', template: 'reminder', data: fittedReminder(r.summary) })]
        : []),
      ...(r.tomorrow
        ? [enqueue(now, target, { kind: 'card', template: 'reminder', data: fittedReminder(r.tomorrow) })]
        : []),
    ]);
  }
  await recordRun(store, now, today, plan.skipped);
  if (!given.only) await auditReminders(store, abs, now, today, (d) => calendar.nextWorkingDay(d));
}
