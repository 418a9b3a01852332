// Immediate protection is an alarm, over the Teams protocol (the real server, the Bot Connector
// stand-in, lowdb in a temp dir, a fixed clock): a skyddsbedömning "omedelbart skydd behövs" puts
// the alarm first on the case card in red, sends a 1:1 alarm card to every team lead of the group and
// the unit manager in the same minute, puts the case first in `ofördelade` and the morning list, tells
// the unit manager again two hours later without a protective measure (once, in the timeline), and
// ends when the case has an owner and a recorded protective measure (the form, guarded for personnummer).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Staff } from '../../src/domain/schemas.js';
import {
  EXAMPLE_ORG,
  cardText,
  cardVerbs,
  installAndConnect,
  startTestBot,
  teams,
  type TestBot,
} from '../support/bot.js';
import { personalTexts } from '../support/cases.js';
import { numberFor } from './secrecyProof.support.js';
import { validateCard } from '../support/validateCard.js';

const CHANNEL = '19:mottagning-skydd@thread.tacv2';
const where = teams.channel(CHANNEL);
const ID = 'IFO-2026-004530';
const OLDER = 'IFO-2026-004501';
const MAJA: Staff = {
  aadObjectId: '7c0f8a52-4d1e-4c55-9a51-2f6b1d0e9a10',
  name: 'Maja Sund',
  role: 'team_lead',
  groups: ['barn-mottagning'],
};
let clock = new Date('2026-11-20T07:30:00+01:00'); // Friday
let t: TestBot;
let anna: Staff, karin: Staff, lars: Staff;

beforeAll(async () => {
  t = await startTestBot({ now: () => clock, orgOverrides: { staff: [...EXAMPLE_ORG.staff, MAJA] } });
  [anna, karin, lars] = ['anna', 'karin', 'lars'].map((n) => t.who(n));
  await installAndConnect(t, karin, 'barn-mottagning', CHANNEL);
  expect(
    (await t.registerReport({ externalId: OLDER, childRef: 'B-2026-0501', receivedAt: '2026-11-18T10:00:00+01:00' }))
      .ok,
  ).toBe(true);
  expect(
    (await t.registerReport({ externalId: ID, childRef: 'B-2026-0530', receivedAt: '2026-11-20T07:20:00+01:00' })).ok,
  ).toBe(true);
  await t.drained();
});
afterAll(async () => {
  await t?.stop();
});

const version = async () => (await t.deps.store.getCase(ID))!.version;
async function press(who: Staff, verb: string, data: Record<string, unknown>, at = where) {
  const r = await t.invoke(who, verb, data, at);
  expect(r.status).toBe(200);
  expect(validateCard(r.body.value)).toEqual([]);
  return { card: r.body.value, text: cardText(r.body.value), verbs: cardVerbs(r.body.value) };
}
const personal = (who: Staff) => personalTexts(t, who, cardText);
const alarms = (who: Staff) => personal(who).filter((x) => x.startsWith('Omedelbart skyddsbehov'));

