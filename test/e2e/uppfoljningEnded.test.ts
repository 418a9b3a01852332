// An uppföljning recorded as ended, over the Teams protocol with a fixed clock: the closed case's card
// offers "Uppföljning avslutad"; the form records who, when and how it ended; the case then leaves the
// morning list, the unit manager's escalation and the owner's reminders, and the timeline says so.
// Bad input and a second press change nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { caseTimeline } from '../../src/app/timeline.js';
import { cardText, cardVerbs, installAndConnect, startTestBot, type TestBot } from '../support/bot.js';
import { openInvestigation, ownedCases } from '../support/cases.js';
import { channel } from '../support/teams.js';
import { validateCard } from '../support/validateCard.js';
import { syntheticPersonnummer } from '../support/synthetic.js';

const CHANNEL = '19:barn-mottagning@thread.tacv2';
let t: TestBot | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

const morningListsOn = (bot: TestBot, day: string) =>
  bot.connector
    .cards((c) => c.kind !== 'update')
    .filter((c) => c.card && cardText(c.card).startsWith('Morgonlista') && cardText(c.card).includes(day))
    .map((c) => cardText(c.card));

describe('an uppföljning that has passed its end date', () => {
  it('is recorded as ended from the case card, and leaves the morning list and the escalation', async () => {
    let now = new Date('2026-11-20T09:30:00+01:00');
    t = await startTestBot({ now: () => now });
    const bot = t;
    await installAndConnect(bot, bot.who('karin'), 'barn-mottagning', CHANNEL);
    const [anna, bo, karin] = ['anna', 'bo', 'karin'].map((n) => bot.who(n));
    const [id] = await ownedCases(bot, [anna], 1, { firstDay: '2026-11-16' });
    await openInvestigation(bot, id, [anna]);
    // Karin closes without insats, with an uppföljning until 15 December.
    const closed = await bot.invoke(
      karin,
      'decision.close.submit',
      {
        caseId: id,
        version: (await bot.deps.store.getCase(id))!.version,
        outcome: 'ingen_insats',
        uppfoljningUntil: '2026-12-15',
      },
      channel(CHANNEL),
    );
    expect(cardText(closed.body.value)).toMatch(/Uppföljning till 2026-12-15/);
    // Nobody asked for återkoppling: the uppföljning is all that is left open on the case.
    expect((await bot.deps.store.getCase(id))!.aterkoppling).toBeUndefined();

    // Thursday 17 December: the uppföljning is overdue in the morning list.
    now = new Date('2026-12-17T07:45:00+01:00');
    await bot.running.scheduler!.tick();
    await bot.drained();
    expect(morningListsOn(bot, 'tors 17 dec').join('\n')).toMatch(new RegExp(`${id}[\\s\\S]*uppföljning`, 'i'));
    // The unit manager's escalation carries it too.
    const escalated = () =>
      bot.connector
        .cards()
        .filter((c) => c.card && /Eskalering/.test(cardText(c.card)) && cardText(c.card).includes(id)).length;
    const escalatedBefore = escalated();
    expect(escalatedBefore).toBe(1);

    // Anna opens the case and records that the uppföljning has ended.
    now = new Date('2026-12-17T10:00:00+01:00');
    const shown = await bot.sendMessage(anna, `ärende ${id}`, channel(CHANNEL));
    const card = shown.replies.at(-1)!.card!;
    expect(cardVerbs(card)).toContain('decision.uppfoljning.open-form');
    const form = await bot.invoke(
      anna,
      'decision.uppfoljning.open-form',
      { caseId: id, version: (await bot.deps.store.getCase(id))!.version },
      channel(CHANNEL),
    );
    expect(validateCard(form.body.value)).toEqual([]);
    expect(cardText(form.body.value)).toMatch(/Uppföljningen skulle avslutas senast tis 15 dec/);
    const version = (await bot.deps.store.getCase(id))!.version;

    const empty = await bot.invoke(anna, 'decision.uppfoljning.submit', { caseId: id, version }, channel(CHANNEL));
    expect(cardText(empty.body.value)).toMatch(/Välj hur uppföljningen slutade/);
    expect((await bot.deps.store.getCase(id))!.version).toBe(version);

    // A personnummer in the comment is refused; nothing is stored and the number is not sent back.
    const pnr = syntheticPersonnummer('080315234');
    const secret = await bot.invoke(
      anna,
      'decision.uppfoljning.submit',
      { caseId: id, version, outcome: 'no_action', note: `Barnet ${pnr} mår bra.` },
      channel(CHANNEL),
    );
    expect(cardText(secret.body.value)).toMatch(/personnummer/);
    expect(JSON.stringify(secret.body.value)).not.toContain(pnr);
    expect((await bot.deps.store.getCase(id))!.version).toBe(version);
    expect((await bot.deps.store.getCase(id))!.uppfoljning!.doneAt).toBeUndefined();

    const ok = await bot.invoke(
      anna,
      'decision.uppfoljning.submit',
      { caseId: id, version, outcome: 'no_action', note: 'Förskolan ser ingen oro längre.' },
      channel(CHANNEL),
    );
    expect(validateCard(ok.body.value)).toEqual([]);
    expect(cardText(ok.body.value)).toMatch(/Uppföljningen är registrerad som avslutad \(utan vidare åtgärd\)/);
    expect(cardVerbs(ok.body.value)).not.toContain('decision.uppfoljning.open-form');
    const u = (await bot.deps.store.getCase(id))!.uppfoljning!;
    expect(u).toMatchObject({ due: '2026-12-15', by: anna.aadObjectId, outcome: 'no_action' });
    expect(u.doneAt).toBe(now.toISOString());

    // A second press on the old card changes nothing; Bo's press on the current one is refused as done.
    const again = await bot.invoke(
      bo,
      'decision.uppfoljning.submit',
      { caseId: id, version: (await bot.deps.store.getCase(id))!.version, outcome: 'insats' },
      channel(CHANNEL),
    );
    expect(cardText(again.body.value)).toMatch(/redan registrerad som avslutad/);
    expect((await bot.deps.store.getCase(id))!.uppfoljning!.outcome).toBe('no_action');

    // Friday's list and escalation no longer carry it; the timeline says who ended it and how.
    now = new Date('2026-12-18T07:45:00+01:00');
    await bot.running.scheduler!.tick();
    await bot.drained();
    const friday = morningListsOn(bot, 'fre 18 dec').join('\n');
    expect(friday).toMatch(/Morgonlista/);
    expect(friday).not.toContain(id);
    expect(escalated()).toBe(escalatedBefore);
    const timeline = await caseTimeline(bot.deps, id);
    const last = timeline!.entries.at(-1)!;
    expect(last).toMatchObject({ who: 'Anna Berg', event: 'UppfoljningCompleted' });
    expect(last.what).toMatch(/Uppföljningen avslutad \(utan vidare åtgärd\); slutdatum var tis 15 dec/);
  });
});
