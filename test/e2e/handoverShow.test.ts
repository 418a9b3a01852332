// The handover checklist over the Bot Framework protocol: someone with no open cases gets a short
// notice in the channel, never an empty checklist ("0 av 0 ärenden"), not on the next morning's
// redraw either; `överlämning @person` shows the running checklist again, and says so plainly when
// there is none.
import { afterEach, describe, expect, it } from 'vitest';
import { refreshRunningHandoverCards } from '../../src/app/handover.js';
import { cardText, installAndConnect, startTestBot, type TestBot } from '../support/bot.js';
import { channel, personal } from '../support/teams.js';
import { validateCard } from '../support/validateCard.js';

const CHANNEL = '19:barn-mottagning@thread.tacv2';
const NOW = new Date('2026-11-23T09:30:00+01:00'); // Monday
let t: TestBot | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

const checklists = (b: TestBot) => b.connector.to(CHANNEL).filter((c) => /^Överlämning/.test(cardText(c.card)));

describe('an absence without open cases', () => {
  it('posts a short notice instead of an empty checklist, and no checklist the next morning', async () => {
    const clock = { now: NOW };
    t = await startTestBot({ now: () => clock.now });
    await installAndConnect(t, t.who('karin'), 'barn-mottagning', CHANNEL);
    const bo = t.who('bo');
    const r = await t.sendMessage(t.who('karin'), 'frånvaro @Bo Lindqvist', personal, { mentions: [bo] });
    expect(cardText(r.replies.at(-1)!.card)).toContain('Bo Lindqvist har inga öppna ärenden att lämna över.');
    await t.drained();
    const posted = checklists(t);
    expect(posted).toHaveLength(1);
    expect(validateCard(posted[0].card)).toEqual([]);
    expect(cardText(posted[0].card)).toContain('Bo Lindqvist har inga öppna ärenden att lämna över.');
    expect(t.connector.cards().map((c) => cardText(c.card))).not.toContainEqual(expect.stringMatching(/0 av 0/));

    clock.now = new Date('2026-11-24T07:50:00+01:00');
    await refreshRunningHandoverCards(t.deps, clock.now);
    await t.sendMessage(t.who('karin'), 'åter @Bo Lindqvist', personal, { mentions: [bo] });
    await t.drained();
    expect(checklists(t)).toHaveLength(1);
    expect(t.connector.cards().map((c) => cardText(c.card))).not.toContainEqual(expect.stringMatching(/0 av 0/));
  });
});

describe('överlämning @person', () => {
  it('shows the running checklist again, and says so when there is none', async () => {
    t = await startTestBot({ now: () => NOW });
    const karin = t.who('karin');
    const anna = t.who('anna');
    await installAndConnect(t, karin, 'barn-mottagning', CHANNEL);
    const none = await t.sendMessage(karin, 'överlämning @Anna Berg', personal, { mentions: [anna] });
    expect(cardText(none.replies.at(-1)!.card)).toMatch(/Anna Berg har ingen pågående överlämning/);

    await t.registerReport({ externalId: 'IFO-2026-008001', receivedAt: '2026-11-20T10:00:00+01:00' });
    await t.invoke(anna, 'case.take', { caseId: 'IFO-2026-008001', version: 1 }, channel(CHANNEL));
    await t.sendMessage(karin, 'frånvaro @Anna Berg', channel(CHANNEL), { mentions: [anna] });
    await t.drained();

    const again = await t.sendMessage(karin, 'Överlämning @Anna Berg', channel(CHANNEL), { mentions: [anna] });
    const card = again.replies.at(-1)!.card!;
    expect(validateCard(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain('Överlämning: Anna Berg är frånvarande');
    expect(text).toContain('IFO-2026-008001');

    // A caseworker of another group may not see it; one of Anna's group may.
    const elin = t.who('elin');
    const refused = await t.sendMessage(elin, 'överlämning @Anna Berg', personal, { mentions: [anna] });
    expect(cardText(refused.replies.at(-1)!.card)).toMatch(/Det får du inte se/);
    const bo = await t.sendMessage(t.who('bo'), 'överlämning @Anna Berg', personal, { mentions: [anna] });
    expect(cardText(bo.replies.at(-1)!.card)).toContain('IFO-2026-008001');
  });
});
