// The decision date on every decision form (today by default) and the statute's smaller forms and
// the LVU forms as a caseworker sees them: valid cards, the right inputs, offered only when they apply.
import { describe, expect, it } from 'vitest';
import { decisionForm } from '../../src/cards/decisionForms.js';
import { availableForms, type FormKind } from '../../src/domain/forms.js';
import { Calendar } from '../../src/domain/calendar.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import type { Case } from '../../src/domain/schemas.js';
import { EXAMPLE_ORG, cardText, person } from '../support/bot.js';
import { validateCard } from '../support/validateCard.js';

const anna = person(EXAMPLE_ORG, 'anna');
const NOW = new Date('2026-01-16T10:00:00+01:00');
const base: Case = {
  id: 'IFO-2026-000301',
  version: 2,
  groupId: 'barn-mottagning',
  childRef: 'B-2026-0301',
  receivedAt: '2026-01-05T09:15:00+01:00',
  reporter: { type: 'preschool', professional: true },
  concerns: ['neglect'],
  phase: 'forhandsbedomning',
  skyddsbedomning: {
    at: '2026-01-05T10:00:00+01:00',
    by: anna.aadObjectId,
    immediateProtection: false,
    motivation: 'Ok.',
  },
  assignees: [anna.aadObjectId],
  contacts: [],
  linkedCaseIds: [],
  createdAt: '2026-01-05T09:15:00+01:00',
  updatedAt: '2026-01-05T09:15:00+01:00',
  updatedBy: 'system:intake',
};
const form = (kind: FormKind, c: Case = base, now = NOW) =>
  decisionForm({
    kind,
    case: c,
    now,
    rules: DEFAULT_RULES,
    calendar: new Calendar(),
    nameOf: () => 'Anna Berg',
    loads: [{ staff: anna, open: 2, forhandsbedomningar: 2, utredningar: 0, overCapacity: false, absent: false }],
    deciders: [{ id: person(EXAMPLE_ORG, 'karin').aadObjectId, name: 'Karin Ek' }],
  });
const inputs = (card: unknown) => {
  const out: Record<string, unknown> = {};
  const walk = (x: unknown) => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.id === 'string') out[o.id] = o.value;
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
};

describe('the date of the decision', () => {
  it.each(['skydd', 'forhand'] as const)('the %s form asks for it, today by default', (kind) => {
    const card = form(
      kind,
      kind === 'skydd' ? { ...base, skyddsbedomning: undefined, phase: 'skyddsbedomning' } : base,
    );
    expect(validateCard(card)).toEqual([]);
    expect(inputs(card).decidedOn).toBe('2026-01-16');
  });

  it.each(['extend', 'close'] as const)('the %s form asks for it, today by default', (kind) => {
    const inv: Case = {
      ...base,
      phase: 'utredning',
      utredning: { openedOn: '2026-01-07', statutoryDeadline: '2026-05-07', deadline: '2026-05-07', extensions: [] },
    };
    const card = form(kind, inv);
    expect(validateCard(card)).toEqual([]);
    expect(inputs(card).decidedOn).toBe('2026-01-16');
  });
});

describe('the statute’s smaller forms', () => {
  it('offers the förhandsbedömning extension only until the deadline (Mon 2026-01-19)', () => {
    expect(availableForms(base, 'team_lead', DEFAULT_RULES, '2026-01-19')).toContain('forhandExtend');
    expect(availableForms(base, 'team_lead', DEFAULT_RULES, '2026-01-20')).not.toContain('forhandExtend');
    expect(availableForms(base, 'caseworker', DEFAULT_RULES, '2026-01-16')).not.toContain('forhandExtend');
    const card = form('forhandExtend');
    expect(validateCard(card)).toEqual([]);
    expect(Object.keys(inputs(card))).toEqual(['decidedOn', 'decidedBy', 'newDeadline', 'reason']);
    expect(cardText(card)).toContain('synnerliga skäl');
  });

  it('offers "Anmälaren har begärt återkoppling" to a professional reporter who has not asked yet', () => {
    expect(availableForms(base, 'caseworker', DEFAULT_RULES, '2026-01-16')).toContain('aterkopplingRequest');
    const asked = { ...base, reporter: { ...base.reporter, requestsFeedback: true } };
    expect(availableForms(asked, 'caseworker', DEFAULT_RULES, '2026-01-16')).not.toContain('aterkopplingRequest');
    const priv = { ...base, reporter: { type: 'relative' as const, professional: false } };
    expect(availableForms(priv, 'caseworker', DEFAULT_RULES, '2026-01-16')).not.toContain('aterkopplingRequest');
    expect(cardText(form('aterkopplingRequest'))).toContain('Anmälaren har begärt återkoppling');
  });
});

describe('the LVU forms', () => {
  it('start with the omhändertagande: decided on, by whom, ground, carried out on', () => {
    const card = form('lvuStart');
    expect(validateCard(card)).toEqual([]);
    expect(inputs(card)).toEqual({ decidedOn: '2026-01-16', decidedBy: '', ground: '', verkstalldOn: '' });
    expect(cardText(card)).toContain('Missas någon av fristerna upphör omhändertagandet.');
  });

  it('then offer each step while it is open, and every form is a valid card', () => {
    const lvu: Case = {
      ...base,
      lvu: {
        decidedOn: '2026-01-09',
        decidedBy: 'ordforande',
        ground: '2',
        recordedAt: '2026-01-09T12:00:00+01:00',
        recordedBy: anna.aadObjectId,
        reviews: [],
        restrictions: [],
      },
    };
    const kinds = availableForms(lvu, 'caseworker', DEFAULT_RULES, '2026-01-16').filter((k) => k.startsWith('lvu'));
    expect(kinds).toEqual(['lvuVerkstalld', 'lvuNamnd', 'lvuUnderstallning', 'lvuEnd']);
    for (const k of [
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
    ] as const)
      expect(validateCard(form(k, lvu)), k).toEqual([]);
  });
});
