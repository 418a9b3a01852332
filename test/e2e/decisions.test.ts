// Decisions from the case card over the Bot Framework protocol (the real server, a Bot Connector
// stand-in, lowdb in a temp dir): for each decision the person who may record it gets the updated
// card with the resulting deadlines and the reminder to document it; someone who may not, and a
// press on a stale card, change nothing. Also: messages by field, the secrecy guard on a form, and
// the `ärende` / `historik` commands.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText, cardVerbs, installAndConnect, startTestBot, teams, type TestBot } from '../support/bot.js';
import type { Staff } from '../../src/domain/schemas.js';
import { validateCard } from '../support/validateCard.js';
import { syntheticPersonnummer } from '../support/synthetic.js';

const CHANNEL = '19:mottagning@thread.tacv2';
const where = teams.channel(CHANNEL);
let clock = new Date('2026-11-20T09:30:00+01:00');
let t: TestBot;
let anna: Staff, bo: Staff, karin: Staff, elin: Staff;

beforeAll(async () => {
  t = await startTestBot({ now: () => clock, caseLinkTemplate: 'https://vs.example/arende/{externalId}' });
  await installAndConnect(t, t.who('karin'), 'barn-mottagning', CHANNEL);
  [anna, bo, karin, elin] = ['anna', 'bo', 'karin', 'elin'].map((n) => t.who(n));
});
afterAll(async () => {
  await t?.stop();
});

const version = async (id: string) => (await t.deps.store.getCase(id))!.version;
async function press(who: Staff, verb: string, data: Record<string, unknown>) {
  const r = await t.invoke(who, verb, data, where);
  expect(r.status).toBe(200);
  const card = r.body.value;
  expect(validateCard(card)).toEqual([]);
  return { card, text: cardText(card), verbs: cardVerbs(card) };
}
const submit = (who: Staff, kind: string, id: string, v: number, data: Record<string, unknown> = {}) =>
  press(who, `decision.${kind}.submit`, { caseId: id, version: v, ...data });

/** A registered case, skyddsbedömning and (optionally) an investigation opened, at the current clock. */
async function newCase(id: string, stage: 'new' | 'skydd' | 'utredning') {
  const r = await t.registerReport({ externalId: id, childRef: `B-${id}` });
  if (!r.ok) throw new Error(r.refusal.message);
  if (stage === 'new') return;
  await submit(anna, 'skydd', id, await version(id), { immediateProtection: 'nej', motivation: 'Ingen akut fara.' });
  if (stage === 'skydd') return;
  await submit(karin, 'forhand', id, await version(id), {
    outcome: 'open',
    motivation: 'Oro kvarstår.',
    investigator: anna.aadObjectId,
    secondInvestigator: bo.aadObjectId,
  });
}

/** Someone refused: nothing stored, the case's version unchanged. */
async function expectNothingChanged(id: string, before: number, p: Promise<{ text: string }>, pattern: RegExp) {
  const r = await p;
  expect(r.text).toMatch(pattern);
  expect(await version(id)).toBe(before);
}

