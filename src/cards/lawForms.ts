// The forms of the statute's smaller steps and of the LVU track (docs/rules.md), drawn by one generic
// template (cards/decision-form.json) from a list of fields (src/cards/lawFormFields.ts): which forms
// there are, what each records, and which make sense for a case now. Pure: a case and the clock in.
import type { Command } from '../domain/permissions.js';
import { forhandsbedomningDueInForce } from '../domain/deadlines.js';
import type { RuleTable } from '../domain/rules.js';
import type { Case } from '../domain/schemas.js';
import { protectionState } from '../domain/protection.js';
import { texts, type Lang } from './text/index.js';
import { sv } from './text/sv.js';

export const LAW_FORM_KINDS = [
  'forhandExtend',
  'information',
  'aterkopplingRequest',
  'uppfoljningInfo',
  'lvuStart',
  'lvuVerkstalld',
  'lvuNamnd',
  'lvuUnderstallning',
  'lvuAnsokan',
  'lvuCourtExtension',
  'lvuDom',
  'lvuVard',
  'lvuReview',
  'lvuRestriction',
  'lvuEnd',
  'skyddsatgard',
] as const;
export type LawFormKind = (typeof LAW_FORM_KINDS)[number];

interface LawFormMeta {
  /** The Swedish button and heading (another language: the catalogue's formButton and lawForms.heading). */
  button: string;
  heading: string;
  command: Command;
  submit: string;
  /** LVU forms go in their own row of buttons on the case card. */
  lvu: boolean;
}

const COMMAND: Record<LawFormKind, Command> = {
  forhandExtend: 'extendForhandsbedomning',
  information: 'recordInformation',
  aterkopplingRequest: 'completeAterkoppling',
  uppfoljningInfo: 'recordInformation',
  lvuStart: 'recordLvu',
  lvuVerkstalld: 'recordLvu',
  lvuNamnd: 'recordLvu',
  lvuUnderstallning: 'recordLvu',
  lvuAnsokan: 'recordLvu',
  lvuCourtExtension: 'recordLvu',
  lvuDom: 'recordLvu',
  lvuVard: 'recordLvu',
  lvuReview: 'recordLvu',
  lvuRestriction: 'recordLvu',
  lvuEnd: 'recordLvu',
  skyddsatgard: 'recordProtectiveMeasure',
};

/** A form's submit button in `lang`: "Spara" unless the form names its own. */
export const lawFormSubmit = (kind: LawFormKind, lang: Lang = 'sv') => {
  const t = texts(lang).lawForms;
  return t.submit[kind] ?? t.save;
};

export const LAW_FORM_META = Object.fromEntries(
  LAW_FORM_KINDS.map((k) => [
    k,
    {
      button: sv.formButton[k],
      heading: sv.lawForms.heading[k],
      command: COMMAND[k],
      submit: lawFormSubmit(k),
      lvu: k.startsWith('lvu'),
    },
  ]),
) as Record<LawFormKind, LawFormMeta>;

/** The inputs of each form (what a refused form shows again). */
export const LAW_FORM_FIELDS: Record<LawFormKind, string[]> = {
  forhandExtend: ['decidedOn', 'decidedBy', 'newDeadline', 'reason'],
  information: ['givenOn', 'reason'],
  aterkopplingRequest: ['requestedOn'],
  uppfoljningInfo: [],
  lvuStart: ['decidedOn', 'decidedBy', 'ground', 'verkstalldOn'],
  lvuVerkstalld: ['on'],
  lvuNamnd: ['on'],
  lvuUnderstallning: ['on'],
  lvuAnsokan: ['on'],
  lvuCourtExtension: ['until'],
  lvuDom: ['on', 'outcome', 'finalOn'],
  lvuVard: ['on'],
  lvuReview: ['on'],
  lvuRestriction: ['kind', 'on'],
  lvuEnd: ['on'],
  skyddsatgard: ['kind', 'on', 'time', 'doneBy', 'motivation'],
};

/** Which of these forms make sense for the case now. */
export function availableLawForms(c: Case, today: string, rules: RuleTable): LawFormKind[] {
  const out: LawFormKind[] = [];
  // Immediate protection without a recorded measure: the form that ends the alarm comes first.
  if (protectionState(c).needsMeasure) out.push('skyddsatgard');
  // 20 kap. 2 §: an extension only before the deadline has passed.
  if (c.phase === 'forhandsbedomning' && !c.forhandsbedomning && today <= forhandsbedomningDueInForce(c, rules))
    out.push('forhandExtend');
  if (c.phase === 'utredning' && c.utredning && !c.utredning.information) out.push('information');
  if (
    c.reporter.professional &&
    !c.reporter.requestsFeedback &&
    !c.aterkoppling?.requestedOn &&
    !c.aterkoppling?.doneAt
  )
    out.push('aterkopplingRequest');
  const u = c.uppfoljning;
  if (u && u.startedOn && !u.informedAt && !u.doneAt && !u.endedEarly) out.push('uppfoljningInfo');
  const t = c.lvu;
  if (!t || t.endedOn) {
    if (c.phase !== 'closed') out.push('lvuStart');
    return out;
  }
  if (!t.verkstalldOn) out.push('lvuVerkstalld');
  if (t.decidedBy !== 'namnd' && !t.namndReported) out.push('lvuNamnd');
  if (!t.understalld) out.push('lvuUnderstallning');
  if (t.verkstalldOn && !t.ansokan) out.push('lvuAnsokan', 'lvuCourtExtension');
  if (t.ansokan && (!t.courtDecision || (t.courtDecision.outcome === 'vard' && !t.courtDecision.finalOn)))
    out.push('lvuDom');
  if (t.courtDecision?.outcome === 'vard' && !t.vardBegun) out.push('lvuVard');
  if (t.vardBegun) out.push('lvuReview', 'lvuRestriction');
  out.push('lvuEnd');
  return out;
}
