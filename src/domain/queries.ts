// What the lists ask of the cases: overdue, soon due, unassigned and for how long, each caseworker's
// load, investigations without contact with the family or child, the open cases of an absent person.
import { isAbsent } from './absence.js';
import { ageBetween, type Age } from './age.js';
import type { Calendar } from './calendar.js';
import { deadlinesOf, isLate, type Deadline } from './deadlines.js';
import type { RuleTable } from './rules.js';
import type { Absence, Case, ContactKind, LocalDate, Staff } from './schemas.js';
import { addDays, daysBetween, stockholmDate } from './time.js';
import { violenceRank } from './violence.js';

export { isAbsent } from './absence.js';

export interface CaseDeadline {
  case: Case;
  deadline: Deadline;
}

const byDue = (a: CaseDeadline, b: CaseDeadline) =>
  a.deadline.due < b.deadline.due ? -1 : a.deadline.due > b.deadline.due ? 1 : 0;

const isOpen = (c: Case) => c.phase !== 'closed';

/**
 * Open deadlines whose date has passed, oldest first (closed cases count for återkoppling/uppföljning).
 * `deadlines` lets a caller that asks several queries about the same cases compute each case's
 * deadlines once.
 */
export function overdue(
  cases: Iterable<Case>,
  now: Date,
  rules: RuleTable,
  _calendar?: Calendar,
  deadlines: (c: Case) => Deadline[] = (c) => deadlinesOf(c, rules),
): CaseDeadline[] {
  const today = stockholmDate(now);
  const out: CaseDeadline[] = [];
  for (const c of cases) {
    for (const d of deadlines(c)) if (isLate(d, today) && !d.informational) out.push({ case: c, deadline: d });
  }
  return out.sort(byDue);
}

/** Open deadlines due today or within the next `workingDays` working days (not yet overdue). */
export function dueWithin(
  cases: Iterable<Case>,
  now: Date,
  workingDays: number,
  rules: RuleTable,
  calendar: Calendar,
  deadlines: (c: Case) => Deadline[] = (c) => deadlinesOf(c, rules),
): CaseDeadline[] {
  const today = stockholmDate(now);
  const limit = calendar.addWorkingDays(today, workingDays);
  const out: CaseDeadline[] = [];
  for (const c of cases) {
    for (const d of deadlines(c)) {
      if (!d.done && !d.overrun && !d.informational && d.due >= today && d.due <= limit)
        out.push({ case: c, deadline: d });
    }
  }
  return out.sort(byDue);
}

export interface UnassignedCase {
  case: Case;
  /** Calendar days and working days since the report arrived (0 on the day it arrived). */
  age: Age;
}

/** Open cases without an owner, the longest-waiting first. */
export function unassigned(cases: Iterable<Case>, now: Date, calendar: Calendar): UnassignedCase[] {
  const today = stockholmDate(now);
  const out: UnassignedCase[] = [];
  for (const c of cases) {
    // A case outside child welfare (docs/family.md) is linked, not watched: never "ofördelad" here.
    if (isOpen(c) && c.assignees.length === 0 && !c.sectionKind) {
      out.push({ case: c, age: ageBetween(stockholmDate(c.receivedAt), today, calendar) });
    }
  }
  // Violence and honour-related oppression first among cases that waited as long.
  return out.sort(
    (a, b) =>
      b.age.workingDays - a.age.workingDays ||
      violenceRank(a.case) - violenceRank(b.case) ||
      (a.case.receivedAt < b.case.receivedAt ? -1 : 1),
  );
}

export interface Load {
  staff: Staff;
  open: number;
  forhandsbedomningar: number;
  utredningar: number;
  capacity?: number;
  overCapacity: boolean;
  absent: boolean;
}

/** Open cases per owner: all, förhandsbedömningar (and other phases) and utredningar. */
export type OpenCounts = ReadonlyMap<string, { open: number; forhand: number; utr: number }>;

// Per frozen array of cases (the stores' openCases(), the lists' listCases()): it cannot change,
// and neither can its case objects (docs/architecture.md, "Derived values"), so its counts hold.
const countsMemo = new WeakMap<readonly Case[], OpenCounts>();

