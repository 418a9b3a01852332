// One family, one picture (docs/family.md): siblings under the same familyRef, the other sections
// involved with the family, and the history of reports and investigations about a child. Pure: the
// caller hands in the family's and the child's cases (store.casesByFamily, store.casesByChild).
//
// Why: docs/domain.md, failures 1 and 4 (three siblings forgotten together; the adult and child
// sections handling one family in parallel) and 6 (overruns hidden by closing and reopening).
import { utredningDue } from './deadlines.js';
import type { RuleTable } from './rules.js';
import {
  OTHER_SECTION_KINDS,
  type Case,
  type Group,
  type Instant,
  type LocalDate,
  type Organisation,
  type StaffId,
} from './schemas.js';
import { addMonths, daysBetween, stockholmDate } from './time.js';

export interface FamilySettings {
  /** A report is marked repeated when it is at least the n:th about the child ... */
  repeatedReports: number;
  /** ... within this many months (counting this one). */
  repeatedWithinMonths: number;
  /** A new investigation opened within this many days of the previous one closing counts as consecutive. */
  consecutiveWithinDays: number;
}

export const DEFAULT_FAMILY_SETTINGS: FamilySettings = {
  repeatedReports: 3,
  repeatedWithinMonths: 6,
  consecutiveWithinDays: 90,
};

/** The organisation file's `family` key over the defaults. */
export function familySettings(org: Pick<Organisation, 'family'>): FamilySettings {
  return { ...DEFAULT_FAMILY_SETTINGS, ...(org.family ?? {}) };
}

/** The key of the child and youth section: every child-welfare group belongs to it. */
export const CHILD_SECTION = 'barn';
export const CHILD_SECTION_NAME = 'Barn och unga';

export interface Section {
  key: string;
  name: string;
  child: boolean;
}

/**
 * The section a group belongs to: every child-welfare kind is one section (barn och unga); a group
 * of kind adult or other is a section of its own, named by the group.
 */
export function sectionOf(group: Group | undefined): Section {
  if (group && OTHER_SECTION_KINDS.has(group.kind)) return { key: group.id, name: group.name, child: false };
  return { key: CHILD_SECTION, name: CHILD_SECTION_NAME, child: true };
}

const isOpen = (c: Case) => c.phase !== 'closed';
/** The day an investigation closed: the decision's date as entered, else the day it was recorded. */
const closedOn = (c: Case) => (c.closure ? (c.closure.closedOn ?? stockholmDate(c.closure.at)) : undefined);
const inChildSection = (c: Case) => !c.sectionKind;
const byReceived = (a: Case, b: Case) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt) || (a.id < b.id ? -1 : 1);

/**
 * The open child-welfare cases of the family about another child than this case's: the siblings,
 * oldest report first. A case outside child welfare has no siblings shown (it sees sections only).
 */
export function siblingsOf(c: Case, familyCases: readonly Case[]): Case[] {
  if (!c.familyRef || c.sectionKind) return [];
  return familyCases
    .filter((x) => x.id !== c.id && x.familyRef === c.familyRef && x.childRef !== c.childRef)
    .filter((x) => isOpen(x) && inChildSection(x))
    .sort(byReceived);
}

export interface SectionInvolvement {
  section: Section;
  /** Owners of the section's open cases with the family (staff ids), in order. */
  owners: StaffId[];
  /** When the section's earliest open case with the family came in. */
  since: Instant;
}

/**
 * The other sections with an open case about the family: only that they are involved, who owns it
 * and since when; never a reference, a concern or a text of the other side.
 */
