// The language a person reads is their Teams locale (the activity's `locale`, docs/cards.md): a user
// whose Teams is in English gets the help card, the notices and the list answers in English; anyone
// else, with a Swedish locale or none at all, gets Swedish. Over the real protocol.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Staff } from '../../src/domain/schemas.js';
import { cardText, installAndConnect, startTestBot, type TestBot } from '../support/bot.js';
import { actionFor } from '../support/cardActions.js';
import { channel, invoke, message, personal, type Where } from '../support/teams.js';
import { validateCard } from '../support/validateCard.js';

const NOW = new Date('2026-11-24T10:00:00+01:00');

describe('the language of the answers follows the Teams locale', () => {
  let t: TestBot;
  beforeEach(async () => {
    t = await startTestBot({ now: () => NOW });
  });
  afterEach(async () => {
    await t.stop();
  });

  /** A message as Teams sends it, with the client's locale (or none). */
  async function say(
    from: Staff | { aadObjectId: string; name: string },
    text: string,
    locale?: string,
    where: Where = personal,
  ) {
    const activity = { ...message(t.connector.url, from, text, where), ...(locale ? { locale } : {}) };
    const r = await t.post(activity);
    expect(r.status).toBe(200);
    const replies = t.connector.cards((c) => c.kind === 'reply' && c.activityId === activity.id);
    expect(replies).toHaveLength(1);
    expect(validateCard(replies[0].card)).toEqual([]);
    return cardText(replies[0].card);
  }

  it('gives an en-US user the English help card, for help and for hjälp', async () => {
    const karin = t.who('karin');
    for (const word of ['help', 'hjälp']) {
      const text = await say(karin, word, 'en-US');
      expect(text).toMatch(/I watch the group's reports and deadlines/);
      expect(text).toMatch(/You are Karin Ek, team lead\./);
      expect(text).toMatch(/Type the command here in the chat/);
      // The commands stay the words the bot understands.
      expect(text).toContain('koppla «grupp-id»');
      expect(text).not.toMatch(/Jag bevakar|Du är/);
    }
  });

  it('gives a user without a locale, or with sv-SE, the Swedish help card', async () => {
    const karin = t.who('karin');
    for (const locale of [undefined, 'sv-SE', 'fi-FI']) {
      const text = await say(karin, 'hjälp', locale);
      expect(text).toMatch(/Jag bevakar gruppens anmälningar/);
      expect(text).toMatch(/Du är Karin Ek, gruppledare\./);
      expect(text).not.toMatch(/I watch|You are/);
    }
  });

  it('answers notices and lists in English for en-GB, and in Swedish otherwise', async () => {
    const anna = t.who('anna');
    expect(await say(anna, 'vad gör du', 'en-GB')).toMatch(/I didn't understand that\nType help/);
    expect(await say(anna, 'vad gör du')).toMatch(/Det förstod jag inte\nSkriv hjälp/);
    const stranger = { aadObjectId: '00000000-0000-4000-8000-0000000000ff', name: 'Okänd Person' };
    expect(await say(stranger, 'mina', 'en-US')).toMatch(/You are not in the organisation file/);
    expect(await say(stranger, 'mina')).toMatch(/Du finns inte i organisationsfilen/);
    expect(await say(stranger, 'help', 'en-US')).toMatch(/You are not in the organisation file, so you can only read/);

    await t.registerReport({ externalId: 'IFO-2026-000031', receivedAt: '2026-11-24T08:00:00+01:00' });
    const mine = await say(anna, 'mina', 'en-US');
    expect(mine).toMatch(/My cases\n0 open cases\./);
    const unassigned = await say(anna, 'ofördelade', 'en-US');
    expect(unassigned).toMatch(/Unassigned cases\n1 unassigned case in /);
    expect(unassigned).toMatch(/Protection assessment: Tue 24 Nov · today/);
    expect(unassigned).toMatch(/arrived today/);
    const sv = await say(anna, 'ofördelade');
    expect(sv).toMatch(/Ofördelade ärenden\n1 ofördelat ärende i /);
    expect(sv).toMatch(/Skyddsbedömning: tis 24 nov · i dag/);
  });

  it('answers fördelning in English for en-US outside the group channel', async () => {
    await t.registerReport({ externalId: 'IFO-2026-000032', receivedAt: '2026-11-24T08:00:00+01:00' });
    const text = await say(t.who('karin'), 'fördelning', 'en-US');
    expect(text).toMatch(
      /^Distribution Mottagning barn och unga, Tue 24 Nov\n1 unassigned case, the oldest from today\./,
    );
    expect(text).toContain('Unassigned cases');
    expect(text.replaceAll('Mottagning barn och unga', '«group»')).not.toMatch(
      /Fördelning|Ofördelade|ofördelad|Tilldela|Handläggare|ärenden|frister|\boch\b|\bi dag\b/,
    );
    expect(await say(t.who('karin'), 'fördelning')).toMatch(
      /^Fördelning Mottagning barn och unga, tis 24 nov\n1 ofördelat ärende/,
    );
  });

  it('opens a decision form in English for en-US, and in Swedish otherwise', async () => {
    await t.registerReport({ externalId: 'IFO-2026-000033', receivedAt: '2026-11-24T08:00:00+01:00' });
    const c = (await t.deps.store.getCase('IFO-2026-000033'))!;
    const open = async (locale?: string) => {
      const r = await t.post({
        ...invoke(
          t.connector.url,
          t.who('karin'),
          'decision.skydd.open-form',
          { caseId: c.id, version: c.version },
          personal,
        ),
        ...(locale ? { locale } : {}),
      });
      const card = (r.body as { value: Record<string, unknown> }).value;
      expect(validateCard(card)).toEqual([]);
      return cardText(card);
    };
    const en = await open('en-US');
    expect(en).toMatch(/^IFO-2026-000033 · Protection assessment \(skyddsbedömning\)\n/);
    expect(en).toContain('Does the child need immediate protection?');
    expect(en).toContain('Yes, the child needs immediate protection');
    expect(en).toContain('Record assessment');
    expect(en).not.toMatch(/Motivering|Avbryt|Registrera|Behöver|Skriv aldrig|\bsom\b|\bkl\. /);
    const sv = await open();
    expect(sv).toMatch(/^IFO-2026-000033 · Skyddsbedömning\n/);
    expect(sv).toContain('Behöver barnet omedelbart skydd?');
  });

  it('answers överlämning in English for en-US', async () => {
    expect(await say(t.who('karin'), 'överlämning', 'en-US')).toBe(
      'Karin Ek has no running handover\nThere is no registered absence with a handover checklist for Karin Ek. An absence is registered with frånvaro @person.',
    );
    expect(await say(t.who('karin'), 'överlämning')).toMatch(/^Karin Ek har ingen pågående överlämning\n/);
  });

  it('answers statistik in English for en-US', async () => {
    const text = await say(t.who('lars'), 'statistik', 'en-US');
    expect(text).toMatch(/^Statistics October 2026 · The whole unit\n/);
    expect(text).not.toMatch(/Statistik|Andel i tid|Månad|Anmälningar|Arbetsdagar|frister/);
    expect(await say(t.who('lars'), 'statistik')).toMatch(/^Statistik oktober 2026 · Hela enheten\n/);
  });

  it('answers leveranser in English for en-US, and a caseworker is told in her language that it is for leads', async () => {
    expect(await say(t.who('karin'), 'leveranser', 'en-US')).toBe(
      'Deliveries\nEverything Ärendevakt was to send has arrived.\nNothing is waiting and nothing has failed.',
    );
    expect(await say(t.who('anna'), 'leveranser', 'en-US')).toMatch(/Only team leads and unit managers see/);
    expect(await say(t.who('karin'), 'leveranser')).toMatch(/^Leveranser\nAllt som Ärendevakt skulle skicka/);
  });
});

/**
 * Words that are on a card only when a Swedish string was missed. Case-sensitive: the English phase
 * names keep the Swedish term in brackets ("Protection assessment (skyddsbedömning)").
 */
const SWEDISH =
  /Ej fördelad|Skyddsbedömning|Förhandsbedömning|Mottagen|Handläggare|Tilldela|Öppna|Morgonlista|ärendet|ärenden|försenad|ofördelad|\bi dag\b|\bkl\. /;

describe('the case card and the morning list in English for an en-US user', () => {
  const CHANNEL = '19:barn-mottagning@thread.tacv2';
  let t: TestBot;
  beforeEach(async () => {
    // Tuesday 24 Nov 2026, 07:50: the morning list is due.
    t = await startTestBot({ now: () => new Date('2026-11-24T07:50:00+01:00') });
  });
  afterEach(async () => {
    await t.stop();
  });

  /** An Action.Execute press as Teams sends it from a client in `locale`. */
  async function press(from: Staff, verb: string, data: Record<string, unknown>, locale: string) {
    const r = await t.post({ ...invoke(t.connector.url, from, verb, data, channel(CHANNEL)), locale });
    expect(r.status).toBe(200);
    const card = (r.body as { value: Record<string, unknown> }).value;
    expect(validateCard(card)).toEqual([]);
    return card;
  }

  it('answers ärende «ref», and Öppna and Ta on the morning list, in English; the channel keeps Swedish', async () => {
    const [karin, anna] = [t.who('karin'), t.who('anna')];
    await installAndConnect(t, karin, 'barn-mottagning', CHANNEL);
    // Received Friday 13 Nov: its skyddsbedömning is overdue and it is unassigned.
    expect(
      (await t.registerReport({ externalId: 'IFO-2026-007301', receivedAt: '2026-11-13T10:00:00+01:00' })).ok,
    ).toBe(true);
    await t.drained();

    // `ärende «ref»` in her 1:1 chat.
    const activity = { ...message(t.connector.url, anna, 'ärende IFO-2026-007301', personal), locale: 'en-US' };
    expect((await t.post(activity)).status).toBe(200);
    const [reply] = t.connector.cards((c) => c.kind === 'reply' && c.activityId === activity.id);
    expect(validateCard(reply.card)).toEqual([]);
    const shown = cardText(reply.card);
    expect(shown).toContain('Protection assessment OVERDUE');
    expect(shown).toMatch(/was due Fri 13 Nov \(11 days ago\)/);
    expect(shown).toContain('IFO-2026-007301 · New report');
    expect(shown).toMatch(/Caseworker\nUnassigned/);
    expect(shown).toMatch(/Received\nFri 13 Nov at 10:00/);
    expect(shown).not.toMatch(SWEDISH);

    // The morning list is posted in the group's channel, in Swedish: the channel has no one language.
    await t.running.scheduler!.tick();
    await t.drained();
    const list = t.connector
      .cards((c) => c.kind !== 'update')
      .map((c) => c.card)
      .find((c) => !!c && cardText(c).startsWith('Morgonlista'))!;
    expect(list).toBeDefined();
    // Öppna on its row answers the presser alone: her case card in English.
    const open = actionFor(list, 'case.show', 'IFO-2026-007301')!;
    const opened = cardText(await press(karin, open.verb, open.data, 'en-US'));
    expect(opened).toContain('Protection assessment OVERDUE');
    expect(opened).not.toMatch(SWEDISH);
    // Ta on the row: the morning list again, in English, with what happened on top.
    const take = actionFor(list, 'list.take', 'IFO-2026-007301')!;
    const again = cardText(await press(anna, take.verb, take.data, 'en-US'));
    expect(again).toMatch(
      /^Morning list Mottagning barn och unga, Tue 24 Nov\nIFO-2026-007301: Anna Berg got the case\./,
    );
    expect(again).toMatch(/Protection assessment was due Fri 13 Nov · overdue 11 days, 7 working days/);
    expect(again).toContain('Neglect · Anna Berg');
    expect(again).not.toMatch(SWEDISH);
    expect((await t.deps.store.getCase('IFO-2026-007301'))!.assignees).toEqual([anna.aadObjectId]);
    // The same press from a Swedish client reads Swedish.
    const sv = cardText(await press(karin, open.verb, open.data, 'sv-SE'));
    expect(sv).toContain('Skyddsbedömning FÖRSENAD');
  });
});

describe('LANGUAGE=sv: a unit that wants every answer in Swedish', () => {
  let t: TestBot;
  beforeEach(async () => {
    t = await startTestBot({ now: () => NOW, config: () => ({ language: 'sv' }) });
  });
  afterEach(async () => {
    await t.stop();
  });

  it('answers an en-US user in Swedish', async () => {
    const activity = { ...message(t.connector.url, t.who('karin'), 'help', personal), locale: 'en-US' };
    expect((await t.post(activity)).status).toBe(200);
    const [reply] = t.connector.cards((c) => c.kind === 'reply' && c.activityId === activity.id);
    const text = cardText(reply.card);
    expect(text).toContain('Vad boten kan göra för dig.');
    expect(text).not.toContain('What the bot can do');
  });
});

/**
 * What the bot sends on its own has no incoming activity: a person's cards follow the locale of their
 * last message in the 1:1 chat (kept in its conversation reference), else Swedish; a channel's stay
 * Swedish.
 */
describe('proactive cards in the language the person last used', () => {
  let t: TestBot;
  const clock = { now: new Date('2026-11-23T07:50:00+01:00') }; // Monday
  beforeEach(async () => {
    clock.now = new Date('2026-11-23T07:50:00+01:00');
    t = await startTestBot({ now: () => clock.now });
  });
  afterEach(async () => {
    await t.stop();
  });

  /** The cards sent to a person's 1:1 chat (the test connector's personal conversation). */
  const personalCards = (who: Staff) =>
    t.connector.cards((c) => c.conversationId === `a:personal-${who.aadObjectId}` && c.kind !== 'update');

  it("sends an en-US caseworker's reminders in English and a Swedish one's in Swedish", async () => {
    const [anna, bo] = [t.who('anna'), t.who('bo')];
    await installAndConnect(t, t.who('karin'), 'barn-mottagning', '19:barn-mottagning@thread.tacv2');
    const { forhandsCase } = await import('../jobs/listFixtures.js');
    expect(
      (
        await t.deps.store.commit({
          cases: [
            { case: forhandsCase('IFO-2026-007501', '2026-11-12', anna.aadObjectId), expectedVersion: null },
            { case: forhandsCase('IFO-2026-007502', '2026-11-12', bo.aadObjectId), expectedVersion: null },
          ],
        })
      ).ok,
    ).toBe(true);
    // Anna's Teams is in English, Bo's in Swedish: each has written to the bot once.
    for (const [who, locale] of [
      [anna, 'en-US'],
      [bo, 'sv-SE'],
    ] as const)
      expect((await t.post({ ...message(t.connector.url, who, 'mina', personal), locale })).status).toBe(200);
    await t.running.scheduler!.tick();
    await t.drained();

    const annas = personalCards(anna)
      .map((c) => c.card!)
      .filter((c) => cardText(c).startsWith('Good morning'));
    expect(annas).toHaveLength(1);
    expect(validateCard(annas[0])).toEqual([]);
    const en = cardText(annas[0]);
    expect(en).toContain('Good morning Anna: your deadlines');
    expect(en).toContain('**IFO-2026-007501** · Initial assessment Thu 26 Nov (in 3 working days)');
    expect(en).not.toMatch(SWEDISH_REMINDER);
    const snooze = actionFor(annas[0], 'reminder.snooze', 'IFO-2026-007501')!;
    expect(snooze.title).toBe('Remind me tomorrow');

    const bos = personalCards(bo)
      .map((c) => cardText(c.card!))
      .filter((c) => c.startsWith('God morgon'));
    expect(bos).toHaveLength(1);
    expect(bos[0]).toContain('**IFO-2026-007502** · Förhandsbedömning tors 26 nov (om 3 arbetsdagar)');

    // Her press answers in English too.
    clock.now = new Date('2026-11-23T10:00:00+01:00');
    const r = await t.post({ ...invoke(t.connector.url, anna, snooze.verb, snooze.data, personal), locale: 'en-US' });
    const again = cardText((r.body as { value: Record<string, unknown> }).value);
    expect(again).toContain('IFO-2026-007501: no reminder Tue 24 Nov. You will be reminded again Wed 25 Nov.');
    expect(again).not.toMatch(SWEDISH_REMINDER);
  });

  it("sends the 1:1 'you have a case' card and its note in the new owner's language", async () => {
    const [karin, anna] = [t.who('karin'), t.who('anna')];
    await installAndConnect(t, karin, 'barn-mottagning', '19:barn-mottagning@thread.tacv2');
    expect(
      (await t.registerReport({ externalId: 'IFO-2026-007505', receivedAt: '2026-11-23T07:20:00+01:00' })).ok,
    ).toBe(true);
    expect((await t.post({ ...message(t.connector.url, anna, 'mina', personal), locale: 'en-US' })).status).toBe(200);
    const c = (await t.deps.store.getCase('IFO-2026-007505'))!;
    const r = await t.invoke(
      karin,
      'case.assign',
      { caseId: c.id, version: c.version, assignee: anna.aadObjectId },
      personal,
    );
    expect(r.status).toBe(200);
    await t.drained();
    expect((await t.deps.store.getCase(c.id))!.assignees).toEqual([anna.aadObjectId]);
    const card = personalCards(anna)
      .map((x) => x.card!)
      .find((x) => cardText(x).includes('Karin Ek has given you the case IFO-2026-007505.'));
    expect(card).toBeDefined();
    expect(validateCard(card!)).toEqual([]);
    expect(cardText(card!)).not.toMatch(/har gett dig|Du har fått|Öppna|Handläggare|Påminn|Registrera/);
  });

  it("sends the unit manager's escalation in English when her Teams is in English", async () => {
    const lars = t.who('lars');
    await installAndConnect(t, t.who('karin'), 'barn-mottagning', '19:barn-mottagning@thread.tacv2');
    expect(
      (await t.registerReport({ externalId: 'IFO-2026-007503', receivedAt: '2026-11-13T10:00:00+01:00' })).ok,
    ).toBe(true);
    expect((await t.post({ ...message(t.connector.url, lars, 'hjälp', personal), locale: 'en-GB' })).status).toBe(200);
    await t.running.scheduler!.tick();
    await t.drained();
    const card = personalCards(lars)
      .map((c) => c.card!)
      .find((c) => cardText(c).startsWith('Escalation'));
    expect(card).toBeDefined();
    expect(validateCard(card!)).toEqual([]);
    const text = cardText(card!);
    expect(text).toMatch(/^Escalation Mon 23 Nov\n/);
    expect(text).toContain('1 case unassigned for more than 1 working day and 1 overdue deadline.');
    expect(text).toContain('Mottagning barn och unga: overdue deadlines');
    // The group's own name is not translated.
    expect(text.replaceAll('Mottagning barn och unga', '«group»')).not.toMatch(
      /Eskalering|Öppna|Tilldela|Handläggare|ofördelad|försenad|\boch\b|\bi dag\b/,
    );
    expect(actionFor(card!, 'list.assign', 'IFO-2026-007503')!.title).toBe('Assign');
  });

  it('sends the immediate-protection alarm in English to an en-US team lead and in Swedish to the unit manager', async () => {
    const [karin, lars] = [t.who('karin'), t.who('lars')];
    await installAndConnect(t, karin, 'barn-mottagning', '19:barn-mottagning@thread.tacv2');
    expect(
      (await t.registerReport({ externalId: 'IFO-2026-007504', receivedAt: '2026-11-23T07:20:00+01:00' })).ok,
    ).toBe(true);
    expect((await t.post({ ...message(t.connector.url, karin, 'hjälp', personal), locale: 'en-US' })).status).toBe(200);
    // Teams sends the client's locale with every activity, the press too.
    const data = {
      caseId: 'IFO-2026-007504',
      version: (await t.deps.store.getCase('IFO-2026-007504'))!.version,
      immediateProtection: 'ja',
      motivation: 'Polisen uppger att barnet inte kan vara hemma i natt.',
    };
    const r = await t.post({
      ...invoke(t.connector.url, karin, 'decision.skydd.submit', data, personal),
      locale: 'en-US',
    });
    expect(r.status).toBe(200);
    await t.drained();
    const alarmOf = (who: Staff, start: string) =>
      personalCards(who)
        .map((c) => c.card!)
        .find((c) => cardText(c).startsWith(start));
    const en = alarmOf(karin, 'Immediate protection needed')!;
    expect(en).toBeDefined();
    expect(validateCard(en)).toEqual([]);
    expect(cardText(en)).toContain('The unit manager is reminded again Mon 23 Nov at 09:');
    expect(cardText(en)).not.toMatch(
      /Omedelbart|Ärende\b|Mottagen|Handläggare|Ej fördelad|Visa ärendet|Registrera|\bkl\. /,
    );
    // Lars has never written (his chat is created for the alarm): Swedish.
    const sv = t.connector
      .cards(
        (c) =>
          c.kind === 'post' && !c.conversationId.startsWith('19:') && !c.conversationId.includes(karin.aadObjectId),
      )
      .map((c) => cardText(c.card!));
    expect(sv).toHaveLength(1);
    expect(sv[0]).toContain('Enhetschefen påminns igen mån 23 nov kl. 09:');
    expect(lars.role).toBe('unit_manager');
  });
});

const SWEDISH_REMINDER = /God morgon|frister|Påminn|Öppna|Registrera|Förhandsbedömning|arbetsdag|\bom \d/;
