// What a decision form is drawn from (src/cards/decisionForms.ts): the case, the clock and the rules,
// the group's caseworkers by load, and what was entered with the messages beside the fields. Gathered
// by src/app/decisionFormCards.ts, drawn by the bot. Data only.
import type { Calendar } from '../domain/calendar.js';
import type { FormKind } from '../domain/forms.js';
import type { Load } from '../domain/queries.js';
import type { RuleTable } from '../domain/rules.js';
import type { Case } from '../domain/schemas.js';
import type { Lang } from '../cards/text/index.js';

export interface FormInput {
  kind: FormKind;
  case: Case;
  now: Date;
  rules: RuleTable;
  calendar: Calendar;
  nameOf: (staffId: string) => string;
  /** Caseworkers of the case's group with their load (investigator choices, the suggestion). */
  loads: Load[];
  values?: Record<string, string>;
  issues?: Record<string, string>;
  error?: string;
  /** Staff who may be named as the decision-maker (the förhandsbedömning extension). */
  deciders?: { id: string; name: string }[];
  /** The reader's language (src/cards/text/). */
  lang?: Lang;
}
