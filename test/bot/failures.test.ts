// A failure a person cannot cause (a bug, a disk error) is answered with a Swedish card carrying an
// error code, and the bot keeps serving the next press.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../src/bot/actions/index.js';
import { COMMANDS } from '../../src/bot/commands/index.js';
import { cardText, startTestBot, type TestBot } from '../support/bot.js';
import { personal } from '../support/teams.js';

describe('a handler that fails', () => {
  let t: TestBot;
  beforeAll(async () => {
    ACTIONS.push({
      verb: 'test.fails',
      handle: () => {
        throw new Error('simulated bug');
      },
    });
    COMMANDS.unshift({
      name: 'test',
      pattern: /^testfel$/,
      handle: () => {
        throw new Error('simulated bug');
      },
    });
    t = await startTestBot();
  });
  afterAll(async () => {
    await t.stop();
  });

  it('answers a card press with a Swedish card and an error code', async () => {
    const r = await t.invoke(t.who('karin'), 'test.fails', {}, personal);
    expect(r.status).toBe(200);
    expect(cardText(r.body.value)).toMatch(/Något gick fel[\s\S]*felkoden [0-9a-f]{8}/);
    expect(cardText(r.body.value)).not.toMatch(/simulated bug/);
  });

  it('answers a chat command the same way, and the next command works', async () => {
    const r = await t.sendMessage(t.who('karin'), 'testfel', personal);
    expect(cardText(r.replies[0].card)).toMatch(/Något gick fel/);
    const help = await t.sendMessage(t.who('karin'), 'hjälp', personal);
    expect(cardText(help.replies[0].card)).toMatch(/Karin Ek/);
  });
});
