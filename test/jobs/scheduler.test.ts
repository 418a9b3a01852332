// The schedules across a constructed week: Mon 2027-03-22 .. Tue 2027-03-30, with Långfredag (26th),
// the Easter weekend with the change to summer time (28th) and Annandag påsk (29th). The clock ticks
// every 15 minutes; the test reads the outbox: which lists and reminders were queued, when, to whom.
import { describe, expect, it } from 'vitest';
import type { AppDeps } from '../../src/app/context.js';
import { CONVERSATIONS, GROUP_CHANNELS } from '../../src/app/conversations.js';
import { OUTBOX, type OutboxMessage } from '../../src/outbox/messages.js';
import { renderMessage } from '../../src/outbox/render.js';
import type { Case } from '../../src/domain/schemas.js';
import { stockholmDate, stockholmTime } from '../../src/domain/time.js';
import { CLAIMS, claimWrite } from '../../src/jobs/claims.js';
import { Scheduler } from '../../src/jobs/scheduler.js';
import { renderCard } from '../../src/cards/render.js';
import { EXAMPLE_ORG, cardText, person } from '../support/bot.js';
import { testDeps } from '../support/deps.js';
import { validateCard } from '../support/validateCard.js';
import { forhandsCase, utredningCase, waitingCase } from './listFixtures.js';

const anna = person(EXAMPLE_ORG, 'anna');
const bo = person(EXAMPLE_ORG, 'bo');
const karin = person(EXAMPLE_ORG, 'karin');
const lars = person(EXAMPLE_ORG, 'lars');

async function linkChannel(deps: AppDeps, groupId: string) {
  const key = `channel:19:${groupId}@thread.tacv2`;
  await deps.store.commit({
    docs: [
      {
        collection: CONVERSATIONS,
        id: key,
        value: {
          key,
          kind: 'channel',
          reference: { conversation: { id: key } },
          serviceUrl: 'http://connector/',
          active: true,
          updatedAt: '2027-03-01T08:00:00Z',
          version: 1,
        },
      },
      {
        collection: GROUP_CHANNELS,
        id: groupId,
        value: {
          groupId,
          conversationKey: key,
          linkedBy: karin.aadObjectId,
          linkedAt: '2027-03-01T08:00:00Z',
          version: 1,
        },
      },
    ],
  });
}

async function addCases(deps: AppDeps, cases: Case[]) {
  const r = await deps.store.commit({ cases: cases.map((c) => ({ case: c, expectedVersion: null })) });
  expect(r.ok).toBe(true);
}

interface Sent {
  date: string;
  time: string;
  utc: string;
  to: string;
  template: string;
  title: string;
}

function describeMessage(m: OutboxMessage): Sent {
  const t = m.target;
  const firstName = (id: string) =>
    EXAMPLE_ORG.staff
      .find((s) => s.aadObjectId === id)!
      .name.split(' ')[0]
      .toLowerCase();
  const to = t.kind === 'group' ? `group:${t.groupId}` : t.kind === 'user' ? `user:${firstName(t.staffId)}` : t.key;
  const content = m.content as { kind: 'card'; template: string; data: { title: string } };
  return {
    date: stockholmDate(m.createdAt),
    time: stockholmTime(m.createdAt),
    utc: m.createdAt.slice(11, 16),
    to,
    template: content.template,
    title: content.data.title,
  };
}

