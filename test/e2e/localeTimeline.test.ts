// The history, `ny anmälan` and the delivery-failure report in the reader's Teams language, over the
// real protocol (docs/cards.md "English for staff who work in English"): an en-US user reads the
// timeline's event lines and banner, the new-report form and its answer in English; a report the
// outbox could not deliver reaches an en-US team lead in English and a Swedish one in Swedish.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestReport } from '../../src/app/ingestReport.js';
import type { Staff } from '../../src/domain/schemas.js';
import { cardText, installAndConnect, report, startTestBot, type TestBot } from '../support/bot.js';
import { actionFor } from '../support/cardActions.js';
import { BOT, botAddedToTeam, channel, invoke, message, personal, type Where } from '../support/teams.js';
import { validateCard } from '../support/validateCard.js';

const NOW = new Date('2026-11-24T10:00:00+01:00');
const MOTTAGNING = '19:barn-mottagning@thread.tacv2';
const LEDNING = '19:ledning@thread.tacv2';

describe('the history and ny anmälan in the Teams language', () => {
  let t: TestBot;
  beforeEach(async () => {
    t = await startTestBot({ now: () => NOW });
  });
  afterEach(async () => {
    await t.stop();
  });

  async function say(from: Staff, text: string, locale?: string, where: Where = personal) {
    const activity = { ...message(t.connector.url, from, text, where), ...(locale ? { locale } : {}) };
    expect((await t.post(activity)).status).toBe(200);
    const replies = t.connector.cards((c) => c.kind === 'reply' && c.activityId === activity.id);
    expect(replies).toHaveLength(1);
    expect(validateCard(replies[0].card)).toEqual([]);
    return replies[0].card!;
  }

  async function press(from: Staff, verb: string, data: Record<string, unknown>, locale?: string, where = personal) {
    const r = await t.post({ ...invoke(t.connector.url, from, verb, data, where), ...(locale ? { locale } : {}) });
    expect(r.status).toBe(200);
    const card = (r.body as { value: Record<string, unknown> }).value;
    expect(validateCard(card)).toEqual([]);
    return card;
  }

  /** A case with a skyddsbedömning and its motivation, taken by Anna: three events. */
  async function caseWithHistory() {
    const ref = 'IFO-2026-000151';
    expect((await t.registerReport({ externalId: ref, receivedAt: '2026-11-24T08:00:00+01:00' })).ok).toBe(true);
    const karin = t.who('karin');
    const version = (await t.deps.store.getCase(ref))!.version;
    await press(karin, 'decision.skydd.submit', {
      caseId: ref,
      version,
      decidedOn: '2026-11-24',
      immediateProtection: 'nej',
      motivation: 'Förskolan har talat med vårdnadshavaren i dag.',
    });
    await press(t.who('anna'), 'case.take', { caseId: ref, version: (await t.deps.store.getCase(ref))!.version });
    return ref;
  }

  it("gives an en-US user the case's history in English, and Swedish without a locale", async () => {
    const ref = await caseWithHistory();
    const karin = t.who('karin');
    const en = cardText(await say(karin, `historik ${ref}`, 'en-US'));
    expect(en).toContain(`History · ${ref}`);
    expect(en).toContain('The history is verified: nothing has been changed afterwards (3 events).');
    expect(en).toMatch(/Report registered from Preschool \(professional reporter\), received Tue 24 Nov at 08:00/);
    expect(en).toContain('Protection assessment done: no immediate need of protection.');
    expect(en).toContain('Why: Förskolan har talat med vårdnadshavaren i dag.');
    expect(en).toContain('Anna Berg took the case.');
    expect(en).toMatch(/Tue 24 Nov at 10:00 · Karin Ek · no\. \d+/);
    expect(en).not.toMatch(
      /Historik|Historiken|Anmälan registrerad|Skyddsbedömning gjord|Varför|tog ärendet|\bkl\. |\btis \d/,
    );

    const sv = cardText(await say(karin, `historik ${ref}`));
    expect(sv).toContain(`Historik · ${ref}`);
    expect(sv).toContain('Historiken är kontrollerad: inget har ändrats i efterhand (3 händelser).');
    expect(sv).toContain('Anna Berg tog ärendet.');
    expect(sv).toContain('Skyddsbedömning gjord: inget omedelbart skyddsbehov.');
    expect(sv).toMatch(/tis 24 nov kl\. 10:00 · Karin Ek · nr \d+/);
  });

  it('keeps written text behind Show in a channel and reveals it to the en-US presser in English', async () => {
    const ref = await caseWithHistory();
    const karin = t.who('karin');
    await installAndConnect(t, karin, 'barn-mottagning', MOTTAGNING);
    const card = await say(karin, `historik ${ref}`, 'en-US', channel(MOTTAGNING));
    const text = cardText(card);
    expect(text).toMatch(/Reasoning written by Karin Ek, Tue 24 Nov at 10:00\./);
    expect(text).not.toContain('Förskolan har talat');
    const show = actionFor(card, 'timeline.reveal')!;
    expect(show.title).toBe('Show');
    const revealed = cardText(await press(karin, 'timeline.reveal', show.data, 'en-US', channel(MOTTAGNING)));
    expect(revealed).toContain('Why: Förskolan har talat med vårdnadshavaren i dag.');
    expect(revealed).toContain('Shown to you only.');
  });

  it('answers ny anmälan with the English form for en-US, and registers it with an English answer', async () => {
    const karin = t.who('karin');
    const form = await say(karin, 'ny anmälan', 'en-US');
    const text = cardText(form);
    expect(text).toMatch(/^New report\nRegister a report that came in some other way/);
    expect(JSON.stringify(form)).toContain('"label":"Case reference"');
    expect(JSON.stringify(form)).toContain('"title":"Preschool"');
    expect(JSON.stringify(form)).toContain('"title":"Violence"');
    expect(actionFor(form, 'report.create')!.title).toBe('Register report');
    // The groups' own names (from the organisation file) are not translated.
    expect(JSON.stringify(form).replaceAll('Våld i nära relationer', '«group»')).not.toMatch(
      /Ny anmälan|Ärendereferens|Förskola|Våld|Registrera anmälan|Välj/,
    );

    const answer = await press(
      karin,
      'report.create',
      {
        externalId: 'IFO-2026-000152',
        receivedDate: '2026-11-24',
        receivedTime: '09:15',
        groupId: 'barn-mottagning',
        childRef: 'B-2026-0152',
        reporterType: 'school',
        professional: 'ja',
        concerns: 'neglect',
      },
      'en-US',
    );
    expect(cardText(answer)).toContain(
      "Report IFO-2026-000152 is registered. The card is posted in the group's channel.",
    );
    expect(cardText(answer)).not.toMatch(/Anmälan IFO|Ej fördelad|Skyddsbedömning ska/);

    const sv = cardText(await say(karin, 'ny anmälan', 'sv-SE'));
    expect(sv).toMatch(/^Ny anmälan\nRegistrera en anmälan/);
    const stranger = { aadObjectId: '00000000-0000-4000-8000-0000000000fe', name: 'Okänd Person' } as Staff;
    expect(cardText(await say(stranger, 'ny anmälan', 'en-US'))).toBe(
      'You are not in the organisation file\nOnly staff in the organisation file can register reports.',
    );
  });
});

