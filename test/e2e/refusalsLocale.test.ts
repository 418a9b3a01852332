// The domain's refusals follow the reader's language (docs/cards.md): a caseworker who presses a team
// lead's decision reads why not in English when their Teams is en-US, and in Swedish for sv-SE or no
// locale. Over the real Teams protocol.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Staff } from '../../src/domain/schemas.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { pressInLocale } from '../support/localePress.js';

const REF = 'IFO-2026-008201';
const SV = 'Som handläggare kan du inte göra det här. Det kan: gruppledare, enhetschef.';
const EN = 'As a caseworker you cannot do this. Who can: team lead, unit manager.';

describe("a domain refusal in the presser's language", () => {
  let t: TestBot;
  beforeEach(async () => {
    t = await startTestBot({ now: () => new Date('2026-11-24T10:00:00+01:00') });
    expect((await t.registerReport({ externalId: REF, receivedAt: '2026-11-24T08:00:00+01:00' })).ok).toBe(true);
  });
  afterEach(async () => {
    await t.stop();
  });

  const press = (from: Staff, verb: string, data: Record<string, unknown>, locale?: string) =>
    pressInLocale(t, from, verb, data, locale);

  it("refuses a caseworker's press on a team lead's decision form in English for en-US", async () => {
    const anna = t.who('anna');
    expect(anna.role).toBe('caseworker');
    const opened = await press(anna, 'decision.forhand.open-form', { caseId: REF }, 'en-US');
    expect(opened).toContain(EN);
    expect(opened).not.toContain('Som handläggare');
    const submitted = await press(
      anna,
      'decision.forhand.submit',
      {
        caseId: REF,
        version: (await t.deps.store.getCase(REF))!.version,
        outcome: 'not_open',
        motivation: 'Ingen oro.',
      },
      'en-GB',
    );
    expect(submitted).toContain(EN);
    expect(submitted).not.toContain('Som handläggare');
    expect((await t.deps.store.getCase(REF))!.forhandsbedomning).toBeUndefined();
  });

  it('refuses the same press in Swedish for sv-SE and for no locale', async () => {
    const anna = t.who('anna');
    for (const locale of ['sv-SE', undefined]) {
      const opened = await press(anna, 'decision.forhand.open-form', { caseId: REF }, locale);
      expect(opened).toContain(SV);
      expect(opened).not.toContain('As a caseworker');
      const submitted = await press(
        anna,
        'decision.forhand.submit',
        {
          caseId: REF,
          version: (await t.deps.store.getCase(REF))!.version,
          outcome: 'not_open',
          motivation: 'Ingen oro.',
        },
        locale,
      );
      expect(submitted).toContain(SV);
      expect(submitted).not.toContain('As a caseworker');
    }
  });
});