describe('the schedule across a week with Långfredag, Easter and the change to summer time', () => {
  it('queues each list and reminder once per working day at 07:45 Swedish time, none on holidays or weekends', async () => {
    const clock = { t: Date.parse('2027-03-21T23:00:00Z') }; // Mon 22 March 00:00 in Stockholm (CET)
    const deps = await testDeps({ now: () => new Date(clock.t) });
    await linkChannel(deps, 'barn-mottagning');
    await linkChannel(deps, 'barn-utredning-1');
    await addCases(deps, [
      waitingCase('IFO-2027-000001', '2027-03-19'), // unassigned since Friday
      forhandsCase('IFO-2027-000002', '2027-03-15', anna.aadObjectId), // förhandsbedömning due Mon 29 (Annandag påsk)
      utredningCase('IFO-2027-000003', '2026-12-09', '2027-04-09', bo.aadObjectId, 'barn-mottagning'), // utredning due Fri 9 April
    ]);
    const scheduler = new Scheduler(deps, { morningListTime: '07:45', cron: false });
    const end = Date.parse('2027-03-30T22:00:00Z'); // Tue 30 March 24:00 (CEST)
    for (; clock.t < end; clock.t += 15 * 60_000) await scheduler.tick();

    const sent = (await deps.store.listDocs<OutboxMessage>(OUTBOX))
      .map(describeMessage)
      .sort((a, b) => (a.date + a.to + a.title < b.date + b.to + b.title ? -1 : 1));
    const working = ['2027-03-22', '2027-03-23', '2027-03-24', '2027-03-25', '2027-03-30'];

    // Everything at 07:45 Swedish time: 06:45 UTC in winter time, 05:45 UTC after the change.
    expect(new Set(sent.map((s) => s.time))).toEqual(new Set(['07:45']));
    expect(new Set(sent.filter((s) => s.date < '2027-03-28').map((s) => s.utc))).toEqual(new Set(['06:45']));
    expect(new Set(sent.filter((s) => s.date > '2027-03-28').map((s) => s.utc))).toEqual(new Set(['05:45']));
    // Nothing on Långfredag, the weekend or Annandag påsk.
    expect(new Set(sent.map((s) => s.date))).toEqual(new Set(working));
    // None twice.
    const keys = sent.map((s) => `${s.date}|${s.to}|${s.title}`);
    expect(new Set(keys).size).toBe(keys.length);

    const on = (to: string, template: string) =>
      sent.filter((s) => s.to === to && s.template === template).map((s) => s.date);
    expect(on('group:barn-mottagning', 'morning-list')).toEqual(working);
    expect(on('group:barn-utredning-1', 'morning-list')).toEqual(working);
    // Anna's förhandsbedömning is due on a holiday: within its 3-day lead all week, and the
    // "next working day" reminder comes on Skärtorsdagen, the last working day before it.
    expect(on('user:anna', 'reminder')).toEqual([...working.slice(0, 4), '2027-03-25', '2027-03-30'].sort());
    expect(sent.filter((s) => s.to === 'user:anna' && s.title.startsWith('Påminnelse')).map((s) => s.date)).toEqual([
      '2027-03-25',
    ]);
    // Bo's investigation is due 9 April: his summary starts when it is 10 working days away.
    expect(on('user:bo', 'reminder')).toEqual(['2027-03-24', '2027-03-25', '2027-03-30']);
    // Nobody else hears anything personally; the unit manager gets one summary a day from the day
    // the unassigned case is more than 1 working day old.
    expect(new Set(sent.filter((s) => s.to.startsWith('user:')).map((s) => s.to))).toEqual(
      new Set(['user:anna', 'user:bo', 'user:lars']),
    );
    expect(on('user:lars', 'escalation')).toEqual(working.slice(1));
    // One claim for each job queued.
    expect(await deps.store.listDocs(CLAIMS)).toHaveLength(new Set(sent.map((s) => `${s.date}|${s.to}`)).size);
    expect(lars.role).toBe('unit_manager');

    // Every queued card renders valid; the Tuesday escalation names the case both ways.
    for (const m of await deps.store.listDocs<OutboxMessage>(OUTBOX)) {
      const c = m.content as { template: string; data: object };
      expect(validateCard(renderCard(c.template, c.data))).toEqual([]);
    }
    const tuesday = (await deps.store.listDocs<OutboxMessage>(OUTBOX)).find(
      (m) =>
        m.target.kind === 'user' &&
        m.target.staffId === lars.aadObjectId &&
        stockholmDate(m.createdAt) === '2027-03-30',
    )!;
    const text = cardText(renderCard('escalation', (tuesday.content as { data: object }).data));
    expect(text).toContain('IFO-2027-000001');
    expect(text).toContain('ofördelade mer än 1 arbetsdag');
    expect(text).toContain('IFO-2027-000002'); // Anna's förhandsbedömning passed on the holiday
  });

  it('posts nothing before the time, and a second scheduler (a restart, another instance) adds nothing', async () => {
    const clock = { t: Date.parse('2027-03-23T06:44:00Z') }; // Tue 07:44
    const deps = await testDeps({ now: () => new Date(clock.t) });
    await linkChannel(deps, 'barn-mottagning');
    await addCases(deps, [waitingCase('IFO-2027-000001', '2027-03-19')]);
    const a = new Scheduler(deps, { morningListTime: '07:45', cron: false });
    expect((await a.tick()).claimed).toEqual([]);
    clock.t += 60_000;
    const b = new Scheduler(deps, { morningListTime: '07:45', cron: false });
    const [ra, rb] = await Promise.all([a.tick(), b.tick()]);
    expect([...ra.claimed, ...rb.claimed].filter((id) => id.startsWith('morning:'))).toEqual([
      'morning:barn-mottagning:2027-03-23',
    ]);
    const lists = (await deps.store.listDocs<OutboxMessage>(OUTBOX)).filter((m) => m.target.kind === 'group');
    expect(lists).toHaveLength(1);
    // The next day starts fresh; yesterday's list is never posted today.
    clock.t = Date.parse('2027-03-24T08:10:00Z');
    expect((await b.tick()).claimed).toContain('morning:barn-mottagning:2027-03-24');
    expect(
      (await deps.store.listDocs(CLAIMS))
        .map((c) => (c as { id: string }).id)
        .filter((id) => id.startsWith('morning:')),
    ).toEqual(['morning:barn-mottagning:2027-03-23', 'morning:barn-mottagning:2027-03-24']);
  });

  it('posts the distribution card at DISTRIBUTION_TIME once a day, as a card the drain can update in place', async () => {
    const clock = { t: Date.parse('2027-03-23T07:00:00Z') }; // Tue 08:00
    const deps = await testDeps({ now: () => new Date(clock.t) });
    await linkChannel(deps, 'barn-mottagning');
    await addCases(deps, [waitingCase('IFO-2027-000001', '2027-03-19')]);
    const s = new Scheduler(deps, { morningListTime: '07:45', distributionTime: '08:30', cron: false });
    expect((await s.tick()).claimed.filter((id) => id.startsWith('distribution:'))).toEqual([]);
    clock.t = Date.parse('2027-03-23T07:30:00Z'); // 08:30
    expect((await s.tick()).claimed).toEqual(['distribution:barn-mottagning:2027-03-23']);
    expect((await s.tick()).claimed).toEqual([]);
    const [card] = (await deps.store.listDocs<OutboxMessage>(OUTBOX)).filter(
      (m) => (m.content as { template?: string }).template === 'distribution',
    );
    expect(card.upsertKey).toBe('distribution:barn-mottagning:2027-03-23');
    // Queued as its view, drawn and fitted to the card's size when the drain sends it.
    expect(card.content).toMatchObject({ kind: 'card', fit: true });
    const rendered = (await renderMessage(deps, card))!.card!;
    expect(validateCard(rendered)).toEqual([]);
    expect(cardText(rendered)).toContain('IFO-2027-000001');
  });

  it('fires cron at the configured Swedish wall-clock times', async () => {
    const deps = await testDeps({ now: () => new Date('2027-03-27T12:00:00+01:00') }); // a Saturday: the catch-up does nothing
    const s = new Scheduler(deps, { morningListTime: '07:45', distributionTime: '08:30', cron: true });
    await s.start();
    try {
      expect(
        s
          .nextRuns()
          .map((d) => stockholmTime(d))
          .sort(),
      ).toEqual(['07:45', '08:30']);
    } finally {
      await s.stop();
    }
    expect(s.nextRuns()).toEqual([]);
  });

  it('forgets claims after two weeks', async () => {
    const clock = { t: Date.parse('2027-03-23T07:00:00Z') };
    const deps = await testDeps({ now: () => new Date(clock.t) });
    await deps.store.commit({
      docs: [
        claimWrite('morning:barn-mottagning:2027-03-08', new Date('2027-03-08T06:45:00Z'), 1),
        claimWrite('morning:barn-mottagning:2027-03-09', new Date('2027-03-09T06:45:00Z'), 1),
      ],
    });
    await new Scheduler(deps, { morningListTime: '07:45', cron: false }).tick();
    expect((await deps.store.listDocs<{ id: string }>(CLAIMS)).map((c) => c.id)).toEqual([
      'morning:barn-mottagning:2027-03-09',
    ]);
  });
});