describe('skyddsbedömning from the case card', () => {
  it('the card of a new report offers it; the form opens; recording it shows it done and the förhandsbedömning deadline', async () => {
    const id = 'IFO-2026-100001';
    await newCase(id, 'new');
    const shown = await t.sendMessage(karin, `ärende ${id}`, where);
    expect(cardVerbs(shown.replies[0].card)).toContain('decision.skydd.open-form');
    expect(cardText(shown.replies[0].card)).toMatch(/Skyddsbedömning ska göras i dag/);
    const form = await press(anna, 'decision.skydd.open-form', { caseId: id, version: 1 });
    expect(form.verbs).toEqual(['decision.skydd.submit', 'case.show']);
    const r = await submit(anna, 'skydd', id, 1, {
      immediateProtection: 'nej',
      motivation: 'Ingen akut fara enligt förskolan.',
    });
    expect(r.text).toMatch(/Skyddsbedömningen är registrerad: inget omedelbart skyddsbehov/);
    expect(r.text).toMatch(/Kom ihåg att dokumentera beslutet i verksamhetssystemet/);
    // Done moves down: the next deadline leads the card.
    expect(r.text).toMatch(/Förhandsbedömningen ska vara klar om 14 dagar\nfre 4 dec/);
    // Anna's own view (the answer to her press): a caseworker does not decide the förhandsbedömning.
    expect(r.verbs).toContain('decision.contact.open-form');
    expect(r.verbs).not.toContain('decision.forhand.open-form');
    expect(JSON.stringify(r.card)).toContain('https://vs.example/arende/IFO-2026-100001');
  });

  it('someone outside the group is refused without seeing the case; a stale card changes nothing', async () => {
    const id = 'IFO-2026-100002';
    await newCase(id, 'new');
    const outside = await press(elin, 'decision.skydd.submit', {
      caseId: id,
      version: 1,
      immediateProtection: 'ja',
      motivation: 'Akut.',
    });
    expect(outside.text).toMatch(/Ärendet tillhör en grupp som du inte är med i\. Inget har ändrats/);
    expect(outside.text).not.toContain(id);
    expect(await version(id)).toBe(1);
    await submit(bo, 'contact', id, 1, { kind: 'other', date: '2026-11-20' });
    await expectNothingChanged(
      id,
      2,
      submit(anna, 'skydd', id, 1, { immediateProtection: 'nej', motivation: 'Ok.' }),
      /Ärendet ändrades av Bo Lindqvist .*inget har sparats/,
    );
    expect((await t.deps.store.getCase(id))!.skyddsbedomning).toBeUndefined();
  });

  it('an empty form comes back with a Swedish message next to each field', async () => {
    const id = 'IFO-2026-100003';
    await newCase(id, 'new');
    const r = await submit(anna, 'skydd', id, 1, { immediateProtection: '', motivation: '' });
    expect(r.verbs).toContain('decision.skydd.submit');
    expect(r.text).toMatch(/Inget har sparats\. Rätta fälten nedan\./);
    expect(r.text).toMatch(/Välj om barnet behöver omedelbart skydd\./);
    expect(r.text).toMatch(/Skriv en kort motivering\./);
    expect(await version(id)).toBe(1);
  });
});

describe('förhandsbedömning', () => {
  it('a team lead opens an investigation with two investigators; the card shows the 4-month deadline', async () => {
    const id = 'IFO-2026-100011';
    await newCase(id, 'skydd');
    const form = await press(karin, 'decision.forhand.open-form', { caseId: id, version: await version(id) });
    expect(form.text).toMatch(/Förslag: två utredare är god praxis/);
    const r = await submit(karin, 'forhand', id, await version(id), {
      outcome: 'open',
      motivation: 'Oro kvarstår.',
      investigator: anna.aadObjectId,
      secondInvestigator: bo.aadObjectId,
    });
    expect(r.text).toMatch(
      /Utredning inledd fre 20 nov; ska vara klar senast lör 20 mars 2027\. Utredare: Anna Berg och Bo Lindqvist\./,
    );
    expect(r.text).toMatch(/Utredningen ska vara klar\nlör 20 mars 2027/);
    expect(r.text).toMatch(/Anna Berg och Bo Lindqvist/);
    expect(r.verbs).toEqual(
      expect.arrayContaining(['decision.contact.open-form', 'decision.extend.open-form', 'decision.close.open-form']),
    );
  });

  it('a caseworker is refused (the form does not even open); a stale card changes nothing', async () => {
    const id = 'IFO-2026-100012';
    await newCase(id, 'skydd');
    const v = await version(id);
    await expectNothingChanged(
      id,
      v,
      press(anna, 'decision.forhand.open-form', { caseId: id, version: v }),
      /Som handläggare kan du inte göra det här/,
    );
    await expectNothingChanged(
      id,
      v,
      submit(anna, 'forhand', id, v, { outcome: 'open', motivation: 'Oro.' }),
      /Som handläggare kan du inte göra det här/,
    );
    await submit(bo, 'contact', id, v, { kind: 'hembesok', date: '2026-11-20' });
    await expectNothingChanged(
      id,
      v + 1,
      submit(karin, 'forhand', id, v, { outcome: 'not_open', motivation: 'Ingen oro.' }),
      /ändrades av Bo Lindqvist/,
    );
  });
});

