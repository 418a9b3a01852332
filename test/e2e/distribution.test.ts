// The distribution meeting over the Bot Framework protocol: each row suggests a different present
// caseworker (by load), an overdue skyddsbedömning is said on its row, and after two presses the
// card confirms both assignments, who got what.
import { afterEach, describe, expect, it } from 'vitest';
import { cardText, installAndConnect, startTestBot, type TestBot } from '../support/bot.js';
import { channel } from '../support/teams.js';
import { validateCard } from '../support/validateCard.js';

const CHANNEL = '19:barn-mottagning@thread.tacv2';

/** The preselected value of each assign control, in row order. */
function suggestions(card: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.type === 'Input.ChoiceSet') out.push(String(o.value));
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}

let t: TestBot | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

describe('the distribution card', () => {
  it('spreads its suggestions, marks an overdue skyddsbedömning and confirms each assignment', async () => {
    t = await startTestBot({ now: () => new Date('2026-11-24T08:30:00+01:00') });
    const karin = t.who('karin');
    await installAndConnect(t, karin, 'barn-mottagning', CHANNEL);
    await t.registerReport({ externalId: 'IFO-2026-007401', receivedAt: '2026-11-19T10:00:00+01:00' });
    await t.registerReport({
      externalId: 'IFO-2026-007402',
      childRef: 'B-2026-0402',
      receivedAt: '2026-11-24T08:00:00+01:00',
    });
    await t.drained();

    const { replies } = await t.sendMessage(karin, 'fördelning', channel(CHANNEL));
    const card = replies.at(-1)!.card!;
    expect(validateCard(card)).toEqual([]);
    expect(cardText(card)).toContain('**IFO-2026-007401** · **Skyddsbedömning försenad, tors 19 nov**');
    expect(cardText(card)).not.toContain('**IFO-2026-007402** · **Skyddsbedömning försenad');
    const [first, second] = suggestions(card);
    expect(first).toBeTruthy();
    expect(second).toBeTruthy();
    expect(first).not.toBe(second);

    const press = async (caseId: string, input: string, assignee: string) => {
      const c = (await t!.deps.store.getCase(caseId))!;
      const r = await t!.invoke(
        karin,
        'distribution.assign',
        { caseId, version: c.version, groupId: 'barn-mottagning', input, [input]: assignee },
        channel(CHANNEL),
      );
      expect(r.status).toBe(200);
      expect(validateCard(r.body.value)).toEqual([]);
      return cardText(r.body.value);
    };
    const firstName = t.deps.org.name(first);
    const secondName = t.deps.org.name(second);
    const afterOne = await press('IFO-2026-007401', 'assignee0', first);
    expect(afterOne).toContain(`IFO-2026-007401 har gått till ${firstName}.`);
    expect(afterOne).toContain('Fördelade i dag');
    expect(afterOne).toContain(`✓ **IFO-2026-007401** till ${firstName}`);
    const afterTwo = await press('IFO-2026-007402', 'assignee0', second);
    expect(afterTwo).toContain(`✓ **IFO-2026-007401** till ${firstName}`);
    expect(afterTwo).toContain(`✓ **IFO-2026-007402** till ${secondName}`);
    expect(afterTwo).toContain('Inga ofördelade ärenden.');
  });
});
