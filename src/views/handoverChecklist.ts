// What the handover checklist card is drawn from (src/cards/handoverCard.ts): the handover, its
// entries' states most urgent first, and what the deployment knows about the people on it. Gathered
// from the store by src/app/handoverChecklist.ts and drawn at the edge (the answer to a press or to
// `överlämning`) or at send time (src/outbox/handoverCards.ts), so a channel's copy shows the list as
// it is when it is delivered (docs/handover.md). Data only.
import type { Calendar } from '../domain/calendar.js';
import type { Handover } from '../domain/handover.js';
import type { EntryState } from '../domain/handoverProgress.js';
import type { Lang } from '../cards/text/index.js';

export interface HandoverCardOptions {
  notice?: { text: string; tone: 'good' | 'attention' | 'warning' };
  /** Show one case only, with its controls (the answer to "Hantera" on a long list). */
  focusCaseId?: string;
  /**
   * The case whose written status is shown, to the one person who pressed "Visa status" (an invoke
   * answer). Otherwise the card says only that a status exists, who wrote it and when: it is posted
   * in channels, and free text about a child never is (docs/privacy.md).
   */
  revealStatusOf?: string;
  /** Bytes the card may take (default: the house limit with a margin for the Teams envelope). */
  maxBytes?: number;
  /** The reader's language (src/cards/text/): an answer to a press; the channel's card is Swedish. */
  lang?: Lang;
}

export interface HandoverCardInput extends HandoverCardOptions {
  handover: Handover;
  /** The entries' states, most urgent first (domain `entryStates`). */
  states: EntryState[];
  now: Date;
  calendar: Calendar;
  nameOf: (staffId: string) => string;
  /** Who a case of this group can go to: present caseworkers with their load. */
  choicesFor: (groupId: string) => { title: string; value: string }[];
}
