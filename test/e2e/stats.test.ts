// The statistics through the real server and the Teams protocol: the unit manager's monthly card on the
// first working day of the month (fixed clock), once across ticks and restarts; `statistik` in a
// channel answers with the group's figures; bad input and other people's groups get a Swedish answer.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLAIMS } from '../../src/jobs/claims.js';
import { openLowdbStore } from '../../src/store/lowdbStore.js';
import { cardText, installAndConnect, startTestBot, type TestBot } from '../support/bot.js';
import { channel } from '../support/teams.js';
import { validateCard } from '../support/validateCard.js';
import { NOVEMBER } from '../stats/monthFixture.js';

const CHANNEL = '19:barn-mottagning@thread.tacv2';
const dirs: string[] = [];
const bots: TestBot[] = [];
afterEach(async () => {
  for (const b of bots.splice(0)) await b.stop().catch(() => undefined);
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A data file that already holds the hand-made November (so the start-up tick sees it). */
async function seeded(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'arendevakt-stats-'));
  dirs.push(dir);
  const dataFile = join(dir, 'db.json');
  const store = await openLowdbStore(dataFile);
  const r = await store.commit({ cases: NOVEMBER.map((c) => ({ case: c, expectedVersion: null })) });
  expect(r.ok).toBe(true);
  await store.close();
  return dataFile;
}

const statsCardsTo = (t: TestBot, who: { aadObjectId: string }) => {
  const ids = new Set(
    t.connector.calls
      .filter((c) => c.kind === 'createConversation' && c.body.members[0].id === `29:${who.aadObjectId}`)
      .map((c) => c.conversationId),
  );
  return t.connector
    .cards((c) => ids.has(c.conversationId) && c.kind !== 'update')
    .filter((c) => c.card && cardText(c.card).startsWith('Statistik'));
};

describe('the monthly card to the unit manager', () => {
  it('comes on the first working day of the month, once, with the previous month for the whole unit', async () => {
    const dataFile = await seeded();
    const clock = { now: new Date('2026-12-01T07:30:00+01:00') }; // Tuesday 1 December, before 07:45
    const first = await startTestBot({ dataFile, now: () => clock.now });
    bots.push(first);
    await installAndConnect(first, first.who('karin'), 'barn-mottagning', CHANNEL);
    await first.running.scheduler!.tick();
    await first.drained();
    expect(statsCardsTo(first, first.who('lars'))).toHaveLength(0); // not before the morning time
    clock.now = new Date('2026-12-01T07:50:00+01:00');
    await first.running.scheduler!.tick();
    await first.drained();
    const lars = first.who('lars');
    await first.connector.waitFor(() => statsCardsTo(first, lars).length >= 1);
    await first.running.stop();

    // A restart the same day and a tick the next day: nothing more.
    const second = await startTestBot({ dataFile, now: () => clock.now });
    bots.push(second);
    await second.running.scheduler!.tick();
    clock.now = new Date('2026-12-02T08:00:00+01:00');
    await second.running.scheduler!.tick();
    await second.drained();

    const cards = [...statsCardsTo(first, lars), ...statsCardsTo(second, lars)];
    expect(cards).toHaveLength(1);
    expect(validateCard(cards[0].card)).toEqual([]);
    const text = cardText(cards[0].card);
    expect(text).toContain('Statistik november 2026 · Hela enheten');
    expect(text).toContain('Förhandsbedömning inom 14 dagar');
    expect(text).toContain('3 av 6 i tid (50\u00a0%)');
    expect(text).toContain('Skyddsbedömning samma dag');
    expect(text).toContain('4 av 5 i tid (80\u00a0%)');
    // The cases behind the late figures, one press away (Action.ShowCard), pseudonymous only.
    expect(text).toContain('Visa försenade (3)');
    expect(text).toContain('T-B, T-C, T-D');
    expect(text).toContain('Mottagning barn och unga');
    expect(JSON.stringify(cards[0].card)).not.toMatch(/B-[A-Z]\b|motivation|Polisförhör/);
    // Nobody else got it.
    expect(statsCardsTo(first, first.who('karin'))).toHaveLength(0);
  });

  it('is not sent on a day that is not the month’s first working day', async () => {
    const dataFile = await seeded();
    const t = await startTestBot({ dataFile, now: () => new Date('2026-11-24T08:00:00+01:00') });
    bots.push(t);
    await installAndConnect(t, t.who('karin'), 'barn-mottagning', CHANNEL);
    await t.running.scheduler!.tick();
    await t.drained();
    expect(statsCardsTo(t, t.who('lars'))).toHaveLength(0);
    const claims = (await t.deps.store.listDocs<{ id: string }>(CLAIMS)).map((c) => c.id);
    expect(claims.some((id) => id.startsWith('morning:'))).toBe(true); // the morning ran
    expect(claims.some((id) => id.startsWith('stats:'))).toBe(false);
  });
});

