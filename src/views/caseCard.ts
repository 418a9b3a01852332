// What a case card is drawn from (src/cards/caseCard.ts): the case with what the deployment knows
// about it, gathered from the store by src/app/present.ts and rendered at the edge (the bot's answer)
// or at send time (the outbox). Data only.
import type { Calendar } from '../domain/calendar.js';
import type { Load } from '../domain/queries.js';
import type { RuleTable } from '../domain/rules.js';
import type { Case, Role } from '../domain/schemas.js';
import type { Lang } from '../cards/text/index.js';
import type { FamilySectionView } from './familySection.js';

export interface CaseCardInput {
  case: Case;
  now: Date;
  rules: RuleTable;
  calendar: Calendar;
  groupName: string;
  nameOf: (staffId: string) => string;
  /** Caseworkers of the group with their load, for the assign list. */
  loads: Load[];
  link?: string;
  /** Linked cases in other groups: reference and group name. */
  linked?: { id: string; groupName: string }[];
  /** A line on top: who changed the case, or a refusal shown to one person. */
  notice?: { text: string; tone: 'warning' | 'attention' | 'good' };
  /** Which buttons to show: 'all' in a channel (the server checks every press), or one role's view. */
  viewer?: Role | 'all' | 'none';
  /** Users whose cards Teams refreshes on open (at most 60, and not in team channels). */
  refreshUserIds?: string[];
  /** Siblings, other sections and the child's history (src/cards/familySection.ts). */
  family?: FamilySectionView;
  /** Preselected in the assign list of an unassigned case: a sibling's owner (docs/family.md). */
  suggestedOwner?: string;
  /**
   * What the watches say about the case, one line each (the VINR notice, the "genast" nudge, a
   * report out of hours): src/app/watchLines.ts.
   */
  watchLines?: { text: string; color: string }[];
  /** The reader's language (src/cards/text/); Swedish when absent, and always on a channel card. */
  lang?: Lang;
}

/** The personal 1:1 card for a new owner: the case view, and what that person may do on it. */
export type AssignedToYouInput = CaseCardInput & { myOpen: number; canContact?: boolean; canSnooze?: boolean };