describe('contacts and barnsamtal not held', () => {
  it('a home visit shows as the last contact with the family; barnsamtal not held is recorded with its reason', async () => {
    const id = 'IFO-2026-100021';
    await newCase(id, 'utredning');
    const r = await submit(anna, 'contact', id, await version(id), {
      kind: 'hembesok',
      date: '2026-11-20',
      note: 'Båda vårdnadshavarna hemma.',
    });
    expect(r.text).toMatch(/Kontakten är registrerad \(hembesök fre 20 nov\)/);
    expect(r.text).toMatch(/Senaste kontakt med familjen: fre 20 nov · med barnet: inget barnsamtal/);
    const b = await submit(anna, 'barnsamtal', id, await version(id), { reason: 'Barnet är ett år.' });
    expect(b.text).toMatch(/Skälet till att barnsamtal inte hålls är registrerat/);
    expect(b.verbs).not.toContain('decision.barnsamtal.open-form');
  });

  it('outside the group refused; stale refused; a personnummer in the note comes back blank with the message', async () => {
    const id = 'IFO-2026-100022';
    await newCase(id, 'utredning');
    const v = await version(id);
    await expectNothingChanged(
      id,
      v,
      submit(elin, 'contact', id, v, { kind: 'hembesok', date: '2026-11-20' }),
      /grupp som du inte är med i/,
    );
    await expectNothingChanged(
      id,
      v,
      submit(elin, 'barnsamtal', id, v, { reason: 'Ålder.' }),
      /grupp som du inte är med i/,
    );
    const pnr = syntheticPersonnummer('120315246');
    const s = await submit(anna, 'contact', id, v, { kind: 'hembesok', date: '2026-11-20', note: `Träffade ${pnr}` });
    expect(s.text).toMatch(/Inget har sparats: ta bort personnumret/);
    expect(JSON.stringify(s.card)).not.toContain(pnr);
    expect(await version(id)).toBe(v);
    await submit(bo, 'contact', id, v, { kind: 'vardnadshavarmote', date: '2026-11-20' });
    await expectNothingChanged(
      id,
      v + 1,
      submit(anna, 'contact', id, v, { kind: 'hembesok', date: '2026-11-20' }),
      /ändrades av Bo Lindqvist/,
    );
    await expectNothingChanged(
      id,
      v + 1,
      submit(anna, 'barnsamtal', id, v, { reason: 'Ålder.' }),
      /ändrades av Bo Lindqvist/,
    );
  });
});

describe('extension, återkoppling and closing', () => {
  it('a team lead extends: the card shows the new deadline and the statutory one', async () => {
    const id = 'IFO-2026-100031';
    await newCase(id, 'utredning');
    const v = await version(id);
    await expectNothingChanged(
      id,
      v,
      submit(anna, 'extend', id, v, { newDeadline: '2027-05-20', reason: 'Väntar på BUP.' }),
      /Som handläggare kan du inte/,
    );
    const r = await submit(karin, 'extend', id, v, {
      newDeadline: '2027-05-20',
      reason: 'Väntar på utlåtande från BUP.',
    });
    expect(r.text).toMatch(/förlängd från lör 20 mars 2027 till tors 20 maj 2027/);
    expect(r.text).toMatch(
      /Utredningen ska vara klar\ntors 20 maj 2027 \(\d+ dagar kvar\) · lagstadgat lör 20 mars 2027/,
    );
    await expectNothingChanged(
      id,
      v + 1,
      submit(karin, 'extend', id, v, { newDeadline: '2027-06-20', reason: 'Mer.' }),
      /ändrades av Karin Ek/,
    );
  });

  it('återkoppling done: the deadline line turns to done; outside the group and stale refused', async () => {
    const id = 'IFO-2026-100032';
    await newCase(id, 'utredning');
    // The preschool asks after the decision: "Anmälaren har begärt återkoppling" from the card, due at once.
    const asked = await submit(anna, 'aterkopplingRequest', id, await version(id), { requestedOn: '' });
    expect(asked.text).toMatch(/Anmälaren har begärt återkoppling: senast 2026-11-20/);
    expect(asked.text).toMatch(/Återkoppling\ni dag, fre 20 nov/);
    const v = await version(id);
    await expectNothingChanged(id, v, submit(elin, 'aterkoppling', id, v), /grupp som du inte är med i/);
    const r = await submit(anna, 'aterkoppling', id, v);
    expect(r.text).toMatch(/Återkopplingen till anmälaren är markerad som gjord/);
    expect(r.text).toMatch(/Återkoppling\nklar fre 20 nov kl. 09:30/);
    await expectNothingChanged(id, v + 1, submit(bo, 'aterkoppling', id, v), /ändrades av Anna Berg/);
  });

  it('closing without insats with an uppföljning shows its own deadline; a caseworker and a stale card are refused', async () => {
    const id = 'IFO-2026-100033';
    await newCase(id, 'utredning');
    const v = await version(id);
    await expectNothingChanged(
      id,
      v,
      submit(anna, 'close', id, v, { outcome: 'insats' }),
      /Som handläggare kan du inte/,
    );
    clock = new Date('2026-12-01T10:00:00+01:00');
    const r = await submit(karin, 'close', id, v, {
      outcome: 'ingen_insats',
      motivation: 'Stöd via skolan.',
      uppfoljningUntil: '2027-01-15',
    });
    expect(r.text).toMatch(/Utredningen är avslutad \(ingen insats\)\. Uppföljning till 2027-01-15\./);
    expect(r.text).toMatch(/Uppföljning\nfre 15 jan 2027/);
    expect(r.verbs).not.toContain('decision.close.open-form');
    await expectNothingChanged(id, v + 1, submit(karin, 'close', id, v, { outcome: 'insats' }), /ändrades av Karin Ek/);
  });
});

