// The use cases' own words follow the reader's language (docs/cards.md): a refusal or a confirmation
// answers in the locale of the activity that asked; what the bot sends on its own (the handover line
// to the team lead, the skyddsbedömning nudge) follows the recipient's last 1:1 locale; what is
// posted in a channel (the out-of-hours card) stays Swedish. Over the real Teams protocol.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Staff } from '../../src/domain/schemas.js';
import { EXAMPLE_ORG, cardText, installAndConnect, startTestBot, type TestBot } from '../support/bot.js';
import { personalTexts } from '../support/cases.js';
import { channel, invoke, message, personal, type Where } from '../support/teams.js';
import { pressInLocale } from '../support/localePress.js';

const CHANNEL = '19:mottagning-msgs@thread.tacv2';
const JOUR = '19:socialjour-msgs@thread.tacv2';

describe("the use cases' answers in the activity's language", () => {
  let t: TestBot;
  const clock = { now: new Date('2026-11-24T10:00:00+01:00') }; // Tuesday
  beforeEach(async () => {
    clock.now = new Date('2026-11-24T10:00:00+01:00');
    t = await startTestBot({ now: () => clock.now });
  });
  afterEach(async () => {
    await t.stop();
  });

  /** The one reply to a message typed in Teams with this locale (or none). */
  async function say(from: Staff, text: string, where: Where, locale?: string, mentions?: Staff[]) {
    const activity = {
      ...message(t.connector.url, from, text, where, mentions ? { mentions } : {}),
      ...(locale ? { locale } : {}),
    };
    expect((await t.post(activity)).status).toBe(200);
    const replies = t.connector.cards((c) => c.kind === 'reply' && c.activityId === activity.id);
    expect(replies).toHaveLength(1);
    return replies[0].card ? cardText(replies[0].card) : String(replies[0].text);
  }

  /** An Action.Execute press from a client in `locale` (or none); the card it answers with, as text. */
  const press = (from: Staff, verb: string, data: Record<string, unknown>, locale?: string) =>
    pressInLocale(t, from, verb, data, locale);

  it('refuses a decision form and confirms it in English for en-US, and in Swedish otherwise', async () => {
    const karin = t.who('karin');
    expect(
      (await t.registerReport({ externalId: 'IFO-2026-008101', receivedAt: '2026-11-24T08:00:00+01:00' })).ok,
    ).toBe(true);
    const version = async () => (await t.deps.store.getCase('IFO-2026-008101'))!.version;
    const data = async (motivation: string) => ({
      caseId: 'IFO-2026-008101',
      version: await version(),
      immediateProtection: 'nej',
      motivation,
    });
    // No motivation: the form again, its field message in the reader's language.
    const refusedEn = await press(karin, 'decision.skydd.submit', await data(''), 'en-US');
    expect(refusedEn).toContain('Write a short motivation.');
    expect(refusedEn).not.toContain('Skriv en kort motivering.');
    const refusedSv = await press(karin, 'decision.skydd.submit', await data(''), 'sv-SE');
    expect(refusedSv).toContain('Skriv en kort motivering.');
    expect(refusedSv).not.toContain('Write a short motivation.');

    // Saved: the confirmation and the reminder to document it in English.
    const done = await press(karin, 'decision.skydd.submit', await data('Ingen akut fara.'), 'en-US');
    expect(done).toContain(
      'The safety assessment (skyddsbedömning) is recorded: no immediate need of protection. Remember to record the decision in the case-management system (case IFO-2026-008101); Ärendevakt is not the legal record.',
    );
    expect(done).not.toMatch(/är registrerad|Kom ihåg/);

    // A second form on the same case, saved by a Swedish reader.
    const forhand = await press(
      karin,
      'decision.forhand.submit',
      { caseId: 'IFO-2026-008101', version: await version(), outcome: 'not_open', motivation: 'Ingen oro kvar.' },
      'sv-SE',
    );
    expect(forhand).toContain('Beslut: utredning inleds inte. Ärendet är avslutat.');
    expect(forhand).toContain('Kom ihåg att dokumentera beslutet i verksamhetssystemet (ärende IFO-2026-008101)');
  });

  it('refuses koppla and åter in English for en-US, and in Swedish otherwise', async () => {
    const karin = t.who('karin');
    const anna = t.who('anna');
    await installAndConnect(t, karin, 'barn-mottagning', CHANNEL);
    const koppla = await say(karin, 'koppla ingen-sadan-grupp', channel(CHANNEL), 'en-US');
    expect(koppla).toContain('There is no group with that id. Groups: barn-mottagning');
    expect(await say(karin, 'koppla ingen-sadan-grupp', channel(CHANNEL))).toContain(
      'Det finns ingen grupp med det id:t. Grupper: barn-mottagning',
    );
    expect(await say(karin, 'åter @Anna Berg', channel(CHANNEL), 'en-US', [anna])).toContain(
      'Anna Berg has no registered absence.',
    );
    expect(await say(karin, 'åter @Anna Berg', channel(CHANNEL), 'sv-SE', [anna])).toContain(
      'Anna Berg har ingen registrerad frånvaro.',
    );
  });

  it('answers the new-report form in English for en-US: its refusal, its field message and its confirmation', async () => {
    const karin = t.who('karin');
    const form = (over: Record<string, unknown>) => ({
      externalId: 'IFO-2026-008103',
      receivedDate: '2026-11-24',
      receivedTime: '09:00',
      groupId: 'barn-mottagning',
      childRef: 'B-2026-8103',
      reporterType: 'school',
      professional: 'ja',
      concerns: 'neglect',
      ...over,
    });
    const refusedEn = await press(karin, 'report.create', form({ receivedDate: '2026-13-45' }), 'en-US');
    expect(refusedEn).toContain('The report was not registered. Correct the fields below.');
    expect(refusedEn).toContain('A time in ISO 8601 with a time zone');
    expect(refusedEn).not.toMatch(/Anmälan registrerades inte|Tid som ISO/);
    const refusedSv = await press(karin, 'report.create', form({ receivedDate: '2026-13-45' }), 'sv-SE');
    expect(refusedSv).toContain('Anmälan registrerades inte. Rätta fälten nedan.');

    const created = await press(karin, 'report.create', form({}), 'en-US');
    expect(created).toContain("Report IFO-2026-008103 is registered. The card is posted in the group's channel.");
    const again = await press(karin, 'report.create', form({}), 'sv-SE');
    expect(again).toContain('Anmälan IFO-2026-008103 fanns redan med samma innehåll; inget nytt har registrerats.');
  });
});