describe('`statistik` on demand', () => {
  it('answers in the channel with the group’s figures and the chart with its table fallback', async () => {
    const dataFile = await seeded();
    const t = await startTestBot({ dataFile, now: () => new Date('2026-12-10T09:00:00+01:00') });
    bots.push(t);
    const karin = t.who('karin');
    await installAndConnect(t, karin, 'barn-mottagning', CHANNEL);
    const { replies } = await t.sendMessage(karin, 'statistik 2026-11', channel(CHANNEL));
    const card = replies.at(-1)!.card!;
    expect(validateCard(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain('Statistik november 2026 · Mottagning barn och unga');
    expect(text).toContain('3 av 4 i tid (75\u00a0%)'); // skyddsbedömning in the intake group
    expect(text).toContain('median 1,5, 90:e percentilen 20, max 20');
    const chart = (card.body as { type: string }[]).find((e) => e.type === 'Chart.Line') as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(chart.data.map((s: { legend: string }) => s.legend)).toEqual([
      'Skyddsbedömning samma dag',
      'Förhandsbedömning inom 14 dagar',
      'Utredning klar inom 4 månader',
    ]);
    expect(chart.data[0].values.at(-1)).toEqual({ x: 'nov 26', y: 75 });
    expect(chart.fallback.items[1].type).toBe('Table');
    expect(chart.fallback.items[1].rows).toHaveLength(14); // header + 13 months

    // Without a month: the month before (November on 10 December).
    const plain = await t.sendMessage(karin, 'statistik', channel(CHANNEL));
    expect(cardText(plain.replies.at(-1)!.card)).toContain('Statistik november 2026 · Mottagning barn och unga');
  });

  it('gives the unit manager the unit or any group; refuses a bad month and someone else’s group', async () => {
    const dataFile = await seeded();
    const t = await startTestBot({ dataFile, now: () => new Date('2026-12-10T09:00:00+01:00') });
    bots.push(t);
    const lars = t.who('lars');
    const anna = t.who('anna');
    const unit = await t.sendMessage(lars, 'statistik 2026-11');
    expect(cardText(unit.replies.at(-1)!.card)).toContain('Statistik november 2026 · Hela enheten');
    const group = await t.sendMessage(lars, 'Statistik 2026-11 barn-utredning-1');
    const gtext = cardText(group.replies.at(-1)!.card);
    expect(gtext).toContain('Statistik november 2026 · Utredning barn 1');
    expect(gtext).toContain('1 av 4 i tid (25\u00a0%)'); // four months, by the statutory date

    const bad = await t.sendMessage(anna, 'statistik 2026-13');
    expect(cardText(bad.replies.at(-1)!.card)).toContain('Månaden ska skrivas ÅÅÅÅ-MM, t.ex. 2026-11.');
    expect(cardText(bad.replies.at(-1)!.card)).not.toContain('2026-13');
    const future = await t.sendMessage(anna, 'statistik 2027-02');
    expect(cardText(future.replies.at(-1)!.card)).toContain('Månaden har inte börjat än.');
    const other = await t.sendMessage(anna, 'statistik 2026-11 barn-utredning-1');
    expect(cardText(other.replies.at(-1)!.card)).toContain('Du ser bara statistiken för dina egna grupper.');
    const unitRefused = await t.sendMessage(anna, 'statistik enheten');
    expect(cardText(unitRefused.replies.at(-1)!.card)).toContain('Hela enhetens siffror är för enhetschefen');
    const mine = await t.sendMessage(anna, 'statistik');
    expect(cardText(mine.replies.at(-1)!.card)).toContain('Statistik november 2026 · Mottagning barn och unga');
  });
});
