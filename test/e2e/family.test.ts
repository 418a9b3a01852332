// One family over the real Teams protocol and the intake API (docs/family.md; docs/domain.md,
// failures 1 and 4): three siblings reported the same day get one card each listing the other two;
// assigning the first suggests the same caseworker for the others and one press gives it to them;
// the caseworker's sick-leave checklist keeps them together and hands them over as one; a case in
// the adult section with the same familyRef gives both team leads one samordning card, with nothing
// of either side's content on it, and one press tells the other team lead.
import { afterEach, describe, expect, it } from 'vitest';
import type { Organisation, Staff } from '../../src/domain/schemas.js';
import { cardText, EXAMPLE_ORG, installAndConnect, startTestBot, type TestBot } from '../support/bot.js';
import { actionData, personalTexts } from '../support/cases.js';
import { raw } from '../http/client.js';
import { channel, personal } from '../support/teams.js';
import { validateCard } from '../support/validateCard.js';

const CHANNEL = '19:barn-mottagning@thread.tacv2';
const KEY = 'test-intake-key-family';
const FAMILY = 'F-2026-0107';
const SIBLINGS = ['IFO-2026-004601', 'IFO-2026-004603', 'IFO-2026-004605'];
const OTHER = 'IFO-2026-004602';

const PIA: Staff = {
  aadObjectId: '00000000-0000-4000-8000-000000000041',
  name: 'Pia Vik',
  role: 'team_lead',
  groups: ['vuxen-missbruk'],
};
const ADULT_ORG: Partial<Organisation> = {
  groups: [...EXAMPLE_ORG.groups, { id: 'vuxen-missbruk', name: 'Vuxen – missbruk', kind: 'adult' }],
  staff: [...EXAMPLE_ORG.staff, PIA],
};

let t: TestBot | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

