// Which decision buttons a case card offers, by phase and by the viewer's role, and the forms as
// valid Adaptive Cards: what a caseworker or a team lead would notice on the card.
import { describe, expect, it } from 'vitest';
import { decisionForm, suggestSecond } from '../../src/cards/decisionForms.js';
import { availableForms } from '../../src/domain/forms.js';
import { Calendar } from '../../src/domain/calendar.js';
import type { Load } from '../../src/domain/queries.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import type { Case } from '../../src/domain/schemas.js';
import { EXAMPLE_ORG, cardText, person } from '../support/bot.js';
import { validateCard } from '../support/validateCard.js';

const anna = person(EXAMPLE_ORG, 'anna');
const bo = person(EXAMPLE_ORG, 'bo');
const cecilia = person(EXAMPLE_ORG, 'cecilia');
const NOW = new Date('2026-11-20T10:00:00+01:00');
const base: Case = {
  id: 'IFO-2026-004512',
  version: 3,
  groupId: 'barn-mottagning',
  childRef: 'B-2026-0412',
  receivedAt: '2026-11-20T09:15:00+01:00',
  reporter: { type: 'preschool', professional: true },
  concerns: ['neglect'],
  phase: 'skyddsbedomning',
  assignees: [anna.aadObjectId],
  contacts: [],
  linkedCaseIds: [],
  createdAt: '2026-11-20T09:15:00+01:00',
  updatedAt: '2026-11-20T09:15:00+01:00',
  updatedBy: 'system:intake',
};
const skydd = {
  at: '2026-11-20T10:00:00+01:00',
  by: anna.aadObjectId,
  immediateProtection: false,
  motivation: 'Ingen fara.',
};
const investigation: Case = {
  ...base,
  phase: 'utredning',
  skyddsbedomning: skydd,
  forhandsbedomning: { decidedAt: '2026-11-20T10:00:00+01:00', by: 'x', outcome: 'open', motivation: 'Oro.' },
  utredning: { openedOn: '2026-11-20', statutoryDeadline: '2027-03-20', deadline: '2027-03-20', extensions: [] },
  aterkoppling: { due: '2026-12-04' },
};
const load = (s: typeof anna, open: number, absent = false): Load =>
  ({ staff: s, open, capacity: s.capacity, overCapacity: false, absent }) as unknown as Load;

describe('decision buttons on the case card', () => {
  it('a new report offers the skyddsbedömning first and only', () => {
    expect(availableForms(base, 'all', DEFAULT_RULES)).toEqual(['skydd']);
  });

  it('after the skyddsbedömning a team lead sees förhandsbedömning; a caseworker sees contact only', () => {
    const c = { ...base, phase: 'forhandsbedomning' as const, skyddsbedomning: skydd };
    expect(availableForms(c, 'team_lead', DEFAULT_RULES)).toEqual(['forhand', 'contact']);
    expect(availableForms(c, 'caseworker', DEFAULT_RULES)).toEqual(['contact']);
  });

  it('in an investigation a caseworker records contacts and återkoppling; extending and closing are for leads (the extendRoles setting decides)', () => {
    expect(availableForms(investigation, 'caseworker', DEFAULT_RULES)).toEqual([
      'contact',
      'barnsamtal',
      'aterkoppling',
    ]);
    expect(availableForms(investigation, 'team_lead', DEFAULT_RULES)).toEqual([
      'contact',
      'barnsamtal',
      'aterkoppling',
      'extend',
      'close',
    ]);
    expect(
      availableForms(investigation, 'caseworker', { ...DEFAULT_RULES, extendRoles: ['caseworker', 'team_lead'] }),
    ).toContain('extend');
  });

  it('a closed case with the återkoppling still open offers only that', () => {
    const closed: Case = {
      ...investigation,
      phase: 'closed',
      utredning: undefined,
      closure: { at: '2026-11-20T10:00:00+01:00', by: 'x', outcome: 'not_opened' },
    };
    expect(availableForms(closed, 'all', DEFAULT_RULES)).toEqual(['aterkoppling']);
  });
});

describe('the forms', () => {
  it('förhandsbedömning suggests the least-loaded present colleague as second investigator', () => {
    const loads = [load(anna, 2), load(bo, 6), load(cecilia, 1, true)];
    expect(suggestSecond(loads, anna.aadObjectId)?.staff.name).toBe('Bo Lindqvist');
    const c = { ...base, phase: 'forhandsbedomning' as const, skyddsbedomning: skydd };
    const card = decisionForm({
      kind: 'forhand',
      case: c,
      now: NOW,
      rules: DEFAULT_RULES,
      calendar: new Calendar({ eveHolidaysAreNonWorking: true }),
      nameOf: () => '',
      loads,
    });
    expect(validateCard(card)).toEqual([]);
    expect(cardText(card)).toMatch(
      /Förslag: två utredare är god praxis\. Bo Lindqvist har lägst belastning \(6 ärenden\)\./,
    );
    expect(cardText(card)).not.toMatch(/Cecilia/); // absent: not a choice
  });

  it('shows the messages next to their fields and carries the version the person saw', () => {
    const card = decisionForm({
      kind: 'extend',
      case: investigation,
      now: NOW,
      rules: DEFAULT_RULES,
      calendar: new Calendar({ eveHolidaysAreNonWorking: true }),
      nameOf: () => '',
      loads: [],
      values: { newDeadline: '2027-01-01', reason: '' },
      issues: { newDeadline: 'Det nya datumet måste vara efter 2027-03-20.' },
      error: 'Inget har sparats.',
    });
    expect(validateCard(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toMatch(/Nuvarande frist lör 20 mars 2027 \(lagstadgad lör 20 mars 2027\)/);
    expect(text).toMatch(/Ny frist\n2027-01-01\nDet nya datumet måste vara efter 2027-03-20\./);
    expect(JSON.stringify(card)).toContain(
      '"verb":"decision.extend.submit","style":"positive","associatedInputs":"auto","data":{"caseId":"IFO-2026-004512","version":3}',
    );
  });
});

describe('what a decision form leads with', () => {
  const form = (c: Case, now: Date, lang?: 'en') =>
    decisionForm({
      kind: 'skydd',
      case: c,
      now,
      rules: DEFAULT_RULES,
      calendar: new Calendar({ eveHolidaysAreNonWorking: true }),
      nameOf: () => '',
      loads: [],
      ...(lang ? { lang } : {}),
    });

  it('says in words, under the heading, that a skyddsbedömning opened days later is late, and since when', () => {
    const card = form(base, new Date('2026-11-24T10:00:00+01:00'));
    expect(validateCard(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain('Skyddsbedömning FÖRSENAD · skulle vara klar fre 20 nov (för 4 dagar sedan)');
    expect(text).toContain('Skyddsbedömningen skulle ha gjorts fre 20 nov. Den registreras och räknas som försenad');
    // The reference is in the heading once, not repeated in the line under it.
    expect(text.split('IFO-2026-004512')).toHaveLength(2);
    expect(cardText(form(base, new Date('2026-11-24T10:00:00+01:00'), 'en'))).toContain(
      'The protection assessment was due Fri 20 Nov',
    );
  });

  it('on the day itself says what is due today, with no late warning', () => {
    const text = cardText(form(base, NOW));
    expect(text).toContain('Skyddsbedömning ska göras i dag · fre 20 nov');
    expect(text).not.toMatch(/FÖRSENAD|räknas som försenad/);
  });
});
