// Where a handover checklist stands: each entry's steps and urgency, the progress, what is late and
// who is told (docs/handover.md). Pure, from the checklist, the cases, the clock and the calendar.
import { isAbsent } from './absence.js';
import { keepFamiliesTogether } from './family.js';
import type { Calendar } from './calendar.js';
import { nextDeadline, type Deadline } from './deadlines.js';
import type { RuleTable } from './rules.js';
import { type Absence, type Case, type LocalDate, type Organisation, type StaffId } from './schemas.js';
import { stockholmDate } from './time.js';
import { currentNewOwner, isActive, type Handover, type HandoverEntry, type Note, type Step } from './handover.js';

export interface EntryState {
  caseId: string;
  case?: Case;
  closed: boolean;
  newOwnerId?: StaffId;
  steps: Record<Step, boolean>;
  /** All five steps done, or the case is closed. */
  handedOver: boolean;
  status?: Note;
  next?: Deadline;
}

export function entryState(h: Handover, e: HandoverEntry, c: Case | undefined, rules: RuleTable): EntryState {
  const closed = !c || c.phase === 'closed';
  const newOwnerId = currentNewOwner(h, e, c);
  const status = e.notes.at(-1);
  const steps: Record<Step, boolean> = {
    newOwnerNamed: !!newOwnerId,
    deadlinesChecked: !!e.checks.deadlinesChecked,
    meetingsMoved: !!e.checks.meetingsMoved,
    familyInformed: !!e.checks.familyInformed,
    writtenStatus: !!status,
  };
  const next = c && !closed ? nextDeadline(c, rules) : undefined;
  return {
    caseId: e.caseId,
    ...(c ? { case: c } : {}),
    closed,
    ...(newOwnerId ? { newOwnerId } : {}),
    steps,
    handedOver: closed || Object.values(steps).every(Boolean),
    ...(status ? { status } : {}),
    ...(next ? { next } : {}),
  };
}

/** Most urgent first: the earliest open deadline (overdue ones are earliest), cases with none last, closed at the end. */
export function byUrgency(a: EntryState, b: EntryState): number {
  if (a.closed !== b.closed) return a.closed ? 1 : -1;
  const da = a.next?.due ?? '9999-12-31';
  const db = b.next?.due ?? '9999-12-31';
  if (da !== db) return da < db ? -1 : 1;
  return a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0;
}

export function entryStates(h: Handover, caseOf: (id: string) => Case | undefined, rules: RuleTable): EntryState[] {
  // Siblings stay together (docs/family.md), after the most urgent case of their family.
  return keepFamiliesTogether(h.entries.map((e) => entryState(h, e, caseOf(e.caseId), rules)).sort(byUrgency), (s) =>
    s.closed ? undefined : s.case?.familyRef,
  );
}

export interface Progress {
  total: number;
  handedOver: number;
  withNewOwner: number;
  text: string;
}

export function progress(states: readonly EntryState[]): Progress {
  const total = states.length;
  const handedOver = states.filter((s) => s.handedOver).length;
  const withNewOwner = states.filter((s) => s.steps.newOwnerNamed || s.closed).length;
  return {
    total,
    handedOver,
    withNewOwner,
    // "0 av 1 ärende", never "0 av 1 ärenden".
    text: `${handedOver} av ${total} ${total === 1 ? 'ärende' : 'ärenden'} överlämnade · ${withNewOwner} av ${total} har ny handläggare`,
  };
}

/** The day the status clock started for an entry: when the new owner was named, else when the checklist was posted. */
function ownerSince(h: Handover, e: HandoverEntry): LocalDate {
  return stockholmDate(e.newOwnerAt ?? h.activatedAt ?? h.createdAt);
}

export type Lateness = 'none' | 'noOwner' | 'noStatus';

/**
 * No new owner by the next working morning after the checklist was posted → escalate;
 * a new owner but no written status 2 working days after they were named → flag to that owner.
 */
export function lateness(
  h: Handover,
  s: EntryState,
  e: HandoverEntry,
  now: Date,
  calendar: Calendar,
  statusWorkingDays = 2,
): Lateness {
  if (!isActive(h) || s.closed || e.handedBackAt) return 'none';
  const today = stockholmDate(now);
  // Past the registered last day the person is back even before anyone writes `åter`: nothing to chase.
  if (h.to !== undefined && today > h.to) return 'none';
  if (!s.steps.newOwnerNamed) {
    return today >= calendar.nextWorkingDay(stockholmDate(h.activatedAt!)) ? 'noOwner' : 'none';
  }
  if (!s.steps.writtenStatus && calendar.workingDaysBetween(ownerSince(h, e), today) >= statusWorkingDays)
    return 'noStatus';
  return 'none';
}

/**
 * Who is told when a handover stalls: the team leads of the person's groups who are not absent
 * themselves, then the unit manager (Huddinge 2021: the team lead fell ill too). The absent person is
 * never on their own chain.
 */
export function escalationChain(
  org: Organisation,
  absences: readonly Absence[],
  h: Pick<Handover, 'staffId' | 'groupIds'>,
  date: LocalDate,
): StaffId[] {
  const present = (id: string) => id !== h.staffId && !isAbsent(absences, id, date);
  const leads = org.staff
    .filter((s) => s.role === 'team_lead' && s.groups.some((g) => h.groupIds.includes(g)) && present(s.aadObjectId))
    .map((s) => s.aadObjectId);
  const managers = org.staff
    .filter((s) => s.role === 'unit_manager' && present(s.aadObjectId))
    .map((s) => s.aadObjectId);
  return [...leads, ...managers];
}

/** Who answers for the checklist: the present team leads, else the unit manager. */
export function responsibleFor(
  org: Organisation,
  absences: readonly Absence[],
  h: Pick<Handover, 'staffId' | 'groupIds'>,
  date: LocalDate,
): StaffId[] {
  const chain = escalationChain(org, absences, h, date);
  const leads = chain.filter((id) => org.staff.find((s) => s.aadObjectId === id)?.role === 'team_lead');
  return leads.length ? leads : chain;
}