describe('what the bot sends on its own, in the language of the recipient’s last 1:1 message', () => {
  let t: TestBot;
  const clock = { now: new Date('2026-11-24T10:00:00+01:00') }; // Tuesday
  afterEach(async () => {
    await t.stop();
  });

  for (const [locale, expected, notExpected, refusal] of [
    [
      'en-US',
      "Anna Berg is absent. The handover checklist with 1 open case is in the group's channel: make sure every case gets a new caseworker and a written status.",
      /är frånvarande|Överlämningslistan/,
      'Cases are handed back only when the person is back.',
    ],
    [
      'sv-SE',
      'Anna Berg är frånvarande. Överlämningslistan med 1 öppet ärende finns i gruppens kanal: se till att varje ärende får en ny handläggare och en skriftlig status.',
      /is absent|checklist/,
      'Ärenden lämnas tillbaka först när personen är åter.',
    ],
  ] as const)
    it(`tells the team lead of a colleague's absence in her language, and refuses a hand-back in it (${locale})`, async () => {
      clock.now = new Date('2026-11-24T10:00:00+01:00');
      t = await startTestBot({ now: () => clock.now });
      const [karin, anna] = [t.who('karin'), t.who('anna')];
      await installAndConnect(t, karin, 'barn-mottagning', CHANNEL);
      expect((await t.post({ ...message(t.connector.url, karin, 'hjälp', personal), locale })).status).toBe(200);
      expect(
        (await t.registerReport({ externalId: 'IFO-2026-008104', receivedAt: '2026-11-24T08:00:00+01:00' })).ok,
      ).toBe(true);
      const c = (await t.deps.store.getCase('IFO-2026-008104'))!;
      expect(
        (await t.invoke(karin, 'case.assign', { caseId: c.id, version: c.version, assignee: anna.aadObjectId })).status,
      ).toBe(200);
      const r = await t.post({
        ...message(t.connector.url, karin, 'frånvaro @Anna Berg', channel(CHANNEL), { mentions: [anna] }),
        locale,
      });
      expect(r.status).toBe(200);
      await t.drained();
      const lines = personalTexts(t, karin, cardText).filter((x) => x.startsWith('Anna Berg'));
      expect(lines).toEqual([expected]);
      expect(lines.join('\n')).not.toMatch(notExpected);

      // Handing back before Anna is back is refused, in the presser's language.
      const [h] = await t.deps.store.listDocs<{ id: string; staffId: string }>('handovers');
      expect(h.staffId).toBe(anna.aadObjectId);
      const r2 = await t.post({
        ...invoke(t.connector.url, karin, 'handover.handBack', { handoverId: h.id, all: true }, personal),
        locale,
      });
      expect(r2.status).toBe(200);
      expect(cardText((r2.body as { value: unknown }).value)).toContain(refusal);
    });

  it('nudges an en-US team lead about a missing skyddsbedömning in English, a Swedish one in Swedish; the socialjour’s channel card stays Swedish', async () => {
    clock.now = new Date('2026-11-23T09:00:00+01:00'); // Monday
    t = await startTestBot({
      now: () => clock.now,
      orgOverrides: {
        groups: [...EXAMPLE_ORG.groups, { id: 'socialjour', name: 'Socialjouren', kind: 'out_of_hours' }],
        // Per Wallin leads Mottagning too, so the group has two team leads: one reads English, one Swedish.
        staff: EXAMPLE_ORG.staff.map((s) =>
          s.name === 'Per Wallin' ? { ...s, groups: [...s.groups, 'barn-mottagning'] } : s,
        ),
      },
    });
    const [karin, per, lars] = [t.who('karin'), t.who('per'), t.who('lars')];
    await installAndConnect(t, karin, 'barn-mottagning', CHANNEL);
    expect(
      (await t.post({ ...message(t.connector.url, lars, 'koppla socialjour', channel(JOUR)), locale: 'en-US' })).status,
    ).toBe(200);
    for (const [who, locale] of [
      [karin, 'en-US'],
      [per, 'sv-SE'],
    ] as const)
      expect((await t.post({ ...message(t.connector.url, who, 'hjälp', personal), locale })).status).toBe(200);

    // Friday 17:30: out of office hours. Its card in the socialjour's channel is Swedish, whoever linked it.
    clock.now = new Date('2026-11-20T17:30:30+01:00');
    // Through the intake's own use case (the Teams form), as a report arrives.
    const created = await t.post({
      ...invoke(
        t.connector.url,
        karin,
        'report.create',
        {
          externalId: 'IFO-2026-008105',
          receivedDate: '2026-11-20',
          receivedTime: '17:30',
          groupId: 'barn-mottagning',
          childRef: 'B-2026-8105',
          reporterType: 'school',
          professional: 'ja',
          concerns: 'neglect',
        },
        personal,
      ),
      locale: 'en-US',
    });
    expect(created.status).toBe(200);
    await t.drained();
    const jour = t.connector
      .cards((c) => c.conversationId.split(';')[0] === JOUR)
      .flatMap((c) => (c.card ? [cardText(c.card)] : []))
      .filter((x) => x.startsWith('IFO-2026-008105'));
    expect(jour).toHaveLength(1);
    expect(jour[0]).toContain('IFO-2026-008105 · Ny anmälan utanför kontorstid');
    expect(jour[0]).toContain('Anmälan kom in fre 20 nov kl. 17:30 till Mottagning barn och unga, utanför kontorstid.');

    // Monday 11:00, three office hours after 08:00 and still no skyddsbedömning: each lead is nudged.
    clock.now = new Date('2026-11-23T11:00:00+01:00');
    expect(await t.running.scheduler!.watch()).toEqual(['genast:IFO-2026-008105']);
    await t.drained();
    const en = personalTexts(t, karin, cardText).filter((x) => x.startsWith('IFO-2026-008105 ·'));
    expect(en).toHaveLength(1);
    expect(en[0]).toContain('IFO-2026-008105 · The safety assessment is not done');
    expect(en[0]).toContain(
      'The report came in Fri 20 Nov at 17:30, 3 office hours ago, and no safety assessment (skyddsbedömning) is registered.',
    );
    expect(en[0]).toContain('Unassigned');
    expect(en[0]).not.toMatch(/Anmälan kom in|kontorstimmar|Ej fördelad|\bkl\. /);
    // Its buttons too (the template's own words follow the data's language).
    expect(en[0]).toContain('Show the case');
    expect(en[0]).not.toContain('Visa ärendet');
    const sv = personalTexts(t, per, cardText).filter((x) => x.startsWith('IFO-2026-008105 ·'));
    expect(sv).toHaveLength(1);
    expect(sv[0]).toContain('IFO-2026-008105 · Skyddsbedömningen är inte gjord');
    expect(sv[0]).toContain('Anmälan kom in fre 20 nov kl. 17:30, för 3 kontorstimmar sedan');
    expect(sv[0]).toContain('Visa ärendet');
  });
});
