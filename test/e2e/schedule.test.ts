// The schedules through the real server and the Teams protocol: a bot that was down over 07:45 posts
// the day's list once when it comes back at 09:10; the distribution meeting assigns from its card.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cardText, cardVerbs, installAndConnect, startTestBot, type TestBot } from '../support/bot.js';
import { channel } from '../support/teams.js';
import { validateCard } from '../support/validateCard.js';
import { forhandsCase, waitingCase } from '../jobs/listFixtures.js';

const CHANNEL = '19:barn-mottagning@thread.tacv2';
const dirs: string[] = [];
const bots: TestBot[] = [];
afterEach(async () => {
  for (const b of bots.splice(0)) await b.stop().catch(() => undefined);
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const morningLists = (t: TestBot) =>
  t.connector.cards((c) => c.kind !== 'update').filter((c) => c.card && cardText(c.card).startsWith('Morgonlista'));

describe('the morning list across a stop over 07:45', () => {
  it('is posted once when the bot comes back at 09:10, and not again on later ticks or restarts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arendevakt-sched-'));
    dirs.push(dir);
    const dataFile = join(dir, 'db.json');
    const clock = { now: new Date('2026-11-24T07:30:00+01:00') }; // Tuesday, a working day
    const first = await startTestBot({ dataFile, now: () => clock.now });
    bots.push(first);
    await installAndConnect(first, first.who('karin'), 'barn-mottagning', CHANNEL);
    const r = await first.registerReport({ externalId: 'IFO-2026-007001', receivedAt: '2026-11-20T10:00:00+01:00' });
    expect(r.ok).toBe(true);
    const anna = first.who('anna');
    // Anna's förhandsbedömning is due tomorrow (Wednesday): her summary and a reminder.
    expect(
      (
        await first.deps.store.commit({
          cases: [{ case: forhandsCase('IFO-2026-007002', '2026-11-11', anna.aadObjectId), expectedVersion: null }],
        })
      ).ok,
    ).toBe(true);
    await first.drained();
    expect(morningLists(first)).toHaveLength(0); // 07:30: not yet
    await first.running.stop(); // down over 07:45; the connector stays up

    clock.now = new Date('2026-11-24T09:10:00+01:00');
    const second = await startTestBot({ dataFile, now: () => clock.now });
    bots.push(second);
    await first.connector.waitFor(() => morningLists(first).length >= 1);
    await second.drained();
    await second.running.scheduler!.tick(); // the cron of a later minute, or a second look
    await second.drained();
    await second.running.stop();

    const third = await startTestBot({ dataFile, now: () => clock.now });
    bots.push(third);
    await third.running.scheduler!.tick();
    await third.drained();

    const lists = morningLists(first);
    expect(lists).toHaveLength(1);
    expect(lists[0].conversationId.split(';')[0]).toBe(CHANNEL);
    expect(validateCard(lists[0].card)).toEqual([]);
    const text = cardText(lists[0].card);
    expect(text).toContain('Morgonlista Mottagning barn och unga, tis 24 nov');
    // Once, under its worst problem, with its concerns, "Ej fördelad" and its wait on the same row.
    expect(text).toMatch(
      /IFO-2026-007001\*\* · Skyddsbedömning skulle vara klar fre 20 nov · försenad 4 dagar, 2 arbetsdagar\nBrister i omsorgen · Ej fördelad · även ofördelad 4 dagar, 2 arbetsdagar/,
    );
    expect(text.split('**IFO-2026-007001**')).toHaveLength(2);

    // The 1:1 chats were opened by the bot (nobody had written to it) and each message came once.
    // (Two messages to one person at once may each open the chat: Teams returns the same 1:1.)
    const personal = (who: { aadObjectId: string }) => {
      const created = first.connector.calls.filter(
        (c) => c.kind === 'createConversation' && c.body.members[0].id === `29:${who.aadObjectId}`,
      );
      expect(created.length).toBeGreaterThanOrEqual(1);
      const ids = new Set(created.map((c) => c.conversationId));
      return first.connector
        .cards((c) => ids.has(c.conversationId))
        .map((c) => cardText(c.card))
        .sort();
    };
    const toAnna = personal(anna);
    expect(toAnna).toHaveLength(2);
    expect(toAnna[0]).toMatch(
      /God morgon Anna: dina frister[\s\S]*IFO-2026-007002\*\* · Förhandsbedömning ons 25 nov \(om 1 arbetsdag\)/,
    );
    expect(toAnna[1]).toMatch(/Påminnelse: en frist nästa arbetsdag/);
    const toLars = personal(first.who('lars'));
    expect(toLars).toHaveLength(1);
    expect(toLars[0]).toMatch(/Eskalering[\s\S]*IFO-2026-007001/);
  });
});

