// What a team notices around the case card: list commands in a channel and in 1:1, a new owner who
// never wrote to the bot still hears of a case, another tenant is ignored, the service URL follows
// Teams, and the server reports its health.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONVERSATIONS, type ConversationRecord } from '../../src/app/conversations.js';
import { cardText, installAndConnect, startTestBot, type TestBot } from '../support/bot.js';
import { channel, message, personal } from '../support/teams.js';
import { validateCard } from '../support/validateCard.js';

const CHANNEL = '19:barn-mottagning@thread.tacv2';
const NOW = new Date('2026-11-24T10:00:00+01:00'); // Tuesday: reports from Friday are overdue for skyddsbedömning

describe('chat commands and channels', () => {
  let t: TestBot;
  beforeEach(async () => {
    t = await startTestBot({ now: () => NOW });
    await installAndConnect(t, t.who('karin'), 'barn-mottagning', CHANNEL);
  });
  afterEach(async () => {
    await t.stop();
  });

  it('answers ofördelade and försenade in the channel, whatever the case of the letters, with the bot mention stripped', async () => {
    await t.registerReport({ externalId: 'IFO-2026-000001', receivedAt: '2026-11-20T09:15:00+01:00' });
    await t.registerReport({
      externalId: 'IFO-2026-000002',
      receivedAt: '2026-11-24T08:00:00+01:00',
      reporter: { type: 'police', professional: true },
      concerns: ['violence'],
    });
    const un = await t.sendMessage(t.who('bo'), 'OFÖRDELADE', channel(CHANNEL));
    expect(un.status).toBe(200);
    expect(un.replies).toHaveLength(1);
    const unText = cardText(un.replies[0].card);
    expect(unText).toMatch(/Ofördelade ärenden/);
    expect(unText).toMatch(/IFO-2026-000001/);
    expect(unText).toMatch(/IFO-2026-000002/);
    expect(validateCard(un.replies[0].card)).toEqual([]);
    const late = await t.sendMessage(t.who('bo'), 'försenade', channel(CHANNEL));
    const lateText = cardText(late.replies[0].card);
    expect(lateText).toMatch(/Försenade ärenden/);
    expect(lateText).toMatch(/IFO-2026-000001/);
    expect(lateText).not.toMatch(/IFO-2026-000002/);
  });

  it("lists a caseworker's own cases with mina in a 1:1 chat", async () => {
    await t.registerReport({ externalId: 'IFO-2026-000003', receivedAt: '2026-11-24T08:00:00+01:00' });
    const anna = t.who('anna');
    const r = await t.invoke(anna, 'case.take', { caseId: 'IFO-2026-000003', version: 1 }, channel(CHANNEL));
    expect(r.status).toBe(200);
    const mine = await t.sendMessage(anna, 'Mina', personal);
    const text = cardText(mine.replies[0].card);
    expect(text).toMatch(/Mina ärenden/);
    expect(text).toMatch(/IFO-2026-000003/);
    const help = await t.sendMessage(anna, 'hjälp', personal);
    expect(cardText(help.replies[0].card)).toMatch(/mina/);
    const unknown = await t.sendMessage(anna, 'vad gör du', personal);
    expect(cardText(unknown.replies[0].card)).toMatch(/Skriv hjälp/);
  });

  it('sends the personal card to a new owner who never wrote to the bot, opening a 1:1 from the team roster', async () => {
    await t.registerReport({ externalId: 'IFO-2026-000004', receivedAt: '2026-11-24T08:00:00+01:00' });
    const cecilia = t.who('cecilia');
    const r = await t.invoke(
      t.who('karin'),
      'case.assign',
      { caseId: 'IFO-2026-000004', version: 1, assignee: cecilia.aadObjectId },
      channel(CHANNEL),
    );
    expect(cardText(r.body.value)).toMatch(/Cecilia Ström har fått ärendet/);
    await t.connector.waitFor((calls) => calls.some((c) => c.kind === 'createConversation'));
    await t.drained();
    const created = t.connector.calls.find((c) => c.kind === 'createConversation')!;
    expect(created.body.members[0].id).toBe(`29:${cecilia.aadObjectId}`);
    const dm = t.connector.to(created.conversationId).at(-1)!;
    expect(validateCard(dm.card)).toEqual([]);
    const text = cardText(dm.card);
    expect(text).toMatch(/Du har fått ett ärende/);
    expect(text).toMatch(/Karin Ek har gett dig ärendet IFO-2026-000004/);
    expect(text).toMatch(/Skyddsbedömning/);
    expect(text).toMatch(/Förhandsbedömning/);
    expect(text).not.toMatch(/B-2026-0412/);
  });

  it('shows a refusal only to the person who pressed: no channel update, and no automatic refresh that would hide it', async () => {
    await t.registerReport({ externalId: 'IFO-2026-000005', receivedAt: '2026-11-24T08:00:00+01:00' });
    await t.drained();
    const before = t.connector.calls.length;
    const r = await t.invoke(
      t.who('bo'),
      'case.assign',
      { caseId: 'IFO-2026-000005', version: 1, assignee: t.who('bo').aadObjectId },
      channel(CHANNEL),
    );
    expect(r.status).toBe(200);
    expect(cardText(r.body.value)).toMatch(/Inget har ändrats/);
    expect(r.body.value.refresh).toBeUndefined();
    await t.drained();
    expect(t.connector.calls.length).toBe(before);
  });

  it('ignores an activity from another tenant', async () => {
    const before = t.connector.calls.length;
    const r = await t.post(
      message(t.connector.url, t.who('karin'), 'hjälp', personal, { tenant: '11111111-1111-1111-1111-111111111111' }),
    );
    expect(r.status).toBe(200);
    expect(t.connector.calls.length).toBe(before);
    expect(await t.deps.store.getDoc(CONVERSATIONS, `user:${t.who('karin').aadObjectId}`)).toBeUndefined();
  });

  it('follows a new service URL from the next incoming activity', async () => {
    const karin = t.who('karin');
    await t.sendMessage(karin, 'hjälp', personal);
    const key = `user:${karin.aadObjectId}`;
    const oldUrl = (await t.deps.store.getDoc<ConversationRecord>(CONVERSATIONS, key))!.serviceUrl;
    const moved = message(t.connector.url.replace('127.0.0.1', 'localhost'), karin, 'hjälp', personal);
    await t.post(moved);
    const now = (await t.deps.store.getDoc<ConversationRecord>(CONVERSATIONS, key))!;
    expect(now.serviceUrl).not.toBe(oldUrl);
    expect(now.serviceUrl).toBe(moved.serviceUrl);
    expect((now.reference as { serviceUrl: string }).serviceUrl).toBe(moved.serviceUrl);
  });

  it('reports health with the store readable and the version', async () => {
    const r = await fetch(`${t.url}/healthz`);
    expect(r.status).toBe(200);
    const body = (await r.json()) as { status: string; version: string; mode: string; problems: unknown[] };
    // Only some groups have a channel here: degraded, said as codes and counts.
    expect(body).toMatchObject({ status: 'degraded', mode: 'local' });
    expect(body.problems).toContainEqual({ code: 'group_without_channel', count: expect.any(Number) });
    expect(body).not.toHaveProperty('openCases'); // only with the intake key
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
  });
});
