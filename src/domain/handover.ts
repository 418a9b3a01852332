// The handover checklist of an absent caseworker (docs/domain.md, failure 2: a caseworker fell ill and for
// almost three months nobody met the children). Pure: every open case of the person gets a checklist;
// what is late is computed from the cases, the absences, the clock and the working-day calendar.
import type { Calendar } from './calendar.js';
import { type Absence, type Case, type Instant, type LocalDate, type StaffId } from './schemas.js';

/** The items a person ticks by hand; the new owner and the written status are set by their own actions. */
export const TICK_ITEMS = ['deadlinesChecked', 'meetingsMoved', 'familyInformed'] as const;
export type TickItem = (typeof TICK_ITEMS)[number];

export const STEP_LABEL = {
  newOwnerNamed: 'Ny handläggare utsedd',
  deadlinesChecked: 'Tidsfrister kontrollerade',
  meetingsMoved: 'Bokade möten och kontakter flyttade eller överlämnade',
  familyInformed: 'Familjen och barnet vet vem som är ny handläggare',
  writtenStatus: 'Skriftlig status om hur långt ärendet har kommit',
} as const;
export type Step = keyof typeof STEP_LABEL;

export interface Tick {
  by: StaffId;
  at: Instant;
}

export interface Note {
  text: string;
  by: StaffId;
  at: Instant;
}

export interface HandoverEntry {
  caseId: string;
  /**
   * The case's other owners when the list was posted (a co-investigator). They do not count as the
   * new owner: the team lead names a replacement or decides the case stays with them alone.
   */
  coOwners?: StaffId[];
  /** The new owner named from the checklist, and when (the 2-working-day status clock starts here). */
  newOwnerId?: StaffId;
  newOwnerAt?: Instant;
  checks: Partial<Record<TickItem, Tick>>;
  /** Every status written during the absence, oldest first; the last one is the current status. */
  notes: Note[];
  handedBackAt?: Instant;
  handedBackBy?: StaffId;
}

export interface Handover {
  /** Same as the absence id: one handover per absence. */
  id: string;
  absenceId: string;
  staffId: StaffId;
  /** Copied from the absence when given; never shown on a card. */
  kind?: Absence['kind'];
  /** The groups whose channels get the checklist (the absent person's groups). */
  groupIds: string[];
  /** The first day of absence, and the last when known. */
  from: LocalDate;
  to?: LocalDate;
  /** The day the checklist is posted: at once for sick leave, some working days ahead of planned leave. */
  startsOn: LocalDate;
  /** When the checklist was posted; undefined while a planned leave is still ahead. */
  activatedAt?: Instant;
  createdAt: Instant;
  createdBy: StaffId;
  entries: HandoverEntry[];
  /** Set by `åter`: the absence ended; cases can now be handed back. */
  returnedAt?: Instant;
  version: number;
}

/**
 * The day the checklist is posted: today for an absence that has started, otherwise `leadDays` working
 * days before the first day of leave (never before today).
 */
export function handoverStartsOn(from: LocalDate, today: LocalDate, leadDays: number, calendar: Calendar): LocalDate {
  if (from <= today) return today;
  const ahead = calendar.addWorkingDays(from, -Math.max(0, leadDays));
  return ahead < today ? today : ahead;
}

export function newHandover(
  absence: Absence,
  groupIds: string[],
  today: LocalDate,
  leadDays: number,
  calendar: Calendar,
  actorId: StaffId,
  now: Date,
): Handover {
  return {
    id: absence.id,
    absenceId: absence.id,
    staffId: absence.staffId,
    ...(absence.kind ? { kind: absence.kind } : {}),
    groupIds: [...groupIds],
    from: absence.from,
    ...(absence.to ? { to: absence.to } : {}),
    startsOn: handoverStartsOn(absence.from, today, leadDays, calendar),
    createdAt: now.toISOString(),
    createdBy: actorId,
    entries: [],
    version: 1,
  };
}

