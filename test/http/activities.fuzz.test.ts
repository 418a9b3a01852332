// /api/messages checks every activity before it touches state: 1,000 mutated activities (fields
// dropped, of the wrong type, junk serviceUrls, no tenant or a foreign one, unknown invokes, bodies
// that are not JSON) get no answer >= 500 and no internal text, and change nothing but the
// conversation records of well-formed activities from the organisation's tenant.
import fc from 'fast-check';
import { readFileSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONVERSATIONS,
  GROUP_CHANNELS,
  TEAMS,
  userKey,
  type ConversationRecord,
  type TeamRecord,
} from '../../src/app/conversations.js';
import { cardText, installAndConnect, startTestBot, type TestBot } from '../support/bot.js';
import * as teams from '../support/teams.js';

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
  await installAndConnect(bot, bot.who('karin'));
});
afterAll(() => bot.stop());

const FOREIGN = '99999999-9999-4999-8999-999999999999';

async function raw(body: string, contentType = 'application/json') {
  const res = await fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
  });
  return { status: res.status, text: await res.text() };
}

/** The journal lines written since `offset`, parsed. */
function linesSince(offset: number): { docs: { c: string; id: string }[]; cases: unknown[]; audit: unknown[] }[] {
  const journal = readFileSync(`${bot.dataFile}.journal`).subarray(offset).toString('utf8');
  return journal
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

type Json = Record<string, unknown>;
const setPath = (o: Json, path: string[], v: unknown): Json => {
  const copy = structuredClone(o);
  let cur: Json = copy;
  for (const k of path.slice(0, -1)) {
    if (typeof cur[k] !== 'object' || cur[k] === null) cur[k] = {};
    cur = cur[k] as Json;
  }
  if (v === undefined) delete cur[path[path.length - 1]];
  else cur[path[path.length - 1]] = v;
  return copy;
};

const PATHS = [
  ['type'],
  ['id'],
  ['serviceUrl'],
  ['channelId'],
  ['from'],
  ['from', 'id'],
  ['from', 'aadObjectId'],
  ['recipient'],
  ['recipient', 'id'],
  ['conversation'],
  ['conversation', 'id'],
  ['conversation', 'conversationType'],
  ['conversation', 'tenantId'],
  ['channelData'],
  ['channelData', 'tenant'],
  ['channelData', 'tenant', 'id'],
  ['text'],
  ['entities'],
  ['name'],
  ['value'],
];
const JUNK = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.integer(),
  fc.boolean(),
  fc.constant([]),
  fc.constant({}),
  fc.constantFrom('', 'javascript:alert(1)', 'not a url', 'ftp://x/', 'http://', 'https://user:pw@evil.example/'),
  fc.constantFrom(FOREIGN, teams.TENANT, 'invoke', 'message', 'conversationUpdate', 'messageReaction'),
  fc.string({ maxLength: 40 }).map((s) => `¤${s}`), // never a command
);