describe('gallring on the schedule (GALLRING_AFTER_MONTHS)', () => {
  const closedCase = (id: string, at: string): Case => ({
    ...waitingCase(id, at.slice(0, 10)),
    phase: 'closed',
    closure: { at, by: 'k', outcome: 'ingen_insats', motivation: `SYNTETISK-SCHEMA ${id}` },
  });

  it('runs once a working day after the morning lists, claimed, and removes what is past the rule', async () => {
    const clock = { t: Date.parse('2027-03-22T05:00:00Z') }; // Mon 22 March 06:00 in Stockholm
    const deps = await testDeps({ now: () => new Date(clock.t) });
    await addCases(deps, [
      closedCase('IFO-2023-000001', '2023-01-10T10:00:00.000Z'),
      closedCase('IFO-2026-000002', '2026-12-01T10:00:00.000Z'),
    ]);
    const off = new Scheduler(deps, { morningListTime: '07:45', cron: false });
    clock.t = Date.parse('2027-03-22T07:00:00Z');
    await off.tick();
    expect(await deps.store.getCase('IFO-2023-000001')).toBeDefined(); // not configured: never
    const scheduler = new Scheduler(deps, { morningListTime: '07:45', cron: false, gallringAfterMonths: 36 });
    clock.t = Date.parse('2027-03-22T06:00:00Z'); // 07:00, before the lists
    expect((await scheduler.tick()).claimed).not.toContain('gallring:2027-03-22');
    expect(await deps.store.getCase('IFO-2023-000001')).toBeDefined();
    clock.t = Date.parse('2027-03-22T07:00:00Z');
    expect((await scheduler.tick()).claimed).toContain('gallring:2027-03-22');
    expect(await deps.store.getCase('IFO-2023-000001')).toBeUndefined();
    expect(await deps.store.getCase('IFO-2026-000002')).toBeDefined();
    expect(await deps.store.verifyAudit()).toMatchObject({ ok: true });
    expect((await scheduler.tick()).claimed).not.toContain('gallring:2027-03-22');
  });
});