/** Post the checklist: one entry per open case of the person (cases added since are merged in). */
export function activate(h: Handover, openCases: readonly Case[], now: Date): Handover {
  const known = new Set(h.entries.map((e) => e.caseId));
  const added = openCases
    .filter((c) => !known.has(c.id))
    .map((c): HandoverEntry => ({
      caseId: c.id,
      coOwners: c.assignees.filter((id) => id !== h.staffId),
      checks: {},
      notes: [],
    }));
  return { ...h, activatedAt: h.activatedAt ?? now.toISOString(), entries: [...h.entries, ...added] };
}

export const isActive = (h: Handover): boolean => !!h.activatedAt && !h.returnedAt;
export const isDue = (h: Handover, today: LocalDate): boolean => !h.activatedAt && !h.returnedAt && h.startsOn <= today;

/**
 * Who took over the case (see docs/handover.md, "Two investigators"), read from the case itself so a
 * reassignment from the case card counts too: the person named from the list while still on the case
 * (a co-investigator named there: "fortsätter ensam"); else someone on the case who was not on it when
 * the list was posted; else, when the absent person was taken off the case, the co-investigator left
 * on it. A co-investigator who merely remains is not a new owner: the case still needs a decision.
 */
export function currentNewOwner(h: Handover, e: HandoverEntry | undefined, c: Case | undefined): StaffId | undefined {
  if (!c) return undefined;
  const others = c.assignees.filter((id) => id !== h.staffId);
  if (e?.newOwnerId && others.includes(e.newOwnerId)) return e.newOwnerId;
  const before = new Set(e?.coOwners ?? []);
  const added = others.find((id) => !before.has(id));
  if (added) return added;
  return c.assignees.includes(h.staffId) ? undefined : others[0];
}

/** The co-investigators still on the case beside the absent person (not the new owner). */
export function remainingCoOwners(h: Handover, e: HandoverEntry, c: Case | undefined): StaffId[] {
  const owner = currentNewOwner(h, e, c);
  return (e.coOwners ?? []).filter((id) => id !== owner && !!c?.assignees.includes(id));
}

/** Record who took over a case from the checklist (the case itself is changed by the assign use case). */
export function recordNewOwner(h: Handover, caseId: string, ownerId: StaffId, now: Date): Handover {
  return {
    ...h,
    entries: h.entries.map((e) =>
      e.caseId === caseId ? { ...e, newOwnerId: ownerId, newOwnerAt: now.toISOString() } : e,
    ),
  };
}

/** The owners of a case after it is handed over: the absent person replaced by the new owner (a co-owner stays). */
export function assigneesAfterHandover(c: Case, absentId: StaffId, newOwnerId: StaffId): string[] {
  const replaced = c.assignees.length ? c.assignees.map((id) => (id === absentId ? newOwnerId : id)) : [newOwnerId];
  if (!replaced.includes(newOwnerId)) replaced[0] = newOwnerId;
  return [...new Set(replaced)];
}

/**
 * The owners after handing a case back to the returned person: the stand-in replaced by them; a
 * co-investigator who carried the case alone keeps it, with the returned person beside them again.
 */
export function assigneesAfterHandBack(
  c: Case,
  returnedId: StaffId,
  standInId: StaffId | undefined,
  coOwners: readonly StaffId[] = [],
): string[] {
  if (c.assignees.includes(returnedId)) return c.assignees;
  if (standInId && coOwners.includes(standInId)) return [...new Set([returnedId, ...c.assignees])].slice(0, 2);
  const replaced =
    standInId && c.assignees.includes(standInId)
      ? c.assignees.map((id) => (id === standInId ? returnedId : id))
      : [returnedId, ...c.assignees].slice(0, 2);
  return [...new Set(replaced)];
}

/** `åter`: the handover closes for new work and its cases can be handed back; every note is kept. */
export function markReturned(h: Handover, now: Date): Handover {
  return { ...h, returnedAt: now.toISOString() };
}
