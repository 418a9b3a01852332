// Every user-facing word in Swedish, the default language: the sections in ./sv/, one object each,
// put together here. docs/cards.md says how to add a word or a language. English: ./en.ts.
import { timelineSv } from './sv/timeline.js';
import { deliveryFailureSv } from './sv/deliveryFailure.js';
import { newReportSv } from './sv/newReport.js';
import { lawFormsSv } from './sv/lawForms.js';
import { botSv } from './sv/bot.js';
import { familyActionsSv } from './sv/familyActions.js';
import { caseAnswers } from './sv/caseAnswers.js';
import { appNotices } from './sv/appNotices.js';
import { NOUNS_SV, type Forms, type Noun } from './sv/nouns.js';
import { svWords } from './sv/words.js';
import { svCaseCard } from './sv/caseCard.js';
import { svTemplates } from './sv/templates.js';
import { svDaily } from './sv/daily.js';
import { svPeople } from './sv/people.js';
import { svAdmin } from './sv/admin.js';
import { svHelp } from './sv/help.js';
import { refusals } from './sv/refusals.js';

export { NOUNS_SV, type Forms, type HelpRowText, type Noun } from './sv/nouns.js';

export const sv = {
  ...svWords,
  ...svCaseCard,
  ...svTemplates,
  ...svDaily,
  ...svPeople,
  ...svAdmin,
  ...svHelp,
  nouns: NOUNS_SV as Record<Noun, Forms>,
  /** Whoever has no owner yet, everywhere the same. */
  unassigned: 'Ej fördelad',
  and: 'och',
  timeline: timelineSv,
  deliveryFailure: deliveryFailureSv,
  newReport: newReportSv,
  lawForms: lawFormsSv,
  bot: botSv,
  familyActions: familyActionsSv,
  caseAnswers,
  appNotices,
  refusals,
};

export type Texts = typeof sv;
