// The reminder path never skips in silence (see docs/handover.md, "Reminders and absence"). Each
// morning run leaves a mark, and each caseworker left out because they were registered as absent is
// logged and kept (ids only). The next run looks back: a person left out on a day they turned out
// not to be absent (the absence was ended that day or its end moved back) with no reminder sent, or a
// working day with no run at all, is a reminder that was due and not sent: logged as a warning and
// written to the audit log, once. Kept in its own collection, pruned with the claims.
import { filterAsync } from '../app/asyncFilter.js';
import { isAbsent } from '../domain/absence.js';
import type { Absence, LocalDate } from '../domain/schemas.js';
import { addDays, stockholmDate } from '../domain/time.js';
import { log } from '../log.js';
import { type AuditInput, type DocWrite, type Store, collection, docWrite } from '../store/port.js';
import { hasClaim, reminderClaimId } from './claims.js';
import type { SkippedReminder } from '../views/reminders.js';

export const REMINDER_LEDGER = collection<SkipEntry | RunEntry>('reminderLedger');

interface Entry {
  id: string;
  at: string;
  version: number;
}
export interface SkipEntry extends SkippedReminder, Entry {
  kind: 'skip';
  reported?: boolean;
}
interface RunEntry extends Entry {
  kind: 'run' | 'missedRun';
  date: LocalDate;
}

export const skipEntryId = (staffId: string, date: LocalDate) => `skip:${staffId}:${date}`;
const runEntryId = (date: LocalDate) => `run:${date}`;
const missedRunId = (date: LocalDate) => `missed:${date}`;

const insert = (id: string, value: SkipEntry | RunEntry): DocWrite => docWrite(REMINDER_LEDGER, id, value, null);

/** This morning's run happened, and who was left out (once per person and day). */
export async function recordRun(store: Store, now: Date, date: LocalDate, skipped: SkippedReminder[]): Promise<void> {
  const at = now.toISOString();
  const docs: DocWrite[] = [];
  if (!(await store.getDoc(REMINDER_LEDGER, runEntryId(date))))
    docs.push(insert(runEntryId(date), { id: runEntryId(date), kind: 'run', date, at, version: 1 }));
  for (const s of skipped) {
    const id = skipEntryId(s.staffId, s.date);
    if (await store.getDoc(REMINDER_LEDGER, id)) continue;
    log.info(
      { staffId: s.staffId, date: s.date, absenceId: s.absenceId, caseIds: s.caseIds },
      'reminder not sent: the person is registered as absent',
    );
    docs.push(insert(id, { ...s, id, kind: 'skip', at, version: 1 }));
  }
  // A conflict means another run wrote the same marks first: nothing is lost.
  if (docs.length) await store.commit({ docs });
}

/**
 * Look back before today: reminders left out for an absence that no longer covers that day and never
 * sent later, and every working day without a run since the last one. Each is logged as a
 * warning and audited once. Returns what was found, for the caller and tests.
 */
export async function auditReminders(
  store: Store,
  absences: readonly Absence[],
  now: Date,
  today: LocalDate,
  nextWorkingDay: (d: LocalDate) => LocalDate,
): Promise<{ notSent: SkipEntry[]; missedRuns: LocalDate[] }> {
  const at = now.toISOString();
  const entries = await store.listDocs(REMINDER_LEDGER);
  const notSent = await filterAsync(
    entries.filter(
      (e): e is SkipEntry =>
        e.kind === 'skip' && !e.reported && e.date < today && !isAbsent(absences, e.staffId, e.date),
    ),
    async (e) => !(await hasClaim(store, reminderClaimId(e.staffId, e.date))),
  );
  // Every working day since the last run before today (none before the first run ever).
  const ran = new Set(entries.filter((e): e is RunEntry => e.kind === 'run').map((r) => r.date));
  const lastRun = [...ran]
    .filter((d) => d < today)
    .sort()
    .at(-1);
  const missedRuns: LocalDate[] = [];
  if (lastRun)
    for (let d = nextWorkingDay(lastRun); d < today; d = nextWorkingDay(d))
      if (!(await store.getDoc(REMINDER_LEDGER, missedRunId(d)))) missedRuns.push(d);
  if (!notSent.length && !missedRuns.length) return { notSent, missedRuns };
  const docs: DocWrite[] = [];
  const audit: AuditInput[] = [];
  for (const e of notSent) {
    log.warn(
      { staffId: e.staffId, date: e.date, absenceId: e.absenceId, caseIds: e.caseIds },
      'reminder due and not sent: the person was counted absent at the morning run but was not absent that day',
    );
    docs.push(docWrite(REMINDER_LEDGER, e.id, { ...e, reported: true, version: e.version + 1 }, e.version));
    // On each case's timeline (`historik`), so the owner and the team lead can read that it was missed.
    for (const caseId of e.caseIds)
      audit.push({
        at,
        actor: 'system',
        type: 'ReminderNotSent',
        caseId,
        data: { staffId: e.staffId, date: e.date, ...(e.absenceId ? { absenceId: e.absenceId } : {}) },
      });
  }
  for (const date of missedRuns) {
    log.warn({ date }, 'reminders due and not sent: no morning run on a working day');
    docs.push(insert(missedRunId(date), { id: missedRunId(date), kind: 'missedRun', date, at, version: 1 }));
    audit.push({ at, actor: 'system', type: 'RemindersNotRun', data: { date } });
  }
  const r = await store.commit({ docs, audit });
  return r.ok ? { notSent, missedRuns } : { notSent: [], missedRuns: [] };
}

/** Ledger entries older than the claims are kept (default 14 days) are removed. */
export async function pruneLedger(store: Store, today: LocalDate, keepDays = 14): Promise<void> {
  const cutoff = addDays(today, -keepDays);
  const old = (await store.listDocs(REMINDER_LEDGER)).filter((e) => stockholmDate(e.at) < cutoff);
  if (old.length) await store.commit({ docs: old.map((e) => docWrite(REMINDER_LEDGER, e.id, null)) });
}