describe('ärende and historik', () => {
  it('historik shows who, what, when and why with the audit chain verified (in a 1:1 chat; in a channel the why waits behind Visa)', async () => {
    const id = 'IFO-2026-100021';
    const h = await t.sendMessage(karin, `historik ${id}`, teams.personal);
    const card = h.replies[0].card;
    expect(validateCard(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toMatch(/Historik · IFO-2026-100021/);
    // The case's own events, not the length of the whole log.
    const events = (await t.deps.store.auditFor(id)).length;
    expect(events).toBeLessThan((await t.deps.store.verifyAudit()).entries);
    expect(text).toContain(`Historiken är kontrollerad: inget har ändrats i efterhand (${events} händelser).`);
    expect(text).toMatch(
      /Anna Berg · nr \d+\nSkyddsbedömning gjord: inget omedelbart skyddsbehov\.\nVarför: Ingen akut fara\./,
    );
    expect(text).toMatch(/Kontakt: hembesök fre 20 nov\.\nVarför: Båda vårdnadshavarna hemma\./);
  });

  it('someone outside the group cannot read a case or its history; an unknown reference is said so', async () => {
    const a = await t.sendMessage(elin, 'ärende IFO-2026-100021', teams.personal);
    expect(cardText(a.replies[0].card)).toMatch(/grupp som du inte är med i/);
    const h = await t.sendMessage(elin, 'historik IFO-2026-100021', teams.personal);
    expect(cardText(h.replies[0].card)).not.toMatch(/Anna Berg/);
    const u = await t.sendMessage(karin, 'ärende IFO-0000-999999', where);
    expect(cardText(u.replies[0].card)).toMatch(/Hittade inget ärende med den referensen\./);
    // What was typed is never said back (it could be a number typed by mistake).
    expect(JSON.stringify(u.replies[0].card)).not.toContain('IFO-0000-999999');
  });
});

describe('a skyddsbedömning not recorded by the end of the day', () => {
  it('shows as overdue, in red, the next morning; a form opened from a card that is out of date shows the current card instead', async () => {
    clock = new Date('2026-12-02T08:00:00+01:00');
    const id = 'IFO-2026-100041';
    const r = await t.registerReport({
      externalId: id,
      childRef: 'B-2026-9041',
      receivedAt: '2026-12-01T10:00:00+01:00',
    });
    if (!r.ok) throw new Error(r.refusal.message);
    const shown = await t.sendMessage(anna, `ärende ${id}`, teams.personal);
    const card = shown.replies[0].card;
    expect(cardText(card)).toMatch(/Skyddsbedömning FÖRSENAD\nskulle vara klar tis 1 dec/);
    expect(JSON.stringify(card)).toMatch(/"style":"attention"/);
    expect(JSON.stringify(card)).toMatch(/"text":"Skyddsbedömning FÖRSENAD"[^}]*"color":"Attention"/);
    await submit(bo, 'contact', id, 1, { kind: 'other', date: '2026-12-01' });
    const stale = await press(anna, 'decision.skydd.open-form', { caseId: id, version: 1 });
    expect(stale.text).toMatch(/Ärendet ändrades av Bo Lindqvist .*här är det aktuella läget/);
    expect(stale.verbs).not.toContain('decision.skydd.submit');
  });
});
