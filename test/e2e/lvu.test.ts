// The LVU track over the Teams protocol (the real server, the Bot Connector stand-in, lowdb in a temp
// dir): an omedelbart omhändertagande recorded from the case card on Fri 2026-01-09 puts the one-week
// underställning first on the card, reaches the owner's 1:1 the next working morning, the team lead
// and the unit manager two working days before, and the morning list; recording the underställning
// and the application clears them; GET /api/cases/{ref} lists every deadline with its reference.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Staff } from '../../src/domain/schemas.js';
import { cardText, cardVerbs, installAndConnect, startTestBot, teams, type TestBot } from '../support/bot.js';
import { validateCard } from '../support/validateCard.js';

const CHANNEL = '19:mottagning-lvu@thread.tacv2';
const where = teams.channel(CHANNEL);
const KEY = 'lvu-test-key-0123456789';
const ID = 'IFO-2026-000109';
let clock = new Date('2026-01-09T10:00:00+01:00'); // Friday
let t: TestBot;
let anna: Staff, karin: Staff, lars: Staff;

beforeAll(async () => {
  t = await startTestBot({ now: () => clock, ingestApiKey: KEY });
  [anna, karin, lars] = ['anna', 'karin', 'lars'].map((n) => t.who(n));
  await installAndConnect(t, karin, 'barn-mottagning', CHANNEL);
  const r = await t.registerReport({
    externalId: ID,
    childRef: 'B-2026-0109',
    receivedAt: '2026-01-09T08:10:00+01:00',
  });
  expect(r.ok).toBe(true);
  await t.drained();
});
afterAll(async () => {
  await t?.stop();
});

const version = async () => (await t.deps.store.getCase(ID))!.version;
async function press(who: Staff, verb: string, data: Record<string, unknown>) {
  const r = await t.invoke(who, verb, data, where);
  expect(r.status).toBe(200);
  expect(validateCard(r.body.value)).toEqual([]);
  return { card: r.body.value, text: cardText(r.body.value), verbs: cardVerbs(r.body.value) };
}
const submit = async (who: Staff, kind: string, data: Record<string, unknown>) =>
  press(who, `decision.${kind}.submit`, { caseId: ID, version: await version(), ...data });

/** Cards sent in the 1:1 chats the bot opened with this person. */
function personal(who: Staff): string[] {
  const ids = new Set(
    t.connector.calls
      .filter((c) => c.kind === 'createConversation' && c.body.members[0].id === `29:${who.aadObjectId}`)
      .map((c) => c.conversationId),
  );
  return t.connector.cards((c) => ids.has(c.conversationId)).map((c) => cardText(c.card));
}
const channelLists = () =>
  t.connector
    .cards((c) => c.kind !== 'update' && c.conversationId.split(';')[0] === CHANNEL)
    .map((c) => cardText(c.card))
    .filter((x) => x.startsWith('Morgonlista'));

async function morning(iso: string) {
  clock = new Date(iso);
  await t.running.scheduler!.tick();
  await t.drained();
}

