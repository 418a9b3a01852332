// Sick leave over the real Teams protocol (docs/domain.md, failure 2): a caseworker with 9 open cases falls
// ill; the checklist is in the channel at once, most urgent first; 5 cases are reassigned from the card,
// 4 are not; the next working morning the unit manager gets one message listing those 4; the
// caseworker comes back and 2 cases are handed back to her. And two at once: the team lead ill too.
import { afterEach, describe, expect, it } from 'vitest';
import { assignCase } from '../../src/app/assignCase.js';
import { executeCaseCommand } from '../../src/app/executeCaseCommand.js';
import { runHandoverMorning } from '../../src/app/handover.js';
import type { Organisation, Staff } from '../../src/domain/schemas.js';
import { addDays } from '../../src/domain/time.js';
import { actorOf } from '../support/deps.js';
import { cardText, cardVerbs, EXAMPLE_ORG, installAndConnect, startTestBot, type TestBot } from '../support/bot.js';
import { channel, personal } from '../support/teams.js';
import { syntheticPersonnummer } from '../support/synthetic.js';
import { validateCard } from '../support/validateCard.js';

const CHANNEL = '19:barn-mottagning@thread.tacv2';
const MONDAY = '2026-11-23T09:30:00+01:00';

let t: TestBot | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

async function start(org?: Partial<Organisation>) {
  let now = new Date(MONDAY);
  t = await startTestBot({ now: () => now, ...(org ? { orgOverrides: org } : {}) });
  await installAndConnect(t, t.who('karin'), 'barn-mottagning', CHANNEL);
  return {
    t,
    setNow: (iso: string) => {
      now = new Date(iso);
    },
  };
}

/** `n` cases of the owner, received on successive days (the first received is the most urgent). */
async function casesOf(bot: TestBot, owner: Staff, n: number, firstDay = '2026-11-10'): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = `IFO-2026-0042${String(i + 1).padStart(2, '0')}`;
    const r = await bot.registerReport({
      externalId: id,
      childRef: `B-2026-${600 + i}`,
      receivedAt: `${addDays(firstDay, i)}T09:00:00+01:00`,
    });
    if (!r.ok) throw new Error(r.refusal.message);
    const a = await assignCase(bot.deps, {
      caseId: id,
      version: r.case.version,
      assignees: [owner.aadObjectId],
      actor: actorOf(bot.who('karin')),
    });
    if (!a.ok) throw new Error(a.refusal.message);
    const s = await executeCaseCommand(bot.deps, {
      caseId: id,
      expectedVersion: a.case.version,
      actor: actorOf(owner),
      intent: { type: 'recordSkyddsbedomning', immediateProtection: false, motivation: 'Inget akut skyddsbehov.' },
    });
    if (!s.ok) throw new Error(s.refusal.message);
    ids.push(id);
  }
  await bot.drained();
  return ids;
}

