// A unit manager who never wrote to the bot and is in no team roster it knows is reached through
// Microsoft Graph (issue 11 point 5): the app is installed for her and the alarm goes to the chat the
// installation made, once; a second card reuses that chat. When Graph refuses (no permission), the
// card is reported as undeliverable to whoever can act, as before. Over the Teams protocol: the real
// server, the Bot Connector stand-in and a Graph stand-in (test/support/graph.ts), a fixed clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Staff } from '../../src/domain/schemas.js';
import { EXAMPLE_ORG, cardText, installAndConnect, startTestBot, teams, type TestBot } from '../support/bot.js';
import { GraphStandIn } from '../support/graph.js';

const CHANNEL = '19:mottagning-graph@thread.tacv2';
const where = teams.channel(CHANNEL);
const EVA: Staff = {
  aadObjectId: '5d2b7c1e-8f4a-4b6e-9c3d-1a2b3c4d5e6f',
  name: 'Eva Berg',
  role: 'unit_manager',
  groups: [],
};
let clock = new Date('2026-11-23T09:00:00+01:00'); // Monday

async function botWithGraph(graph: GraphStandIn): Promise<TestBot> {
  const t = await startTestBot({
    now: () => clock,
    orgOverrides: { staff: [...EXAMPLE_ORG.staff, EVA] },
    config: (connector) => ({
      graph: {
        baseUrl: graph.url,
        tokenUrl: `${graph.url}/token`,
        clientId: 'app-id-for-graph',
        clientSecret: 'secret-for-graph',
        manifestId: 'app-id-for-graph',
        serviceUrl: connector.url,
        tenantId: EXAMPLE_ORG.tenantId,
      },
    }),
  });
  // Eva is in no team the bot is in: the roster the connector reports on install leaves her out.
  t.connector.roster = t.connector.roster.filter((m) => m.aadObjectId !== EVA.aadObjectId);
  await installAndConnect(t, t.who('karin'), 'barn-mottagning', CHANNEL);
  return t;
}

async function immediateProtection(t: TestBot, id: string, childRef: string) {
  expect((await t.registerReport({ externalId: id, childRef, receivedAt: '2026-11-23T08:30:00+01:00' })).ok).toBe(true);
  await t.drained();
  const r = await t.invoke(
    t.who('karin'),
    'decision.skydd.submit',
    {
      caseId: id,
      version: (await t.deps.store.getCase(id))!.version,
      immediateProtection: 'ja',
      motivation: 'Barnet kan inte vara hemma i natt enligt polisen.',
    },
    where,
  );
  expect(r.status).toBe(200);
  await t.drained();
}

const evaCards = (t: TestBot) =>
  t.connector.cards((c) => c.conversationId === GraphStandIn.chatOf(EVA.aadObjectId)).map((c) => cardText(c.card));
const failureCards = (t: TestBot) =>
  t.connector
    .cards()
    .filter((c) => c.card && /kunde inte levereras/.test(cardText(c.card)))
    .map((c) => cardText(c.card));

describe('a unit manager outside every roster, with Graph installation allowed', () => {
  let t: TestBot;
  const graph = new GraphStandIn();
  beforeAll(async () => {
    await graph.start();
    t = await botWithGraph(graph);
  });
  afterAll(async () => {
    await t?.stop();
    await graph.stop();
  });

  it('gets the alarm in the chat the installation made, with the app installed once', async () => {
    await immediateProtection(t, 'IFO-2026-004601', 'B-2026-0601');
    expect(graph.installs).toEqual([EVA.aadObjectId]);
    // The app was bound from the organisation's catalogue, with the app's own credentials.
    expect(graph.requests).toContain(`POST /users/${EVA.aadObjectId}/teamwork/installedApps`);
    expect(graph.tokenRequests[0].get('client_id')).toBe('app-id-for-graph');
    expect(graph.tokenRequests[0].get('grant_type')).toBe('client_credentials');
    const cards = evaCards(t);
    expect(cards).toHaveLength(1);
    expect(cards[0]).toContain('Omedelbart skyddsbehov');
    expect(cards[0]).toContain('IFO-2026-004601');
    expect(failureCards(t)).toEqual([]);
  });

  it('reuses that chat for the next card: no second installation', async () => {
    await immediateProtection(t, 'IFO-2026-004602', 'B-2026-0602');
    expect(graph.installs).toEqual([EVA.aadObjectId]);
    expect(evaCards(t).filter((x) => x.includes('IFO-2026-004602'))).toHaveLength(1);
    expect(graph.tokenRequests).toHaveLength(1); // the token is kept until it expires
  });
});

describe('a unit manager outside every roster, when Graph refuses the installation', () => {
  let t: TestBot;
  const graph = new GraphStandIn();
  beforeAll(async () => {
    await graph.start();
    graph.mode = 'refuse';
    t = await botWithGraph(graph);
  });
  afterAll(async () => {
    await t?.stop();
    await graph.stop();
  });

  it('reports the alarm as undeliverable to the team leads, naming the fix', async () => {
    await immediateProtection(t, 'IFO-2026-004611', 'B-2026-0611');
    expect(graph.installs).toEqual([]);
    expect(evaCards(t)).toEqual([]);
    const failures = failureCards(t);
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.join('\n')).toContain('Eva Berg');
    expect(failures.join('\n')).toContain('IFO-2026-004611');
  });
});
