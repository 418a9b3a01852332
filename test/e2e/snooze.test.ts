// "Påminn mig i morgon" over the Teams protocol with the scheduler on a fixed clock: pressed on
// Monday, the reminder about the case is not sent on Tuesday morning and is sent on Wednesday; on the
// deadline's last working day the press is refused with a clear answer and changes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import type { Staff } from '../../src/domain/schemas.js';
import { SNOOZES, snoozeId } from '../../src/app/snooze.js';
import { cardText, installAndConnect, startTestBot, type TestBot } from '../support/bot.js';
import { actionFor } from '../support/cardActions.js';
import { personal } from '../support/teams.js';
import { validateCard } from '../support/validateCard.js';
import { forhandsCase } from '../jobs/listFixtures.js';

let t: TestBot | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

const CASE = 'IFO-2026-007401';
const OTHER = 'IFO-2026-007402';

/** The cards in a person's 1:1 chat, oldest first. */
function personalCards(bot: TestBot, who: Staff) {
  const ids = new Set(
    bot.connector.calls
      .filter((c) => c.kind === 'createConversation' && c.body?.members?.[0]?.id === `29:${who.aadObjectId}`)
      .map((c) => c.conversationId),
  );
  ids.add(`a:personal-${who.aadObjectId}`);
  return bot.connector.cards((c) => ids.has(c.conversationId) && c.kind !== 'update').map((c) => c.card!);
}
const morningOf = (bot: TestBot, who: Staff, from: number) =>
  personalCards(bot, who)
    .slice(from)
    .filter((c) => cardText(c).startsWith('God morgon'));

describe('Påminn mig i morgon', () => {
  it('leaves the case out of the next morning’s reminder and brings it back the morning after; on the last working day it is refused', async () => {
    const clock = { now: new Date('2026-11-23T07:50:00+01:00') }; // Monday
    t = await startTestBot({ now: () => clock.now });
    const bot = t;
    const anna = bot.who('anna');
    await installAndConnect(bot, bot.who('karin'), 'barn-mottagning', '19:barn-mottagning@thread.tacv2');
    // Förhandsbedömning due Thursday 26 Nov (received 12 Nov); another case due Friday 27 Nov.
    expect(
      (
        await bot.deps.store.commit({
          cases: [
            { case: forhandsCase(CASE, '2026-11-12', anna.aadObjectId), expectedVersion: null },
            { case: forhandsCase(OTHER, '2026-11-13', anna.aadObjectId), expectedVersion: null },
          ],
        })
      ).ok,
    ).toBe(true);
    const tick = async (at: string) => {
      clock.now = new Date(at);
      await bot.running.scheduler!.tick();
      await bot.drained();
    };

    await tick('2026-11-23T07:50:00+01:00');
    const [monday] = morningOf(bot, anna, 0);
    expect(validateCard(monday)).toEqual([]);
    expect(cardText(monday)).toContain(`**${CASE}** · Förhandsbedömning tors 26 nov (om 3 arbetsdagar)`);
    const snooze = actionFor(monday, 'reminder.snooze', CASE)!;
    expect(snooze.title).toBe('Påminn mig i morgon');
    expect(actionFor(monday, 'case.show', CASE)).toBeDefined();
    expect(actionFor(monday, 'decision.contact.open-form', CASE)).toBeDefined();

    // Monday 10:00: pressed; the answer is the reminder again, saying which morning is left out.
    clock.now = new Date('2026-11-23T10:00:00+01:00');
    const pressed = await bot.invoke(anna, snooze.verb, snooze.data, personal);
    expect(pressed.status).toBe(200);
    expect(validateCard(pressed.body.value)).toEqual([]);
    expect(cardText(pressed.body.value)).toContain(`${CASE}: ingen påminnelse tis 24 nov. Du påminns igen ons 25 nov.`);
    expect(cardText(pressed.body.value)).toContain('Påminns inte tis 24 nov, igen ons 25 nov.');
    expect(actionFor(pressed.body.value, 'reminder.snooze', CASE)).toBeUndefined();
    expect(await bot.deps.store.getDoc(SNOOZES, snoozeId(anna.aadObjectId, CASE))).toMatchObject({
      on: '2026-11-23',
      quietOn: '2026-11-24',
    });

    // Tuesday: the other case is reminded, this one is not.
    let seen = personalCards(bot, anna).length;
    await tick('2026-11-24T07:50:00+01:00');
    const tuesday = morningOf(bot, anna, seen);
    expect(tuesday).toHaveLength(1);
    expect(cardText(tuesday[0])).toContain(`**${OTHER}**`);
    expect(cardText(tuesday[0])).not.toContain(CASE);

    // Wednesday: reminded again (the summary, and the card for the next working day's deadline).
    seen = personalCards(bot, anna).length;
    await tick('2026-11-25T07:50:00+01:00');
    const wednesday = personalCards(bot, anna).slice(seen);
    expect(wednesday.map(cardText).join('\n')).toContain(`**${CASE}** · Förhandsbedömning tors 26 nov`);
    expect(cardText(morningOf(bot, anna, seen)[0])).toContain(`**${CASE}**`);

    // Thursday, the deadline's last working day: refused, with a clear answer; nothing changed.
    seen = personalCards(bot, anna).length;
    await tick('2026-11-26T07:50:00+01:00');
    expect(actionFor(morningOf(bot, anna, seen)[0], 'reminder.snooze', CASE)).toBeUndefined(); // not offered
    const before = await bot.deps.store.getDoc(SNOOZES, snoozeId(anna.aadObjectId, CASE));
    const refused = await bot.invoke(anna, 'reminder.snooze', { caseId: CASE, kind: 'summary' }, personal);
    expect(validateCard(refused.body.value)).toEqual([]);
    expect(cardText(refused.body.value)).toContain(
      `I dag är sista arbetsdagen för förhandsbedömning i ${CASE} (frist tors 26 nov): påminnelsen kan inte skjutas upp. Inget har ändrats.`,
    );
    expect(await bot.deps.store.getDoc(SNOOZES, snoozeId(anna.aadObjectId, CASE))).toEqual(before);
  });

  it('is refused to someone who does not own the case', async () => {
    t = await startTestBot({ now: () => new Date('2026-11-23T10:00:00+01:00') });
    const [anna, bo] = [t.who('anna'), t.who('bo')];
    await t.deps.store.commit({
      cases: [{ case: forhandsCase(CASE, '2026-11-12', anna.aadObjectId), expectedVersion: null }],
    });
    const r = await t.invoke(bo, 'reminder.snooze', { caseId: CASE, kind: 'summary' }, personal);
    expect(cardText(r.body.value)).toContain(`Du är inte handläggare för ${CASE}`);
    expect(await t.deps.store.listDocs(SNOOZES)).toEqual([]);
  });
});