describe('an omedelbart omhändertagande recorded from the case card', () => {
  it('shows the one-week underställning first on the card', async () => {
    expect((await press(anna, 'case.take', { caseId: ID, version: await version() })).text).toContain('Anna Berg');
    await submit(anna, 'skydd', { immediateProtection: 'ja', motivation: 'Barnet kan inte återvända hem i kväll.' });
    const shown = await t.sendMessage(karin, `ärende ${ID}`, where);
    expect(cardVerbs(shown.replies[0].card)).toContain('decision.lvuStart.open-form');
    const form = await press(anna, 'decision.lvuStart.open-form', { caseId: ID, version: await version() });
    expect(form.text).toContain('Omedelbart omhändertagande enligt LVU 6 §');
    expect(form.verbs).toEqual(['decision.lvuStart.submit', 'case.show']);

    // A date in the future is refused by field, and nothing is stored.
    const before = await version();
    const bad = await submit(anna, 'lvuStart', { decidedOn: '2026-01-10', decidedBy: 'ordforande', ground: '2' });
    expect(bad.text).toContain('Beslutsdatumet kan inte vara i framtiden.');
    expect(await version()).toBe(before);

    const r = await submit(anna, 'lvuStart', {
      decidedOn: '2026-01-09',
      decidedBy: 'ordforande',
      ground: '2',
      verkstalldOn: '2026-01-09',
    });
    expect(r.text).toContain('Underställning senast fre 16 jan, ansökan om vård senast fre 6 feb.');
    const lvuAt = r.text.indexOf('LVU: omedelbart omhändertagande fre 9 jan, verkställt fre 9 jan');
    expect(lvuAt).toBeGreaterThanOrEqual(0);
    expect(lvuAt).toBeLessThan(r.text.indexOf('Skyddsbedömning\nklar'));
    expect(r.text.indexOf('LVU 7 § underställning\nfre 16 jan (7 dagar kvar)')).toBeGreaterThan(lvuAt);
    expect(r.text).toContain('LVU 8 § ansökan om vård\nfre 6 feb (28 dagar kvar)');
    expect(r.verbs).toContain('decision.lvuUnderstallning.open-form');

    // The skyddsbedömning raised the immediate-protection alarm for the team lead and the unit
    // manager; the omhändertagande recorded through the LVU track is the protective measure that ends it.
    await t.drained();
    for (const who of [karin, lars]) {
      const alarm = personal(who).join('\n---\n');
      expect(alarm).toContain(
        'Omedelbart skyddsbehov – skyddsåtgärd registrerad: omedelbart omhändertagande enligt LVU 6 §',
      );
      expect(alarm).toContain('Larmet är avslutat.');
    }
    expect(personal(anna).join('\n')).not.toContain('Omedelbart skyddsbehov');
    expect(r.text).not.toContain('ingen skyddsåtgärd registrerad');
  });

  it('reaches the owner’s 1:1 the next working morning and the group’s morning list', async () => {
    await morning('2026-01-12T07:50:00+01:00'); // Monday
    const toAnna = personal(anna).join('\n---\n');
    expect(toAnna).toMatch(
      /God morgon Anna[\s\S]*IFO-2026-000109\*\* · LVU: underställning till förvaltningsrätten fre 16 jan/,
    );
    const list = channelLists().at(-1)!;
    expect(list).toContain('LVU: omedelbart omhändertagna barn');
    expect(list).toMatch(
      /IFO-2026-000109\*\* · LVU: underställning till förvaltningsrätten fre 16 jan · annars upphör omhändertagandet\nBrister i omsorgen · Anna Berg · även LVU-frist fre 6 feb/,
    );
    // Four working days left: the team lead and the unit manager are not yet told of the LVU deadlines
    // (their ended immediate-protection alarm names the omhändertagande, not a deadline).
    expect(personal(lars).join('\n')).not.toContain('LVU: ');
    expect(personal(karin).join('\n')).not.toContain('LVU: ');
  });

  it('tells the unit manager and the team lead two working days before, then the application clears it', async () => {
    await morning('2026-01-13T07:50:00+01:00'); // Tuesday: three working days left
    expect(personal(lars).join('\n')).not.toContain('LVU: ');
    await morning('2026-01-14T07:50:00+01:00'); // Wednesday: Thu and Fri left
    const toLars = personal(lars).join('\n---\n');
    expect(toLars).toMatch(/Eskalering ons 14 jan[\s\S]*LVU: underställning och ansökan inom två arbetsdagar/);
    expect(toLars).toContain('IFO-2026-000109** · LVU: underställning till förvaltningsrätten fre 16 jan');
    expect(personal(karin).join('\n')).toMatch(/LVU: frister som avslutar barnets skydd[\s\S]*IFO-2026-000109/);
    expect(personal(anna).filter((x) => x.includes('IFO-2026-000109'))).toHaveLength(3); // Mon, Tue, Wed

    clock = new Date('2026-01-14T10:00:00+01:00');
    const u = await submit(anna, 'lvuUnderstallning', { on: '2026-01-14' });
    expect(u.text).toContain('Underställningen till förvaltningsrätten är registrerad.');
    expect(u.text).not.toContain('LVU 7 § underställning\nfre 16 jan');
    const a = await submit(anna, 'lvuAnsokan', { on: '' });
    expect(a.text).toContain('Ansökan om vård är registrerad.');
    expect(a.text).not.toContain('LVU 8 § ansökan om vård\nfre 6 feb');
    expect(a.text).toContain('LVU 34 § rättens beslut (information)\nons 28 jan');

    const lists = channelLists().length;
    await morning('2026-01-15T07:50:00+01:00');
    expect(channelLists()).toHaveLength(lists + 1);
    expect(channelLists().at(-1)).not.toContain('LVU: omedelbart omhändertagna barn');
    expect(personal(lars).join('\n')).not.toContain('tors 15 jan');
  });

  it('GET /api/cases/{ref} lists every deadline with kind, due, statutory date and legal reference', async () => {
    const res = await fetch(`${t.url}/api/cases/${ID}`, { headers: { authorization: `Bearer ${KEY}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { deadlines: Record<string, unknown>[] };
    const byKind = Object.fromEntries(body.deadlines.map((d) => [d.kind, d]));
    expect(byKind.lvu_understallning).toMatchObject({
      due: '2026-01-16',
      statutoryDue: '2026-01-16',
      done: true,
      legalReference: 'LVU (1990:52) 7 §',
      verified: false,
    });
    expect(byKind.lvu_ansokan).toMatchObject({
      due: '2026-02-06',
      done: true,
      legalReference: 'LVU (1990:52) 8 § och 9 §',
    });
    expect(byKind.lvu_namnd).toBeUndefined(); // no meeting dates configured
    expect(byKind.forhandsbedomning).toMatchObject({
      due: '2026-01-23',
      statutoryDue: '2026-01-23',
      legalReference: 'SoL (2025:400) 20 kap. 2 § (tidigare SoL (2001:453) 11 kap. 1 a § andra stycket)',
    });
    for (const d of body.deadlines)
      expect(Object.keys(d)).toEqual(expect.arrayContaining(['kind', 'due', 'statutoryDue', 'legalReference']));
  });
});
