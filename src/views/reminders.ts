// Personal reminders in each caseworker's 1:1 chat. Pure: (cases, staff, absences, now, calendar,
// rules) → what each card says, every row (src/cards/reminderCard.ts fits them to Teams' size). A
// morning summary only on days when one of the person's deadlines is overdue or within the rule
// table's longest lead time for its kind; a separate reminder for each deadline that is 1 working
// day away (so a deadline on a Saturday or after a holiday is announced on the last working day
// before it: the bot shows the statutory date and never moves it).
import type { Calendar } from '../domain/calendar.js';
import { coversDate, isAbsent } from '../domain/absence.js';
import { actBy, deadlinesOf, type Deadline } from '../domain/deadlines.js';
import type { RuleTable } from '../domain/rules.js';
import type { Absence, Case, LocalDate, Staff } from '../domain/schemas.js';
import { formatDate, stockholmDate } from '../domain/time.js';
import { count, deadlineLabel, texts, type Lang } from '../cards/text/index.js';
import { availableForms } from '../domain/forms.js';
import { snoozeRule, type Snooze } from '../domain/snooze.js';

export interface ReminderItem {
  caseId: string;
  text: string;
  color: 'Attention' | 'Warning' | 'Default';
  /** The case's version: Registrera kontakt opens the form for it. */
  version: number;
  /** The contact form makes sense for the case now (förhandsbedömning or utredning). */
  canContact: boolean;
  /** "Påminn mig i morgon" (src/domain/snooze.ts checks the deadline when pressed). */
  canSnooze: boolean;
  /** Said on the row once it is snoozed ("Påminns inte ons 25 nov"), else ''. */
  snoozeNote: string;
}

export interface ReminderCardData {
  /** Which of a person's two cards: the morning summary or the next working day's. */
  kind: 'summary' | 'tomorrow';
  title: string;
  summary: string;
  color: 'Attention' | 'Warning' | 'Default';
  items: ReminderItem[];
  /** Rows left off to fit the card (src/cards/reminderCard.ts); 0 in the plan, which has them all. */
  more: number;
  /** The reader's language (src/cards/text/), absent for Swedish: the template's words follow it. */
  lang?: Lang;
}

export interface PersonalReminders {
  staffId: string;
  /** The morning summary, when something is within its lead time today. */
  summary?: ReminderCardData;
  /** One card for the deadlines that fall on the next working day (or before it, on a non-working day). */
  tomorrow?: ReminderCardData;
}

export interface ReminderInputs {
  /** Open cases, and closed ones with an open återkoppling/uppföljning. */
  cases: Iterable<Case>;
  staff: readonly Staff[];
  absences: readonly Absence[];
  now: Date;
  calendar: Calendar;
  rules: RuleTable;
  /** Shared with the lists of the same run (morningList.ts `deadlineMemo`). */
  deadlines?: (c: Case) => Deadline[];
  /** A person's "Påminn mig i morgon" on a case (src/app/snooze.ts); none when not given. */
  snoozeOf?: (staffId: string, caseId: string) => Snooze | undefined;
  /** Each person's language (src/app/recipientLang.ts); Swedish when not given. */
  langOf?: (staffId: string) => Lang;
}

const card = (data: Omit<ReminderCardData, 'more'>): ReminderCardData => ({ ...data, more: 0 });

/** A caseworker who would have had reminders today but is registered as absent (logged and kept, never silent). */
export interface SkippedReminder {
  staffId: string;
  date: LocalDate;
  reason: 'absent';
  absenceId?: string;
  caseIds: string[];
}

/** Reminders for every caseworker who is not absent today; people with nothing to hear are left out. */
export function buildReminders(input: ReminderInputs): PersonalReminders[] {
  return planReminders(input).due;
}