export function otherSections(
  c: Case,
  familyCases: readonly Case[],
  groupOf: (id: string) => Group | undefined,
): SectionInvolvement[] {
  if (!c.familyRef) return [];
  const mine = sectionOf(groupOf(c.groupId)).key;
  const out = new Map<string, SectionInvolvement>();
  for (const x of [...familyCases].sort(byReceived)) {
    if (x.id === c.id || x.familyRef !== c.familyRef || !isOpen(x)) continue;
    const section = sectionOf(groupOf(x.groupId));
    if (section.key === mine) continue;
    const entry = out.get(section.key) ?? { section, owners: [], since: x.receivedAt };
    for (const o of x.assignees) if (!entry.owners.includes(o)) entry.owners.push(o);
    out.set(section.key, entry);
  }
  return [...out.values()];
}

/** The sections with an open case about the family (for the samordning notice). */
export function openSections(familyCases: readonly Case[], groupOf: (id: string) => Group | undefined): Section[] {
  const out = new Map<string, Section>();
  for (const x of familyCases) if (isOpen(x)) out.set(sectionOf(groupOf(x.groupId)).key, sectionOf(groupOf(x.groupId)));
  return [...out.values()];
}

const VIOLENCE = new Set(['violence', 'honour_related']);
export const hasViolenceConcern = (c: Case) => c.concerns.some((k) => VIOLENCE.has(k));

/**
 * Another case of the family (any section) with a violence concern, open or received in the last
 * 12 months: the violence flag goes on every child case of the family.
 */
export function familyViolence(c: Case, familyCases: readonly Case[], now: Date): boolean {
  if (!c.familyRef) return false;
  const from = addMonths(stockholmDate(now), -12);
  return familyCases.some(
    (x) =>
      x.id !== c.id &&
      x.familyRef === c.familyRef &&
      hasViolenceConcern(x) &&
      (isOpen(x) || stockholmDate(x.receivedAt) >= from),
  );
}

/**
 * Who to suggest for an unassigned case: the owners (one, or an investigating pair) of the sibling
 * that got an owner most recently, when every one of them can take a case in this case's group.
 */
export function suggestedOwners(c: Case, siblings: readonly Case[], canOwn: (staffId: string) => boolean): StaffId[] {
  if (c.assignees.length > 0) return [];
  const owned = siblings
    .filter((s) => s.assignees.length > 0)
    .sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt));
  for (const s of owned) if (s.assignees.every(canOwn)) return [...s.assignees];
  return [];
}

export interface EarlierInvestigation {
  caseId: string;
  openedOn: LocalDate;
  closedOn?: LocalDate;
  outcome?: 'insats' | 'ingen_insats' | 'not_opened' | 'already_ongoing';
}

export interface ConsecutiveInvestigations {
  /** The investigations in the chain, oldest first (this case last). */
  caseIds: string[];
  firstOpenedOn: LocalDate;
  /** Days from the first opening to this one's closing, or to today while it runs. */
  days: number;
  /** The statutory end counted from the first opening (4 months by the rule table). */
  statutoryFromFirst: LocalDate;
  /** The chain as a whole ran past the statutory end counted from the first opening. */
  overrun: boolean;
}

export interface History {
  /** Reports (cases in child welfare) about this child received in the last 12 months, this one included. */
  reportsAboutChild12m: number;
  /** The same for every child of the family (only with a familyRef). */
  reportsAboutFamily12m?: number;
  /** This report is at least the settings' n:th about the child within its months. */
  repeated?: { nth: number; months: number };
  /** Investigations on other cases about this child, oldest first. */
  earlierInvestigations: EarlierInvestigation[];
  consecutive?: ConsecutiveInvestigations;
}

/**
 * The child's history as the case card and the API show it. `childCases` are the cases with the
 * same childRef (store.casesByChild), `familyCases` those with the same familyRef.
 */
