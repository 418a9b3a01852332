// "Ny anmälan" over the real Teams protocol: the command answers with the form, the form's button
// registers the report through the intake use case and the group channel gets the case card; a
// personnummer is refused with the API's message and never sent back.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardText, cardVerbs, installAndConnect, startTestBot, type TestBot } from '../support/bot.js';
import { channel } from '../support/teams.js';
import { syntheticPersonnummer } from '../support/synthetic.js';
import { validateCard } from '../support/validateCard.js';

const CHANNEL = '19:barn-mottagning@thread.tacv2';

const form = (over: Record<string, string> = {}) => ({
  form: 'new-report',
  externalId: 'IFO-2026-004599',
  receivedDate: '2026-11-20',
  receivedTime: '08:40',
  groupId: 'barn-mottagning',
  childRef: 'B-2026-0599',
  reporterType: 'school',
  professional: 'ja',
  concerns: 'neglect',
  summary: 'Skolan oroar sig för frånvaro.',
  ...over,
});

describe('Ny anmälan in Teams', () => {
  let t: TestBot;
  beforeEach(async () => {
    t = await startTestBot({ now: () => new Date('2026-11-20T09:30:00+01:00') });
    await installAndConnect(t, t.who('karin'), 'barn-mottagning', CHANNEL);
  });
  afterEach(async () => {
    await t.stop();
  });

  it('answers "ny anmälan" with the form and registers the report from it; the channel gets the case card', async () => {
    const r = await t.sendMessage(t.who('anna'), 'ny anmälan', channel(CHANNEL));
    expect(r.status).toBe(200);
    const formCard = r.replies.map((c) => c.card).find((c) => cardVerbs(c).includes('report.create'));
    expect(formCard).toBeDefined();
    expect(validateCard(formCard)).toEqual([]);
    expect(cardText(formCard)).toMatch(/Ny anmälan/);

    const before = t.connector.calls.length;
    const done = await t.invoke(t.who('anna'), 'report.create', form(), channel(CHANNEL));
    expect(done.status).toBe(200);
    expect(cardText(done.body.value)).toMatch(/IFO-2026-004599 är registrerad/);
    expect(await t.deps.store.getCase('IFO-2026-004599')).toMatchObject({
      groupId: 'barn-mottagning',
      receivedAt: '2026-11-20T08:40:00+01:00',
    });
    await t.drained();
    const posted = t.connector
      .cards()
      .slice(0)
      .filter(
        (c) =>
          c.kind === 'post' &&
          c.conversationId.split(';')[0] === CHANNEL &&
          cardText(c.card).includes('IFO-2026-004599'),
      );
    expect(posted.length).toBeGreaterThanOrEqual(1);
    expect(t.connector.calls.length).toBeGreaterThan(before);
  });

  it('opens the form from a card button (report.form) with the channel’s group chosen', async () => {
    const r = await t.invoke(t.who('karin'), 'report.form', { groupId: 'barn-mottagning' }, channel(CHANNEL));
    expect(r.status).toBe(200);
    expect(cardVerbs(r.body.value)).toContain('report.create');
    expect(JSON.stringify(r.body.value)).toContain('"id":"groupId"');
  });

  it('refuses a personnummer with the same message as the API and never sends it back; nothing is stored', async () => {
    const number = syntheticPersonnummer('030303030');
    const r = await t.invoke(t.who('anna'), 'report.create', form({ summary: `Gäller ${number}.` }), channel(CHANNEL));
    expect(r.status).toBe(200);
    const text = cardText(r.body.value);
    expect(text).toMatch(
      /Texten innehåller något som liknar ett personnummer eller samordningsnummer. Ta bort det; ärenden identifieras med sin ärendereferens./,
    );
    expect(JSON.stringify(r.body)).not.toContain(number);
    expect(await t.deps.store.getCase('IFO-2026-004599')).toBeUndefined();
  });

  it('tells someone outside the organisation that they cannot register', async () => {
    const r = await t.invoke(
      { aadObjectId: '00000000-0000-4000-8000-999999999999', name: 'Okänd' },
      'report.create',
      form(),
      channel(CHANNEL),
    );
    expect(cardText(r.body.value)).toMatch(/finns inte i organisationsfilen/);
    expect(await t.deps.store.getCase('IFO-2026-004599')).toBeUndefined();
  });
});
