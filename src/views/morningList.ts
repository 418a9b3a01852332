// The morning list view of one group: its non-empty sections, most urgent first. Built by
// src/jobs/morningList.ts (buildMorningList, pure), rendered by src/cards/morningList.ts.
import type { LocalDate } from '../domain/schemas.js';

export type SectionKey =
  'protection' | 'lvu' | 'outOfHours' | 'overdue' | 'unassigned' | 'dueSoon' | 'noContact' | 'absent';

export interface ListItem {
  caseId: string;
  /** One line: what, when, who. */
  text: string;
  color: 'Attention' | 'Warning' | 'Default';
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
  /** Only the non-empty sections, most urgent first. */
  sections: ListSection[];
  total: number;
}