/** The reminders due today, and who would have had some but is absent (kept by src/jobs/reminderLedger.ts). */
export function planReminders(input: ReminderInputs): { due: PersonalReminders[]; skipped: SkippedReminder[] } {
  const { now, calendar, rules } = input;
  const today = stockholmDate(now);
  const year = Number(today.slice(0, 4));
  const maxLead = new Map(rules.rules.map((r) => [r.kind, Math.max(0, ...r.reminderLeadWorkingDays)]));
  const byOwner = new Map<string, { case: Case; deadline: Deadline }[]>();
  for (const c of input.cases) {
    if (c.assignees.length === 0) continue;
    for (const d of (input.deadlines ?? ((x: Case) => deadlinesOf(x, rules)))(c)) {
      if (d.done || d.informational) continue;
      for (const id of c.assignees) {
        const list = byOwner.get(id) ?? [];
        list.push({ case: c, deadline: d });
        byOwner.set(id, list);
      }
    }
  }
  const wd = (d: LocalDate) => calendar.workingDaysBetween(today, d);
  const previousWorkingDay = (d: LocalDate) => calendar.previousWorkingDay(d);
  const out: PersonalReminders[] = [];
  const skipped: SkippedReminder[] = [];
  for (const s of input.staff) {
    if (s.role !== 'caseworker') continue;
    const absent = isAbsent(input.absences, s.aadObjectId, today);
    // A case snoozed yesterday (or on the last working day before today) is left out this morning.
    const snoozes = new Map<string, Snooze>();
    for (const { case: c } of byOwner.get(s.aadObjectId) ?? []) {
      const z = input.snoozeOf?.(s.aadObjectId, c.id);
      if (z) snoozes.set(c.id, z);
    }
    const quiet = (caseId: string) => {
      const z = snoozes.get(caseId);
      return !!z && z.on < today && today <= z.quietOn;
    };
    const mine = (byOwner.get(s.aadObjectId) ?? [])
      .filter((x) => !quiet(x.case.id))
      .sort((a, b) => (a.deadline.due < b.deadline.due ? -1 : a.deadline.due > b.deadline.due ? 1 : 0));
    // LVU 7 § and 8 § rows remind every working morning from the first day (docs/rules.md).
    const watched = mine.filter(
      ({ deadline: d }) =>
        d.remindFromStart ||
        d.overrun ||
        d.due < today ||
        wd(d.due) <= (maxLead.get(d.kind) ?? 0) ||
        previousWorkingDay(d.due) === today,
    );
    if (absent) {
      const tomorrowToo = mine.filter(({ deadline: d }) => d.due > today && previousWorkingDay(d.due) === today);
      const caseIds = [...new Set([...watched, ...tomorrowToo].map((w) => w.case.id))];
      const absence = input.absences.find((a) => a.staffId === s.aadObjectId && coversDate(a, today));
      if (caseIds.length)
        skipped.push({
          staffId: s.aadObjectId,
          date: today,
          reason: 'absent',
          ...(absence ? { absenceId: absence.id } : {}),
          caseIds,
        });
      continue;
    }
    const lang = input.langOf?.(s.aadObjectId) ?? 'sv';
    const t = texts(lang).reminder;
    const date = (d: LocalDate) => formatDate(d, year, lang);
    const langField = lang === 'sv' ? {} : { lang };
    const actions = (c: Case) => {
      const z = snoozes.get(c.id);
      const snoozedToday = !!z && z.on === today;
      return {
        version: c.version,
        canContact: availableForms(c, 'caseworker', rules).includes('contact'),
        // Not when pressing it would be refused (a late deadline, its last working day is near).
        canSnooze: !snoozedToday && snoozeRule(c, s.aadObjectId, today, calendar, rules).ok,
        snoozeNote: snoozedToday ? t.snoozed(date(z.quietOn), date(calendar.nextWorkingDay(z.quietOn))) : '',
      };
    };
    const line = (w: { case: Case; deadline: Deadline }): ReminderItem => ({ ...text(w), ...actions(w.case) });
    const text = ({ case: c, deadline: d }: { case: Case; deadline: Deadline }) => {
      const label = deadlineLabel(d, lang);
      if (d.due < today || d.overrun)
        return {
          caseId: c.id,
          text: t.late(c.id, label, date(d.statutoryDue < d.due ? d.statutoryDue : d.due)),
          color: 'Attention' as const,
        };
      if (d.due === today) return { caseId: c.id, text: t.today(c.id, label), color: 'Warning' as const };
      const n = wd(d.due);
      // LVU: a weekend never gives more time, so the line names the last working day.
      const grace = d.noWeekendGrace && !calendar.isWorkingDay(d.due) ? t.noWeekendGrace(date(actBy(d, calendar))) : '';
      return {
        caseId: c.id,
        text: `${t.due(c.id, label, date(d.due), count(n, 'arbetsdag', lang))}${grace}`,
        color: n <= 1 || d.remindFromStart ? ('Warning' as const) : ('Default' as const),
      };
    };
    const r: PersonalReminders = { staffId: s.aadObjectId };
    if (watched.length) {
      const late = watched.filter((w) => w.deadline.due < today || w.deadline.overrun).length;
      const lateText = late ? count(late, 'försenad', lang) : '';
      r.summary = card({
        kind: 'summary',
        title: t.morningTitle(s.name.split(' ')[0], lateText),
        summary: t.morningSummary(count(watched.length, 'frist', lang), lateText),
        color: late ? 'Attention' : 'Default',
        items: watched.map(line),
        ...langField,
      });
    }
    const tomorrow = mine.filter(({ deadline: d }) => d.due > today && previousWorkingDay(d.due) === today);
    if (tomorrow.length) {
      const next = calendar.nextWorkingDay(today);
      r.tomorrow = card({
        kind: 'tomorrow',
        title: t.tomorrowTitle(tomorrow.length),
        summary: t.tomorrowSummary(date(next)),
        color: 'Warning',
        items: tomorrow.map(line),
        ...langField,
      });
    }
    if (r.summary || r.tomorrow) out.push(r);
  }
  return { due: out, skipped };
}
