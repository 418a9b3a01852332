// A list of cases as a view (mina, ofördelade, försenade): the rows most urgent first, drawn by
// caseListCard (src/cards/simpleCards.ts) at the edge. Data only.
import type { Lang } from '../cards/text/index.js';

export interface CaseListItem {
  caseId: string;
  phase: string;
  detail: string;
  deadline: string;
  color: string;
}

export interface CaseListView {
  title: string;
  summary: string;
  items: CaseListItem[];
  empty: string;
  /** The reader's language for the card's own words; Swedish when absent. */
  lang?: Lang;
}
