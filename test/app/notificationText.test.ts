// Teams' notification text (src/app/notificationText.ts): the most urgent obligation in words that
// are true on the day, case references only, and one line for a card about several cases.
import { describe, expect, it } from 'vitest';
import { caseSummary, templateSummary } from '../../src/app/notificationText.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import { registerCase, testDeps } from '../support/deps.js';

const at = (iso: string) => new Date(iso);

describe('the notification text in English, for a card in English', () => {
  it('says the same in English: the 1:1 assignment card by its owner, a template card by its data', async () => {
    const deps = await testDeps({ now: () => at('2026-11-20T09:30:00+01:00') });
    const c = await registerCase(deps, { externalId: 'IFO-2026-000124', receivedAt: '2026-11-20T08:00:00+01:00' });
    expect(caseSummary(c, DEFAULT_RULES, at('2026-11-20T09:30:00+01:00'), 'assignedToYou', 'en')).toBe(
      'You have been given the case IFO-2026-000124 – protection assessment today',
    );
    expect(caseSummary(c, DEFAULT_RULES, at('2026-11-17T09:30:00+01:00'), 'case', 'en')).toBe(
      'New report IFO-2026-000124 – protection assessment by Fri 20 Nov',
    );
    const items = [{ caseId: 'IFO-1' }, { caseId: 'IFO-2' }];
    expect(templateSummary('reminder', { lang: 'en', items })).toBe('Reminder – 2 cases');
    expect(templateSummary('reminder', { items })).toBe('Påminnelse – 2 ärenden');
  });
});

describe('the notification text of a case card', () => {
  it('says försenad, i dag, i morgon or senast <date> as is true that day', async () => {
    const deps = await testDeps({ now: () => at('2026-11-20T09:30:00+01:00') });
    // Friday 20 Nov before 16:00: skyddsbedömning due the same day.
    const c = await registerCase(deps, { externalId: 'IFO-2026-000123', receivedAt: '2026-11-20T08:00:00+01:00' });
    expect(caseSummary(c, DEFAULT_RULES, at('2026-11-20T09:30:00+01:00'))).toBe(
      'Ny anmälan IFO-2026-000123 – skyddsbedömning i dag',
    );
    expect(caseSummary(c, DEFAULT_RULES, at('2026-11-19T09:30:00+01:00'))).toBe(
      'Ny anmälan IFO-2026-000123 – skyddsbedömning i morgon',
    );
    expect(caseSummary(c, DEFAULT_RULES, at('2026-11-17T09:30:00+01:00'))).toBe(
      'Ny anmälan IFO-2026-000123 – skyddsbedömning senast fre 20 nov',
    );
    expect(caseSummary(c, DEFAULT_RULES, at('2026-11-23T09:30:00+01:00'))).toBe(
      'Ny anmälan IFO-2026-000123 – skyddsbedömning försenad',
    );
    const owned = { ...c, assignees: ['someone'] };
    expect(caseSummary(owned, DEFAULT_RULES, at('2026-11-20T09:30:00+01:00'))).toBe(
      'Ärende IFO-2026-000123 – skyddsbedömning i dag',
    );
    expect(caseSummary(c, DEFAULT_RULES, at('2026-11-20T09:30:00+01:00'), 'assignedToYou')).toMatch(
      /^Du har fått ärendet IFO-2026-000123 – /,
    );
  });

  it("never carries the report's summary or the child's reference", async () => {
    const deps = await testDeps();
    const c = await registerCase(deps, { summary: 'Pappan slår Kalle', childRef: 'B-2026-0001' });
    const text = caseSummary(c, DEFAULT_RULES, deps.now());
    expect(text).not.toMatch(/Kalle|Pappan|B-2026-0001/);
    expect(text).toContain(c.id);
  });
});

describe('the notification text of other cards', () => {
  it('names the one case, or counts them with the right plural', () => {
    expect(templateSummary('vinr-notice', { caseId: 'IFO-2026-004520', why: 'fritext' })).toBe(
      'Våld i nära relationer: underrättelse IFO-2026-004520',
    );
    expect(
      templateSummary('morning-list', {
        sections: [{ items: [{ caseId: 'A-1' }, { caseId: 'A-2' }, { caseId: 'A-1' }] }],
      }),
    ).toBe('Morgonlistan – 2 ärenden');
    expect(templateSummary('reminder', { items: [{ caseId: 'A-1' }, { caseId: 'A-2' }].slice(0, 1) })).toBe(
      'Påminnelse A-1',
    );
    expect(templateSummary('stats', {})).toBe('Statistik');
    expect(templateSummary('okänd-mall', { caseId: 'A-9' })).toBe('Ärendevakt A-9');
  });
});