describe('fuzz of /api/messages', () => {
  it('1,000 mutated activities: none answered >= 500, none with internal text, nothing changed but conversation records', async () => {
    const anna = bot.who('anna');
    const offset = statSync(`${bot.dataFile}.journal`).size;
    const casesBefore = JSON.stringify([...(await bot.deps.store.allCases())]);
    const linksBefore = JSON.stringify(await bot.deps.store.listDocs(GROUP_CHANNELS));
    const bases = [
      teams.message(bot.connector.url, anna, 'hjälp', teams.personal),
      teams.message(bot.connector.url, anna, 'hjälp', teams.channel()),
      teams.invoke(bot.connector.url, anna, 'fuzz.unknown', { caseId: 'IFO-1' }, teams.channel()),
      teams.botAddedToTeam(bot.connector.url, anna),
    ] as unknown as Json[];
    const statuses = new Map<number, number>();
    const bodies: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.nat(bases.length - 1),
        fc.array(fc.tuple(fc.constantFrom(...PATHS), JUNK), { minLength: 1, maxLength: 3 }),
        fc.nat(20),
        async (b, mutations, rawCase) => {
          let body: string;
          if (rawCase === 0) body = '{"type": "message", "text": ';
          else if (rawCase === 1) body = JSON.stringify([1, 2]);
          else if (rawCase === 2) body = '"message"';
          else {
            let a: Json = { ...bases[b], id: crypto.randomUUID() };
            for (const [path, v] of mutations) a = setPath(a, path, v);
            body = JSON.stringify(a);
          }
          const r = await raw(body);
          statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
          if (r.status >= 400) bodies.push(r.text);
          expect(r.status, r.text).toBeLessThan(500);
        },
      ),
      { numRuns: 1000 },
    );
    expect([...statuses.keys()].every((s) => s < 500)).toBe(true);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(200);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(50);
    // No parser's or library's words in an answer: fixed texts only.
    for (const t of bodies)
      expect(t).not.toMatch(/TypeError|Unexpected|position|zod|undefined|botbuilder|Cannot read|\n\s+at /);
    expect(new Set(bodies).size).toBeLessThanOrEqual(3);
    // Nothing but where the bot can post written: conversation, member and team records (the team's
    // service address, from which a channel named in the organisation file is bound).
    const written = linesSince(offset);
    expect(written.flatMap((l) => l.cases)).toEqual([]);
    expect(written.flatMap((l) => l.audit)).toEqual([]);
    expect(new Set(written.flatMap((l) => l.docs.map((d) => d.c)))).toSatisfy((s: Set<string>) =>
      [...s].every((c) => c === CONVERSATIONS || c === 'members' || c === TEAMS),
    );
    expect(JSON.stringify([...(await bot.deps.store.allCases())])).toBe(casesBefore);
    expect(JSON.stringify(await bot.deps.store.listDocs(GROUP_CHANNELS))).toBe(linksBefore);
    // Every stored reference points at a real http(s) service.
    for (const c of await bot.deps.store.listDocs<ConversationRecord>(CONVERSATIONS))
      expect(new URL(c.serviceUrl).protocol).toMatch(/^https?:$/);
    for (const t of await bot.deps.store.listDocs<TeamRecord>(TEAMS))
      expect(new URL(t.serviceUrl!).protocol).toMatch(/^https?:$/);
  }, 300_000);
});

describe('activities that must change nothing', () => {
  const withoutTenant = (a: Json): Json => {
    const c = structuredClone(a) as { conversation: Json; channelData: Json };
    delete c.conversation.tenantId;
    delete c.channelData.tenant;
    return c;
  };

  it('without any tenant: `koppla` from another channel does not re-link the group, and nothing is stored', async () => {
    const lead = bot.who('karin');
    const before = JSON.stringify(await bot.deps.store.listDocs(GROUP_CHANNELS));
    const offset = statSync(`${bot.dataFile}.journal`).size;
    const a = withoutTenant(
      teams.message(bot.connector.url, lead, 'koppla barn-mottagning', teams.channel('19:attacker@thread.tacv2')),
    );
    expect((await bot.post(a)).status).toBe(200);
    const foreign = teams.message(
      bot.connector.url,
      lead,
      'koppla barn-mottagning',
      teams.channel('19:x@thread.tacv2'),
      {
        tenant: FOREIGN,
      },
    );
    expect((await bot.post(foreign)).status).toBe(200);
    expect(JSON.stringify(await bot.deps.store.listDocs(GROUP_CHANNELS))).toBe(before);
    expect(statSync(`${bot.dataFile}.journal`).size).toBe(offset);
    expect(bot.connector.cards((c) => c.activityId === a.id || c.activityId === foreign.id)).toEqual([]);
  });

  it('a message with a junk serviceUrl is refused with 400 and leaves the sender reachable', async () => {
    const anna = bot.who('anna');
    expect((await bot.sendMessage(anna, 'hjälp', teams.personal)).status).toBe(200);
    const key = userKey(anna.aadObjectId);
    const before = await bot.deps.store.getDoc<ConversationRecord>(CONVERSATIONS, key);
    expect(before?.serviceUrl).toBe(bot.connector.url);
    const bad = { ...teams.message(bot.connector.url, anna, 'hjälp', teams.personal), serviceUrl: 'not a url' };
    const r = await bot.post(bad);
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toMatch(/fel form/);
    expect(await bot.deps.store.getDoc(CONVERSATIONS, key)).toEqual(before);
  });

  it('an unknown card action gets a Swedish card, not a 501, and changes nothing', async () => {
    const r = await bot.invoke(bot.who('anna'), 'case.nosuchthing', { caseId: 'IFO-1' });
    expect(r.status).toBe(200);
    expect(cardText(r.body.value)).toMatch(/Okänd åtgärd/);
  });

  it('a body that is not JSON gets 400 with a fixed text that repeats nothing', async () => {
    const r = await raw('{"type":"message","text":"hemligt innehåll"');
    expect(r.status).toBe(400);
    expect(r.text).not.toMatch(/hemligt|JSON|position/);
  });
});
