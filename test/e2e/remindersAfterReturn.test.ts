// Personal morning reminders and absence, over the Teams protocol with a fixed clock. The morning run
// leaves out a caseworker registered as absent; when `åter` comes after the run, that day's reminders
// must still reach the connector (they never did: nothing ran again until the next morning, and
// nothing was logged). A reminder left out and never sent is found the next morning, logged with ids
// only and written to the case's timeline.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { caseTimeline } from '../../src/app/timeline.js';
import { REMINDER_LEDGER, skipEntryId } from '../../src/jobs/reminderLedger.js';
import { log } from '../../src/log.js';
import { cardText, installAndConnect, startTestBot, type TestBot } from '../support/bot.js';
import { ownedCases, personalTexts } from '../support/cases.js';
import { channel, personal } from '../support/teams.js';

const CHANNEL = '19:barn-mottagning@thread.tacv2';
let t: TestBot | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await t?.stop();
  t = undefined;
});

/** Anna, with a förhandsbedömning due Tuesday 24 November, sick since Friday 20 November. */
async function annaSickOverTheWeekend() {
  let now = new Date('2026-11-20T09:30:00+01:00');
  t = await startTestBot({ now: () => now });
  const bot = t;
  await installAndConnect(bot, bot.who('karin'), 'barn-mottagning', CHANNEL);
  const anna = bot.who('anna');
  const [caseId] = await ownedCases(bot, [anna], 1, { firstDay: '2026-11-10' });
  await bot.sendMessage(bot.who('karin'), 'frånvaro @Anna Berg', channel(CHANNEL), { mentions: [anna] });
  await bot.drained();
  return { bot, anna, caseId, setNow: (iso: string) => (now = new Date(iso)) };
}

const reminders = (bot: TestBot, who: Parameters<typeof personalTexts>[1]) =>
  personalTexts(bot, who, cardText).filter((x) => /God morgon|Påminnelse:/.test(x));

describe('åter after the morning run', () => {
  it("sends that day's reminders at once, and only once", async () => {
    const { bot, anna, caseId, setNow } = await annaSickOverTheWeekend();
    setNow('2026-11-23T07:45:00+01:00'); // Monday's run: Anna is absent
    await bot.running.scheduler!.tick();
    await bot.drained();
    expect(reminders(bot, anna)).toEqual([]);
    expect(await bot.deps.store.getDoc(REMINDER_LEDGER, skipEntryId(anna.aadObjectId, '2026-11-23'))).toMatchObject({
      reason: 'absent',
      caseIds: [caseId],
    });

    setNow('2026-11-23T08:40:00+01:00');
    const back = await bot.sendMessage(anna, 'åter', personal);
    expect(cardText(back.replies.at(-1)!.card)).toMatch(/Anna Berg är åter/);
    await bot.connector.waitFor(() => reminders(bot, anna).length >= 2);
    await bot.running.scheduler!.tick(); // a later tick the same day adds nothing
    await bot.drained();
    const got = reminders(bot, anna);
    expect(got).toHaveLength(2);
    expect(got.join('\n')).toMatch(
      new RegExp(`God morgon Anna: dina frister[\\s\\S]*${caseId}\\*\\* · Förhandsbedömning tis 24 nov`),
    );
    expect(got.join('\n')).toMatch(/Påminnelse: en frist nästa arbetsdag/);
  });
});

describe('a reminder that was due and not sent', () => {
  it('is found the next morning: a warning with ids only, and a line on the case timeline, once', async () => {
    const { bot, anna, caseId, setNow } = await annaSickOverTheWeekend();
    setNow('2026-11-23T07:45:00+01:00');
    await bot.running.scheduler!.tick();
    // The absence ends after the run, and the catch-up does not happen (it failed, or the process
    // stopped first): Monday counts as a day Anna was at work, yet she heard nothing.
    bot.deps.onPresenceChanged = undefined;
    setNow('2026-11-23T08:40:00+01:00');
    expect(
      (await bot.sendMessage(bot.who('karin'), 'åter @Anna Berg', channel(CHANNEL), { mentions: [anna] })).status,
    ).toBe(200);
    const warn = vi.spyOn(log, 'warn');

    setNow('2026-11-24T07:45:00+01:00');
    await bot.running.scheduler!.tick();
    await bot.running.scheduler!.tick();
    const found = warn.mock.calls.filter((c) => String(c[1]).startsWith('reminder due and not sent'));
    expect(found).toHaveLength(1);
    expect(found[0][0]).toEqual({
      staffId: anna.aadObjectId,
      date: '2026-11-23',
      absenceId: expect.any(String),
      caseIds: [caseId],
    });
    const timeline = await caseTimeline(bot.deps, caseId);
    expect(timeline!.entries.map((e) => e.what).join('\n')).toMatch(
      /Påminnelsen till Anna Berg mån 23 nov skickades inte/,
    );
  });

  it('working days with no run at all are found the next time the schedules run, each once', async () => {
    const { bot, setNow } = await annaSickOverTheWeekend();
    setNow('2026-11-23T07:45:00+01:00');
    await bot.running.scheduler!.tick();
    const warn = vi.spyOn(log, 'warn');
    setNow('2026-11-26T07:45:00+01:00'); // nothing ran on Tuesday or Wednesday
    await bot.running.scheduler!.tick();
    await bot.running.scheduler!.tick();
    const found = warn.mock.calls.filter((c) => String(c[1]).startsWith('reminders due and not sent'));
    expect(found.map((c) => c[0])).toEqual([{ date: '2026-11-24' }, { date: '2026-11-25' }]);
  });
});
