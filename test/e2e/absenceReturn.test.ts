// `åter @person` over the Teams protocol when the absence was registered with an end date: after the
// last day has passed (the person is back on Monday from leave "till" Friday), and when a planned
// leave is also registered for later (åter must end the leave the person is back from, never the
// coming one).
import { afterEach, describe, expect, it } from 'vitest';
import { ABSENCES } from '../../src/app/context.js';
import { allHandovers, runHandoverMorning } from '../../src/app/handover.js';
import { isActive } from '../../src/domain/handover.js';
import type { Absence } from '../../src/domain/schemas.js';
import { cardText, installAndConnect, startTestBot, type TestBot } from '../support/bot.js';
import { ownedCases } from '../support/cases.js';
import { channel, personal } from '../support/teams.js';

const CHANNEL = '19:barn-mottagning@thread.tacv2';
let t: TestBot | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

async function start(iso: string) {
  let now = new Date(iso);
  t = await startTestBot({ now: () => now });
  await installAndConnect(t, t.who('karin'), 'barn-mottagning', CHANNEL);
  return { bot: t, setNow: (x: string) => (now = new Date(x)) };
}

const absencesOf = async (b: TestBot, staffId: string) =>
  (await b.deps.store.listDocs<Absence>(ABSENCES)).filter((a) => a.staffId === staffId);
const lastReply = (r: Awaited<ReturnType<TestBot['sendMessage']>>) => cardText(r.replies.at(-1)!.card);

describe('åter after an absence with an end date', () => {
  it('is accepted after the last day has passed: the checklist becomes the hand-back list and stops escalating', async () => {
    const { bot, setNow } = await start('2026-11-23T09:30:00+01:00'); // Monday
    const anna = bot.who('anna');
    const karin = bot.who('karin');
    const ids = await ownedCases(bot, [anna], 2);
    const reg = await bot.sendMessage(karin, 'frånvaro @Anna Berg till 2026-11-25', channel(CHANNEL), {
      mentions: [anna],
    });
    expect(lastReply(reg)).toMatch(/Frånvaro registrerad: Anna Berg från mån 23 nov till ons 25 nov/);
    await bot.drained();

    // Thursday, the first day back: Karin writes åter in the channel.
    setNow('2026-11-26T08:30:00+01:00');
    const back = await bot.sendMessage(karin, 'åter @Anna Berg', channel(CHANNEL), { mentions: [anna] });
    expect(back.status).toBe(200);
    const text = lastReply(back);
    expect(text).not.toMatch(/har ingen registrerad frånvaro/);
    expect(text).toMatch(/Anna Berg är åter/);
    const [abs] = await absencesOf(bot, anna.aadObjectId);
    expect(abs.endedAt).toBe(new Date('2026-11-26T08:30:00+01:00').toISOString());
    const [h] = await allHandovers(bot.deps);
    expect(h.returnedAt).toBeDefined();
    expect(isActive(h)).toBe(false);
    // Nothing about Anna's cases is escalated any more.
    setNow('2026-11-27T07:45:00+01:00');
    expect((await runHandoverMorning(bot.deps, bot.deps.now())).escalations).toEqual([]);
    expect(ids).toHaveLength(2);
  });

  it('ends the leave the person is back from, not a planned leave registered for later', async () => {
    const { bot, setNow } = await start('2026-11-16T09:30:00+01:00');
    const anna = bot.who('anna');
    const karin = bot.who('karin');
    await ownedCases(bot, [anna], 1, { firstDay: '2026-11-12' });
    // The Christmas leave was planned first; then Anna falls ill "till Wednesday".
    await bot.sendMessage(karin, 'frånvaro @Anna Berg semester från 2026-12-21 till 2026-12-30', channel(CHANNEL), {
      mentions: [anna],
    });
    setNow('2026-11-23T09:30:00+01:00');
    await bot.sendMessage(karin, 'frånvaro @Anna Berg till 2026-11-25', channel(CHANNEL), { mentions: [anna] });
    await bot.drained();

    // Tuesday: Anna is well again a day early and says so in her 1:1.
    setNow('2026-11-24T08:15:00+01:00');
    const back = await bot.sendMessage(anna, 'åter', personal);
    expect(lastReply(back)).toMatch(/Anna Berg är åter/);
    // By first day (the kind is stored only when given: docs/privacy.md): the illness and the Christmas leave.
    const byStart = Object.fromEntries((await absencesOf(bot, anna.aadObjectId)).map((a) => [a.from, a]));
    const sick = byStart['2026-11-23'];
    const planned = byStart['2026-12-21'];
    expect(sick.endedAt).toBeDefined();
    expect(planned.endedAt).toBeUndefined(); // the Christmas leave still stands
    const handovers = await allHandovers(bot.deps);
    expect(handovers.find((h) => h.absenceId === sick.id)!.returnedAt).toBeDefined();
    expect(handovers.find((h) => h.absenceId === planned.id)!.returnedAt).toBeUndefined();
  });

  it('still refuses åter for someone with no absence at all, in Swedish', async () => {
    const { bot } = await start('2026-11-23T09:30:00+01:00');
    const r = await bot.sendMessage(bot.who('karin'), 'åter @Bo Lindqvist', channel(CHANNEL), {
      mentions: [bot.who('bo')],
    });
    expect(lastReply(r)).toMatch(/Bo Lindqvist har ingen registrerad frånvaro/);
  });
});