export function openCountsOf(cases: Iterable<Case>): OpenCounts {
  if (!Array.isArray(cases) || !Object.isFrozen(cases)) return countOpen(cases);
  let counts = countsMemo.get(cases);
  if (!counts) countsMemo.set(cases, (counts = countOpen(cases)));
  return counts;
}

function countOpen(cases: Iterable<Case>): OpenCounts {
  const counts = new Map<string, { open: number; forhand: number; utr: number }>();
  for (const c of cases) {
    if (!isOpen(c)) continue;
    const utr = c.phase === 'utredning';
    for (const id of c.assignees) {
      let k = counts.get(id);
      if (!k) counts.set(id, (k = { open: 0, forhand: 0, utr: 0 }));
      k.open++;
      if (utr) k.utr++;
      else k.forhand++;
    }
  }
  return counts;
}

/**
 * Each caseworker's open cases against capacity, with absence marked (optionally for one group).
 * `counts`: the cases' openCountsOf, for a caller that asks for several groups of the same cases.
 */
export function loadPerCaseworker(
  cases: Iterable<Case>,
  org: { readonly staff: readonly Staff[] },
  absences: readonly Absence[],
  now: Date,
  groupId?: string,
  counts: OpenCounts = openCountsOf(cases),
): Load[] {
  const today = stockholmDate(now);
  return org.staff
    .filter((s) => s.role === 'caseworker' && (!groupId || s.groups.includes(groupId)))
    .map((s) => {
      const k = counts.get(s.aadObjectId) ?? { open: 0, forhand: 0, utr: 0 };
      return {
        staff: s,
        open: k.open,
        forhandsbedomningar: k.forhand,
        utredningar: k.utr,
        ...(s.capacity !== undefined ? { capacity: s.capacity } : {}),
        overCapacity: s.capacity !== undefined && k.open >= s.capacity,
        absent: isAbsent(absences, s.aadObjectId, today),
      };
    });
}

/** Contacts that count as meeting the family or the child (the no-contact flag and the statistics). */
export const FAMILY_CONTACTS: readonly ContactKind[] = ['barnsamtal', 'hembesok', 'vardnadshavarmote'];

export interface NoContact {
  case: Case;
  /** The last contact with the family or child, if any. */
  lastContact?: LocalDate;
  lastChildContact?: LocalDate;
  /** Days since the last family contact, or since the investigation opened when there was none. */
  daysWithout: number;
}

/** The last contact with the family (barnsamtal, hembesök, meeting with guardians) and with the child. */
export function lastContacts(c: Case): { family?: LocalDate; child?: LocalDate } {
  let family: LocalDate | undefined;
  let child: LocalDate | undefined;
  for (const k of c.contacts) {
    if (FAMILY_CONTACTS.includes(k.kind) && (!family || k.date > family)) family = k.date;
    if (k.kind === 'barnsamtal' && (!child || k.date > child)) child = k.date;
  }
  return { ...(family ? { family } : {}), ...(child ? { child } : {}) };
}

/**
 * Investigations where nobody has met the family or the child for `days` days or more, counted from
 * the later of the decision to open and the last such contact. Longest silence first.
 */
export function noContact(cases: Iterable<Case>, now: Date, days: number): NoContact[] {
  const today = stockholmDate(now);
  const out: NoContact[] = [];
  for (const c of cases) {
    if (c.phase !== 'utredning' || !c.utredning) continue;
    const { family, child } = lastContacts(c);
    const since = family && family > c.utredning.openedOn ? family : c.utredning.openedOn;
    const daysWithout = daysBetween(since, today);
    if (daysWithout >= days) {
      out.push({
        case: c,
        daysWithout,
        ...(family ? { lastContact: family } : {}),
        ...(child ? { lastChildContact: child } : {}),
      });
    }
  }
  return out.sort((a, b) => b.daysWithout - a.daysWithout);
}

/** The first date on which an investigation opened on `openedOn` with no contact is flagged. */
export function firstNoContactDate(openedOn: LocalDate, days: number): LocalDate {
  return addDays(openedOn, days);
}

/** Open cases where this person is an owner. */
export function openCasesOf(cases: Iterable<Case>, staffId: string): Case[] {
  const out: Case[] = [];
  for (const c of cases) if (isOpen(c) && c.assignees.includes(staffId)) out.push(c);
  return out;
}