describe('the distribution meeting', () => {
  it('shows the unassigned cases with an assign control each, and assigns through the one assign use case', async () => {
    const t = await startTestBot({ now: () => new Date('2026-11-24T08:30:00+01:00') });
    bots.push(t);
    const karin = t.who('karin');
    const anna = t.who('anna');
    await installAndConnect(t, karin, 'barn-mottagning', CHANNEL);
    await t.registerReport({ externalId: 'IFO-2026-007101', receivedAt: '2026-11-19T10:00:00+01:00' });
    await t.registerReport({
      externalId: 'IFO-2026-007102',
      childRef: 'B-2026-0413',
      receivedAt: '2026-11-24T08:00:00+01:00',
    });
    await t.drained();

    const refused = await t.sendMessage(anna, 'fördelning', channel(CHANNEL));
    expect(cardText(refused.replies.at(-1)!.card)).toContain('Fördelningen är för gruppledare');

    const { replies } = await t.sendMessage(karin, 'fördelning', channel(CHANNEL));
    const card = replies.at(-1)!.card!;
    expect(validateCard(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain('Fördelning Mottagning barn och unga');
    expect(text.indexOf('IFO-2026-007101')).toBeLessThan(text.indexOf('IFO-2026-007102')); // the oldest first
    expect(text).toContain('**Anna Berg** · 0 förhandsbedömningar · 0 utredningar · 0/8 ärenden');
    expect(cardVerbs(card).filter((v) => v === 'distribution.assign')).toHaveLength(2);

    const case1 = (await t.deps.store.getCase('IFO-2026-007101'))!;
    const res = await t.invoke(
      karin,
      'distribution.assign',
      {
        caseId: case1.id,
        version: case1.version,
        groupId: 'barn-mottagning',
        input: 'assignee0',
        assignee0: anna.aadObjectId,
        assignee1: anna.aadObjectId,
      },
      channel(CHANNEL),
    );
    expect(res.status).toBe(200);
    const after = res.body.value;
    expect(validateCard(after)).toEqual([]);
    expect(cardText(after)).toContain('IFO-2026-007101 har gått till Anna Berg.');
    expect(cardVerbs(after).filter((v) => v === 'distribution.assign')).toHaveLength(1);
    expect(cardText(after)).toMatch(
      /\*\*Anna Berg\*\* · 1 förhandsbedömning · 0 utredningar · 1\/8 ärenden\nIFO-[\d-]+: nästa frist/,
    );
    expect((await t.deps.store.getCase('IFO-2026-007101'))!.assignees).toEqual([anna.aadObjectId]);
    // Everyone in the channel sees the card change: the posted card is updated in place.
    await t.drained();
    const posted = replies.at(-1)!;
    const updates = t.connector.calls.filter((c) => c.kind === 'update' && c.activityId === posted.responseId);
    expect(updates).toHaveLength(1);
    const updated = updates[0].body.attachments[0].content;
    expect(validateCard(updated)).toEqual([]);
    expect(cardText(updated)).toContain('1 ofördelat ärende');
    expect(cardText(updated)).not.toContain('**IFO-2026-007101** ·'); // no longer among the unassigned
    expect(cardText(updated)).toMatch(/IFO-2026-007101: nästa frist [^\n]*\(Skyddsbedömning\)/); // Anna's next deadline

    // A stale press (the version on the card is old) changes nothing and says so.
    const stale = await t.invoke(
      karin,
      'distribution.assign',
      {
        caseId: case1.id,
        version: case1.version,
        groupId: 'barn-mottagning',
        input: 'assignee0',
        assignee0: t.who('bo').aadObjectId,
      },
      channel(CHANNEL),
    );
    expect(cardText(stale.body.value)).toMatch(/IFO-2026-007101: Ärendet har ändrats av Karin Ek/);
    expect((await t.deps.store.getCase('IFO-2026-007101'))!.assignees).toEqual([anna.aadObjectId]);
  });
});

describe('a long morning list', () => {
  it('shows the most urgent items under 40 KB and "Visa alla" opens the next page', async () => {
    const t = await startTestBot({ now: () => new Date('2026-11-24T08:00:00+01:00') });
    bots.push(t);
    const karin = t.who('karin');
    await installAndConnect(t, karin, 'barn-mottagning', CHANNEL);
    const cases = Array.from({ length: 600 }, (_, i) =>
      waitingCase(`IFO-2026-${String(9000 + i).padStart(6, '0')}`, `2026-11-${String(2 + (i % 20)).padStart(2, '0')}`),
    );
    expect((await t.deps.store.commit({ cases: cases.map((c) => ({ case: c, expectedVersion: null })) })).ok).toBe(
      true,
    );
    await t.running.scheduler!.tick();
    await t.drained();
    const [list] = morningLists(t);
    expect(validateCard(list.card)).toEqual([]);
    expect(cardText(list.card)).toContain('600 ofördelade ärenden');
    const action = (list.card!.actions as { verb: string; title: string; data: Record<string, unknown> }[])[0];
    expect(action.verb).toBe('morning.page');
    expect(action.title).toMatch(/^Visa alla \(\d+ till\)$/);
    const page = await t.invoke(karin, 'morning.page', action.data, channel(CHANNEL));
    expect(page.status).toBe(200);
    expect(validateCard(page.body.value)).toEqual([]);
    expect(cardText(page.body.value)).toMatch(new RegExp(`punkt ${Number(action.data.offset) + 1}–\\d+ av \\d+`));
  });
});
