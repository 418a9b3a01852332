// Free text about a child stays out of channels (Teams channels are read by many and stored by
// Microsoft): historik and the handover checklist in a channel say that a motivation or status
// exists, who wrote it and when; "Visa" shows the text to the person who pressed alone (the invoke
// answer), after the check that they may see the case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HANDOVERS } from '../../src/app/handover.js';
import type { Handover } from '../../src/domain/handover.js';
import { cardText, installAndConnect, startTestBot, teams, type TestBot } from '../support/bot.js';
import { validateCard } from '../support/validateCard.js';

const CHANNEL = '19:mottagning@thread.tacv2';
const where = teams.channel(CHANNEL);
const ID = 'IFO-2026-400001';
const MOTIVATION = 'Polisen beskriver slag; barnet vill inte gå hem.';
const STATUS = 'Hembesök bokat till torsdag; skolan återkommer om frånvaron';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot({ now: () => new Date('2026-11-24T10:00:00+01:00') });
  await installAndConnect(t, t.who('karin'), 'barn-mottagning', CHANNEL);
  const r = await t.registerReport({ externalId: ID, receivedAt: '2026-11-24T08:30:00+01:00' });
  if (!r.ok) throw new Error(r.refusal.message);
  const s = await t.invoke(
    t.who('anna'),
    'decision.skydd.submit',
    { caseId: ID, version: r.case.version, immediateProtection: 'false', motivation: MOTIVATION },
    where,
  );
  expect(cardText(s.body.value)).toMatch(/Skyddsbedömningen är registrerad/);
});
afterAll(async () => {
  await t?.stop();
});

/** Every action on a card with its data. */
function actions(card: unknown): { verb: string; data: Record<string, unknown> }[] {
  const out: { verb: string; data: Record<string, unknown> }[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.type === 'Action.Execute')
        out.push({ verb: String(o.verb), data: (o.data ?? {}) as Record<string, unknown> });
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}
const sentSince = (n: number) => JSON.stringify(t.connector.calls.slice(n).map((c) => c.body));

describe('historik in a channel', () => {
  it('shows no free text: that a motivation exists, who wrote it and when, with "Visa"', async () => {
    const h = await t.sendMessage(t.who('karin'), `historik ${ID}`, where);
    const card = h.replies[0].card!;
    expect(validateCard(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toMatch(/Skyddsbedömning gjord: inget omedelbart skyddsbehov\./);
    expect(text).toMatch(/Motivering skriven av Anna Berg, tis 24 nov kl\. 10:00\./);
    expect(JSON.stringify(card)).not.toContain('Polisen');
    expect(actions(card).filter((a) => a.verb === 'timeline.reveal')).toHaveLength(1);
  });

  it('"Visa" as the team lead shows the text to her alone; a caseworker of another group is refused', async () => {
    const h = await t.sendMessage(t.who('karin'), `historik ${ID}`, where);
    const reveal = actions(h.replies[0].card).find((a) => a.verb === 'timeline.reveal')!;
    const before = t.connector.calls.length;
    const shown = await t.invoke(t.who('karin'), reveal.verb, reveal.data, where);
    expect(shown.status).toBe(200);
    expect(validateCard(shown.body.value)).toEqual([]);
    expect(cardText(shown.body.value)).toContain(`Varför: ${MOTIVATION}`);
    expect(cardText(shown.body.value)).toMatch(/Visas bara för dig/);
    // Only the invoke answer carries it: nothing was posted or updated in the channel.
    await t.drained();
    expect(sentSince(before)).not.toContain('Polisen');

    const refused = await t.invoke(t.who('elin'), reveal.verb, reveal.data, where);
    expect(cardText(refused.body.value)).toMatch(/grupp som du inte är med i/);
    expect(JSON.stringify(refused.body)).not.toContain('Polisen');
  });

  it('in a 1:1 chat, someone who may see the case reads the motivation directly', async () => {
    const h = await t.sendMessage(t.who('karin'), `historik ${ID}`, teams.personal);
    expect(cardText(h.replies[0].card)).toContain(`Varför: ${MOTIVATION}`);
  });
});

describe('the handover checklist in a channel', () => {
  it('shows "Status skriven av Bo Lindqvist, tis 24 nov" without the text; "Visa status" shows it to the presser alone', async () => {
    const karin = t.who('karin');
    const anna = t.who('anna');
    const bo = t.who('bo');
    const c = (await t.deps.store.getCase(ID))!;
    await t.invoke(karin, 'case.assign', { caseId: ID, version: c.version, assignee: anna.aadObjectId }, where);
    await t.sendMessage(karin, 'frånvaro @Anna Berg', where, { mentions: [anna] });
    const h = (await t.deps.store.listDocs<Handover>(HANDOVERS))[0];
    const v = (await t.deps.store.getCase(ID))!.version;
    await t.invoke(
      karin,
      'handover.reassign',
      { handoverId: h.id, caseId: ID, version: v, i: '0', owner0: bo.aadObjectId },
      where,
    );
    const saved = await t.invoke(
      bo,
      'handover.status',
      { handoverId: h.id, caseId: ID, i: '0', status0: STATUS },
      where,
    );
    expect(cardText(saved.body.value)).toMatch(/statusen är sparad/);
    expect(JSON.stringify(saved.body)).not.toContain('Hembesök');
    await t.drained();

    const channelCards = t.connector.to(CHANNEL).filter((x) => x.card && cardText(x.card).includes('Överlämning'));
    const latest = channelCards.at(-1)!.card!;
    expect(cardText(latest)).toContain('Status skriven av Bo Lindqvist, tis 24 nov');
    expect(JSON.stringify(t.connector.calls.map((x) => x.body))).not.toContain('Hembesök');

    const visa = actions(latest).find((a) => a.verb === 'handover.showStatus')!;
    expect(visa).toBeDefined();
    const shown = await t.invoke(karin, visa.verb, visa.data, where);
    expect(validateCard(shown.body.value)).toEqual([]);
    expect(cardText(shown.body.value)).toContain(STATUS);
    const refused = await t.invoke(t.who('elin'), visa.verb, visa.data, where);
    expect(cardText(refused.body.value)).toMatch(/grupp som du inte är med i/);
    expect(JSON.stringify(refused.body)).not.toContain('Hembesök');
    await t.drained();
    expect(JSON.stringify(t.connector.calls.map((x) => x.body))).not.toContain('Hembesök');
  });
});