type Card = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The data of an Action.Execute with this verb and case on a card, as Teams would send it back. */
function actionData(card: Card, verb: string, caseId?: string): Record<string, unknown> {
  let found: Record<string, unknown> | undefined;
  const walk = (v: unknown) => {
    if (found || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach(walk);
    const o = v as Card;
    if (o.type === 'Action.Execute' && o.verb === verb && (!caseId || o.data?.caseId === caseId)) found = o.data;
    Object.values(o).forEach(walk);
  };
  walk(card);
  if (!found) throw new Error(`no ${verb} for ${caseId} on the card`);
  return found;
}

const caseOrder = (card: Card) => [...cardText(card).matchAll(/\*\*(IFO-[\d-]+)\*\*/g)].map((m) => m[1]);

function latestHandoverCard(bot: TestBot): { card: Card; activityId?: string } {
  const sends = bot.connector
    .cards()
    .filter((c) => c.conversationId === CHANNEL && !!c.card && cardText(c.card).includes('Överlämning: Anna Berg'));
  const last = sends.at(-1)!;
  return { card: last.card!, activityId: last.kind === 'update' ? last.activityId : last.responseId };
}

describe('a caseworker with 9 open cases goes on sick leave', () => {
  it('checklist at once, 5 reassigned from the card, one escalation of the other 4 the next morning, 2 handed back on return', async () => {
    const { t: bot, setNow } = await start();
    const anna = bot.who('anna');
    const bo = bot.who('bo');
    const cecilia = bot.who('cecilia');
    const karin = bot.who('karin');
    const lars = bot.who('lars');
    for (const p of [lars, karin, anna]) await bot.sendMessage(p, 'hjälp', personal); // their 1:1 chats with the bot
    const ids = await casesOf(bot, anna, 9);

    // Monday 09:30: Karin registers Anna's sick leave in the group channel.
    const reg = await bot.sendMessage(karin, 'frånvaro @Anna Berg', channel(CHANNEL), { mentions: [anna] });
    expect(reg.status).toBe(200);
    expect(cardText(reg.replies.at(-1)!.card)).toMatch(
      /Frånvaro registrerad: Anna Berg från mån 23 nov, tills vidare[\s\S]*9 öppna ärenden/,
    );
    await bot.drained();

    const posted = bot.connector
      .cards()
      .filter(
        (c) =>
          c.conversationId === CHANNEL &&
          !!c.card &&
          cardText(c.card).includes('Överlämning: Anna Berg är frånvarande'),
      );
    expect(posted).toHaveLength(1);
    const list = posted[0].card!;
    expect(validateCard(list)).toEqual([]);
    expect(caseOrder(list)).toEqual(ids); // most urgent (earliest förhandsbedömning) first
    expect(cardText(list)).toMatch(/0 av 9 ärenden överlämnade · 0 av 9 har ny handläggare/);
    expect(cardText(list)).toMatch(/Förhandsbedömning: tis 24 nov/);
    // Karin hears in her 1:1 that she answers for the list.
    expect(
      bot.connector
        .cards()
        .filter(
          (c) =>
            c.conversationId === `a:personal-${karin.aadObjectId}` && /Anna Berg är frånvarande/.test(String(c.text)),
        ),
    ).toHaveLength(1);

    // Karin gives 5 cases new owners from the card in the channel.
    for (const [n, caseId] of ids.slice(0, 5).entries()) {
      const owner = n % 2 ? cecilia : bo;
      const data = actionData(latestHandoverCard(bot).card, 'handover.reassign', caseId);
      const r = await bot.invoke(
        karin,
        'handover.reassign',
        { ...data, [`owner${data.i}`]: owner.aadObjectId },
        channel(CHANNEL),
      );
      expect(r.status).toBe(200);
      expect(cardText(r.body.value)).toContain(`${caseId} har fått ny handläggare: ${owner.name}`);
      await bot.drained();
    }
    expect((await Promise.all(ids.map((id) => bot.deps.store.getCase(id)))).map((c) => c!.assignees[0])).toEqual([
      bo.aadObjectId,
      cecilia.aadObjectId,
      bo.aadObjectId,
      cecilia.aadObjectId,
      bo.aadObjectId,
      anna.aadObjectId,
      anna.aadObjectId,
      anna.aadObjectId,
      anna.aadObjectId,
    ]);
    const updated = latestHandoverCard(bot);
    expect(updated.activityId).toBe(posted[0].responseId); // the same card, updated in place
    expect(cardText(updated.card)).toMatch(/0 av 9 ärenden överlämnade · 5 av 9 har ny handläggare/);

    // The same day nothing is escalated.
    expect((await runHandoverMorning(bot.deps, bot.deps.now())).escalations).toEqual([]);

    // Tuesday 07:45, the next working morning: one escalation to the unit manager listing the 4.
    setNow('2026-11-24T07:45:00+01:00');
    await runHandoverMorning(bot.deps, bot.deps.now());
    await runHandoverMorning(bot.deps, bot.deps.now()); // a second run says nothing twice
    await bot.drained();
    const toLars = bot.connector
      .cards()
      .filter(
        (c) =>
          c.conversationId === `a:personal-${lars.aadObjectId}` && !!c.card && /Överlämning:/.test(cardText(c.card)),
      );
    expect(toLars).toHaveLength(1);
    expect(cardText(toLars[0].card)).toMatch(/Överlämning: 4 ärenden saknar ny handläggare/);
    expect(caseOrder(toLars[0].card!)).toEqual(ids.slice(5));
    expect(validateCard(toLars[0].card)).toEqual([]);

    // Monday 30 Nov: Anna is back, writes åter in her 1:1 and sees what can be handed back.
    setNow('2026-11-30T08:15:00+01:00');
    const back = await bot.sendMessage(anna, 'åter', personal);
    const backCard = back.replies.at(-1)!.card!;
    expect(cardText(backCard)).toMatch(/Anna Berg är åter[\s\S]*Lämna tillbaka alla \(5\) till Anna Berg/);
    await bot.drained();
    const channelBack = latestHandoverCard(bot).card;
    expect(cardText(channelBack)).toMatch(/Anna Berg är åter/);

    // Karin hands two cases back from the channel card.
    for (const caseId of ids.slice(0, 2)) {
      const r = await bot.invoke(
        karin,
        'handover.handBack',
        actionData(channelBack, 'handover.handBack', caseId),
        channel(CHANNEL),
      );
      expect(cardText(r.body.value)).toContain(`Tillbaka hos Anna Berg: ${caseId}`);
    }
    await bot.drained();
    expect(
      (await Promise.all(ids.slice(0, 5).map((id) => bot.deps.store.getCase(id)))).map((c) => c!.assignees[0]),
    ).toEqual([anna.aadObjectId, anna.aadObjectId, bo.aadObjectId, cecilia.aadObjectId, bo.aadObjectId]);
    // Anna's absence is over: no more escalations about her cases.
    setNow('2026-12-01T07:45:00+01:00');
    expect((await runHandoverMorning(bot.deps, bot.deps.now())).escalations).toEqual([]);
  });

  it('refuses a caseworker registering a colleague and a status with a personnummer, shown only to the one who acted', async () => {
    const { t: bot } = await start();
    const anna = bot.who('anna');
    const bo = bot.who('bo');
    const karin = bot.who('karin');
    const ids = await casesOf(bot, anna, 2);
    const refused = await bot.sendMessage(bo, 'frånvaro @Anna Berg', channel(CHANNEL), { mentions: [anna] });
    expect(cardText(refused.replies.at(-1)!.card)).toMatch(/Frånvaron registrerades inte/);
    await bot.sendMessage(karin, 'frånvaro @Anna Berg till 2026-12-04', channel(CHANNEL), { mentions: [anna] });
    await bot.drained();
    const list = latestHandoverCard(bot).card;
    expect(cardText(list)).toMatch(/till fre 4 dec/);
    const data = actionData(list, 'handover.status', ids[0]);
    const pnr = syntheticPersonnummer('100505123');
    const before = bot.connector.calls.length;
    const r = await bot.invoke(
      karin,
      'handover.status',
      { ...data, [`status${data.i}`]: `Barnet ${pnr} ej träffat` },
      channel(CHANNEL),
    );
    expect(cardText(r.body.value)).toMatch(/personnummer[\s\S]*Statusen sparades inte/);
    expect(JSON.stringify(r.body.value)).not.toContain(pnr);
    await bot.drained();
    expect(bot.connector.calls.length).toBe(before);
    expect(JSON.stringify(await bot.deps.store.listDocs('handovers'))).not.toContain(pnr);
    const ok = await bot.invoke(
      karin,
      'handover.status',
      { ...data, [`status${data.i}`]: 'Förskolan kontaktad; hembesök bokat.' },
      channel(CHANNEL),
    );
    expect(cardText(ok.body.value)).toMatch(/Status skriven av Karin Ek, mån 23 nov/);
    expect(JSON.stringify(ok.body.value)).not.toContain('Förskolan kontaktad');
    expect(cardVerbs(ok.body.value)).toContain('handover.tick');
  });
});

describe('two at once: the team lead is ill too', () => {
  const maja: Staff = {
    aadObjectId: '00000000-0000-4000-8000-000000000024',
    name: 'Maja Lind',
    role: 'team_lead',
    groups: ['barn-mottagning'],
  };

  it('sends the list and the escalations to the other team lead and the unit manager, never to the absent team lead', async () => {
    const { t: bot, setNow } = await start({ staff: [...EXAMPLE_ORG.staff, maja] });
    const anna = bot.who('anna');
    const karin = bot.who('karin');
    const lars = bot.who('lars');
    for (const p of [maja, karin, lars]) await bot.sendMessage(p, 'hjälp', personal);
    const ids = await casesOf(bot, anna, 3);
    await bot.sendMessage(karin, 'frånvaro', personal); // Karin registers her own sick leave
    await bot.sendMessage(lars, 'frånvaro @Anna Berg', channel(CHANNEL), { mentions: [anna] });
    await bot.drained();
    const told = (p: Staff) =>
      bot.connector
        .cards()
        .filter(
          (c) => c.conversationId === `a:personal-${p.aadObjectId}` && /Anna Berg är frånvarande/.test(String(c.text)),
        );
    expect(told(maja)).toHaveLength(1);
    expect(told(karin)).toHaveLength(0);

    setNow('2026-11-24T07:45:00+01:00');
    await runHandoverMorning(bot.deps, bot.deps.now());
    await bot.drained();
    const escalated = (p: Staff) =>
      bot.connector
        .cards()
        .filter(
          (c) =>
            c.conversationId === `a:personal-${p.aadObjectId}` &&
            !!c.card &&
            /saknar ny handläggare/.test(cardText(c.card)),
        );
    expect(escalated(maja)).toHaveLength(1);
    expect(escalated(lars)).toHaveLength(1);
    expect(escalated(karin)).toHaveLength(0);
    expect(caseOrder(escalated(lars)[0].card!)).toEqual(ids);
  });
});

describe('a long list (15 cases)', () => {
  it('shows one row per case under 40 KB; a row opens the case with its controls, and the answer keeps it open', async () => {
    const { t: bot } = await start();
    const anna = bot.who('anna');
    const karin = bot.who('karin');
    const ids = await casesOf(bot, anna, 15, '2026-11-06');
    await bot.sendMessage(karin, 'frånvaro @Anna Berg', channel(CHANNEL), { mentions: [anna] });
    await bot.drained();
    const list = latestHandoverCard(bot).card;
    expect(validateCard(list)).toEqual([]);
    expect(JSON.stringify(list).length).toBeLessThan(40 * 1024);
    expect(cardVerbs(list).filter((v) => v === 'handover.open')).toHaveLength(15);
    expect(cardVerbs(list)).not.toContain('handover.reassign');
    const opened = await bot.invoke(
      karin,
      'handover.open',
      actionData(list, 'handover.open', ids[14]),
      channel(CHANNEL),
    );
    const one = opened.body.value;
    expect(validateCard(one)).toEqual([]);
    expect(caseOrder(one)).toEqual([ids[14]]);
    const data = actionData(one, 'handover.reassign', ids[14]);
    const r = await bot.invoke(
      karin,
      'handover.reassign',
      { ...data, [`owner${data.i}`]: bot.who('bo').aadObjectId },
      channel(CHANNEL),
    );
    expect(cardText(r.body.value)).toContain(`${ids[14]} har fått ny handläggare: Bo Lindqvist`);
    expect(caseOrder(r.body.value)).toEqual([ids[14]]);
    expect(cardVerbs(r.body.value)).toContain('handover.show');
  });
});
