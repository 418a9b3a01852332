// The same words in English, for the few staff whose Teams is set to English (the activity's locale).
// Swedish legal terms keep their Swedish name in brackets where a colleague would say them so.
import { type Forms, type Noun, type Texts } from './sv.js';
import { caseAnswers } from './en/caseAnswers.js';
import { appNotices } from './en/appNotices.js';
import { timelineEn } from './en/timeline.js';
import { deliveryFailureEn } from './en/deliveryFailure.js';
import { newReportEn } from './en/newReport.js';
import { lawFormsEn } from './en/lawForms.js';
import { botEn } from './en/bot.js';
import { familyActionsEn } from './en/familyActions.js';
import { enWords } from './en/words.js';
import { enCaseCard } from './en/caseCard.js';
import { enTemplates } from './en/templates.js';
import { enDaily } from './en/daily.js';
import { enPeople } from './en/people.js';
import { enAdmin } from './en/admin.js';
import { enHelp } from './en/help.js';
import { refusals } from './en/refusals.js';

const NOUNS_EN: Record<Noun, Forms> = {
  ärende: { one: 'case', other: 'cases' },
  'öppet ärende': { one: 'open case', other: 'open cases' },
  'ofördelat ärende': { one: 'unassigned case', other: 'unassigned cases' },
  'passerad tidsfrist': { one: 'missed deadline', other: 'missed deadlines' },
  tidsfrist: { one: 'deadline', other: 'deadlines' },
  dag: { one: 'day', other: 'days' },
  arbetsdag: { one: 'working day', other: 'working days' },
  punkt: { one: 'item', other: 'items' },
  händelse: { one: 'event', other: 'events' },
  anmälan: { one: 'report', other: 'reports' },
  kort: { one: 'card', other: 'cards' },
  försök: { one: 'attempt', other: 'attempts' },
  timme: { one: 'hour', other: 'hours' },
  månad: { one: 'month', other: 'months' },
  frist: { one: 'deadline', other: 'deadlines' },
  försenad: { one: 'late', other: 'late' },
  larm: { one: 'alarm', other: 'alarms' },
  'LVU-frist': { one: 'LVU deadline', other: 'LVU deadlines' },
  'försenad tidsfrist': { one: 'overdue deadline', other: 'overdue deadlines' },
  'ärende ofördelat': { one: 'case unassigned', other: 'cases unassigned' },
  minut: { one: 'minute', other: 'minutes' },
  vecka: { one: 'week', other: 'weeks' },
  'tidigare anteckning': { one: 'earlier note', other: 'earlier notes' },
  förhandsbedömning: { one: 'initial assessment', other: 'initial assessments' },
  utredning: { one: 'investigation', other: 'investigations' },
};

export const en: Texts = {
  ...enWords,
  ...enCaseCard,
  ...enTemplates,
  ...enDaily,
  ...enPeople,
  ...enAdmin,
  ...enHelp,
  nouns: NOUNS_EN,
  unassigned: 'Unassigned',
  and: 'and',
  timeline: timelineEn,
  deliveryFailure: deliveryFailureEn,
  newReport: newReportEn,
  lawForms: lawFormsEn,
  bot: botEn,
  familyActions: familyActionsEn,
  caseAnswers,
  appNotices,
  refusals,
};
