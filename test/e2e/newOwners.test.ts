// Every way a person becomes an owner of a case tells them in their 1:1 chat, through the same
// mechanism as Tilldela (src/app/newOwners.ts): here the förhandsbedömning form that names a first and
// a second investigator, and the handover checklist. Someone who names themselves is not told.
import { afterEach, describe, expect, it } from 'vitest';
import type { Staff } from '../../src/domain/schemas.js';
import { cardText, installAndConnect, startTestBot, type TestBot } from '../support/bot.js';
import { ownedCases, personalTexts } from '../support/cases.js';
import { channel } from '../support/teams.js';
import { validateCard } from '../support/validateCard.js';

const CHANNEL = '19:barn-mottagning@thread.tacv2';
let t: TestBot | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

const told = (bot: TestBot, who: Staff, caseId: string) =>
  personalTexts(bot, who, cardText).filter((x) => x.includes('Du har fått ett ärende') && x.includes(caseId));

describe('the förhandsbedömning form names two investigators', () => {
  it('the second investigator (new to the case) gets the 1:1 card; the first, already the owner, does not get it again', async () => {
    t = await startTestBot({ now: () => new Date('2026-11-20T09:30:00+01:00') });
    await installAndConnect(t, t.who('karin'), 'barn-mottagning', CHANNEL);
    const [anna, bo, karin] = ['anna', 'bo', 'karin'].map((n) => t!.who(n));
    const [id] = await ownedCases(t, [anna], 1, { firstDay: '2026-11-16' });
    const before = told(t, anna, id).length;
    expect(before).toBe(1); // Tilldela told Anna once

    const r = await t.invoke(
      karin,
      'decision.forhand.submit',
      {
        caseId: id,
        version: (await t.deps.store.getCase(id))!.version,
        outcome: 'open',
        motivation: 'Oro kvarstår.',
        investigator: anna.aadObjectId,
        secondInvestigator: bo.aadObjectId,
      },
      channel(CHANNEL),
    );
    expect(cardText(r.body.value)).toMatch(/Utredare: Anna Berg och Bo Lindqvist/);
    await t.connector.waitFor(() => told(t!, bo, id).length > 0);
    await t.drained();
    const toBo = told(t, bo, id);
    expect(toBo).toHaveLength(1);
    expect(toBo[0]).toMatch(/Karin Ek har gett dig ärendet/);
    expect(toBo[0]).toMatch(/Utredning/);
    const dm = t.connector.cards().find((c) => !!c.card && cardText(c.card) === toBo[0])!;
    expect(validateCard(dm.card)).toEqual([]);
    expect(told(t, anna, id)).toHaveLength(before);
  });

  it('a team lead who opens the investigation with two new investigators tells both; one naming no one tells no one', async () => {
    t = await startTestBot({ now: () => new Date('2026-11-20T09:30:00+01:00') });
    await installAndConnect(t, t.who('karin'), 'barn-mottagning', CHANNEL);
    const [anna, bo, cecilia, karin] = ['anna', 'bo', 'cecilia', 'karin'].map((n) => t!.who(n));
    const [a, b] = await ownedCases(t, [anna], 2, { firstDay: '2026-11-16' });
    const submit = async (caseId: string, extra: Record<string, unknown>) =>
      t!.invoke(
        karin,
        'decision.forhand.submit',
        {
          caseId,
          version: (await t!.deps.store.getCase(caseId))!.version,
          outcome: 'open',
          motivation: 'Oro kvarstår.',
          ...extra,
        },
        channel(CHANNEL),
      );
    await submit(a, { investigator: bo.aadObjectId, secondInvestigator: cecilia.aadObjectId });
    await submit(b, {});
    await t.connector.waitFor(() => told(t!, bo, a).length > 0 && told(t!, cecilia, a).length > 0);
    await t.drained();
    expect(told(t, bo, a)).toHaveLength(1);
    expect(told(t, cecilia, a)).toHaveLength(1);
    expect(told(t, bo, b)).toHaveLength(0);
    expect(told(t, anna, b)).toHaveLength(1); // only the Tilldela of the setup
  });
});
