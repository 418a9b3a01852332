// "Påminn mig i morgon" on a reminder or on the 1:1 assignment card: one person's reminders about
// one case are left out on the next working morning and come again the morning after (README,
// "Påminnelser"). Kept per person and case in the store (collection reminderSnoozes, both stores,
// pruned with the claims). Never past the deadline's last working day: on that day, or once the
// deadline has passed, the snooze is refused, and the reminder on the last working day itself is
// never left out.
import type { AppDeps } from '../app/context.js';
import type { Calendar } from '../domain/calendar.js';
import { actBy, deadlinesOf, type Deadline } from '../domain/deadlines.js';
import type { RuleTable } from '../domain/rules.js';
import type { Actor, Case, LocalDate } from '../domain/schemas.js';
import { addDays, formatDate, stockholmDate } from '../domain/time.js';
import { deadlineLabel, texts, type Lang } from '../cards/text/index.js';
import { type DocWrite, type Store, collection, docWrite } from '../store/port.js';

export const SNOOZES = collection<Snooze>('reminderSnoozes');

export interface Snooze {
  id: string;
  staffId: string;
  caseId: string;
  /** The day it was pressed. */
  on: LocalDate;
  /** The working morning without reminders about the case for this person. */
  quietOn: LocalDate;
  at: string;
  version: number;
}

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

/** The deadline a reminder about the case is about: its earliest open one. */
function nextOpen(c: Case, rules: RuleTable): Deadline | undefined {
  return deadlinesOf(c, rules)
    .filter((d) => !d.done && !d.informational)
    .reduce<Deadline | undefined>((m, d) => (!m || d.due < m.due ? d : m), undefined);
}

export type SnoozeCheck = { ok: true; quietOn: LocalDate; resumeOn: LocalDate } | { ok: false; message: string };

/** May this person snooze this case today? Pure: the case, the day, the calendar and rules. */
export function checkSnooze(
  c: Case,
  staffId: string,
  today: LocalDate,
  calendar: Calendar,
  rules: RuleTable,
  lang: Lang = 'sv',
): SnoozeCheck {
  const year = Number(today.slice(0, 4));
  const t = texts(lang).snooze;
  if (!c.assignees.includes(staffId)) return { ok: false, message: t.notYours(c.id) };
  const d = nextOpen(c, rules);
  if (!d) return { ok: false, message: t.nothingOpen(c.id) };
  const last = actBy(d, calendar);
  const quietOn = calendar.nextWorkingDay(today);
  const label = deadlineLabel(d, lang);
  if (d.due < today || d.overrun) return { ok: false, message: t.late(label, c.id) };
  // The reminder on the deadline's last working day is never left out.
  if (quietOn >= last)
    return {
      ok: false,
      message:
        today >= last
          ? t.lastDayToday(label, c.id, formatDate(d.due, year, lang))
          : t.lastDayBefore(formatDate(last, year, lang), label, c.id),
    };
  return { ok: true, quietOn, resumeOn: calendar.nextWorkingDay(quietOn) };
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
