// The fields of each law form (src/cards/lawForms.ts) in the reader's language: labels, error messages,
// choices and the intro from the catalogue (src/cards/text/sv/lawForms.ts). Pure: a case and the clock
// in, fields out; the app layer reads the same ids.
import { forhandsbedomningDueInForce } from '../domain/deadlines.js';
import { reviewKindOf } from '../domain/lvuDeadlines.js';
import type { RuleTable } from '../domain/rules.js';
import type { Case } from '../domain/schemas.js';
import { formatDate, stockholmYear } from '../domain/time.js';
import type { LawFormKind } from '../domain/forms.js';
import { texts, type Lang } from './text/index.js';

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

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The fields of each form, by id, with the form's intro. */
export function lawFormFields(
  kind: LawFormKind,
  c: Case,
  today: string,
  rules: RuleTable,
  staff: { id: string; name: string }[],
  lang: Lang = 'sv',
): { intro: string; fields: FieldSpec[] } {
  const all = texts(lang);
  const w = all.lawForms;
  const L = w.label;
  const intro = w.intro;
  const date = (id: string, label: string, required = true, initial = today): FieldSpec => ({
    id,
    type: 'date',
    label,
    required,
    errorMessage: w.dateRequired,
    initial,
  });
  const text = (id: string, label: string, required: boolean): FieldSpec => ({
    id,
    type: 'text',
    label,
    required,
    errorMessage: w.fieldRequired,
  });
  const choice = (
    id: string,
    label: string,
    errorMessage: string,
    choices: { title: string; value: string }[],
  ): FieldSpec => ({ id, type: 'choice', label, required: true, errorMessage, choices });
  const select = (id: string, label: string, required: boolean): FieldSpec => ({
    id,
    type: 'select',
    label,
    required,
    errorMessage: w.chooseWho,
    choices: staff.map((s) => ({ title: s.name, value: s.id })),
  });
  const ch = w.choice;
  const t = c.lvu;
  switch (kind) {
    case 'forhandExtend': {
      const due = forhandsbedomningDueInForce(c, rules);
      return {
        intro: intro.forhandExtend(formatDate(due, stockholmYear(c.updatedAt), lang)),
        fields: [
          date('decidedOn', L.decidedOn),
          select('decidedBy', L.decidedBy, true),
          date('newDeadline', L.newDeadline, true, ''),
          text('reason', L.specialReasons, true),
        ],
      };
    }
    case 'information':
      return {
        intro: intro.information,
        fields: [date('givenOn', L.givenOn, false), text('reason', L.notInformedReason, false)],
      };
    case 'aterkopplingRequest':
      return { intro: intro.aterkopplingRequest, fields: [date('requestedOn', L.requestedOn)] };
    case 'uppfoljningInfo':
      return { intro: intro.uppfoljningInfo, fields: [] };
    case 'lvuStart':
      return {
        intro: intro.lvuStart,
        fields: [
          date('decidedOn', L.decidedOn),
          choice('decidedBy', L.lvuDecidedBy, w.error.lvuDecidedBy, [
            { title: ch.namnd, value: 'namnd' },
            { title: ch.ordforande, value: 'ordforande' },
            { title: ch.ledamot, value: 'ledamot' },
          ]),
          choice('ground', L.ground, w.error.ground, [
            { title: ch.ground2, value: '2' },
            { title: ch.ground3, value: '3' },
          ]),
          date('verkstalldOn', L.verkstalldIfDone, false, ''),
        ],
      };
    case 'lvuVerkstalld':
      return { intro: intro.lvuVerkstalld, fields: [date('on', L.verkstalldOn)] };
    case 'lvuNamnd':
      return { intro: intro.lvuNamnd(t?.namndMeetingOn ?? ''), fields: [date('on', L.namndOn)] };
    case 'lvuUnderstallning':
      return { intro: intro.lvuUnderstallning, fields: [date('on', L.understalldOn)] };
    case 'lvuAnsokan':
      return { intro: intro.lvuAnsokan, fields: [date('on', L.ansokanOn)] };
    case 'lvuCourtExtension':
      return { intro: intro.lvuCourtExtension, fields: [date('until', L.until, true, '')] };
    case 'lvuDom': {
      const adding = t?.courtDecision?.outcome === 'vard' && !t.courtDecision.finalOn;
      return adding
        ? { intro: intro.lvuDomFinal, fields: [date('finalOn', L.finalOn)] }
        : {
            intro: intro.lvuDom,
            fields: [
              date('on', L.courtOn),
              choice('outcome', L.decision, w.chooseDecision, [
                { title: ch.vard, value: 'vard' },
                { title: ch.avslag, value: 'avslag' },
              ]),
              date('finalOn', L.finalOnIfKnown, false, ''),
            ],
          };
    }
    case 'lvuVard':
      return { intro: intro.lvuVard, fields: [date('on', L.vardOn)] };
    case 'lvuReview':
      return {
        intro: t && reviewKindOf(t) === 'provning' ? intro.lvuProvning : intro.lvuOvervagande,
        fields: [date('on', L.decidedOn)],
      };
    case 'lvuRestriction':
      return {
        intro: intro.lvuRestriction,
        fields: [
          choice('kind', L.decision, w.chooseDecision, [
            { title: ch.umgange, value: 'umgange' },
            { title: ch.hemlig_vistelseort, value: 'hemlig_vistelseort' },
            { title: ch.review, value: 'review' },
          ]),
          date('on', L.decidedOn),
        ],
      };
    case 'lvuEnd':
      return { intro: intro.lvuEnd, fields: [date('on', L.endedOn)] };
    case 'skyddsatgard':
      return {
        intro: intro.skyddsatgard,
        fields: [
          choice(
            'kind',
            L.what,
            w.error.what,
            (['placement', 'lvu_6', 'police', 'other'] as const).map((k) => ({
              title: upperFirst(all.protection.measure[k]),
              value: k,
            })),
          ),
          date('on', L.date),
          { id: 'time', type: 'time', label: L.time, required: false, errorMessage: w.error.time },
          select('doneBy', L.doneBy, false),
          text('motivation', L.motivation, true),
        ],
      };
  }
}
