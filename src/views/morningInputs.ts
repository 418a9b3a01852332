// What the morning list of a group is built from (src/views/morningListBuilder.ts): the inputs, the settings,
// the cases the lists look at, the order of the sections, and the per-case facts every build reads.
import type { Calendar } from '../domain/calendar.js';
import type { RuleTable } from '../domain/rules.js';
import { deadlinesOf, type Deadline } from '../domain/deadlines.js';
import type { OfficeHours } from '../domain/officeHours.js';
import { openCountsOf, type OpenCounts } from '../domain/queries.js';
import type { Absence, Case, Group, LocalDate, Staff } from '../domain/schemas.js';
import { stockholmDate } from '../domain/time.js';
import { violenceRank } from '../domain/violence.js';
import { concernsText } from '../cards/labels.js';
import type { Lang } from '../cards/text/index.js';
import type { SectionKey } from './morningList.js';

export interface ListSettings {
  /** "Due soon": within this many working days (the issue: 3). */
  dueWithinWorkingDays: number;
  /** Investigations with no contact with the family or the child for this many days (default 21). */
  noContactDays: number;
}

export const DEFAULT_LIST_SETTINGS: ListSettings = { dueWithinWorkingDays: 3, noContactDays: 21 };

/** An open handover item of an absent colleague (the absence feature's `openHandovers`). */
export interface HandoverItem {
  caseId: string;
  fromStaffId: string;
}

export interface ListInputs {
  group: Group;
  /** Open cases, and closed ones with an open återkoppling/uppföljning; other groups' are ignored. */
  cases: Iterable<Case>;
  staff: readonly Staff[];
  absences: readonly Absence[];
  handovers: readonly HandoverItem[];
  now: Date;
  calendar: Calendar;
  rules: RuleTable;
  settings: ListSettings;
  /** The deadlines of a case; pass one memo (`deadlineMemo`) to several builders of the same tick. */
  deadlines?: (c: Case) => Deadline[];
  /** Office hours (default weekdays 08:00–16:00): reports since the last working day's end outside them are marked. */
  officeHours?: OfficeHours;
  /** The reader's language (src/cards/text/): a list answered to one press; the posted list is Swedish. */
  lang?: Lang;
}

/**
 * The deadlines of a case for one run of the jobs: the lists, the reminders and the escalation ask
 * for the same cases' deadlines. deadlinesOf remembers them per case object itself
 * (src/domain/deadlines.ts), so this is the same answer under the name the callers pass around.
 */
export function deadlineMemo(rules: RuleTable): (c: Case) => Deadline[] {
  return (c) => deadlinesOf(c, rules);
}

/** The sections in order of how bad the problem is: a case is listed once, under the first that applies. */
export const SECTION_ORDER: readonly SectionKey[] = [
  'protection',
  'lvu',
  // Reports since the last working day's end come before the other late ones: their skyddsbedömning
  // (done by the socialjour or not) is what the team lead checks first in the morning.
  'outOfHours',
  'overdue',
  'unassigned',
  'dueSoon',
  'noContact',
  'absent',
];

/**
 * The cases the lists look at: open ones, and closed ones with an open återkoppling, uppföljning or
 * LVU track. Frozen: the builders of one tick share what they derive from it (`groupsOf`).
 */
export function listCases(all: Iterable<Case>): readonly Case[] {
  const out: Case[] = [];
  for (const c of all) {
    if (
      c.phase !== 'closed' ||
      (c.aterkoppling && !c.aterkoppling.doneAt) ||
      (c.uppfoljning && !c.uppfoljning.doneAt && !c.uppfoljning.endedEarly) ||
      (c.lvu && !c.lvu.endedOn)
    )
      out.push(c);
  }
  return Object.freeze(out);
}

/** The list cases of one group, and every owner's open cases (for Tilldela) counted over all of them. */
export interface GroupCases {
  all: readonly Case[];
  cases: readonly Case[];
  open: readonly Case[];
  counts: OpenCounts;
}

interface CaseIndex {
  byGroup: Map<string, { cases: Case[]; open: Case[] }>;
  counts: OpenCounts;
}

// Per frozen array of cases (listCases'): it cannot change, and neither can its case objects, so
// what is derived from it holds while it lives. Every group's list of a tick then costs one pass.
const indexes = new WeakMap<readonly Case[], CaseIndex>();

function indexOf(all: readonly Case[]): CaseIndex {
  let index = indexes.get(all);
  if (!index) {
    const byGroup = new Map<string, { cases: Case[]; open: Case[] }>();
    for (const c of all) {
      let g = byGroup.get(c.groupId);
      if (!g) byGroup.set(c.groupId, (g = { cases: [], open: [] }));
      g.cases.push(c);
      if (c.phase !== 'closed') g.open.push(c);
    }
    indexes.set(all, (index = { byGroup, counts: openCountsOf(all) }));
  }
  return index;
}

export function groupsOf(input: Iterable<Case>, groupId: string): GroupCases {
  if (Array.isArray(input) && Object.isFrozen(input)) {
    const all = input as readonly Case[];
    const index = indexOf(all);
    const g = index.byGroup.get(groupId);
    return { all, cases: g?.cases ?? [], open: g?.open ?? [], counts: index.counts };
  }
  const all = [...input];
  const cases = all.filter((c) => c.groupId === groupId);
  return { all, cases, open: cases.filter((c) => c.phase !== 'closed'), counts: openCountsOf(all) };
}

/** What every list build reads of a case and that depends on the case alone. */
export interface CaseFacts {
  receivedMs: number;
  receivedOn: LocalDate;
  violence: number;
  /** The concerns in words, per language (violence first). */
  concerns: Partial<Record<Lang, string>>;
}

// Per case object, as deadlinesOf remembers its deadlines: a stored case is never changed in place
// (every commit stores a new object, docs/architecture.md "Derived values"), so a changed case is
// a new key and its facts are computed again.
const facts = new WeakMap<Case, CaseFacts>();

export function factsOf(c: Case): CaseFacts {
  let f = facts.get(c);
  if (!f) {
    f = {
      receivedMs: Date.parse(c.receivedAt),
      receivedOn: stockholmDate(c.receivedAt),
      violence: violenceRank(c),
      concerns: {},
    };
    facts.set(c, f);
  }
  return f;
}

export function concernsOf(c: Case, lang: Lang): string {
  const f = factsOf(c);
  return (f.concerns[lang] ??= concernsText(c.concerns, lang));
}
