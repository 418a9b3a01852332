// "Påminn mig i morgon" on a reminder or on the 1:1 assignment card, as a use case: the rule is the
// domain's (src/domain/snooze.ts), this file words its refusals and keeps the snoozes per person and
// case in the store (collection reminderSnoozes, both stores, pruned with the claims; README,
// "Påminnelser").
import { absences, type AppDeps } from './context.js';
import { casesForLists } from './lists.js';
import { planReminders } from '../views/reminders.js';
import type { Calendar } from '../domain/calendar.js';
import type { RuleTable } from '../domain/rules.js';
import type { Actor, Case, LocalDate } from '../domain/schemas.js';
import { snoozeRule, type Snooze } from '../domain/snooze.js';
import { addDays, formatDate, stockholmDate } from '../domain/time.js';
import { deadlineLabel, texts, type Lang } from '../cards/text/index.js';
import { type DocWrite, type Store, collection, docWrite } from '../store/port.js';

export type { Snooze } from '../domain/snooze.js';
export const SNOOZES = collection<Snooze>('reminderSnoozes');

export const snoozeId = (staffId: string, caseId: string) => `snooze:${staffId}:${caseId}`;

/** Is this person's reminder about this case held today (the morning after the press)? */
export async function isSnoozed(store: Store, staffId: string, caseId: string, today: LocalDate): Promise<boolean> {
  const s = await store.getDoc(SNOOZES, snoozeId(staffId, caseId));
  return !!s && s.on < today && today <= s.quietOn;
}

/** The snooze pressed today, if any: the reminder card marks its row. */
export async function snoozeOf(store: Store, staffId: string, caseId: string): Promise<Snooze | undefined> {
  return await store.getDoc(SNOOZES, snoozeId(staffId, caseId));
}

export type SnoozeCheck = { ok: true; quietOn: LocalDate; resumeOn: LocalDate } | { ok: false; message: string };

/** The domain's answer (src/domain/snooze.ts), a refusal in the reader's words. */
export function checkSnooze(
  c: Case,
  staffId: string,
  today: LocalDate,
  calendar: Calendar,
  rules: RuleTable,
  lang: Lang = 'sv',
): SnoozeCheck {
  const r = snoozeRule(c, staffId, today, calendar, rules);
  if (r.ok) return r;
  const year = Number(today.slice(0, 4));
  const t = texts(lang).snooze;
  if (r.why === 'notYours') return { ok: false, message: t.notYours(c.id) };
  if (r.why === 'nothingOpen') return { ok: false, message: t.nothingOpen(c.id) };
  const label = deadlineLabel(r.deadline, lang);
  if (r.why === 'late') return { ok: false, message: t.late(label, c.id) };
  return {
    ok: false,
    message: r.today
      ? t.lastDayToday(label, c.id, formatDate(r.deadline.due, year, lang))
      : t.lastDayBefore(formatDate(r.last, year, lang), label, c.id),
  };
}

/** Record the snooze (again on a second press: the same day's snooze is kept once). */
export async function snoozeReminder(
  deps: AppDeps,
  actor: Actor,
  caseId: string,
  lang: Lang = 'sv',
): Promise<{ ok: true; quietOn: LocalDate; resumeOn: LocalDate; case: Case } | { ok: false; message: string }> {
  const c = await deps.store.getCase(caseId);
  if (!c) return { ok: false, message: texts(lang).snooze.noCase };
  const now = deps.now();
  const today = stockholmDate(now);
  const check = checkSnooze(c, actor.id, today, deps.calendar, deps.rules, lang);
  if (!check.ok) return check;
  const id = snoozeId(actor.id, caseId);
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await deps.store.getDoc(SNOOZES, id);
    if (current && current.on === today && current.quietOn === check.quietOn) return { ...check, case: c };
    const value: Snooze = {
      id,
      staffId: actor.id,
      caseId,
      on: today,
      quietOn: check.quietOn,
      at: now.toISOString(),
      version: (current?.version ?? 0) + 1,
    };
    const write: DocWrite = docWrite(SNOOZES, id, value, current ? current.version : null);
    const r = await deps.store.commit({ docs: [write] });
    if (r.ok) return { ...check, case: c };
  }
  return { ok: false, message: texts(lang).snooze.conflict };
}

/** Snoozes whose quiet morning is more than `keepDays` ago are removed (with the claims). */
export async function pruneSnoozes(store: Store, today: LocalDate, keepDays = 14): Promise<void> {
  const cutoff = addDays(today, -keepDays);
  const old = (await store.listDocs(SNOOZES)).filter((s) => s.quietOn < cutoff);
  if (old.length) await store.commit({ docs: old.map((s) => docWrite(SNOOZES, s.id, null)) });
}

/**
 * Every stored snooze as a lookup, for the reminder plan (a pure function that asks per person and
 * case): one read of the collection instead of one per row.
 */
export async function snoozeLookup(store: Store): Promise<(staffId: string, caseId: string) => Snooze | undefined> {
  const byId = new Map((await store.listDocs(SNOOZES)).map((s) => [s.id, s]));
  return (staffId, caseId) => byId.get(snoozeId(staffId, caseId));
}

/** One person's reminder as it would be sent now: the card shown again after a press on it. */
export async function reminderNow(deps: AppDeps, staffId: string, lang: Lang) {
  const plan = planReminders({
    cases: await casesForLists(deps),
    staff: deps.org.org.staff.filter((s) => s.aadObjectId === staffId),
    absences: await absences(deps),
    now: deps.now(),
    calendar: deps.calendar,
    rules: deps.rules,
    snoozeOf: await snoozeLookup(deps.store),
    langOf: () => lang,
  });
  return plan.due[0];
}
