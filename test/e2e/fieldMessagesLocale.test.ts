// The messages beside a form's fields follow the reader's language as the refusal's headline does
// (docs/cards.md): a decision form sent with a date in the future comes back with the field's message
// in English for an en-US Teams, and in Swedish for sv-SE or no locale; nothing is stored. The
// Swedish stays the domain's own text (the HTTP API and the import show it). Over the real protocol.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Staff } from '../../src/domain/schemas.js';
import { cardText, startTestBot, type TestBot } from '../support/bot.js';
import { message, personal } from '../support/teams.js';
import { pressInLocale } from '../support/localePress.js';

const REF = 'IFO-2026-008311';
const TOMORROW = '2026-11-25';

describe("a form's field messages in the reader's language", () => {
  let t: TestBot;
  beforeEach(async () => {
    t = await startTestBot({ now: () => new Date('2026-11-24T10:00:00+01:00') });
    expect((await t.registerReport({ externalId: REF, receivedAt: '2026-11-24T08:00:00+01:00' })).ok).toBe(true);
  });
  afterEach(async () => {
    await t.stop();
  });

  const version = async () => (await t.deps.store.getCase(REF))!.version;

  const press = (from: Staff, verb: string, data: Record<string, unknown>, locale?: string) =>
    pressInLocale(t, from, verb, data, locale);

  /** The skyddsbedömning decided "tomorrow", and a protective measure carried out "tomorrow". */
  async function futureDates(locale?: string) {
    const karin = t.who('karin');
    const skydd = await press(
      karin,
      'decision.skydd.submit',
      {
        caseId: REF,
        version: await version(),
        decidedOn: TOMORROW,
        immediateProtection: 'nej',
        motivation: 'Ingen akut fara.',
      },
      locale,
    );
    const measure = await press(
      karin,
      'decision.skyddsatgard.submit',
      { caseId: REF, version: await version(), kind: 'placement', on: TOMORROW, motivation: 'Placerad hos släkting.' },
      locale,
    );
    expect((await t.deps.store.getCase(REF))!.skyddsbedomning).toBeUndefined();
    expect((await t.deps.store.getCase(REF))!.protectiveMeasures ?? []).toEqual([]);
    return { skydd, measure };
  }

  it('shows an en-US user the English message beside a future date', async () => {
    const { skydd, measure } = await futureDates('en-US');
    expect(skydd).toContain('Nothing has been saved. Correct the fields below.');
    expect(skydd).toContain('The date of the decision cannot be in the future.');
    expect(skydd).not.toContain('Beslutsdatumet');
    // A measure's day is not a decision's: "the date", not "the date of the decision".
    expect(measure).toContain('The date cannot be in the future.');
    expect(measure).not.toContain('The date of the decision');
    expect(measure).not.toContain('Datumet');
  });

  it('shows an sv-SE user, and one without a locale, the Swedish message', async () => {
    for (const locale of ['sv-SE', undefined]) {
      const { skydd, measure } = await futureDates(locale);
      expect(skydd).toContain('Inget har sparats. Rätta fälten nedan.');
      expect(skydd).toContain('Beslutsdatumet kan inte vara i framtiden.');
      expect(skydd).not.toContain('cannot be in the future');
      expect(measure).toContain('Datumet kan inte vara i framtiden.');
      expect(measure).not.toContain('Beslutsdatumet');
      expect(measure).not.toContain('cannot be in the future');
    }
  });

  it('answers the absence command with the field message in the reader’s language', async () => {
    const bo = t.who('bo');
    const say = async (text: string, locale?: string) => {
      const activity = { ...message(t.connector.url, bo, text, personal), ...(locale ? { locale } : {}) };
      expect((await t.post(activity)).status).toBe(200);
      const replies = t.connector.cards((c) => c.kind === 'reply' && c.activityId === activity.id);
      expect(replies).toHaveLength(1);
      return cardText(replies[0].card);
    };
    // Today is 2026-11-24: an absence "until" the day before starts after it ends.
    const en = await say('frånvaro till 2026-11-23', 'en-US');
    expect(en).toContain('The absence could not be registered.');
    expect(en).toContain('The end date cannot be before the start date.');
    expect(en).not.toContain('Slutdatumet');
    const sv = await say('frånvaro till 2026-11-23', 'sv-SE');
    expect(sv).toContain('Frånvaron kunde inte registreras.');
    expect(sv).toContain('Slutdatumet kan inte vara före startdatumet.');
  });
});
