// The forms of the statute's smaller steps and of the LVU track (docs/rules.md), drawn by one generic
// template (cards/decision-form.json) from a list of fields. Pure: a case and the clock in, fields out.
import type { Command } from '../domain/permissions.js';
import { forhandsbedomningDueInForce } from '../domain/deadlines.js';
import { reviewKindOf } from '../domain/lvuDeadlines.js';
import type { RuleTable } from '../domain/rules.js';
import type { Case } from '../domain/schemas.js';
import { formatDate, stockholmYear } from '../domain/time.js';
import { MEASURE_LABEL, protectionState } from '../domain/protection.js';

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

export interface FieldSpec {
  id: string;
  type: 'date' | 'text' | 'choice' | 'select' | 'time';
  label: string;
  required: boolean;
  errorMessage: string;
  choices?: { title: string; value: string }[];
  /** The value shown when the form opens. */
  initial?: string;
}

interface LawFormMeta {
  button: string;
  heading: string;
  command: Command;
  submit: string;
  /** LVU forms go in their own row of buttons on the case card. */
  lvu: boolean;
}

const meta = (button: string, heading: string, command: Command, submit: string, lvu = false): LawFormMeta => ({
  button,
  heading,
  command,
  submit,
  lvu,
});

export const LAW_FORM_META: Record<LawFormKind, LawFormMeta> = {
  forhandExtend: meta(
    'Förläng förhandsbedömningen',
    'Förläng förhandsbedömningen',
    'extendForhandsbedomning',
    'Spara förlängningen',
  ),
  information: meta('Information om utredning', 'Information om inledd utredning', 'recordInformation', 'Spara'),
  aterkopplingRequest: meta(
    'Anmälaren har begärt återkoppling',
    'Anmälaren har begärt återkoppling',
    'completeAterkoppling',
    'Spara begäran',
  ),
  uppfoljningInfo: meta('Informerat om uppföljning', 'Information om uppföljningen', 'recordInformation', 'Spara'),
  lvuStart: meta(
    'Omedelbart omhändertagande (LVU)',
    'Omedelbart omhändertagande enligt LVU 6 §',
    'recordLvu',
    'Registrera',
    true,
  ),
  lvuVerkstalld: meta('LVU: verkställt', 'LVU: omhändertagandet verkställt', 'recordLvu', 'Spara', true),
  lvuNamnd: meta('LVU: anmält till nämnden', 'LVU 6 §: anmält vid nämndens sammanträde', 'recordLvu', 'Spara', true),
  lvuUnderstallning: meta('LVU: underställt', 'LVU 7 §: underställt förvaltningsrätten', 'recordLvu', 'Spara', true),
  lvuAnsokan: meta('LVU: ansökan gjord', 'LVU 8 §: ansökan om vård', 'recordLvu', 'Spara', true),
  lvuCourtExtension: meta(
    'LVU: rätten gav mer tid',
    'LVU 9 §: rätten medgav längre tid för ansökan',
    'recordLvu',
    'Spara',
    true,
  ),
  lvuDom: meta('LVU: rättens beslut', 'LVU: förvaltningsrättens beslut om vård', 'recordLvu', 'Spara', true),
  lvuVard: meta('LVU: vården påbörjad', 'LVU 5 §: vården påbörjad', 'recordLvu', 'Spara', true),
  lvuReview: meta('LVU: övervägande/prövning', 'LVU 13 §: övervägande eller prövning', 'recordLvu', 'Spara', true),
  lvuRestriction: meta('LVU: begränsning', 'LVU 14 §: begränsning eller övervägande', 'recordLvu', 'Spara', true),
  lvuEnd: meta('LVU: upphört', 'LVU: omhändertagandet eller vården har upphört', 'recordLvu', 'Spara', true),
  skyddsatgard: meta(
    'Skyddsåtgärd',
    'Skyddsåtgärd vid omedelbart skyddsbehov',
    'recordProtectiveMeasure',
    'Registrera',
  ),
};

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

