// Nothing is dropped silently, over the Bot Framework protocol: a violence report whose VINR group has
// no channel yet reaches the VINR team lead and the management channel as a failure card, /healthz
// says degraded, `leveranser` lists it with a retry button, and after `koppla vinr` the notice
// arrives in the new channel exactly once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestReport } from '../../src/app/ingestReport.js';
import { cardText, cardVerbs, installAndConnect, report, startTestBot, teams, type TestBot } from '../support/bot.js';
import { validateCard } from '../support/validateCard.js';

const MOTTAGNING = '19:barn-mottagning@thread.tacv2';
const LEDNING = '19:ledning@thread.tacv2';
const VINR = '19:vinr@thread.tacv2';
const VIOLENCE = report({ externalId: 'IFO-2026-004520', childRef: 'B-2026-0520', concerns: ['violence'] });

async function health(t: TestBot) {
  const r = await fetch(`${t.url}/healthz`);
  expect(r.status).toBe(200);
  return (await r.json()) as { status: string; problems: { code: string; count: number }[] };
}

describe('a card that cannot be delivered', () => {
  let t: TestBot;
  beforeEach(async () => {
    t = await startTestBot({ now: () => new Date('2026-11-20T09:30:00+01:00') });
    await installAndConnect(t, t.who('karin'), 'barn-mottagning', MOTTAGNING);
    const k = await t.sendMessage(t.who('lars'), 'koppla ledning', teams.channel(LEDNING));
    expect(cardText(k.replies[0].card)).toMatch(/Kanalen är kopplad till ledningen/);
  });
  afterEach(async () => {
    await t.stop();
  });

  it('reaches the VINR team lead and the management channel, shows in leveranser and /healthz, and arrives once after koppla vinr', async () => {
    const karin = t.who('karin');
    expect((await ingestReport(t.deps, VIOLENCE)).status).toBe(201);
    await t.drained();
    const failure = (c: { card?: unknown }) =>
      /VINR-underrättelsen för IFO-2026-004520 kunde inte/.test(cardText(c.card));
    const toKarin = t.connector.cards().filter((c) => failure(c) && !c.conversationId.startsWith('19:'));
    expect(toKarin).toHaveLength(1);
    const text = cardText(toKarin[0].card);
    expect(text).toContain(
      'VINR-underrättelsen för IFO-2026-004520 kunde inte levereras: gruppen Våld i nära relationer har ingen kopplad kanal.',
    );
    // In bold: Adaptive Cards have no inline code, so backticks would show as they are.
    expect(text).toContain('**koppla vinr**');
    expect(text).toContain('Våld'); // the concern, so the team lead can act on it now
    expect(text).not.toContain('B-2026-0520');
    expect(validateCard(toKarin[0].card)).toEqual([]);
    expect(cardVerbs(toKarin[0].card)).toEqual(['case.show', 'delivery.retry', 'deliveries.show']);
    expect(t.connector.to(LEDNING).filter(failure)).toHaveLength(1);

    const h = await health(t);
    expect(h.status).toBe('degraded');
    expect(h.problems).toContainEqual({ code: 'undeliverable', count: 1 });
    expect(JSON.stringify(h)).not.toContain('IFO-2026');

    const list = await t.sendMessage(karin, 'leveranser', teams.personal);
    const listText = cardText(list.replies[0].card);
    expect(listText).toMatch(/IFO-2026-004520 · \*\*VINR-underrättelsen\*\*/);
    expect(listText).toMatch(/Kunde inte levereras: ingen kopplad kanal/);
    expect(cardVerbs(list.replies[0].card)).toContain('delivery.retry');
    const caseworker = await t.sendMessage(t.who('anna'), 'leveranser', teams.personal);
    expect(cardText(caseworker.replies[0].card)).toMatch(/Bara gruppledare och enhetschefer/);

    await t.sendMessage(karin, 'koppla vinr', teams.channel(VINR));
    await t.drained();
    const notices = t.connector.to(VINR).filter((c) => /För kännedom: ny anmälan/.test(cardText(c.card)));
    expect(notices).toHaveLength(1);
    expect(cardText(notices[0].card)).toContain('IFO-2026-004520');
    expect((await health(t)).problems.find((p) => p.code === 'undeliverable')).toBeUndefined();
    const after = await t.sendMessage(karin, 'leveranser', teams.personal);
    expect(cardText(after.replies[0].card)).toMatch(/Allt som Ärendevakt skulle skicka har kommit fram/);
  });

  it('retries from the failure card: sent once the reason is gone', async () => {
    const karin = t.who('karin');
    const bo = t.who('bo');
    await t.sendMessage(bo, 'hjälp', teams.personal);
    // Bo's 1:1 answers 403 blocked once: the card he should have had is reported to Karin.
    t.connector.failNext(1, 403, {
      code: 'ConversationBlockedByUser',
      when: (r) => r.conversationId === `a:personal-${bo.aadObjectId}`,
    });
    expect((await ingestReport(t.deps, report())).status).toBe(201);
    await t.drained();
    await t.invoke(karin, 'case.assign', { caseId: 'IFO-2026-004512', version: 1, assignee: bo.aadObjectId });
    await t.drained();
    const reported = t.connector.cards().filter((c) => /når inte Bo Lindqvist/.test(cardText(c.card)));
    expect(reported.length).toBeGreaterThanOrEqual(1);
    const failedId = JSON.stringify(reported[0].card).match(/"id":"([^"]+)"/)?.[1];
    expect(failedId).toBeTruthy();
    // Bo opens the chat again; Karin presses Försök igen on the failure card.
    await t.sendMessage(bo, 'hjälp', teams.personal);
    const r = await t.invoke(karin, 'delivery.retry', { id: failedId }, teams.personal);
    expect(cardText(r.body.value)).toMatch(/skickas igen till Bo Lindqvist/);
    await t.drained();
    const toBo = t.connector.to(`a:personal-${bo.aadObjectId}`).filter((c) => /IFO-2026-004512/.test(cardText(c.card)));
    expect(toBo).toHaveLength(1);
    const again = await t.invoke(karin, 'delivery.retry', { id: failedId }, teams.personal);
    expect(cardText(again.body.value)).toMatch(/redan levererat/);
    const anna = await t.invoke(t.who('anna'), 'delivery.retry', { id: failedId }, teams.personal);
    expect(cardText(anna.body.value)).toMatch(/Bara gruppledare och enhetschefer/);
  });
});