describe('a skyddsbedömning that says the child needs immediate protection', () => {
  it('puts the alarm first on the card, in red, and no longer green "gjord"', async () => {
    clock = new Date('2026-11-20T07:40:00+01:00');
    const r = await press(karin, 'decision.skydd.submit', {
      caseId: ID,
      version: await version(),
      immediateProtection: 'ja',
      motivation: 'Polisen uppger att barnet inte kan vara hemma i natt.',
    });
    expect(r.text.split('\n')[0]).toBe('Omedelbart skyddsbehov – ingen skyddsåtgärd registrerad och ingen handläggare');
    const alarmBlock = (r.card.body as { items?: { color?: string }[]; style?: string }[])[0];
    expect(alarmBlock.style).toBe('attention');
    expect(JSON.stringify(r.card)).not.toContain('"style":"good"');
    // The form that ends the alarm is the first decision button.
    expect(r.verbs.find((v) => v.startsWith('decision.'))).toBe('decision.skyddsatgard.open-form');
  });

  it('sends a 1:1 alarm card to every team lead of the group and the unit manager in the same minute', async () => {
    await t.drained();
    for (const who of [karin, MAJA, lars]) {
      const [alarm] = alarms(who);
      expect(alarm, who.name).toContain(
        'Omedelbart skyddsbehov – ingen skyddsåtgärd registrerad och ingen handläggare',
      );
      expect(alarm).toContain(ID);
      expect(alarm).toContain('Enhetschefen påminns igen fre 20 nov kl. 09:40');
    }
    expect(alarms(anna)).toEqual([]);
    // The card itself: valid, and its first button registers the protective measure.
    const sent = t.connector
      .cards((c) => c.conversationId.split(';')[0] !== CHANNEL)
      .filter((c) => c.card && cardText(c.card).startsWith('Omedelbart skyddsbehov'));
    expect(validateCard(sent[0].card)).toEqual([]);
    expect(cardVerbs(sent[0].card)).toEqual(['decision.skyddsatgard.open-form', 'case.show']);
  });

  it('is first in ofördelade, before an older case, and first in the morning list', async () => {
    const list = await t.sendMessage(karin, 'ofördelade', where, { mentions: [] });
    const text = cardText(list.replies[0].card);
    expect(text.indexOf(ID)).toBeGreaterThan(0);
    expect(text.indexOf(ID)).toBeLessThan(text.indexOf(OLDER));
    expect(text).toContain('Omedelbart skyddsbehov – ingen skyddsåtgärd registrerad och ingen handläggare');

    clock = new Date('2026-11-20T07:50:00+01:00');
    await t.running.scheduler!.tick();
    await t.drained();
    const morning = t.connector
      .cards((c) => c.conversationId.split(';')[0] === CHANNEL)
      .map((c) => cardText(c.card))
      .filter((x) => x.startsWith('Morgonlista'))
      .at(-1)!;
    expect(morning).toMatch(/^Morgonlista[^\n]*\n1 larm om omedelbart skyddsbehov/);
    const section = morning.indexOf('Omedelbart skyddsbehov utan skyddsåtgärd eller handläggare');
    expect(section).toBeGreaterThan(0);
    // The older case is listed once, under its worst problem (its overdue skyddsbedömning), after the alarm.
    expect(section).toBeLessThan(morning.indexOf(OLDER));
    expect(morning.split(`**${ID}**`)).toHaveLength(2);
  });

  it('tells the unit manager again after two hours without a protective measure, once, in the timeline', async () => {
    clock = new Date('2026-11-20T09:39:00+01:00');
    expect(await t.running.scheduler!.watch()).toEqual([]);
    clock = new Date('2026-11-20T09:40:00+01:00');
    expect(await t.running.scheduler!.watch()).toEqual([`protection-renotice:${ID}`]);
    await t.drained();
    const again = alarms(lars).filter((x) => x.includes('Påminnelse: 2 timmar efter skyddsbedömningen'));
    expect(again).toHaveLength(1);
    expect(alarms(karin).filter((x) => x.includes('Påminnelse'))).toEqual([]);
    clock = new Date('2026-11-20T09:45:00+01:00');
    expect(await t.running.scheduler!.watch()).toEqual([]);
    const history = await t.sendMessage(lars, `historik ${ID}`);
    const h = cardText(history.replies[0].card);
    expect(h).toContain(
      'Skyddsbedömning gjord: barnet behöver omedelbart skydd. Larm till gruppledarna och enhetschefen.',
    );
    expect(h).toContain('Ingen skyddsåtgärd registrerad 120 minuter efter skyddsbedömningen: Lars Holm påmind.');
  });

  it('refuses a motivation with a personnummer and stores nothing, then ends with owner and measure', async () => {
    clock = new Date('2026-11-20T10:00:00+01:00');
    const form = await press(lars, 'decision.skyddsatgard.open-form', { caseId: ID }, teams.personal);
    expect(form.text).toContain('Skyddsåtgärd vid omedelbart skyddsbehov');
    expect(form.text).toContain('Omedelbart omhändertagande enligt LVU 6 §');
    const p = numberFor('15', '03', '12', '238');
    const before = await version();
    const bad = await press(karin, 'decision.skyddsatgard.submit', {
      caseId: ID,
      version: before,
      kind: 'placement',
      on: '2026-11-20',
      time: '09:50',
      motivation: `Placerad hos mormor, barnet ${p.yy}${p.mm}${p.dd}-${p.last4}.`,
    });
    expect(bad.text).toContain('personnummer');
    expect(JSON.stringify(bad.card)).not.toContain(p.last4);
    expect(await version()).toBe(before);

    const ok = await press(karin, 'decision.skyddsatgard.submit', {
      caseId: ID,
      version: before,
      kind: 'placement',
      on: '2026-11-20',
      time: '09:50',
      doneBy: anna.aadObjectId,
      motivation: 'Placerad i jourhem efter samråd med polisen.',
    });
    expect(ok.text).toContain('Skyddsåtgärden är registrerad: placering 2026-11-20 kl. 09:50 (Anna Berg).');
    expect(ok.text.split('\n')[0]).toBe('Omedelbart skyddsbehov – ingen handläggare');
    await t.drained();
    expect(alarms(MAJA).at(-1)).toContain('Omedelbart skyddsbehov – ingen handläggare');

    const take = await press(anna, 'case.take', { caseId: ID, version: await version() });
    expect(take.text).not.toContain('ingen handläggare');
    // Met: the alarm is done, so it moves down; the next deadline leads the card.
    expect(take.text.split('\n')[0]).not.toContain('Omedelbart skyddsbehov');
    expect(take.text).toContain(
      'Omedelbart skyddsbehov – skyddsåtgärd registrerad: placering 2026-11-20 kl. 09:50 (Anna Berg)',
    );
    await t.drained();
    for (const who of [karin, MAJA, lars]) expect(alarms(who).at(-1)).toContain('Larmet är avslutat.');
    const list = await t.sendMessage(karin, 'ofördelade', where);
    expect(cardText(list.replies[0].card)).not.toContain(ID);
    const h = cardText((await t.sendMessage(lars, `historik ${ID}`)).replies[0].card);
    expect(h).toContain('Skyddsåtgärd registrerad: placering fre 20 nov kl. 09:50, gjord av Anna Berg.');
  });
});
