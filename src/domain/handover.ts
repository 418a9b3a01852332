// The handover checklist of an absent caseworker (docs/domain.md, failure 2: a caseworker fell ill and for
// almost three months nobody met the children). Pure: every open case of the person gets a checklist;
// what is late is computed from the cases, the absences, the clock and the working-day calendar.
import { isAbsent } from './absence.js';
import { keepFamiliesTogether } from './family.js';
import type { Calendar } from './calendar.js';
import { nextDeadline, type Deadline } from './deadlines.js';
import type { RuleTable } from './rules.js';
import { guardFreeText } from './secrecy.js';
import {
  refuse,
  type Refusal,
  type Absence,
  type Actor,
  type Case,
  type Decision,
  type Instant,
  type LocalDate,
  type Organisation,
  type StaffId,
} from './schemas.js';
import { stockholmDate } from './time.js';

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

const isLead = (a: Actor) => a.role === 'unit_manager' || a.role === 'team_lead';

function leadOf(a: Actor, h: Handover, c: Case | undefined): boolean {
  if (a.role === 'unit_manager') return true;
  return (
    a.role === 'team_lead' && (h.groupIds.some((g) => a.groups.includes(g)) || (!!c && a.groups.includes(c.groupId)))
  );
}

function findEntry(h: Handover, caseId: string): HandoverEntry | Refusal {
  const e = h.entries.find((x) => x.caseId === caseId);
  return e ?? refuse('not_found', 'Ärendet finns inte på överlämningslistan.');
}

function replaceEntry(h: Handover, e: HandoverEntry): Handover {
  return { ...h, entries: h.entries.map((x) => (x.caseId === e.caseId ? e : x)) };
}

function ensureOpen(h: Handover): Refusal | null {
  if (!h.activatedAt) return refuse('invalid', 'Överlämningen har inte börjat än.');
  if (h.returnedAt) return refuse('invalid', 'Frånvaron är avslutad; överlämningen är stängd.');
  return null;
}

/** Tick (or untick) a checklist item: the new owner, a team lead of the group or the unit manager. */
export function tick(
  h: Handover,
  caseId: string,
  item: TickItem,
  done: boolean,
  c: Case | undefined,
  actor: Actor,
  now: Date,
): Decision<Handover> {
  const closed = ensureOpen(h);
  if (closed) return closed;
  const e = findEntry(h, caseId);
  if ('ok' in e) return e;
  const owner = currentNewOwner(h, e, c);
  if (!leadOf(actor, h, c) && actor.id !== owner) {
    return refuse('forbidden', 'Bara den nya handläggaren eller en gruppledare kan bocka av överlämningen.');
  }
  const checks = { ...e.checks };
  if (done) checks[item] = { by: actor.id, at: now.toISOString() };
  else delete checks[item];
  return {
    ok: true,
    state: replaceEntry(h, { ...e, checks }),
    events: [{ type: done ? 'HandoverItemTicked' : 'HandoverItemUnticked', caseId, data: { handoverId: h.id, item } }],
  };
}

export const MAX_STATUS_CHARS = 2000;

/** Write the case's status: the new owner, a team lead, the unit manager, or the absent person. Guarded for personnummer. */
export function writeStatus(
  h: Handover,
  caseId: string,
  text: string,
  c: Case | undefined,
  actor: Actor,
  now: Date,
): Decision<Handover> {
  const closed = ensureOpen(h);
  if (closed) return closed;
  const e = findEntry(h, caseId);
  if ('ok' in e) return e;
  const owner = currentNewOwner(h, e, c);
  const coOwner = (e.coOwners ?? []).includes(actor.id) && !!c?.assignees.includes(actor.id);
  if (!leadOf(actor, h, c) && actor.id !== owner && actor.id !== h.staffId && !coOwner) {
    return refuse(
      'forbidden',
      'Bara den nya handläggaren, medutredaren, den frånvarande eller en gruppledare kan skriva status.',
    );
  }
  const trimmed = text.trim();
  if (!trimmed) return refuse('invalid', 'Skriv hur långt ärendet har kommit.', { status: 'Skriv en status.' });
  if (trimmed.length > MAX_STATUS_CHARS)
    return refuse('invalid', `Statusen får vara högst ${MAX_STATUS_CHARS} tecken.`, { status: 'För lång text.' });
  const secret = guardFreeText({ status: trimmed });
  if (secret) return secret;
  return {
    ok: true,
    state: replaceEntry(h, { ...e, notes: [...e.notes, { text: trimmed, by: actor.id, at: now.toISOString() }] }),
    events: [{ type: 'HandoverStatusWritten', caseId, data: { handoverId: h.id } }],
  };
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

export function markHandedBack(h: Handover, caseId: string, actor: Actor, now: Date): Decision<Handover> {
  if (!h.returnedAt) return refuse('invalid', 'Ärenden lämnas tillbaka först när personen är åter.');
  if (!isLead(actor)) return refuse('forbidden', 'Bara en gruppledare eller enhetschefen kan lämna tillbaka ärenden.');
  const e = findEntry(h, caseId);
  if ('ok' in e) return e;
  if (e.handedBackAt) return refuse('invalid', 'Ärendet är redan tillbakalämnat.');
  return {
    ok: true,
    state: replaceEntry(h, { ...e, handedBackAt: now.toISOString(), handedBackBy: actor.id }),
    events: [{ type: 'HandoverCaseHandedBack', caseId, data: { handoverId: h.id } }],
  };
}
