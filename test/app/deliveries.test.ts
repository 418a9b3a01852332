// What waited for a group's channel is sent when `koppla` links it: most urgent first, or one digest
// when there are many; the chain of failure reports climbs team lead → unit manager → management.
import { describe, expect, it } from 'vitest';
import { connectChannel } from '../../src/app/connectChannel.js';
import { failureReports, deadLetter, FAILURE_TEMPLATE, type FailureData } from '../../src/outbox/deliveryFailure.js';
import { DIGEST_AT, deliveriesFor, healthProblems } from '../../src/app/deliveries.js';
import { OUTBOX, enqueue, type OutboxMessage } from '../../src/outbox/messages.js';
import { EXAMPLE_ORG, person } from '../support/bot.js';
import { actorOf, testDeps } from '../support/deps.js';

const karin = actorOf(person(EXAMPLE_ORG, 'karin'));
const lars = actorOf(person(EXAMPLE_ORG, 'lars'));
const per = actorOf(person(EXAMPLE_ORG, 'per'));

async function waitingFor(deps: Awaited<ReturnType<typeof testDeps>>, templates: string[]) {
  for (const template of templates) {
    const w = enqueue(
      deps.now(),
      { kind: 'group', groupId: 'vinr' },
      { kind: 'card', template, data: { caseId: 'IFO-1' } },
    );
    await deps.store.commit({ docs: [w] });
    await deps.store.commit({ docs: await deadLetter(deps, w.value as unknown as OutboxMessage, 'no_channel') });
  }
}
const pendingTo = async (deps: Awaited<ReturnType<typeof testDeps>>, groupId: string) =>
  (await deps.store.listDocs<OutboxMessage>(OUTBOX))
    .filter((m) => m.status === 'pending' && m.target.kind === 'group' && m.target.groupId === groupId)
    .sort((a, b) => (a.id < b.id ? -1 : 1));

describe('cards that waited for a channel', () => {
  it('are sent when the channel is linked, the alarm first', async () => {
    const deps = await testDeps();
    await waitingFor(deps, ['morning-list', 'vinr-notice', 'protection-alarm']);
    expect(await healthProblems(deps)).toContainEqual({ code: 'undeliverable', count: 3 });
    const r = await connectChannel(deps, { actor: karin, groupId: 'vinr', conversationKey: 'channel:19:vinr' });
    expect(r).toMatchObject({ ok: true, waiting: 3 });
    const order = (await pendingTo(deps, 'vinr')).map((m) => (m.content as { template: string }).template);
    expect(order).toEqual(['protection-alarm', 'vinr-notice', 'morning-list']);
    expect((await healthProblems(deps)).find((p) => p.code === 'undeliverable')).toBeUndefined();
  });

  it('arrive as one digest when there are many', async () => {
    const deps = await testDeps();
    await waitingFor(
      deps,
      Array.from({ length: DIGEST_AT + 2 }, () => 'vinr-notice'),
    );
    await connectChannel(deps, { actor: karin, groupId: 'vinr', conversationKey: 'channel:19:vinr' });
    const sent = await pendingTo(deps, 'vinr');
    expect(sent).toHaveLength(1);
    expect(sent[0].content).toMatchObject({ kind: 'card', template: 'delivery-digest' });
    expect((sent[0].content as { data: { title: string } }).data.title).toBe(
      `${DIGEST_AT + 2} kort väntade på att kanalen skulle kopplas`,
    );
  });
});

describe('the chain of failure reports', () => {
  const reportsOf = (docs: Awaited<ReturnType<typeof failureReports>>) =>
    docs.map((d) => {
      const m = d.value as unknown as OutboxMessage;
      return { target: m.target, level: (m.content as { data: FailureData }).data.level };
    });

  it('goes to the group team leads first, then the unit manager, then the management channel', async () => {
    const deps = await testDeps();
    const msg = enqueue(deps.now(), { kind: 'group', groupId: 'barn-utredning-1' }, { kind: 'text', text: 'x' })
      .value as unknown as OutboxMessage;
    const first = reportsOf(await failureReports(deps, msg, 'no_channel'));
    expect(first).toEqual([{ target: { kind: 'user', staffId: per.id }, level: 'team_lead' }]);
    const toPer = (await failureReports(deps, msg, 'no_channel'))[0].value as unknown as OutboxMessage;
    expect(toPer.content).toMatchObject({ template: FAILURE_TEMPLATE });
    const second = reportsOf(await failureReports(deps, toPer, 'blocked'));
    expect(second).toEqual([{ target: { kind: 'user', staffId: lars.id }, level: 'unit_manager' }]);
    const toLars = (await failureReports(deps, toPer, 'blocked'))[0].value as unknown as OutboxMessage;
    // No management channel linked: it waits for `koppla ledning` rather than being lost.
    expect(reportsOf(await failureReports(deps, toLars, 'no_chat'))).toEqual([
      { target: { kind: 'group', groupId: 'ledning' }, level: 'management' },
    ]);
    const data = ((await failureReports(deps, toLars, 'no_chat'))[0].value as unknown as OutboxMessage).content as {
      data: FailureData;
    };
    expect(data.data.text).toMatch(/Rapporten om det kunde inte heller levereras/);
  });

  it('shows a team lead only what concerns her groups; the unit manager sees all', async () => {
    const deps = await testDeps();
    await waitingFor(deps, ['vinr-notice']);
    const other = enqueue(deps.now(), { kind: 'group', groupId: 'barn-utredning-2' }, { kind: 'text', text: 'x' });
    await deps.store.commit({ docs: [other] });
    await deps.store.commit({ docs: await deadLetter(deps, other.value as unknown as OutboxMessage, 'no_channel') });
    expect((await deliveriesFor(deps, karin)).map((i) => i.to)).toEqual(['Våld i nära relationer']);
    expect((await deliveriesFor(deps, per)).map((i) => i.to)).toEqual(['Utredning barn 2']);
    expect(await deliveriesFor(deps, lars)).toHaveLength(2);
  });
});
