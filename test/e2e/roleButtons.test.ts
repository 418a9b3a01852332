// Each person sees the buttons their role allows (issue 15, docs/cards.md "Buttons by role"), over
// the real Teams protocol. In a channel Teams shows one card to every member, so the posted card has
// only what every member may do and "Åtgärder"; its answer is the presser's own view, returned as
// the invoke response (Teams shows it to the presser alone). In a chat, Teams refreshes the card per
// user (refresh.userIds) and each gets their own view. A direct press of a role's button is refused.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestReport } from '../../src/app/ingestReport.js';
import { cardText, cardVerbs, installAndConnect, report, startTestBot, type TestBot } from '../support/bot.js';
import { channel, personal } from '../support/teams.js';
import { validateCard } from '../support/validateCard.js';

const CHANNEL = '19:barn-mottagning@thread.tacv2';
const REPORT = report();

const buttonTitles = (card: unknown): string[] => {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.type === 'string' && o.type.startsWith('Action.') && typeof o.title === 'string') out.push(o.title);
      for (const [k, x] of Object.entries(o)) if (k !== 'refresh') walk(x);
    }
  };
  walk(card);
  return out;
};

describe('buttons by role', () => {
  let t: TestBot;
  beforeEach(async () => {
    t = await startTestBot({ now: () => new Date('2026-11-20T09:30:00+01:00') });
    await installAndConnect(t, t.who('karin'), 'barn-mottagning', CHANNEL);
    expect((await ingestReport(t.deps, REPORT)).status).toBe(201);
    await t.drained();
  });
  afterEach(async () => {
    await t.stop();
  });

  const postedCard = () =>
    t.connector
      .cards((c) => c.kind === 'post' && c.conversationId === CHANNEL)
      .filter((c) => cardVerbs(c.card).includes('case.take'))
      .at(-1)!.card;

  it("gives the channel only what every member may do, and each presser's own view under Åtgärder", async () => {
    const card = postedCard();
    expect(validateCard(card)).toEqual([]);
    const writesBefore = t.connector.cards((c) => c.conversationId === CHANNEL).length;
    // What a caseworker sees in the channel: no Tilldela, nothing she would be refused for.
    expect(buttonTitles(card)).not.toContain('Tilldela');
    expect(cardVerbs(card)).not.toContain('case.assign');
    expect(cardVerbs(card)).not.toContain('decision.forhand.open-form');
    expect(buttonTitles(card)).toEqual(expect.arrayContaining(['Ta ärendet', 'Åtgärder']));
    expect(cardVerbs(card)).toContain('decision.timeline.show');

    // Karin (team lead) presses Åtgärder: her answer has Tilldela and no "Ta ärendet".
    const lead = await t.invoke(t.who('karin'), 'case.actions', { caseId: REPORT.externalId }, channel(CHANNEL));
    expect(lead.status).toBe(200);
    expect(lead.body.type).toBe('application/vnd.microsoft.card.adaptive');
    const leadView = lead.body.value;
    expect(validateCard(leadView)).toEqual([]);
    expect(buttonTitles(leadView)).toContain('Tilldela');
    expect(cardVerbs(leadView)).toContain('case.assign');
    expect(cardVerbs(leadView)).not.toContain('case.take');
    expect(cardVerbs(leadView)).not.toContain('case.actions');
    expect(cardText(leadView)).toMatch(/Anna Berg – \d+\/\d+ ärenden/); // the assign list with load

    // Anna (caseworker) presses Åtgärder: her answer has Ta ärendet and no Tilldela.
    const worker = await t.invoke(t.who('anna'), 'case.actions', { caseId: REPORT.externalId }, channel(CHANNEL));
    expect(worker.status).toBe(200);
    const workerView = worker.body.value;
    expect(buttonTitles(workerView)).not.toContain('Tilldela');
    expect(cardVerbs(workerView)).not.toContain('case.assign');
    expect(cardVerbs(workerView)).toContain('case.take');
    // The answers went to the pressers only: nothing new was posted or updated in the channel.
    await t.drained();
    expect(t.connector.cards((c) => c.conversationId === CHANNEL).length).toBe(writesBefore);
    expect((await t.deps.store.getCase(REPORT.externalId))!.version).toBe(1);
  });

  it('still refuses a caseworker who presses assign directly, and changes nothing', async () => {
    const r = await t.invoke(
      t.who('anna'),
      'case.assign',
      { caseId: REPORT.externalId, version: 1, assignee: t.who('bo').aadObjectId },
      channel(CHANNEL),
    );
    expect(r.status).toBe(200);
    expect(cardText(r.body.value)).toMatch(/Som handläggare kan du inte göra det här/);
    expect((await t.deps.store.getCase(REPORT.externalId))!.assignees).toEqual([]);
  });

  it("refreshes a chat's card per user into that user's own view", async () => {
    const shown = await t.sendMessage(t.who('karin'), `ärende ${REPORT.externalId}`, personal);
    const card = shown.replies[0]!.card as { refresh?: { userIds?: string[]; action?: { verb?: string } } };
    expect(card.refresh?.action?.verb).toBe('case.refresh');
    expect(card.refresh?.userIds).toEqual(
      expect.arrayContaining([t.who('anna').aadObjectId, t.who('karin').aadObjectId]),
    );
    const asAnna = await t.invoke(t.who('anna'), 'case.refresh', { caseId: REPORT.externalId }, personal);
    expect(buttonTitles(asAnna.body.value)).not.toContain('Tilldela');
    expect(cardVerbs(asAnna.body.value)).toContain('case.take');
    const asKarin = await t.invoke(t.who('karin'), 'case.refresh', { caseId: REPORT.externalId }, personal);
    expect(buttonTitles(asKarin.body.value)).toContain('Tilldela');
  });

  it('answers Åtgärder from outside the group with a clear refusal', async () => {
    const r = await t.invoke(t.who('elin'), 'case.actions', { caseId: REPORT.externalId }, channel(CHANNEL));
    expect(cardText(r.body.value)).toMatch(/tillhör en grupp som du inte är med i/);
    const gone = await t.invoke(t.who('karin'), 'case.actions', { caseId: 'IFO-2026-999999' }, channel(CHANNEL));
    expect(cardText(gone.body.value)).toMatch(/Ärendet finns inte/);
  });
});
