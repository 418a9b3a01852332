// A reopened investigation (docs/family.md): a new investigation about the same child, opened within
// the set time of the last one closing, shows the total time since the first opening, on its card and
// in GET /api/cases/{ref}, so that closing and reopening cannot hide an overrun. Over the real server.
import { afterEach, describe, expect, it } from 'vitest';
import { executeCaseCommand } from '../../src/app/executeCaseCommand.js';
import type { CaseIntent } from '../../src/domain/commands.js';
import { cardText, startTestBot, type TestBot } from '../support/bot.js';
import { actorOf } from '../support/deps.js';
import { personal } from '../support/teams.js';
import { raw } from './client.js';

const KEY = 'test-intake-key-reopened';
let t: TestBot | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

describe('an investigation reopened within the set time', () => {
  it('shows the total time since the first opening on its card and in the API', async () => {
    let now = new Date('2026-03-02T09:00:00+01:00');
    t = await startTestBot({ now: () => now, ingestApiKey: KEY });
    const bot = t;
    const per = bot.who('per');
    const step = async (caseId: string, intent: CaseIntent, when: string) => {
      now = new Date(when);
      const r = await executeCaseCommand(bot.deps, {
        caseId,
        expectedVersion: (await bot.deps.store.getCase(caseId))!.version,
        actor: actorOf(per),
        intent,
      });
      if (!r.ok) throw new Error(r.refusal.message);
    };
    const investigate = async (id: string, received: string, openOn: string) => {
      now = new Date(received);
      const r = await raw(bot.url, 'POST', '/api/reports', {
        headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          externalId: id,
          receivedAt: received,
          groupId: 'barn-utredning-1',
          childRef: 'B-2019-0033',
          reporter: { type: 'school', professional: true },
          concerns: ['neglect'],
        }),
      });
      expect(r.status).toBe(201);
      await step(
        id,
        { type: 'recordSkyddsbedomning', immediateProtection: false, motivation: 'Ingen akut fara.' },
        received,
      );
      await step(
        id,
        { type: 'decideForhandsbedomning', outcome: 'open', motivation: 'Oron kräver utredning.', decidedOn: openOn },
        `${openOn}T15:00:00+01:00`,
      );
    };
    await investigate('IFO-2026-000210', '2026-03-02T09:00:00+01:00', '2026-03-04');
    await step(
      'IFO-2026-000210',
      { type: 'close', outcome: 'ingen_insats', motivation: 'Ingen insats behövs.', decidedOn: '2026-06-26' },
      '2026-06-29T10:00:00+02:00',
    );
    // Three weeks later the school reports again and a new investigation is opened.
    await investigate('IFO-2026-000377', '2026-07-13T09:00:00+02:00', '2026-07-16');
    now = new Date('2026-11-20T10:00:00+01:00');

    const api = await raw(bot.url, 'GET', '/api/cases/IFO-2026-000377', {
      headers: { authorization: `Bearer ${KEY}` },
    });
    expect(api.status).toBe(200);
    expect(api.json.history.earlierInvestigations).toEqual([
      { caseId: 'IFO-2026-000210', openedOn: '2026-03-04', closedOn: '2026-06-26', outcome: 'ingen_insats' },
    ]);
    expect(api.json.history.consecutive).toEqual({
      caseIds: ['IFO-2026-000210', 'IFO-2026-000377'],
      firstOpenedOn: '2026-03-04',
      days: 261,
      statutoryFromFirst: '2026-07-04',
      overrun: true,
    });
    // The second investigation alone is within its own four months until 16 November; together they are not.
    const card = await bot.sendMessage(per, 'ärende IFO-2026-000377', personal);
    const text = cardText(card.replies.at(-1)!.card);
    expect(text).toContain('IFO-2026-000210: inledd ons 4 mars, avslutad utan insats fre 26 juni (114 dagar)');
    expect(text).toContain(
      'Utredningar i följd: 2 sedan ons 4 mars, sammanlagt 261 dagar – längre än lagens frist räknad från första inledandet (lör 4 juli).',
    );
    // The first case, read alone, has no such line.
    const first = await raw(bot.url, 'GET', '/api/cases/IFO-2026-000210', {
      headers: { authorization: `Bearer ${KEY}` },
    });
    expect(first.json.history.consecutive).toBeUndefined();
  });
});
