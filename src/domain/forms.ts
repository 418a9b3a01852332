// Which decision forms there are, which command each records, and which make sense for a case now
// and for whom (docs/decisions.md): the domain decides, the cards draw what it offers, and every
// submission is checked again on the server (role, group, version).
import { forhandsbedomningDueInForce } from './deadlines.js';
import { can, type Command } from './permissions.js';
import { protectionState } from './protection.js';
import type { RuleTable } from './rules.js';
import type { Case, Role } from './schemas.js';

/** The case's own decisions (src/app/decisionSchemas.ts DECISION_KINDS adds the law forms to them). */
export const BASIC_FORM_KINDS = [
  'skydd',
  'forhand',
  'extend',
  'contact',
  'barnsamtal',
  'aterkoppling',
  'close',
  'uppfoljning',
] as const;
export type BasicFormKind = (typeof BASIC_FORM_KINDS)[number];

/** The statute's smaller steps and the LVU track, drawn by one generic form (src/cards/lawForms.ts). */
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

export type FormKind = BasicFormKind | LawFormKind;

export const isLawForm = (k: FormKind): k is LawFormKind => (LAW_FORM_KINDS as readonly string[]).includes(k);

/** The inputs of each form: what a submission is read from and what a refused form shows again. */
export const DECISION_FORM_FIELDS: Record<FormKind, readonly string[]> = {
  skydd: ['decidedOn', 'immediateProtection', 'motivation'],
  forhand: [
    'decidedOn',
    'outcome',
    'motivation',
    'synnerligaSkal',
    'violenceReason',
    'investigator',
    'secondInvestigator',
  ],
  extend: ['decidedOn', 'newDeadline', 'reason'],
  contact: ['kind', 'date', 'childRef', 'note'],
  barnsamtal: ['reason'],
  aterkoppling: [],
  close: ['decidedOn', 'outcome', 'motivation', 'uppfoljningUntil'],
  uppfoljning: ['outcome', 'note'],
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

/** LVU forms go in their own row of buttons on the case card. */
export const isLvuForm = (k: FormKind): boolean => k.startsWith('lvu');

/** The command each form records: what permissions.ts allows per role. */
export const FORM_COMMAND: Record<FormKind, Command> = {
  skydd: 'recordSkyddsbedomning',
  forhand: 'decideForhandsbedomning',
  extend: 'extend',
  contact: 'recordContact',
  barnsamtal: 'recordBarnsamtalNotHeld',
  aterkoppling: 'completeAterkoppling',
  close: 'close',
  uppfoljning: 'completeUppfoljning',
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

/** The forms that make sense for this case now (by phase), for this viewer ('all' in a channel). */
export function availableForms(c: Case, viewer: Role | 'all' | 'none', rules: RuleTable, today?: string): FormKind[] {
  if (viewer === 'none') return [];
  const kinds: FormKind[] = [];
  if (!c.skyddsbedomning && c.phase !== 'closed') kinds.push('skydd');
  if (c.phase === 'forhandsbedomning' && c.skyddsbedomning && !c.forhandsbedomning) kinds.push('forhand');
  if (c.phase === 'forhandsbedomning' || c.phase === 'utredning') kinds.push('contact');
  if (c.phase === 'utredning' && !c.barnsamtalNotHeldReason && !c.contacts.some((k) => k.kind === 'barnsamtal'))
    kinds.push('barnsamtal');
  if (c.aterkoppling && !c.aterkoppling.doneAt) kinds.push('aterkoppling');
  if (c.uppfoljning && !c.uppfoljning.doneAt && !c.uppfoljning.endedEarly) kinds.push('uppfoljning');
  if (c.phase === 'utredning') kinds.push('extend', 'close');
  if (today) kinds.push(...availableLawForms(c, today, rules));
  // An unmet immediate-protection alarm is the most urgent thing: its form comes first.
  const alarm = kinds.indexOf('skyddsatgard');
  if (alarm > 0) kinds.unshift(...kinds.splice(alarm, 1));
  return viewer === 'all'
    ? kinds
    : kinds.filter((k) => can(viewer, FORM_COMMAND[k], { extendRoles: rules.extendRoles }));
}
