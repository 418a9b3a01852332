// Channels from the organisation file (docs/contract.md), over the Bot Framework protocol: a group
// whose `channel` the file names gets its new-report card in that channel once the bot is installed
// in the team, with nobody typing `koppla`; a card queued before the install arrives once the
// install does (the team lead is told meanwhile); `koppla` wins until the file's binding changes;
// a foreign tenant's install binds nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { bindConfiguredChannels } from '../../src/app/configuredChannels.js';
import { GROUP_CHANNELS, TEAMS, type GroupChannel } from '../../src/app/conversations.js';
import type { Organisation } from '../../src/domain/schemas.js';
import { cardText, EXAMPLE_ORG, startTestBot, teams, type TestBot } from '../support/bot.js';
import { validateCard } from '../support/validateCard.js';

const FILE_CHANNEL = '19:mottagning-fil@thread.tacv2';
const NOW = new Date('2026-11-24T10:00:00+01:00');

const withChannel = (channelId = FILE_CHANNEL, teamId = teams.TEAM_ID): Partial<Organisation> => ({
  groups: EXAMPLE_ORG.groups.map((g) => (g.id === 'barn-mottagning' ? { ...g, channel: { teamId, channelId } } : g)),
});

const isNewReport = (ref: string) => (c: { card?: unknown }) =>
  cardText(c.card).includes(ref) && /Ny anmälan|Skyddsbedömning/.test(cardText(c.card));

let t: TestBot | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

describe('a group bound in the organisation file', () => {
  it('gets its new-report card in the named channel after the install, with no koppla typed', async () => {
    t = await startTestBot({ now: () => NOW, orgOverrides: withChannel() });
    const install = await t.post(teams.botAddedToTeam(t.connector.url, t.who('karin')));
    expect(install.status).toBe(200);
    await t.registerReport({ externalId: 'IFO-2026-000123', receivedAt: '2026-11-24T08:00:00+01:00' });
    await t.drained();
    const posted = t.connector.to(FILE_CHANNEL).filter(isNewReport('IFO-2026-000123'));
    expect(posted).toHaveLength(1);
    expect(validateCard(posted[0].card)).toEqual([]);
    // Bound from the file, recorded as such; nobody typed koppla.
    const link = (await t.deps.store.getDoc<GroupChannel>(GROUP_CHANNELS, 'barn-mottagning'))!;
    expect(link).toMatchObject({
      source: 'file',
      linkedBy: 'organisationsfilen',
      conversationKey: `channel:${FILE_CHANNEL}`,
    });
    expect(t.connector.calls.filter((c) => c.body?.text?.includes?.('koppla'))).toEqual([]);
    // The greeting says the file bound the group, instead of asking for koppla.
    const greeting = t.connector.cards().find((c) => cardText(c.card).includes('Jag är Ärendevakt'))!;
    expect(cardText(greeting.card)).toMatch(/Organisationsfilen kopplar Mottagning barn och unga till en kanal/);
    expect(cardText(greeting.card)).not.toMatch(/gruppledare kopplar/);
  });

  it('installationUpdate alone (the app added to the team) binds the channel too', async () => {
    t = await startTestBot({ now: () => NOW, orgOverrides: withChannel() });
    const base = teams.botAddedToTeam(t.connector.url, t.who('karin'));
    const r = await t.post({ ...base, type: 'installationUpdate', action: 'add', membersAdded: undefined });
    expect(r.status).toBe(200);
    await t.registerReport({ externalId: 'IFO-2026-000124', receivedAt: '2026-11-24T08:00:00+01:00' });
    await t.drained();
    expect(t.connector.to(FILE_CHANNEL).filter(isNewReport('IFO-2026-000124'))).toHaveLength(1);
  });

  it('delivers a card queued before the install once the install arrives, and tells the team lead meanwhile', async () => {
    t = await startTestBot({ now: () => NOW, orgOverrides: withChannel() });
    // Karin has written to the bot before, so she can be told in her 1:1.
    await t.sendMessage(t.who('karin'), 'hjälp', teams.personal);
    await t.registerReport({ externalId: 'IFO-2026-000125', receivedAt: '2026-11-24T08:00:00+01:00' });
    await t.drained();
    expect(t.connector.to(FILE_CHANNEL)).toHaveLength(0);
    const told = t.connector
      .cards()
      .filter(
        (c) => /IFO-2026-000125/.test(cardText(c.card)) && /inte installerad i det teamet/.test(cardText(c.card)),
      );
    expect(told.length).toBeGreaterThanOrEqual(1);

    await t.post(teams.botAddedToTeam(t.connector.url, t.who('karin')));
    await t.drained();
    expect(t.connector.to(FILE_CHANNEL).filter(isNewReport('IFO-2026-000125'))).toHaveLength(1);
    // Not sent twice by a later activity from the team.
    const asked = await t.sendMessage(t.who('bo'), 'ofördelade', teams.channel(FILE_CHANNEL));
    await t.drained();
    const answer = new Set(asked.replies.map((r) => r.activityId));
    expect(
      t.connector
        .to(FILE_CHANNEL)
        .filter((c) => !answer.has(c.activityId))
        .filter(isNewReport('IFO-2026-000125')),
    ).toHaveLength(1);
  });

  it('lets koppla win until the file binding for the group changes', async () => {
    t = await startTestBot({ now: () => NOW, orgOverrides: withChannel() });
    const karin = t.who('karin');
    await t.post(teams.botAddedToTeam(t.connector.url, karin));
    const OTHER = '19:annan-kanal@thread.tacv2';
    const k = await t.sendMessage(karin, 'koppla barn-mottagning', teams.channel(OTHER));
    expect(k.status).toBe(200);
    // Another activity from the team does not take the group back to the file's channel.
    await t.sendMessage(t.who('bo'), 'ofördelade', teams.channel(FILE_CHANNEL));
    await t.registerReport({ externalId: 'IFO-2026-000126', receivedAt: '2026-11-24T08:00:00+01:00' });
    await t.drained();
    expect(t.connector.to(OTHER).filter(isNewReport('IFO-2026-000126'))).toHaveLength(1);
    expect(t.connector.to(FILE_CHANNEL).filter(isNewReport('IFO-2026-000126'))).toHaveLength(0);
    expect(await t.deps.store.getDoc<GroupChannel>(GROUP_CHANNELS, 'barn-mottagning')).toMatchObject({
      source: 'koppla',
      fileBinding: `${teams.TEAM_ID} ${FILE_CHANNEL}`,
    });

    // The file now names another channel: the file wins again, at once on reading it.
    const NEW_FILE_CHANNEL = '19:mottagning-ny@thread.tacv2';
    t.deps.org.replace({ ...t.org, ...withChannel(NEW_FILE_CHANNEL) });
    expect(await bindConfiguredChannels(t.deps)).toEqual(['barn-mottagning']);
    await t.registerReport({ externalId: 'IFO-2026-000127', receivedAt: '2026-11-24T08:00:00+01:00' });
    await t.drained();
    expect(t.connector.to(NEW_FILE_CHANNEL).filter(isNewReport('IFO-2026-000127'))).toHaveLength(1);
    expect(t.connector.to(OTHER).filter(isNewReport('IFO-2026-000127'))).toHaveLength(0);
  });

  it("binds nothing on another tenant's install", async () => {
    t = await startTestBot({ now: () => NOW, orgOverrides: withChannel() });
    const FOREIGN = '11111111-1111-4111-8111-111111111111';
    const base = teams.botAddedToTeam(t.connector.url, t.who('karin'));
    const r = await t.post({
      ...base,
      conversation: { ...base.conversation, tenantId: FOREIGN },
      channelData: { ...base.channelData, tenant: { id: FOREIGN } },
    });
    expect(r.status).toBe(200);
    expect(await t.deps.store.listDocs(TEAMS)).toEqual([]);
    expect(await t.deps.store.getDoc(GROUP_CHANNELS, 'barn-mottagning')).toBeUndefined();
    await t.registerReport({ externalId: 'IFO-2026-000128', receivedAt: '2026-11-24T08:00:00+01:00' });
    await t.drained();
    expect(t.connector.to(FILE_CHANNEL)).toHaveLength(0);
  });
});

