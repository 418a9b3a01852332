// Two investigators on a case and one falls ill, over the Teams protocol: the co-investigator who
// remains is not the "new owner". The team lead decides per case from the checklist: a named
// replacement (who may then tick and write the status), or "fortsätter ensam" for the co-investigator.
// Until then the case counts as without a new owner and is escalated the next working morning; on
// return the case goes back beside the co-investigator.
import { afterEach, describe, expect, it } from 'vitest';
import { runHandoverMorning } from '../../src/app/handover.js';
import { cardText, installAndConnect, startTestBot, type TestBot } from '../support/bot.js';
import { actionData, openInvestigation, ownedCases, personalTexts } from '../support/cases.js';
import { channel, personal } from '../support/teams.js';
import { validateCard } from '../support/validateCard.js';

const CHANNEL = '19:barn-mottagning@thread.tacv2';
let t: TestBot | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

type Card = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
function latestList(bot: TestBot): Card {
  return bot.connector
    .cards()
    .filter((c) => c.conversationId === CHANNEL && !!c.card && cardText(c.card).includes('Överlämning: Anna Berg'))
    .at(-1)!.card!;
}

describe('a case with two investigators when one is ill', () => {
  it('needs a decision by the team lead; the named stand-in may tick and write status; hand-back keeps the co-investigator', async () => {
    let now = new Date('2026-11-23T09:30:00+01:00');
    t = await startTestBot({ now: () => now });
    const bot = t;
    await installAndConnect(bot, bot.who('karin'), 'barn-mottagning', CHANNEL);
    const [anna, bo, cecilia, karin, lars] = ['anna', 'bo', 'cecilia', 'karin', 'lars'].map((n) => bot.who(n));
    await bot.sendMessage(lars, 'hjälp', personal);
    const [a, b] = await ownedCases(bot, [anna, bo], 2, { firstDay: '2026-11-12' });
    await openInvestigation(bot, a, [anna, bo]);
    await openInvestigation(bot, b, [anna, bo]);
    const [solo] = await ownedCases(bot, [anna], 1, { firstDay: '2026-11-16', prefix: '0056' });

    await bot.sendMessage(karin, 'frånvaro @Anna Berg', channel(CHANNEL), { mentions: [anna] });
    await bot.drained();
    const list = latestList(bot);
    expect(validateCard(list)).toEqual([]);
    // Bo remaining on two cases does not make them handed over.
    expect(cardText(list)).toMatch(/0 av 3 ärenden överlämnade · 0 av 3 har ny handläggare/);
    expect(cardText(list)).toMatch(/Ingen ny handläggare · medutredare Bo Lindqvist kvar/);
    expect(cardText(list)).toMatch(/Bo Lindqvist \(\d+\/8\) – fortsätter ensam \(medutredare\)/);

    // Bo, only a co-investigator, may not tick the list for the team lead.
    const tickA = actionData(list, 'handover.tick', a);
    const refused = await bot.invoke(
      bo,
      'handover.tick',
      { ...tickA, [`deadlines${tickA.i}`]: 'true' },
      channel(CHANNEL),
    );
    expect(cardText(refused.body.value)).toMatch(/Bara den nya handläggaren eller en gruppledare kan bocka av/);

    // Karin names Cecilia in Anna's place on case a, and decides Bo carries case b alone.
    const ra = actionData(list, 'handover.reassign', a);
    const named = await bot.invoke(
      karin,
      'handover.reassign',
      { ...ra, [`owner${ra.i}`]: cecilia.aadObjectId },
      channel(CHANNEL),
    );
    expect(cardText(named.body.value)).toContain(`${a} har fått ny handläggare: Cecilia Ström`);
    const rb = actionData(named.body.value, 'handover.reassign', b);
    const alone = await bot.invoke(
      karin,
      'handover.reassign',
      { ...rb, [`owner${rb.i}`]: bo.aadObjectId },
      channel(CHANNEL),
    );
    expect(cardText(alone.body.value)).toContain(`${b} har fått ny handläggare: Bo Lindqvist`);
    expect((await bot.deps.store.getCase(a))!.assignees).toEqual([cecilia.aadObjectId, bo.aadObjectId]);
    expect((await bot.deps.store.getCase(b))!.assignees).toEqual([bo.aadObjectId]);
    await bot.drained();
    expect(
      personalTexts(bot, cecilia, cardText).some((x) => x.includes('Du har fått ett ärende') && x.includes(a)),
    ).toBe(true);

    // Cecilia, the named stand-in, ticks and writes the status of case a.
    const card = latestList(bot);
    const tick = actionData(card, 'handover.tick', a);
    const ticked = await bot.invoke(
      cecilia,
      'handover.tick',
      { ...tick, [`deadlines${tick.i}`]: 'true', [`meetings${tick.i}`]: 'true', [`family${tick.i}`]: 'true' },
      personal,
    );
    expect(cardText(ticked.body.value)).toContain(`${a}: checklistan är sparad.`);
    const st = actionData(card, 'handover.status', a);
    const status = await bot.invoke(
      cecilia,
      'handover.status',
      { ...st, [`status${st.i}`]: 'Hembesök bokat; skolan kontaktad.' },
      personal,
    );
    expect(cardText(status.body.value)).toContain(`${a}: statusen är sparad.`);
    expect(cardText(status.body.value)).toMatch(/1 av 3 ärenden överlämnade · 2 av 3 har ny handläggare/);

    // The next working morning only the case nobody decided about is escalated.
    now = new Date('2026-11-24T07:45:00+01:00');
    const { escalations } = await runHandoverMorning(bot.deps, now);
    const toLars = escalations.find((e) => e.recipientId === lars.aadObjectId)!;
    expect(toLars.kind).toBe('noOwner');
    expect(toLars.items.map((i) => i.caseId)).toEqual([solo]);

    // Anna is back: a goes back in Cecilia's place beside Bo, b goes back beside Bo.
    now = new Date('2026-11-30T08:15:00+01:00');
    await bot.sendMessage(karin, 'åter @Anna Berg', channel(CHANNEL), { mentions: [anna] });
    await bot.drained();
    const back = latestList(bot);
    for (const caseId of [a, b]) {
      const r = await bot.invoke(
        karin,
        'handover.handBack',
        actionData(back, 'handover.handBack', caseId),
        channel(CHANNEL),
      );
      expect(cardText(r.body.value)).toContain(`Tillbaka hos Anna Berg: ${caseId}`);
    }
    expect((await bot.deps.store.getCase(a))!.assignees).toEqual([anna.aadObjectId, bo.aadObjectId]);
    expect((await bot.deps.store.getCase(b))!.assignees).toEqual([anna.aadObjectId, bo.aadObjectId]);
  });
});