export function historyOf(
  c: Case,
  childCases: readonly Case[],
  familyCases: readonly Case[],
  now: Date,
  rules: RuleTable,
  settings: FamilySettings = DEFAULT_FAMILY_SETTINGS,
): History {
  const today = stockholmDate(now);
  const yearAgo = addMonths(today, -12);
  const child = dedupe([c, ...childCases.filter((x) => x.childRef === c.childRef)]).filter(inChildSection);
  const within = (x: Case, from: LocalDate, to: LocalDate) => {
    const d = stockholmDate(x.receivedAt);
    return d >= from && d <= to;
  };
  const out: History = {
    reportsAboutChild12m: child.filter((x) => within(x, yearAgo, today)).length,
    earlierInvestigations: [],
  };
  if (c.familyRef) {
    const family = dedupe([c, ...familyCases.filter((x) => x.familyRef === c.familyRef)]).filter(inChildSection);
    out.reportsAboutFamily12m = family.filter((x) => within(x, yearAgo, today)).length;
  }
  // Repeated: counted back from this report's own day, so the mark stays what it was when it came in.
  const received = stockholmDate(c.receivedAt);
  const nth = child.filter(
    (x) =>
      within(x, addMonths(received, -settings.repeatedWithinMonths), received) &&
      Date.parse(x.receivedAt) <= Date.parse(c.receivedAt),
  ).length;
  if (!c.sectionKind && nth >= settings.repeatedReports) out.repeated = { nth, months: settings.repeatedWithinMonths };
  const investigations = child
    .filter((x) => x.id !== c.id && x.utredning)
    .sort((a, b) => (a.utredning!.openedOn < b.utredning!.openedOn ? -1 : 1));
  out.earlierInvestigations = investigations.map((x) => ({
    caseId: x.id,
    openedOn: x.utredning!.openedOn,
    ...(x.phase === 'closed' && x.closure ? { closedOn: closedOn(x)!, outcome: x.closure.outcome } : {}),
  }));
  const chain = consecutiveChain(c, investigations, settings.consecutiveWithinDays);
  if (chain.length > 1) {
    const first = chain[0].utredning!.openedOn;
    const end = c.phase === 'closed' && c.closure ? closedOn(c)! : today;
    const statutory = utredningDue(first, rules);
    out.consecutive = {
      caseIds: chain.map((x) => x.id),
      firstOpenedOn: first,
      days: daysBetween(first, end),
      statutoryFromFirst: statutory,
      overrun: end > statutory,
    };
  }
  return out;
}

/**
 * This case's investigation and, going back, each earlier one about the child that closed at most
 * `withinDays` before the next one opened.
 */
function consecutiveChain(c: Case, earlier: readonly Case[], withinDays: number): Case[] {
  if (!c.utredning) return [];
  const chain: Case[] = [c];
  let cur = c;
  for (;;) {
    const opened = cur.utredning!.openedOn;
    const prev = earlier
      .filter((x) => !chain.includes(x) && x.phase === 'closed' && x.closure)
      .map((x) => ({ x, closedOn: closedOn(x)! }))
      .filter(({ x, closedOn }) => x.utredning!.openedOn < opened && closedOn <= opened)
      .filter(({ closedOn }) => daysBetween(closedOn, opened) <= withinDays)
      .sort((a, b) => (a.closedOn < b.closedOn ? 1 : -1))[0];
    if (!prev) return chain;
    chain.unshift(prev.x);
    cur = prev.x;
  }
}

function dedupe(cases: readonly Case[]): Case[] {
  const seen = new Map<string, Case>();
  for (const x of cases) if (!seen.has(x.id)) seen.set(x.id, x);
  return [...seen.values()];
}

/**
 * Keep siblings together in a list sorted by urgency (the handover checklist): each family's cases
 * follow the family's most urgent one, in their own order.
 */
export function keepFamiliesTogether<T>(items: readonly T[], familyOf: (t: T) => string | undefined): T[] {
  const out: T[] = [];
  const placed = new Set<number>();
  items.forEach((it, i) => {
    if (placed.has(i)) return;
    placed.add(i);
    out.push(it);
    const f = familyOf(it);
    if (!f) return;
    items.forEach((other, j) => {
      if (!placed.has(j) && familyOf(other) === f) {
        placed.add(j);
        out.push(other);
      }
    });
  });
  return out;
}