type Card = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const post = (bot: TestBot, body: object) =>
  raw(bot.url, 'POST', '/api/reports', {
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

const reportBody = (externalId: string, childRef: string, over: object = {}) => ({
  externalId,
  receivedAt: '2026-11-23T08:10:00+01:00',
  groupId: 'barn-mottagning',
  childRef,
  familyRef: FAMILY,
  reporter: { type: 'school', professional: true },
  concerns: ['neglect'],
  summary: 'Skolan beskriver barnets vardag.',
  ...over,
});

/** The case's card as it stands now in the channel (the last post or update of it). */
const hasAction = (card: Card, verb: string, caseId: string) => {
  try {
    return !!actionData(card, verb, caseId);
  } catch {
    return false;
  }
};

function channelCard(bot: TestBot, caseId: string): Card {
  const sends = bot.connector
    .cards()
    // The case card of that case: its "Åtgärder" button names it (siblings are listed on it too).
    .filter((c) => c.conversationId === CHANNEL && !!c.card && hasAction(c.card, 'case.actions', caseId));
  return sends.at(-1)!.card!;
}

function latestHandover(bot: TestBot): Card {
  return bot.connector
    .cards()
    .filter((c) => c.conversationId === CHANNEL && !!c.card && cardText(c.card).includes('Överlämning: Anna Berg'))
    .at(-1)!.card!;
}

describe('three siblings reported the same day', () => {
  it('cards list each other, one assignment is suggested for all, the handover keeps them together, the adult section is linked', async () => {
    t = await startTestBot({
      now: () => new Date('2026-11-23T09:30:00+01:00'),
      ingestApiKey: KEY,
      orgOverrides: ADULT_ORG,
    });
    const bot = t;
    const [anna, bo, karin, pia] = ['anna', 'bo', 'karin', 'pia'].map((n) => bot.who(n));
    await installAndConnect(bot, karin, 'barn-mottagning', CHANNEL);
    for (const p of [karin, pia, anna, bo]) await bot.sendMessage(p, 'hjälp', personal);

    // The three siblings and one unrelated case arrive through the intake API.
    for (const [i, id] of SIBLINGS.entries())
      expect((await post(bot, reportBody(id, `B-2026-061${i}`))).status).toBe(201);
    expect((await post(bot, reportBody(OTHER, 'B-2026-0699', { familyRef: undefined }))).status).toBe(201);
    await bot.drained();

    for (const id of SIBLINGS) {
      const card = channelCard(bot, id);
      expect(validateCard(card)).toEqual([]);
      const text = cardText(card);
      expect(text).toContain('Syskon\n');
      expect(JSON.stringify(card)).not.toContain(FAMILY); // like the child's reference, never in a channel
      for (const other of SIBLINGS.filter((x) => x !== id))
        expect(text).toContain(`${other} · Skyddsbedömning · Ej fördelad`);
      expect(text).not.toContain(OTHER);
    }

    // Karin assigns the first to Anna: the answer offers the siblings, their cards suggest Anna.
    // The channel card has no Tilldela (not every member may assign): Åtgärder gives Karin her own view.
    const first = channelCard(bot, SIBLINGS[0]);
    const own = await bot.invoke(
      karin,
      'case.actions',
      actionData(first, 'case.actions', SIBLINGS[0]),
      channel(CHANNEL),
    );
    const assigned = await bot.invoke(
      karin,
      'case.assign',
      { ...actionData(own.body.value, 'case.assign', SIBLINGS[0]), assignee: anna.aadObjectId },
      channel(CHANNEL),
    );
    expect(assigned.status).toBe(200);
    expect(cardText(assigned.body.value)).toContain('Ge syskonen (2) samma handläggare');
    await bot.drained();
    for (const id of SIBLINGS.slice(1)) {
      const card = channelCard(bot, id);
      expect(cardText(card)).toContain('Samma handläggare som syskonen föreslås: Anna Berg');
      expect(cardText(card)).toContain(`${SIBLINGS[0]} · Skyddsbedömning · Anna Berg`);
      const leadView = (await bot.invoke(karin, 'case.actions', { caseId: id }, channel(CHANNEL))).body.value;
      const choice = JSON.stringify(leadView).match(/"id":"assignee"[^}]*"value":"([^"]*)"/);
      expect(choice?.[1]).toBe(anna.aadObjectId);
    }
    const together = await bot.invoke(
      karin,
      'family.assignSiblings',
      actionData(assigned.body.value, 'family.assignSiblings', SIBLINGS[0]),
      channel(CHANNEL),
    );
    expect(cardText(together.body.value)).toContain(`Anna Berg har fått även ${SIBLINGS[1]}, ${SIBLINGS[2]}.`);
    for (const id of SIBLINGS) expect((await bot.deps.store.getCase(id))!.assignees).toEqual([anna.aadObjectId]);
    await bot.drained();
    // Anna was told once per case in her 1:1 chat, as for any assignment.
    expect(personalTexts(bot, anna, cardText).filter((x) => x.includes('Du har fått ett ärende'))).toHaveLength(3);

    // Anna also has the unrelated case; then she falls ill.
    const other = (await bot.deps.store.getCase(OTHER))!;
    const give = await bot.invoke(
      karin,
      'case.assign',
      {
        caseId: OTHER,
        version: other.version,
        assignee: anna.aadObjectId,
      },
      channel(CHANNEL),
    );
    expect(give.status).toBe(200);
    await bot.sendMessage(karin, 'frånvaro @Anna Berg', channel(CHANNEL), { mentions: [anna] });
    await bot.drained();
    const list = latestHandover(bot);
    expect(validateCard(list)).toEqual([]);
    // Same deadlines: by reference OTHER would come second; the family stays together.
    expect([...cardText(list).matchAll(/\*\*(IFO-[\d-]+)\*\*/g)].map((m) => m[1])).toEqual([...SIBLINGS, OTHER]);
    expect(cardText(list)).toContain(`**${SIBLINGS[0]}** · Skyddsbedömning · syskon: ${SIBLINGS[1]}, ${SIBLINGS[2]}`);
    const data = actionData(list, 'handover.reassign', SIBLINGS[0]);
    const handed = await bot.invoke(
      karin,
      'handover.reassign',
      { ...data, [`owner${data.i}`]: bo.aadObjectId },
      channel(CHANNEL),
    );
    expect(cardText(handed.body.value)).toContain(`${SIBLINGS.join(', ')} har fått ny handläggare: Bo Lindqvist.`);
    for (const id of SIBLINGS) expect((await bot.deps.store.getCase(id))!.assignees).toEqual([bo.aadObjectId]);
    expect((await bot.deps.store.getCase(OTHER))!.assignees).toEqual([anna.aadObjectId]);
    await bot.drained();
    expect(cardText(latestHandover(bot))).toMatch(/0 av 4 ärenden överlämnade · 3 av 4 har ny handläggare/);

    // The mother's case in the adult section, with the same family reference.
    const adult = await post(bot, {
      ...reportBody('VUX-2026-0090', 'V-2026-0090'),
      groupId: 'vuxen-missbruk',
      reporter: { type: 'healthcare', professional: true },
      concerns: ['parental_substance_abuse'],
      summary: 'Vuxentext som stannar i vuxensektionen.',
    });
    expect(adult.status).toBe(201);
    await bot.drained();
    const toKarin = personalTexts(bot, karin, cardText).filter((x) => x.startsWith(`Samordning: familj ${FAMILY}`));
    const toPia = personalTexts(bot, pia, cardText).filter((x) => x.startsWith(`Samordning: familj ${FAMILY}`));
    expect(toKarin).toHaveLength(1);
    expect(toPia).toHaveLength(1);
    expect(toKarin[0]).toMatch(/Andra sektionen\nVuxen – missbruk/);
    expect(toPia[0]).toMatch(/Andra sektionen\nBarn och unga\nHandläggare där\nBo Lindqvist/);
    // No free text, no reference of the other side crosses.
    for (const id of SIBLINGS) expect(toPia[0]).not.toContain(id);
    expect(toPia[0]).not.toMatch(/Skolan beskriver|B-2026-06/);
    expect(toKarin[0]).not.toMatch(/VUX-2026-0090|Vuxentext/);
    const channelJson = JSON.stringify(bot.connector.cards((c) => c.conversationId === CHANNEL));
    expect(channelJson).not.toMatch(/VUX-2026-0090|Vuxentext/);
    expect(channelJson).not.toContain(FAMILY); // the family reference, like the child's, stays out of channels
    expect(cardText(channelCard(bot, SIBLINGS[0]))).toMatch(/Vuxen – missbruk: ej fördelat, sedan mån 23 nov/);

    // Pia presses once: Karin hears who wants to coordinate; a second press changes nothing.
    const piaCard = bot.connector
      .cards()
      .filter((c) => !!c.card && cardText(c.card).startsWith(`Samordning: familj ${FAMILY}`))
      .find((c) => cardText(c.card).includes('Meddela gruppledaren i Barn och unga'))!.card!;
    expect(validateCard(piaCard)).toEqual([]);
    const tell = actionData(piaCard, 'family.tellOtherSection');
    const told = await bot.invoke(pia, 'family.tellOtherSection', tell, personal);
    expect(cardText(told.body.value)).toContain('Gruppledaren i Barn och unga har fått ett meddelande');
    const again = await bot.invoke(pia, 'family.tellOtherSection', tell, personal);
    expect(cardText(again.body.value)).toContain('Pia Vik har redan meddelat gruppledaren i Barn och unga');
    await bot.drained();
    const heard = personalTexts(bot, karin, cardText).filter((x) => x.includes('vill samordna kring familj'));
    expect(heard).toEqual([
      `Pia Vik i Vuxen – missbruk vill samordna kring familj ${FAMILY}: familjen har öppna ärenden både hos er (Barn och unga) och hos Vuxen – missbruk. Kontakta Pia Vik.`,
    ]);
  });
});
