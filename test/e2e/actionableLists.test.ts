// The morning list and the escalation over the Teams protocol: each case once, one press opens it,
// a second assigns it, and the new owner is told in their 1:1 chat. Two presses at once: one wins,
// the other sees who changed the case and the list as it is now.
import { afterEach, describe, expect, it } from 'vitest';
import type { Staff } from '../../src/domain/schemas.js';
import { cardText, installAndConnect, startTestBot, type TestBot } from '../support/bot.js';
import { personalTexts } from '../support/cases.js';
import { actionFor, cardActions } from '../support/cardActions.js';
import { channel, personal } from '../support/teams.js';
import { validateCard } from '../support/validateCard.js';

const CHANNEL = '19:barn-mottagning@thread.tacv2';
let t: TestBot | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

const morningLists = (bot: TestBot) =>
  bot.connector.cards((c) => c.kind !== 'update').filter((c) => c.card && cardText(c.card).startsWith('Morgonlista'));
const told = (bot: TestBot, who: Staff, caseId: string) =>
  personalTexts(bot, who, cardText).filter((x) => x.includes('Du har fått ett ärende') && x.includes(caseId));

async function botWithList() {
  // Tuesday 24 Nov 2026, 07:50: the morning list is due.
  const bot = await startTestBot({ now: () => new Date('2026-11-24T07:50:00+01:00') });
  await installAndConnect(bot, bot.who('karin'), 'barn-mottagning', CHANNEL);
  // Received Friday 13 Nov: its skyddsbedömning is overdue and it is unassigned (both, one row).
  expect(
    (await bot.registerReport({ externalId: 'IFO-2026-007301', receivedAt: '2026-11-13T10:00:00+01:00' })).ok,
  ).toBe(true);
  expect(
    (
      await bot.registerReport({
        externalId: 'IFO-2026-007302',
        childRef: 'B-2026-0777',
        receivedAt: '2026-11-23T10:00:00+01:00',
      })
    ).ok,
  ).toBe(true);
  await bot.drained();
  await bot.running.scheduler!.tick();
  await bot.drained();
  const [list] = morningLists(bot);
  expect(list).toBeDefined();
  return { bot, card: list.card! };
}

