// Every kind of event line of the history reads in English for an English reader (docs/cards.md):
// each event type the timeline knows, with synthetic data, is described without a Swedish word, its
// dates as "Thu 12 Nov", and the same entry in Swedish keeps the wording the tests of the Swedish
// timeline read.
import { describe, expect, it } from 'vitest';
import { describeEntry } from '../../src/app/timeline.js';
import type { AuditEntry } from '../../src/store/port.js';
import { EXAMPLE_ORG, person } from '../support/bot.js';
import { testDeps } from '../support/deps.js';

const anna = person(EXAMPLE_ORG, 'anna').aadObjectId;
const karin = person(EXAMPLE_ORG, 'karin').aadObjectId;
const day = '2026-11-19';

/** One entry of each type, with the data its use case records. */
const EVENTS: [type: string, data: Record<string, unknown>, extra?: Partial<AuditEntry>][] = [
  ['ReportRegistered', { concerns: ['violence', 'neglect'], groupId: 'vinr' }],
  ['CaseTaken', { to: [anna] }],
  ['CaseAssigned', { to: [anna, karin] }],
  ['CaseReassigned', { from: [anna], to: [karin] }],
  ['SkyddsbedomningRecorded', { immediateProtection: true }],
  ['SkyddsbedomningRecorded', { immediateProtection: false }],
  ['ProtectiveMeasureRecorded', { kind: 'police', on: day, time: '18:30', doneBy: anna }],
  ['ProtectionRenoticeSent', { minutes: 120, to: [karin] }],
  ['GenastNudgeSent', { officeHours: 3, to: [karin] }],
  ['OutOfHoursNoticeSent', { groupId: 'nowhere' }],
  ['ForhandsbedomningDecided', { outcome: 'open', openedOn: day, deadline: '2027-03-19', investigators: [anna] }],
  ['ForhandsbedomningDecided', { outcome: 'already_ongoing' }],
  ['ForhandsbedomningDecided', { outcome: 'not_open' }],
  ['InvestigationExtended', { from: day, to: '2026-12-19', overrun: true }],
  ['ContactRecorded', { kind: 'hembesok', date: day }],
  ['BarnsamtalNotHeldRecorded', {}],
  ['AterkopplingCompleted', {}],
  ['CaseClosed', { outcome: 'insats' }],
  ['CaseClosed', { outcome: 'ingen_insats', uppfoljningUntil: '2027-02-01' }],
  ['ForhandsbedomningExtended', { from: day, to: '2026-12-03', decidedOn: day, decidedBy: karin }],
  ['UtredningInformationRecorded', { givenOn: day }],
  ['UtredningInformationRecorded', {}],
  ['AterkopplingRequested', { requestedOn: day, due: '2026-11-26' }],
  ['UppfoljningInformationRecorded', {}],
  ['UppfoljningEnded', { on: day, newInvestigation: 'IFO-2026-000777' }],
  ['LvuOmhandertagandeRecorded', { decidedOn: day, decidedBy: 'ordforande', ground: '2', verkstalldOn: day }],
  ['LvuVerkstalld', { on: day }],
  ['LvuNamndReported', { on: day }],
  ['LvuUnderstalld', { on: day }],
  ['LvuAnsokan', { on: day }],
  ['LvuCourtExtended', { until: day }],
  ['LvuCourtDecision', { on: day, outcome: 'vard', finalOn: day }],
  ['LvuCourtDecision', { on: day, outcome: 'avslag' }],
  ['LvuDecisionFinal', { on: day }],
  ['LvuVardBegun', { on: day }],
  ['LvuReviewed', { kind: 'provning', on: day }],
  ['LvuRestrictionDecided', { kind: 'umgange', on: day }],
  ['LvuRestrictionDecided', { kind: 'hemlig_vistelseort', on: day }],
  ['LvuEnded', { on: day }],
  ['CasesLinked', { with: 'IFO-2026-000778' }],
  ['HandoverNewOwner', { newOwnerId: karin }, { before: { assignees: [anna] } }],
  ['HandoverStatusWritten', {}],
  ['HandoverCaseHandedBack', {}],
  ['UppfoljningCompleted', { outcome: 'new_investigation', due: day }],
  ['UppfoljningCompleted', { outcome: 'no_action', due: day }],
  ['FreeTextErased', { seq: 4, category: 'fel-arende' }],
  ['ReminderNotSent', { staffId: anna, date: day }],
  ['SomethingNew', {}],
];

const entry = (type: string, data: Record<string, unknown>, extra: Partial<AuditEntry> = {}, seq = 1): AuditEntry => ({
  seq,
  at: '2026-11-19T09:00:00+01:00',
  actor: karin,
  type,
  caseId: 'IFO-2026-000776',
  data,
  prevHash: '',
  hash: '',
  ...extra,
});

describe('the event lines of the history in English', () => {
  it('describes every event type without a Swedish word, and in Swedish as before', async () => {
    const deps = await testDeps({ now: () => new Date('2026-11-20T09:30:00+01:00') });
    const after = {
      reporter: { type: 'school', professional: true },
      receivedAt: '2026-11-19T08:10:00+01:00',
      utredning: { statutoryDeadline: '2027-03-19' },
    };
    const lines = EVENTS.map(([type, data, extra], i) => {
      const e = entry(type, data, { after, ...extra }, i + 1);
      return { type, en: describeEntry(deps, e, 'en').what, sv: describeEntry(deps, e).what };
    });
    // Names and the group's own name are not words to translate.
    const names = ['Anna Berg', 'Karin Ek', 'Våld i nära relationer'];
    const swedish =
      /[åäöÅÄÖ]|\b(?:och|till|från|ärende|utredning|beslut|dag|kl\.|mån|tis|ons|tors|fre|lör|sön)\b|Anmälan|Skydds|Förhands/i;
    const left = lines.filter((l) => swedish.test(names.reduce((t, n) => t.split(n).join('«name»'), l.en)));
    expect(left.map((l) => `${l.type}: ${l.en}`)).toEqual([]);
    expect(lines.every((l) => l.en !== l.sv || l.type === 'SomethingNew')).toBe(true);
    const en = Object.fromEntries(lines.map((l) => [l.type, l.en]));
    expect(en.CaseAssigned).toBe('Case assigned to Anna Berg and Karin Ek.');
    expect(en.ProtectiveMeasureRecorded).toBe(
      'Protective measure recorded: contact with the police Thu 19 Nov at 18:30, taken by Anna Berg.',
    );
    expect(en.ReportRegistered).toBe(
      'Report registered from School (professional reporter), received Thu 19 Nov at 08:10; concerns: Violence, Neglect; group: Våld i nära relationer.',
    );
    const sv = Object.fromEntries(lines.map((l) => [l.type, l.sv]));
    expect(sv.CaseAssigned).toBe('Ärendet fördelat till Anna Berg och Karin Ek.');
    expect(sv.ProtectiveMeasureRecorded).toBe(
      'Skyddsåtgärd registrerad: kontakt med polisen tors 19 nov kl. 18:30, gjord av Anna Berg.',
    );
    expect(sv.LvuOmhandertagandeRecorded).toBe(
      'LVU: omedelbart omhändertagande beslutat tors 19 nov av ordföranden (2 § LVU), verkställt tors 19 nov.',
    );
  });
});