describe("Teams' notification text", () => {
  it('gives every card the bot sends a summary with the case reference only, never the report or a name', async () => {
    t = await startTestBot({ now: () => NOW, orgOverrides: withChannel() });
    const karin = t.who('karin');
    const anna = t.who('anna');
    await t.post(teams.botAddedToTeam(t.connector.url, karin));
    await t.sendMessage(anna, 'hjälp', teams.personal); // so her 1:1 exists
    await t.registerReport({
      externalId: 'IFO-2026-000123',
      receivedAt: '2026-11-24T08:00:00+01:00',
      summary: 'Förskolan oroar sig för Kalle',
    });
    await t.drained();
    const card = t.connector.to(FILE_CHANNEL).filter(isNewReport('IFO-2026-000123'))[0];
    expect(card.body.summary).toBe('Ny anmälan IFO-2026-000123 – skyddsbedömning i dag');

    const r = await t.invoke(
      karin,
      'case.assign',
      { caseId: 'IFO-2026-000123', version: 1, assignee: anna.aadObjectId },
      teams.channel(FILE_CHANNEL),
    );
    expect(r.status).toBe(200);
    await t.drained();
    const updated = t.connector
      .to(FILE_CHANNEL)
      .filter((c) => c.kind === 'update')
      .at(-1)!;
    expect(updated.body.summary).toBe('Ärende IFO-2026-000123 – skyddsbedömning i dag');
    const dm = t.connector
      .cards((c) => /Du har fått ett ärende/.test(cardText(c.body?.attachments?.[0]?.content)))
      .at(-1)!;
    expect(dm.body.summary).toBe('Du har fått ärendet IFO-2026-000123 – skyddsbedömning i dag');

    const answer = await t.sendMessage(karin, 'ärende IFO-2026-000123', teams.personal);
    expect(answer.replies[0].body.summary).toBe('Svar från Ärendevakt om IFO-2026-000123');

    // Every card activity sent has one, and none carries the report's words or a person's name.
    const sent = t.connector.cards((c) => !!c.body?.attachments?.length);
    expect(sent.length).toBeGreaterThan(3);
    for (const c of sent) {
      expect(typeof c.body.summary).toBe('string');
      expect(c.body.summary).not.toMatch(/Kalle|Förskolan|Anna|Karin|Berg/);
    }
  });
});