describe('the morning list you can act on', () => {
  it('shows each case once with its owner, and a row is opened and assigned in two presses; the new owner is told', async () => {
    const { bot, card } = await botWithList();
    t = bot;
    const [karin, anna] = [bot.who('karin'), bot.who('anna')];
    expect(validateCard(card)).toEqual([]);
    const text = cardText(card);
    expect(text.split('**IFO-2026-007301**')).toHaveLength(2); // once, though overdue and unassigned
    expect(text).toMatch(
      /\*\*IFO-2026-007301\*\* · Skyddsbedömning skulle vara klar fre 13 nov · försenad 11 dagar, 7 arbetsdagar/,
    );
    expect(text).toContain('Brister i omsorgen · Ej fördelad · även ofördelad 11 dagar, 7 arbetsdagar');
    expect(text).toMatch(/\*\*IFO-2026-007302\*\* · [^\n]*\nBrister i omsorgen · Ej fördelad · även ofördelad 1 dag/);

    // Someone of another group who presses it is refused and sees nothing of the case.
    const other = await bot.invoke(bot.who('hanna'), 'case.show', { caseId: 'IFO-2026-007301' }, channel(CHANNEL));
    expect(cardText(other.body.value)).toBe('Det gick inte\nÄrendet tillhör en grupp som du inte är med i.');

    // Press 1: the row's Öppna opens the case card.
    const open = actionFor(card, 'case.show', 'IFO-2026-007301')!;
    expect(open.title).toMatch(/Öppna/);
    const opened = await bot.invoke(karin, open.verb, open.data, channel(CHANNEL));
    expect(opened.status).toBe(200);
    const caseCard = opened.body.value;
    expect(validateCard(caseCard)).toEqual([]);
    expect(cardText(caseCard)).toContain('IFO-2026-007301');
    // Press 2: Tilldela with a caseworker.
    const assign = actionFor(caseCard, 'case.assign', 'IFO-2026-007301')!;
    const assigned = await bot.invoke(
      karin,
      assign.verb,
      { ...assign.data, assignee: anna.aadObjectId },
      channel(CHANNEL),
    );
    expect(cardText(assigned.body.value)).toContain('Anna Berg har fått ärendet.');
    expect((await bot.deps.store.getCase('IFO-2026-007301'))!.assignees).toEqual([anna.aadObjectId]);
    await bot.connector.waitFor(() => told(bot, anna, 'IFO-2026-007301').length > 0);
    await bot.drained();
    expect(told(bot, anna, 'IFO-2026-007301')).toHaveLength(1);
    // The 1:1 card can be acted on: open the case, and (a skyddsbedömning case: no contact form yet)
    // "Påminn mig i morgon" is refused for a late deadline, so not offered.
    const dm = bot.connector
      .cards()
      .map((c) => c.card)
      .find((c) => !!c && cardText(c).includes('Du har fått ett ärende') && cardText(c).includes('IFO-2026-007301'))!;
    expect(validateCard(dm)).toEqual([]);
    expect(actionFor(dm, 'case.show', 'IFO-2026-007301')).toBeDefined();
    expect(actionFor(dm, 'reminder.snooze', 'IFO-2026-007301')).toBeUndefined();
    expect(cardText(dm)).toContain('Du har nu 1 öppet ärende.');
  });

  it("assigns from the row's Tilldela (caseworkers by load); of two presses at once one wins and the other sees the list as it is now", async () => {
    const { bot, card } = await botWithList();
    t = bot;
    const [karin, anna, bo] = [bot.who('karin'), bot.who('anna'), bot.who('bo')];
    const tilldela = actionFor(card, 'list.assign', 'IFO-2026-007302')!;
    expect(tilldela.title).toBe('Tilldela');
    expect(cardText(card)).toContain('Anna Berg – 0/8 ärenden');
    const press = (who: Staff) =>
      bot.invoke(
        karin,
        tilldela.verb,
        { ...tilldela.data, [String(tilldela.data.input)]: who.aadObjectId },
        channel(CHANNEL),
      );
    const [a, b] = await Promise.all([press(anna), press(bo)]);
    const answers = [a, b].map((r) => cardText(r.body.value));
    for (const r of [a, b]) expect(validateCard(r.body.value)).toEqual([]);
    const won = answers.filter((x) => /IFO-2026-007302: (Anna Berg|Bo Lindqvist) har fått ärendet\./.test(x));
    const lost = answers.filter((x) => /IFO-2026-007302: ärendet ändrades av Karin Ek .*; inget har ändrats/.test(x));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const owner = (await bot.deps.store.getCase('IFO-2026-007302'))!.assignees;
    expect(owner).toHaveLength(1);
    // Both answers are the list again: the row shows its owner and no longer offers Ta/Tilldela.
    for (const x of answers) expect(x).toContain('Morgonlista Mottagning barn och unga');
    const after = a.body.value;
    expect(actionFor(after, 'list.assign', 'IFO-2026-007302')).toBeUndefined();
    expect(actionFor(after, 'case.show', 'IFO-2026-007302')).toBeDefined();
    const who = owner[0] === anna.aadObjectId ? anna : bo;
    await bot.connector.waitFor(() => told(bot, who, 'IFO-2026-007302').length > 0);
    await bot.drained();
    expect(told(bot, who, 'IFO-2026-007302')).toHaveLength(1);
    expect(told(bot, who === anna ? bo : anna, 'IFO-2026-007302')).toHaveLength(0);
  });

  it('says the wait in calendar and working days in `ofördelade` too', async () => {
    const { bot } = await botWithList();
    t = bot;
    const r = await bot.sendMessage(bot.who('karin'), 'ofördelade', channel(CHANNEL));
    const text = cardText(r.replies.at(-1)!.card);
    expect(text).toContain('ofördelad 11 dagar, 7 arbetsdagar');
    expect(text).toContain('ofördelad 1 dag');
  });

  it('refuses Ta to a team lead with a clear answer and changes nothing', async () => {
    const { bot, card } = await botWithList();
    t = bot;
    const take = actionFor(card, 'list.take', 'IFO-2026-007302')!;
    const r = await bot.invoke(bot.who('karin'), take.verb, take.data, channel(CHANNEL));
    expect(cardText(r.body.value)).toMatch(/IFO-2026-007302: .+ Inget har ändrats\./);
    expect((await bot.deps.store.getCase('IFO-2026-007302'))!.assignees).toEqual([]);
    const anna = bot.who('anna');
    const taken = await bot.invoke(anna, take.verb, take.data, channel(CHANNEL));
    expect(cardText(taken.body.value)).toContain('IFO-2026-007302: Anna Berg har fått ärendet.');
  });
});

describe('the escalation to the enhetschef', () => {
  it('lets her open and assign each case from her 1:1 chat', async () => {
    const { bot } = await botWithList();
    t = bot;
    const [lars, bo] = [bot.who('lars'), bot.who('bo')];
    const escalation = personalTexts(bot, lars, (c) => JSON.stringify(c)).find((x) => x.includes('Eskalering'));
    expect(escalation).toBeDefined();
    const card = JSON.parse(escalation!);
    expect(validateCard(card)).toEqual([]);
    expect(cardText(card)).not.toContain('skriv ofördelade');
    const open = actionFor(card, 'case.show', 'IFO-2026-007301')!;
    const opened = await bot.invoke(lars, open.verb, open.data, personal);
    expect(cardText(opened.body.value)).toContain('IFO-2026-007301');
    const tilldela = actionFor(card, 'list.assign', 'IFO-2026-007301')!;
    const r = await bot.invoke(
      lars,
      tilldela.verb,
      { ...tilldela.data, [String(tilldela.data.input)]: bo.aadObjectId },
      personal,
    );
    expect(validateCard(r.body.value)).toEqual([]);
    expect(cardText(r.body.value)).toContain('IFO-2026-007301: Bo Lindqvist har fått ärendet.');
    expect((await bot.deps.store.getCase('IFO-2026-007301'))!.assignees).toEqual([bo.aadObjectId]);
    expect(cardActions(r.body.value).some((a) => a.verb === 'list.assign' && a.data.caseId === 'IFO-2026-007301')).toBe(
      false,
    );
  });
});
