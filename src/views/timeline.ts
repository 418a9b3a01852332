// The timeline view: a case's history as the audit log tells it, with the hash chain's verdict. Built
// by src/app/timeline.ts (caseTimeline), rendered by src/cards/timelineCard.ts and the HTTP timeline.
import type { AuditVerification } from '../store/port.js';

export interface TimelineEntry {
  seq: number;
  /** The instant as recorded (ISO 8601). */
  at: string;
  /** Swedish date and time, e.g. "2020-12-08 10:15". */
  when: string;
  /** The staff member's name (or "Ärendevakt" for the bot's own actions). */
  who: string;
  whoId: string;
  event: string;
  what: string;
  why?: string;
  /**
   * Set when `why` is text a person wrote (a motivation, a reason, a note): its name, e.g.
   * "Motivering". Such text is never shown in a channel (see docs/privacy.md); the bot's own
   * explanations (why two cases are linked) have none.
   */
  textLabel?: string;
  /** On the child's timeline (several cases): the case the entry belongs to. */
  caseId?: string;
}

export interface Timeline {
  caseId: string;
  generatedAt: string;
  /** The language of `what`, `textLabel` and `auditStatement` when not Swedish (src/cards/text/). */
  lang?: 'sv' | 'en';
  entries: TimelineEntry[];
  /** The whole audit log's hash chain, checked when the timeline was made. */
  audit: AuditVerification;
  /** One sentence saying whether the record can be trusted. */
  auditStatement: string;
}
