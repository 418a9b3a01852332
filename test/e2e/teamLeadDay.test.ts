// A team lead's day over the real Teams protocol: install, koppla, a report arrives, the card is
// posted, a caseworker takes it, a team lead reassigns, the new owner hears of it, stale and forged
// presses change nothing, and a throttled connector is retried.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestReport } from '../../src/app/ingestReport.js';
import { cardText, cardVerbs as verbs, installAndConnect, report, startTestBot, type TestBot } from '../support/bot.js';
import { channel, personal } from '../support/teams.js';
import { validateCard } from '../support/validateCard.js';

const CHANNEL = '19:barn-mottagning@thread.tacv2';
const REPORT = report();

/** Press a card button as Teams does; the card the person who pressed sees next. */
async function press(t: TestBot, ...args: Parameters<TestBot['invoke']>) {
  const r = await t.invoke(...args);
  expect(r.status).toBe(200);
  return r.body.value;
}

describe('the case card in the group channel', () => {
  let t: TestBot;
  beforeEach(async () => {
    t = await startTestBot({ now: () => new Date('2026-11-20T09:30:00+01:00') });
  });
  afterEach(async () => {
    await t.stop();
  });

  it('greets a team once when installed, and lets a team lead link a channel', async () => {
    await installAndConnect(t, t.who('karin'), 'barn-mottagning', CHANNEL);
    await installAndConnect(t, t.who('karin'), 'barn-mottagning', CHANNEL); // installed again: no second greeting
    const greetings = t.connector.cards().filter((c) => cardText(c.card).includes('Jag är Ärendevakt'));
    expect(greetings).toHaveLength(1);
    // How to link, with a real group id: an angle-bracket placeholder would vanish in the client.
    expect(cardText(greetings[0].card)).toMatch(/\*\*koppla barn-mottagning\*\*/);
    expect(cardText(greetings[0].card)).not.toMatch(/[<>]/);
    const linked = t.connector
      .cards()
      .filter((c) => cardText(c.card).includes('Kanalen är kopplad till Mottagning barn och unga'));
    expect(linked.length).toBeGreaterThanOrEqual(1);
    expect(linked[0].conversationId.split(';')[0]).toBe(CHANNEL);
  });

  it('refuses koppla from a caseworker', async () => {
    await t.sendMessage(t.who('anna'), 'koppla barn-mottagning', channel(CHANNEL));
    expect(cardText(t.connector.cards().at(-1)!.card)).toMatch(/Kanalen kopplades inte[\s\S]*handläggare/);
  });

  it('posts a card for a new report, lets a caseworker take it and a team lead reassign it, updating the card in place', async () => {
    await installAndConnect(t, t.who('karin'), 'barn-mottagning', CHANNEL);
    const before = t.connector.calls.length;
    expect((await ingestReport(t.deps, REPORT)).status).toBe(201);
    await t.drained();
    const posted = t.connector
      .cards()
      .slice(before)
      .filter((c) => c.kind === 'post' && c.conversationId === CHANNEL);
    expect(posted).toHaveLength(1);
    const card = posted[0].card;
    expect(validateCard(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toMatch(/Skyddsbedömning ska göras i dag/);
    expect(text.indexOf('Skyddsbedömning')).toBeLessThan(text.indexOf('Förhandsbedömning'));
    expect(text).toMatch(/fre 4 dec \(14 dagar kvar\)/);
    expect(text).toMatch(/Ej fördelad/);
    expect(text).toMatch(/Förskola \(yrkesverksam\)/);
    expect(text).toMatch(/Brister i omsorgen/);
    expect(text).not.toMatch(/B-2026-0412/); // the child reference stays off the channel card
    // The channel card: what every member may do, and Åtgärder (test/e2e/roleButtons.test.ts).
    expect(verbs(card).filter((v) => v.startsWith('case.'))).toEqual(['case.take', 'case.actions']);
    expect(verbs(card)).toContain('decision.skydd.open-form'); // the skyddsbedömning form, first thing on a new report

    // Anna takes it from the channel card.
    const anna = t.who('anna');
    const afterTake = await press(t, anna, 'case.take', { caseId: REPORT.externalId, version: 1 }, channel(CHANNEL));
    expect(cardText(afterTake)).toMatch(/Du har tagit ärendet, Anna Berg/);
    expect(cardText(afterTake)).toMatch(/Handläggare\nAnna Berg/);
    await t.drained();
    const update1 = t.connector.cards((c) => c.kind === 'update' && c.conversationId === CHANNEL).at(-1)!;
    expect(cardText(update1.card)).toMatch(/Anna Berg/);
    expect(update1.activityId).toBe(posted[0].responseId);

    // Karin reassigns to Bo; Bo gets a 1:1 message.
    const bo = t.who('bo');
    const karin = t.who('karin');
    await t.sendMessage(bo, 'hjälp', personal); // Bo has talked to the bot before, so a 1:1 exists
    const afterAssign = await press(
      t,
      karin,
      'case.assign',
      { caseId: REPORT.externalId, version: 2, assignee: bo.aadObjectId },
      channel(CHANNEL),
    );
    expect(cardText(afterAssign)).toMatch(/Bo Lindqvist har fått ärendet/);
    await t.drained();
    const dm = t.connector
      .cards((c) => c.conversationId === `a:personal-${bo.aadObjectId}` && c.kind === 'post')
      .at(-1)!;
    expect(cardText(dm.card)).toMatch(/Karin Ek har gett dig ärendet/);
    expect(cardText(dm.card)).toMatch(/Förhandsbedömning/);
    const updates = t.connector.cards((c) => c.kind === 'update' && c.conversationId === CHANNEL);
    expect(cardText(updates.at(-1)!.card)).toMatch(/Handläggare\nBo Lindqvist/);
    // Always the same activity: the card is updated in place, never posted twice.
    expect(new Set(updates.map((u) => u.activityId))).toEqual(new Set([posted[0].responseId]));
    expect(
      t.connector.cards(
        (c) => c.kind === 'post' && c.conversationId === CHANNEL && JSON.stringify(c.body).includes(REPORT.externalId),
      ),
    ).toHaveLength(1);
  });

  it('answers a stale card with the current state and who changed it, and changes nothing', async () => {
    await installAndConnect(t, t.who('karin'), 'barn-mottagning', CHANNEL);
    await ingestReport(t.deps, REPORT);
    const anna = t.who('anna');
    const bo = t.who('bo');
    await press(t, anna, 'case.take', { caseId: REPORT.externalId, version: 1 }, channel(CHANNEL));
    // Bo presses "Ta ärendet" on the card he still sees (version 1).
    const stale = await press(t, bo, 'case.take', { caseId: REPORT.externalId, version: 1 }, channel(CHANNEL));
    expect(cardText(stale)).toMatch(/Ärendet ändrades av Anna Berg .*inget har ändrats/);
    expect(cardText(stale)).toMatch(/Handläggare\nAnna Berg/);
    const c = (await t.deps.store.getCase(REPORT.externalId))!;
    expect(c.assignees).toEqual([anna.aadObjectId]);
    expect(c.version).toBe(2);
    expect((await t.deps.store.auditFor(REPORT.externalId)).map((e) => e.type)).toEqual([
      'ReportRegistered',
      'CaseTaken',
    ]);
  });

  it('lets exactly one of two simultaneous takes win', async () => {
    await installAndConnect(t, t.who('karin'), 'barn-mottagning', CHANNEL);
    await ingestReport(t.deps, REPORT);
    const [a, b] = await Promise.all([
      press(t, t.who('anna'), 'case.take', { caseId: REPORT.externalId, version: 1 }, channel(CHANNEL)),
      press(t, t.who('bo'), 'case.take', { caseId: REPORT.externalId, version: 1 }, channel(CHANNEL)),
    ]);
    const texts = [cardText(a), cardText(b)];
    expect(texts.filter((x) => /Du har tagit ärendet/.test(x))).toHaveLength(1);
    expect(texts.filter((x) => /inget har ändrats/.test(x))).toHaveLength(1);
    expect((await t.deps.store.getCase(REPORT.externalId))!.assignees).toHaveLength(1);
  });

  it("refuses a caseworker's forged reassign, shown only to her, and changes nothing", async () => {
    await installAndConnect(t, t.who('karin'), 'barn-mottagning', CHANNEL);
    await ingestReport(t.deps, REPORT);
    const anna = t.who('anna');
    await t.drained();
    const callsBefore = t.connector.calls.length;
    const card = await press(
      t,
      anna,
      'case.assign',
      { caseId: REPORT.externalId, version: 1, assignee: anna.aadObjectId },
      channel(CHANNEL),
    );
    expect(cardText(card)).toMatch(/Som handläggare kan du inte göra det här.*Inget har ändrats/);
    await t.drained();
    expect(t.connector.calls.length).toBe(callsBefore); // nothing posted for everyone
    expect(await t.deps.store.getCase(REPORT.externalId)).toMatchObject({ version: 1, assignees: [] });
  });

  it('refuses someone who is not in the organisation file', async () => {
    await ingestReport(t.deps, REPORT);
    const stranger = {
      aadObjectId: '99999999-0000-4000-8000-000000000099',
      name: 'Okänd Person',
      role: 'caseworker' as const,
      groups: [],
    };
    const card = await press(t, stranger, 'case.take', { caseId: REPORT.externalId, version: 1 }, channel(CHANNEL));
    expect(cardText(card)).toMatch(/finns inte i organisationsfilen/);
    expect((await t.deps.store.getCase(REPORT.externalId))!.assignees).toEqual([]);
  });

  it('retries a 429 from the connector, honouring Retry-After, and posts the card once', async () => {
    await installAndConnect(t, t.who('karin'), 'barn-mottagning', CHANNEL);
    await t.drained();
    t.connector.failNext(2, 429, { retryAfter: 0, when: (r) => r.conversationId === CHANNEL });
    await ingestReport(t.deps, REPORT);
    await t.connector.waitFor((calls) =>
      calls.some(
        (c) => c.kind === 'post' && c.conversationId === CHANNEL && JSON.stringify(c.body).includes(REPORT.externalId),
      ),
    );
    await t.drained();
    expect(t.connector.failed.length).toBeGreaterThanOrEqual(2);
    expect(t.connector.cards((c) => c.kind === 'post' && JSON.stringify(c.body).includes('Ny anmälan'))).toHaveLength(
      1,
    );
  });

  it('marks a blocked 1:1 inactive, tells the team lead, and does not retry forever', async () => {
    await installAndConnect(t, t.who('karin'), 'barn-mottagning', CHANNEL);
    const bo = t.who('bo');
    const karin = t.who('karin');
    await t.sendMessage(bo, 'hjälp', personal);
    await t.sendMessage(karin, 'hjälp', personal);
    await ingestReport(t.deps, REPORT);
    await t.drained();
    t.connector.failNext(1, 403, {
      code: 'ConversationBlockedByUser',
      when: (r) => r.conversationId === `a:personal-${bo.aadObjectId}`,
    });
    await press(
      t,
      karin,
      'case.assign',
      { caseId: REPORT.externalId, version: 1, assignee: bo.aadObjectId },
      channel(CHANNEL),
    );
    await t.connector.waitFor((calls) =>
      calls.some(
        (c) =>
          c.conversationId === `a:personal-${karin.aadObjectId}` &&
          cardText(c.body?.attachments?.[0]?.content).includes('når inte Bo Lindqvist'),
      ),
    );
    await t.drained();
    expect((await t.deps.store.getDoc<{ active: boolean }>('conversations', `user:${bo.aadObjectId}`))?.active).toBe(
      false,
    );
    expect(t.connector.failed.filter((f) => f.conversationId === `a:personal-${bo.aadObjectId}`)).toHaveLength(1);
  });
});