/** The fields of each form, by id (the app layer reads the same ids). */
export function lawFormFields(
  kind: LawFormKind,
  c: Case,
  today: string,
  rules: RuleTable,
  staff: { id: string; name: string }[],
) {
  const date = (id: string, label: string, required = true, initial = today): FieldSpec => ({
    id,
    type: 'date',
    label,
    required,
    errorMessage: 'Ange datumet.',
    initial,
  });
  const text = (id: string, label: string, required: boolean): FieldSpec => ({
    id,
    type: 'text',
    label,
    required,
    errorMessage: 'Fältet krävs.',
  });
  const t = c.lvu;
  switch (kind) {
    case 'forhandExtend': {
      const due = forhandsbedomningDueInForce(c, rules);
      return {
        intro: `Förlängning är ett eget beslut som ska fattas före fristen (${formatDate(due, stockholmYear(c.updatedAt))}) och bara för synnerliga skäl, t.ex. ett polisförhör eller en familj som inte går att nå. Arbetsbelastning räknas aldrig.`,
        fields: [
          date('decidedOn', 'Beslutsdatum'),
          {
            id: 'decidedBy',
            type: 'select',
            label: 'Vem fattade beslutet',
            required: true,
            errorMessage: 'Välj vem.',
            choices: staff.map((s) => ({ title: s.name, value: s.id })),
          } satisfies FieldSpec,
          date('newDeadline', 'Ny frist', true, ''),
          text('reason', 'Synnerliga skäl', true),
        ],
      };
    }
    case 'information':
      return {
        intro:
          'De som berörs (vårdnadshavare, och barnet) ska genast få veta att en utredning har inletts, om inte särskilda skäl talar emot det. Ange datumet, eller skälet till att de inte informeras.',
        fields: [date('givenOn', 'Informerade den', false), text('reason', 'Skäl till att de inte informeras', false)],
      };
    case 'aterkopplingRequest':
      return {
        intro:
          'Anmälaren (yrkesverksam) har begärt att få veta om utredning inleds. Efter förhandsbedömningen ska återkopplingen ske genast när begäran kommer senare.',
        fields: [date('requestedOn', 'Begäran kom in')],
      };
    case 'uppfoljningInfo':
      return {
        intro: 'Vårdnadshavarna och ett barn som fyllt 15 år ska informeras om att uppföljningen inleds och avslutas.',
        fields: [],
      };
    case 'lvuStart':
      return {
        intro:
          'Underställning till förvaltningsrätten inom en vecka från beslutet (7 §) och ansökan om vård inom fyra veckor från verkställigheten (8 §). Missas någon av fristerna upphör omhändertagandet.',
        fields: [
          date('decidedOn', 'Beslutsdatum'),
          {
            id: 'decidedBy',
            type: 'choice',
            label: 'Beslutet fattades av',
            required: true,
            errorMessage: 'Välj vem som beslutade.',
            choices: [
              { title: 'Nämnden', value: 'namnd' },
              { title: 'Ordföranden', value: 'ordforande' },
              { title: 'En förordnad ledamot', value: 'ledamot' },
            ],
          } satisfies FieldSpec,
          {
            id: 'ground',
            type: 'choice',
            label: 'Grund',
            required: true,
            errorMessage: 'Välj grund.',
            choices: [
              { title: '2 § (hemförhållanden)', value: '2' },
              { title: '3 § (eget beteende)', value: '3' },
            ],
          } satisfies FieldSpec,
          date('verkstalldOn', 'Verkställt den (om det är gjort)', false, ''),
        ],
      };
    case 'lvuVerkstalld':
      return {
        intro: 'Ansökan om vård ska göras inom fyra veckor från verkställigheten (8 §).',
        fields: [date('on', 'Verkställt den')],
      };
    case 'lvuNamnd':
      return {
        intro: `Ordförandens eller ledamotens beslut ska anmälas vid nämndens nästa sammanträde${t?.namndMeetingOn ? ` (${t.namndMeetingOn})` : ''}.`,
        fields: [date('on', 'Anmält den')],
      };
    case 'lvuUnderstallning':
      return {
        intro: 'Beslutet ska underställas förvaltningsrätten inom en vecka (7 §).',
        fields: [date('on', 'Underställt den')],
      };
    case 'lvuAnsokan':
      return { intro: 'Ansökan om vård enligt 8 §.', fields: [date('on', 'Ansökan gjord den')] };
    case 'lvuCourtExtension':
      return {
        intro: 'Förvaltningsrätten kan medge längre tid för ansökan (9 §). Ange rättens datum.',
        fields: [date('until', 'Ansökan senast', true, '')],
      };
    case 'lvuDom': {
      const adding = t?.courtDecision?.outcome === 'vard' && !t.courtDecision.finalOn;
      return {
        intro: adding
          ? 'Ange dagen då beslutet om vård vann laga kraft: vården ska påbörjas inom fyra veckor (5 §).'
          : 'Rättens beslut. Vården ska påbörjas inom fyra veckor från att beslutet vunnit laga kraft (5 §).',
        fields: adding
          ? [date('finalOn', 'Laga kraft den')]
          : [
              date('on', 'Rättens beslut den'),
              {
                id: 'outcome',
                type: 'choice',
                label: 'Beslut',
                required: true,
                errorMessage: 'Välj beslut.',
                choices: [
                  { title: 'Vård beslutad', value: 'vard' },
                  { title: 'Ansökan avslogs (omhändertagandet upphör)', value: 'avslag' },
                ],
              } satisfies FieldSpec,
              date('finalOn', 'Laga kraft den (om känt)', false, ''),
            ],
      };
    }
    case 'lvuVard':
      return { intro: 'Vården ska påbörjas inom fyra veckor (5 §).', fields: [date('on', 'Vården påbörjad den')] };
    case 'lvuReview':
      return {
        intro:
          t && reviewKindOf(t) === 'provning'
            ? 'Vård enligt 3 § ska prövas var sjätte månad (13 § andra stycket).'
            : 'Vård enligt 2 § ska övervägas minst var sjätte månad (13 § första stycket).',
        fields: [date('on', 'Beslutsdatum')],
      };
    case 'lvuRestriction':
      return {
        intro:
          'Beslut om umgängesbegränsning eller hemlighållen vistelseort ska övervägas minst var tredje månad (14 §).',
        fields: [
          {
            id: 'kind',
            type: 'choice',
            label: 'Beslut',
            required: true,
            errorMessage: 'Välj beslut.',
            choices: [
              { title: 'Umgänget begränsas', value: 'umgange' },
              { title: 'Vistelseorten hålls hemlig', value: 'hemlig_vistelseort' },
              { title: 'Övervägande av en begränsning', value: 'review' },
            ],
          } satisfies FieldSpec,
          date('on', 'Beslutsdatum'),
        ],
      };
    case 'lvuEnd':
      return { intro: 'Omhändertagandet eller vården har upphört.', fields: [date('on', 'Upphörde den')] };
    case 'skyddsatgard':
      return {
        intro:
          'Skyddsbedömningen säger att barnet behöver omedelbart skydd. Ange vad som gjordes, när och av vem. Ärendet ligger först i alla listor tills det har en handläggare och en registrerad skyddsåtgärd.',
        fields: [
          {
            id: 'kind',
            type: 'choice',
            label: 'Vad gjordes',
            required: true,
            errorMessage: 'Välj vad som gjordes.',
            choices: (['placement', 'lvu_6', 'police', 'other'] as const).map((k) => ({
              title: MEASURE_LABEL[k][0].toUpperCase() + MEASURE_LABEL[k].slice(1),
              value: k,
            })),
          } satisfies FieldSpec,
          date('on', 'Datum'),
          {
            id: 'time',
            type: 'time',
            label: 'Klockslag (om känt)',
            required: false,
            errorMessage: 'Ange klockslaget.',
          } satisfies FieldSpec,
          {
            id: 'doneBy',
            type: 'select',
            label: 'Vem gjorde det (tomt: du själv)',
            required: false,
            errorMessage: 'Välj vem.',
            choices: staff.map((s) => ({ title: s.name, value: s.id })),
          } satisfies FieldSpec,
          text('motivation', 'Motivering', true),
        ],
      };
  }
}

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