describe('the install greeting', () => {
  let t: TestBot;
  beforeEach(async () => {
    t = await startTestBot({ now: () => NOW });
  });
  afterEach(async () => {
    await t.stop();
  });

  it('greets a team in Swedish whoever installs it, and a person in their 1:1 in their language', async () => {
    const karin = t.who('karin');
    const inTeam = { ...botAddedToTeam(t.connector.url, karin), locale: 'en-US' };
    expect((await t.post(inTeam)).status).toBe(200);
    const team = t.connector.cards((c) => c.kind === 'reply' && c.activityId === inTeam.id);
    expect(team).toHaveLength(1);
    expect(cardText(team[0].card)).toMatch(/^Hej! Jag är Ärendevakt\.\nJag bevakar anmälningar/);

    const base = message(t.connector.url, karin, '', personal);
    const inChat = {
      ...base,
      type: 'conversationUpdate',
      text: undefined,
      membersAdded: [{ id: BOT.id }],
      locale: 'en-US',
    };
    expect((await t.post(inChat)).status).toBe(200);
    const chat = t.connector.cards((c) => c.kind === 'reply' && c.activityId === inChat.id);
    expect(chat).toHaveLength(1);
    expect(validateCard(chat[0].card)).toEqual([]);
    const text = cardText(chat[0].card);
    expect(text).toMatch(/^Hello! I'm Ärendevakt\.\nI watch reports and deadlines/);
    expect(text).toContain('for example **koppla barn-mottagning**');
    expect(text).not.toMatch(/Jag bevakar|Skriv|till exempel/);
  });
});

describe('the delivery-failure report in its recipient’s language', () => {
  let t: TestBot;
  beforeEach(async () => {
    t = await startTestBot({ now: () => new Date('2026-11-20T09:30:00+01:00') });
    await installAndConnect(t, t.who('karin'), 'barn-mottagning', MOTTAGNING);
    await t.sendMessage(t.who('lars'), 'koppla ledning', { kind: 'channel', channelId: LEDNING });
  });
  afterEach(async () => {
    await t.stop();
  });

  /** The VINR notice for a violence report cannot go anywhere: the VINR group has no channel. */
  async function undeliverableVinrNotice(karinLocale: string) {
    const karin = t.who('karin');
    const hello = { ...message(t.connector.url, karin, 'hjälp', personal), locale: karinLocale };
    expect((await t.post(hello)).status).toBe(200);
    const violence = report({ externalId: 'IFO-2026-004520', childRef: 'B-2026-0520', concerns: ['violence'] });
    expect((await ingestReport(t.deps, violence)).status).toBe(201);
    await t.drained();
    const toKarin = t.connector
      .cards((c) => c.kind === 'post' && c.conversationId.includes(karin.aadObjectId))
      .filter((c) => /IFO-2026-004520/.test(cardText(c.card)));
    const inChannel = t.connector.to(LEDNING).filter((c) => /IFO-2026-004520/.test(cardText(c.card)));
    return { toKarin, inChannel };
  }

  it('reaches an en-US team lead in English, and the management channel in Swedish', async () => {
    const { toKarin, inChannel } = await undeliverableVinrNotice('en-US');
    const failure = toKarin.map((c) => c.card!).find((c) => /could not be delivered/.test(cardText(c)));
    expect(failure).toBeDefined();
    expect(validateCard(failure!)).toEqual([]);
    const text = cardText(failure!);
    expect(text).toContain(
      'The VINR notice for IFO-2026-004520 could not be delivered: the group Våld i nära relationer has no linked channel.',
    );
    expect(text).toContain('**What to do:** Link a channel with **koppla vinr**.');
    expect(text).toMatch(/Concerns\W+Violence/);
    expect(actionFor(failure!, 'delivery.retry')!.title).toBe('Try again');
    expect(text.replaceAll('Våld i nära relationer', '«group»')).not.toMatch(
      /kunde inte|Gör så här|Oro|Mottagen|Försök igen|Visa ärendet|Våld\b|\bkl\. /,
    );
    expect(inChannel.map((c) => cardText(c.card)).join('\n')).toContain(
      'VINR-underrättelsen för IFO-2026-004520 kunde inte levereras: gruppen Våld i nära relationer har ingen kopplad kanal.',
    );
  });

  it('reaches a sv-SE team lead in Swedish', async () => {
    const { toKarin } = await undeliverableVinrNotice('sv-SE');
    const failure = toKarin.map((c) => c.card!).find((c) => /kunde inte levereras/.test(cardText(c)));
    expect(failure).toBeDefined();
    const text = cardText(failure!);
    expect(text).toContain('**Gör så här:** Koppla en kanal med **koppla vinr**.');
    expect(text).toMatch(/Oro\W+Våld/);
    expect(text).not.toMatch(/could not be delivered|What to do/);
  });
});
