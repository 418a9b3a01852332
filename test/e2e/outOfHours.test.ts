// Out of hours and "genast", over the Teams protocol and the intake API (the real server, the Bot
// Connector stand-in, a fixed clock): a report on Friday 17:30 is in the socialjour's channel within
// the minute and marked on Monday's morning list; a report without skyddsbedömning three office hours
// after it arrived nudges the group's team lead in 1:1 the same day and marks the channel card.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Staff } from '../../src/domain/schemas.js';
import { EXAMPLE_ORG, cardText, installAndConnect, report, startTestBot, teams, type TestBot } from '../support/bot.js';
import { personalTexts } from '../support/cases.js';

const KEY = 'out-of-hours-key-0123456789';
const MOTTAGNING = '19:mottagning-ooh@thread.tacv2';
const JOUR = '19:socialjour@thread.tacv2';
const FRIDAY = 'IFO-2026-004540';
const MONDAY = 'IFO-2026-004541';
let clock = new Date('2026-11-20T12:00:00+01:00'); // Friday
let t: TestBot;
let karin: Staff, lars: Staff;

async function post(body: object) {
  const r = await fetch(`${t.url}/api/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
    body: JSON.stringify(body),
  });
  expect(r.status).toBe(201);
}
const channel = (id: string) =>
  t.connector.cards((c) => c.conversationId.split(';')[0] === id).map((c) => cardText(c.card));

beforeAll(async () => {
  t = await startTestBot({
    now: () => clock,
    ingestApiKey: KEY,
    orgOverrides: { groups: [...EXAMPLE_ORG.groups, { id: 'socialjour', name: 'Socialjouren', kind: 'out_of_hours' }] },
  });
  [karin, lars] = ['karin', 'lars'].map((n) => t.who(n));
  await installAndConnect(t, karin, 'barn-mottagning', MOTTAGNING);
  expect((await t.sendMessage(lars, 'koppla socialjour', teams.channel(JOUR))).status).toBe(200);
  await t.drained();
});
afterAll(async () => {
  await t?.stop();
});

describe('a report on Friday at 17:30', () => {
  it('is in the socialjour’s channel within the minute', async () => {
    clock = new Date('2026-11-20T17:30:30+01:00');
    await post(report({ externalId: FRIDAY, childRef: 'B-2026-0540', receivedAt: '2026-11-20T17:30:00+01:00' }));
    await t.drained();
    const [card] = channel(JOUR).filter((x) => x.startsWith(`${FRIDAY} · Ny anmälan utanför kontorstid`));
    expect(card).toContain(`${FRIDAY} · Ny anmälan utanför kontorstid`);
    expect(card).toContain('Anmälan kom in fre 20 nov kl. 17:30 till Mottagning barn och unga, utanför kontorstid.');
    expect(card).toContain(
      'Skyddsbedömningen ska göras senast lör 21 nov: socialjouren ansvarar tills kontorstiden börjar mån 23 nov kl. 08:00.',
    );
    expect(card).not.toContain('B-2026-0540');
    expect(card).not.toContain('Förskolan oroar sig');
    // The channel card of the group says so too.
    expect(channel(MOTTAGNING).at(-1)).toContain('Kom in utanför kontorstid (fre 20 nov kl. 17:30)');
  });

  it('is marked on Monday’s morning list with whether the skyddsbedömning was recorded', async () => {
    clock = new Date('2026-11-23T07:50:00+01:00');
    await t.running.scheduler!.tick();
    await t.drained();
    const list = channel(MOTTAGNING)
      .filter((x) => x.startsWith('Morgonlista'))
      .at(-1)!;
    expect(list).toContain('Kom in utanför kontorstid');
    expect(list).toContain(
      `**${FRIDAY}** · kom in utanför kontorstid fre 20 nov kl. 17:30 · skyddsbedömning inte registrerad\nBrister i omsorgen · Ej fördelad · även skyddsbedömning försenad; ofördelad 3 dagar, 1 arbetsdag`,
    );
    expect(list).toContain('1 anmälan utanför kontorstid');
    // A report on Friday at 12:00 is not out of hours.
    expect(channel(JOUR).join('\n')).not.toContain('12:00');
  });
});

describe('"genast": a report without skyddsbedömning three office hours after it arrived', () => {
  it('nudges the team lead in 1:1 the same day (Friday evening counts from Monday 08:00) and marks the card', async () => {
    clock = new Date('2026-11-23T09:00:00+01:00');
    await post(report({ externalId: MONDAY, childRef: 'B-2026-0541', receivedAt: '2026-11-23T09:00:00+01:00' }));
    await t.drained();
    clock = new Date('2026-11-23T10:59:00+01:00');
    expect(await t.running.scheduler!.watch()).toEqual([]);
    clock = new Date('2026-11-23T11:00:00+01:00');
    expect(await t.running.scheduler!.watch()).toEqual([`genast:${FRIDAY}`]);
    await t.drained();
    const nudge = personalTexts(t, karin, cardText).filter((x) =>
      x.startsWith(`${FRIDAY} · Skyddsbedömningen är inte gjord`),
    );
    expect(nudge).toHaveLength(1);
    expect(nudge[0]).toContain(`${FRIDAY} · Skyddsbedömningen är inte gjord`);
    expect(nudge[0]).toContain('för 3 kontorstimmar sedan');
    const card = channel(MOTTAGNING).filter((x) => x.includes(FRIDAY) && x.includes('påmindes'));
    expect(card.at(-1)).toContain(
      'Skyddsbedömningen är inte gjord 3 kontorstimmar efter anmälan: gruppledarna påmindes mån 23 nov kl. 11:00.',
    );

    // The Monday report is assessed in time: no nudge at 12:00, and Friday's is not nudged twice.
    const c = (await t.deps.store.getCase(MONDAY))!;
    const r = await t.invoke(
      karin,
      'decision.skydd.submit',
      { caseId: MONDAY, version: c.version, immediateProtection: 'nej', motivation: 'Ingen akut fara.' },
      teams.channel(MOTTAGNING),
    );
    expect(r.status).toBe(200);
    clock = new Date('2026-11-23T12:05:00+01:00');
    expect(await t.running.scheduler!.watch()).toEqual([]);
    const h = cardText((await t.sendMessage(karin, `historik ${FRIDAY}`)).replies[0].card);
    expect(h).toContain('Skyddsbedömningen inte gjord 3 kontorstimmar efter anmälan: Karin Ek påmind.');
    expect(h).toContain('Anmälan kom in utanför kontorstid: kortet skickat till Socialjouren.');
  });
});
