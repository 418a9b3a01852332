// The morning list view of one group: each case once, under its worst problem, sections most urgent
// first. Built by src/views/morningListBuilder.ts (buildMorningList, pure), rendered by src/cards/morningList.ts.
import type { LocalDate } from '../domain/schemas.js';
import type { Lang } from '../cards/text/index.js';

export type SectionKey =
  'protection' | 'lvu' | 'outOfHours' | 'overdue' | 'unassigned' | 'dueSoon' | 'noContact' | 'absent';

/** A caseworker to choose in a row's Tilldela, by load (fewest open cases first; absent ones last). */
export interface AssignChoice {
  title: string;
  value: string;
}

export interface ListItem {
  caseId: string;
  /** One line: the reference and the problem (what, when). */
  text: string;
  color: 'Attention' | 'Warning' | 'Default';
  /** The case's version when the list was built: Ta/Tilldela are refused if it changed since. */
  version?: number;
  /** The second line: concerns (violence first) and the owner or "Ej fördelad", and the case's other problems. */
  detail?: string;
  /** No owner and open: the row gets Ta and Tilldela. */
  unassigned?: boolean;
  /** For an unassigned case: working days it has waited (the escalation's "more than 1 working day"). */
  waitingWorkingDays?: number;
}

export interface ListSection {
  key: SectionKey;
  title: string;
  color: 'Attention' | 'Warning' | 'Default';
  items: ListItem[];
}

export interface MorningListView {
  groupId: string;
  groupName: string;
  date: LocalDate;
  title: string;
  summary: string;
  /** Only the non-empty sections, most urgent first; every case in at most one of them. */
  sections: ListSection[];
  /** The number of rows (= cases) in the sections. */
  total: number;
  /** The group's caseworkers by load, for the rows' Tilldela. */
  choices: AssignChoice[];
  /** The language it is written in (src/cards/text/); Swedish when absent. */
  lang?: Lang;
}
