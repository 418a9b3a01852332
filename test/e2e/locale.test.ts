// The language a person reads is their Teams locale (the activity's `locale`, docs/cards.md): a user
// whose Teams is in English gets the help card, the notices and the list answers in English; anyone
// else, with a Swedish locale or none at all, gets Swedish. Over the real protocol.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Staff } from '../../src/domain/schemas.js';
import { cardText, startTestBot, type TestBot } from '../support/bot.js';
import { message, personal, type Where } from '../support/teams.js';
import { validateCard } from '../support/validateCard.js';

const NOW = new Date('2026-11-24T10:00:00+01:00');

describe('the language of the answers follows the Teams locale', () => {
  let t: TestBot;
  beforeEach(async () => {
    t = await startTestBot({ now: () => NOW });
  });
  afterEach(async () => {
    await t.stop();
  });

  /** A message as Teams sends it, with the client's locale (or none). */
  async function say(
    from: Staff | { aadObjectId: string; name: string },
    text: string,
    locale?: string,
    where: Where = personal,
  ) {
    const activity = { ...message(t.connector.url, from, text, where), ...(locale ? { locale } : {}) };
    const r = await t.post(activity);
    expect(r.status).toBe(200);
    const replies = t.connector.cards((c) => c.kind === 'reply' && c.activityId === activity.id);
    expect(replies).toHaveLength(1);
    expect(validateCard(replies[0].card)).toEqual([]);
    return cardText(replies[0].card);
  }

  it('gives an en-US user the English help card, for help and for hjälp', async () => {
    const karin = t.who('karin');
    for (const word of ['help', 'hjälp']) {
      const text = await say(karin, word, 'en-US');
      expect(text).toMatch(/I watch the group's reports and deadlines/);
      expect(text).toMatch(/You are Karin Ek, team lead\./);
      expect(text).toMatch(/Type the command here in the chat/);
      // The commands stay the words the bot understands.
      expect(text).toContain('koppla «grupp-id»');
      expect(text).not.toMatch(/Jag bevakar|Du är/);
    }
  });

  it('gives a user without a locale, or with sv-SE, the Swedish help card', async () => {
    const karin = t.who('karin');
    for (const locale of [undefined, 'sv-SE', 'fi-FI']) {
      const text = await say(karin, 'hjälp', locale);
      expect(text).toMatch(/Jag bevakar gruppens anmälningar/);
      expect(text).toMatch(/Du är Karin Ek, gruppledare\./);
      expect(text).not.toMatch(/I watch|You are/);
    }
  });

  it('answers notices and lists in English for en-GB, and in Swedish otherwise', async () => {
    const anna = t.who('anna');
    expect(await say(anna, 'vad gör du', 'en-GB')).toMatch(/I didn't understand that\nType help/);
    expect(await say(anna, 'vad gör du')).toMatch(/Det förstod jag inte\nSkriv hjälp/);
    const stranger = { aadObjectId: '00000000-0000-4000-8000-0000000000ff', name: 'Okänd Person' };
    expect(await say(stranger, 'mina', 'en-US')).toMatch(/You are not in the organisation file/);
    expect(await say(stranger, 'mina')).toMatch(/Du finns inte i organisationsfilen/);
    expect(await say(stranger, 'help', 'en-US')).toMatch(/You are not in the organisation file, so you can only read/);

    await t.registerReport({ externalId: 'IFO-2026-000031', receivedAt: '2026-11-24T08:00:00+01:00' });
    const mine = await say(anna, 'mina', 'en-US');
    expect(mine).toMatch(/My cases\n0 open cases\./);
    const unassigned = await say(anna, 'ofördelade', 'en-US');
    expect(unassigned).toMatch(/Unassigned cases\n1 unassigned case in /);
    expect(unassigned).toMatch(/Protection assessment: Tue 24 Nov · today/);
    expect(unassigned).toMatch(/arrived today/);
    const sv = await say(anna, 'ofördelade');
    expect(sv).toMatch(/Ofördelade ärenden\n1 ofördelat ärende i /);
    expect(sv).toMatch(/Skyddsbedömning: tis 24 nov · i dag/);
  });
});

describe('LANGUAGE=sv: a unit that wants every answer in Swedish', () => {
  let t: TestBot;
  beforeEach(async () => {
    t = await startTestBot({ now: () => NOW, config: () => ({ language: 'sv' }) });
  });
  afterEach(async () => {
    await t.stop();
  });

  it('answers an en-US user in Swedish', async () => {
    const activity = { ...message(t.connector.url, t.who('karin'), 'help', personal), locale: 'en-US' };
    expect((await t.post(activity)).status).toBe(200);
    const [reply] = t.connector.cards((c) => c.kind === 'reply' && c.activityId === activity.id);
    const text = cardText(reply.card);
    expect(text).toContain('Vad boten kan göra för dig.');
    expect(text).not.toContain('What the bot can do');
  });
});
