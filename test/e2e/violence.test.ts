// Violence is visible and pushes the right decision, over the Teams protocol and the intake API: a
// police report about violence shows its concerns first on the morning list and the distribution card,
// the case card says whether VINR was told or could not be (before and after `koppla vinr`), and the
// förhandsbedömning form proposes opening at once instead of the 14 days: not opening needs a written reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Staff } from '../../src/domain/schemas.js';
import { cardText, installAndConnect, report, startTestBot, teams, type TestBot } from '../support/bot.js';
import { validateCard } from '../support/validateCard.js';

const KEY = 'violence-key-0123456789abc';
const CHANNEL = '19:mottagning-vald@thread.tacv2';
const where = teams.channel(CHANNEL);
const ID = 'IFO-2026-004550';
let clock = new Date('2026-11-20T09:20:00+01:00');
let t: TestBot;
let karin: Staff;

beforeAll(async () => {
  t = await startTestBot({ now: () => clock, ingestApiKey: KEY });
  karin = t.who('karin');
  await installAndConnect(t, karin, 'barn-mottagning', CHANNEL);
  const r = await fetch(`${t.url}/api/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
    body: JSON.stringify(
      report({
        externalId: ID,
        childRef: 'B-2026-0550',
        receivedAt: '2026-11-20T09:15:00+01:00',
        reporter: { type: 'police', professional: true },
        concerns: ['neglect', 'violence'],
      }),
    ),
  });
  expect(r.status).toBe(201);
  await t.drained();
});
afterAll(async () => {
  await t?.stop();
});

const show = async () => {
  const r = await t.invoke(karin, 'case.show', { caseId: ID }, where);
  expect(validateCard(r.body.value)).toEqual([]);
  return cardText(r.body.value);
};

describe('a police report about violence', () => {
  it('has its card say that VINR could not be told, and that it was once `koppla vinr` is done', async () => {
    const before = await show();
    expect(before).toContain(
      'VINR-underrättelsen till Våld i nära relationer kunde inte levereras: gruppen har ingen kopplad kanal. Se **leveranser**.',
    );
    expect(before).toContain('Våld, Brister i omsorgen');
    await t.sendMessage(karin, 'koppla vinr', teams.channel('19:vinr@thread.tacv2'));
    await t.drained();
    // With the time it was posted: the card says when VINR was told.
    expect(await show()).toContain('Våld i nära relationer har fått VINR-underrättelsen fre 20 nov kl. 09:20.');
  });

  it('shows violence first on the distribution card', async () => {
    const r = await t.sendMessage(karin, 'fördelning', where);
    expect(cardText(r.replies[0].card)).toContain(`**${ID}** · Våld, Brister i omsorgen · Skyddsbedömning`);
  });

  it('proposes opening at once; not opening needs a written reason', async () => {
    const c = (await t.deps.store.getCase(ID))!;
    const s = await t.invoke(
      karin,
      'decision.skydd.submit',
      { caseId: ID, version: c.version, immediateProtection: 'nej', motivation: 'Ingen akut fara i kväll.' },
      where,
    );
    expect(s.status).toBe(200);
    const form = await t.invoke(karin, 'decision.forhand.open-form', { caseId: ID }, where);
    const text = cardText(form.body.value);
    expect(text).toContain(
      'Anmälan gäller våld i nära relation: förslaget är att inleda utredning utan dröjsmål, i dag.',
    );
    expect(text).not.toContain('senast fre 4 dec. Fyramånadersfristen');
    expect(JSON.stringify(form.body.value)).toContain('"value":"open"');
    const version = (await t.deps.store.getCase(ID))!.version;
    const refused = await t.invoke(
      karin,
      'decision.forhand.submit',
      { caseId: ID, version, outcome: 'not_open', motivation: 'Familjen har redan stöd.' },
      where,
    );
    expect(cardText(refused.body.value)).toContain('Anmälan gäller våld: skriv varför utredning inte inleds.');
    expect((await t.deps.store.getCase(ID))!.version).toBe(version);
    const ok = await t.invoke(
      karin,
      'decision.forhand.submit',
      {
        caseId: ID,
        version,
        outcome: 'not_open',
        motivation: 'Familjen har redan stöd.',
        violenceReason: 'Polisens utredning visar att uppgiften var felaktig.',
      },
      where,
    );
    expect(cardText(ok.body.value)).toContain('Beslut: utredning inleds inte.');
    expect((await t.deps.store.getCase(ID))!.forhandsbedomning?.violenceReason).toBe(
      'Polisens utredning visar att uppgiften var felaktig.',
    );
  });
});
