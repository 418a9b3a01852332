// Sick leave and planned leave as a unit would notice them, on the real lowdb store: the checklist is
// there at once, cases get new owners and a status, what is late is escalated once, and nothing
// written during the absence is lost when the person comes back.
import type { AppDeps } from '../../src/app/context.js';
import type { OutboxMessage } from '../../src/outbox/messages.js';
import { queuedHandoverCard } from '../../src/outbox/handoverCards.js';
import { describe, expect, it } from 'vitest';
import { endAbsence, registerAbsence } from '../../src/app/absence.js';
import { ABSENCES } from '../../src/app/context.js';
import {
  activateDueHandovers,
  enqueueHandoverEscalations,
  getHandover,
  handBack,
  handoverCardKey,
  handoverEscalations,
  HANDOVERS,
  openHandovers,
  reassignFromHandover,
  runHandoverMorning,
  saveHandoverChecks,
  writeHandoverStatus,
} from '../../src/app/handover.js';
import { assignCase } from '../../src/app/assignCase.js';
import type { Handover } from '../../src/domain/handover.js';
import type { Absence } from '../../src/domain/schemas.js';
import { EXAMPLE_ORG } from '../support/bot.js';
import { actorOf } from '../support/deps.js';
import { syntheticPersonnummer } from '../support/synthetic.js';
import { casesOwnedBy, unit, who } from './absence.support.js';

const anna = who('anna');
const bo = who('bo');
const cecilia = who('cecilia');
const karin = who('karin');
const lars = who('lars');

async function annaSickWith(n: number) {
  const u = await unit();
  const cases = await casesOwnedBy(u.deps, anna, n);
  await u.clearOutbox();
  const r = await registerAbsence(u.deps, { actor: actorOf(karin), staffId: anna.aadObjectId });
  if (!r.ok) throw new Error(r.refusal.message);
  return { u, cases, handover: r.handover! };
}

/** The checklist card's data as the drain draws it from a queued message. */
async function drawnChecklist(deps: AppDeps, m: OutboxMessage) {
  const drawn = await queuedHandoverCard(deps, (m.content as { handoverId: string }).handoverId);
  if (drawn === 'obsolete') throw new Error('the checklist has nothing on it');
  return drawn.data;
}

describe('registering sick leave', () => {
  it('stores the absence and a checklist of every open case in one commit, and queues the card for the group channel', async () => {
    const { u, handover } = await annaSickWith(4);
    const absence = (await u.deps.store.listDocs<Absence>(ABSENCES))[0];
    expect(absence).toMatchObject({
      staffId: anna.aadObjectId,
      from: '2026-11-23',
      registeredBy: karin.aadObjectId,
    });
    expect(absence.to).toBeUndefined();
    expect(absence.kind).toBeUndefined(); // not given, not assumed
    const stored = (await u.deps.store.getDoc<Handover>(HANDOVERS, absence.id))!;
    expect(stored.entries.map((e) => e.caseId).sort()).toEqual([
      'IFO-2026-000101',
      'IFO-2026-000102',
      'IFO-2026-000103',
      'IFO-2026-000104',
    ]);
    expect(stored.activatedAt).toBe(u.deps.now().toISOString());
    expect(handover.id).toBe(absence.id);
    const card = (await u.outbox()).find((m) => m.upsertKey === handoverCardKey(handover.id, 'barn-mottagning'))!;
    // Queued by its id alone, drawn from the store when it is sent (src/outbox/render.ts).
    expect(card).toMatchObject({
      target: { kind: 'group', groupId: 'barn-mottagning' },
      content: { kind: 'handoverCard', handoverId: handover.id },
    });
    const data = await drawnChecklist(u.deps, card);
    expect(data.progress).toBe('0 av 4 ärenden överlämnade · 0 av 4 har ny handläggare · 4 kvar att lämna över');
    // Most urgent first: the first received has the earliest förhandsbedömning deadline.
    expect(data.cases.map((c) => c.caseId)).toEqual([
      'IFO-2026-000101',
      'IFO-2026-000102',
      'IFO-2026-000103',
      'IFO-2026-000104',
    ]);
    // The team lead who answers for the list hears of it in her 1:1 chat.
    const notice = (await u.outbox()).find((m) => m.target.kind === 'user')!;
    expect(notice.target).toEqual({ kind: 'user', staffId: karin.aadObjectId });
    expect((notice.content as { text: string }).text).toMatch(/Anna Berg är frånvarande.*4 öppna ärenden/);
  });

  it('lets the person register their own absence with an end date, and refuses a colleague doing it for someone else', async () => {
    const u = await unit();
    const own = await registerAbsence(u.deps, { actor: actorOf(anna), staffId: anna.aadObjectId, to: '2026-11-27' });
    expect(own.ok && own.absence.to).toBe('2026-11-27');
    const other = await registerAbsence(u.deps, { actor: actorOf(anna), staffId: bo.aadObjectId });
    expect(other).toMatchObject({ ok: false, refusal: { code: 'forbidden' } });
    expect(await u.deps.store.listDocs(ABSENCES)).toHaveLength(1);
    expect(await u.deps.store.listDocs(HANDOVERS)).toHaveLength(1);
  });

  it('posts the checklist of planned leave three working days before it starts, with the cases open then', async () => {
    const u = await unit();
    await casesOwnedBy(u.deps, anna, 2);
    await u.clearOutbox();
    // Monday 23 Nov: semester from Monday 7 Dec; the list is due Wednesday 2 Dec.
    const r = await registerAbsence(u.deps, {
      actor: actorOf(karin),
      staffId: anna.aadObjectId,
      from: '2026-12-07',
      to: '2026-12-18',
    });
    if (!r.ok) throw new Error(r.refusal.message);
    // Nothing is assumed about why someone is away: the kind is stored only when it was given.
    expect(r.absence.kind).toBeUndefined();
    expect(r.handover).toMatchObject({ startsOn: '2026-12-02', entries: [] });
    expect(r.handover!.activatedAt).toBeUndefined();
    expect(await u.outbox()).toHaveLength(0);
    await casesOwnedBy(u.deps, anna, 1, 'IFO-2026-0009');
    u.setNow('2026-12-01T07:45:00+01:00');
    expect(await activateDueHandovers(u.deps, u.deps.now())).toHaveLength(0);
    u.setNow('2026-12-02T07:45:00+01:00');
    const started = await activateDueHandovers(u.deps, u.deps.now());
    expect(started.map((h) => h.entries.length)).toEqual([3]);
    expect(await activateDueHandovers(u.deps, u.deps.now())).toHaveLength(0); // once
    expect((await u.outbox()).filter((m) => m.upsertKey?.startsWith('handover:'))).toHaveLength(1);
  });
});

describe('working the checklist', () => {
  it('reassigns a case from the list through the assign use case, and records when the new owner took over', async () => {
    const { u, handover, cases } = await annaSickWith(2);
    const r = await reassignFromHandover(u.deps, {
      actor: actorOf(karin),
      handoverId: handover.id,
      caseId: cases[0].id,
      version: cases[0].version,
      newOwnerId: bo.aadObjectId,
    });
    expect(r.ok).toBe(true);
    expect((await u.deps.store.getCase(cases[0].id))!.assignees).toEqual([bo.aadObjectId]);
    const entry = (await getHandover(u.deps, handover.id))!.entries.find((e) => e.caseId === cases[0].id)!;
    expect(entry).toMatchObject({ newOwnerId: bo.aadObjectId, newOwnerAt: u.deps.now().toISOString() });
    // Bo hears of his new case; the case card and the checklist card are refreshed.
    expect((await u.outbox()).some((m) => m.target.kind === 'user' && m.target.staffId === bo.aadObjectId)).toBe(true);
    expect((await u.outbox()).some((m) => m.upsertKey === `case:${cases[0].id}:group:barn-mottagning`)).toBe(true);
    const audit = await u.deps.store.auditFor(cases[0].id);
    expect(audit.map((a) => a.type)).toContain('HandoverNewOwner');

    // A press on the card that still shows the old version changes nothing.
    const stale = await reassignFromHandover(u.deps, {
      actor: actorOf(karin),
      handoverId: handover.id,
      caseId: cases[0].id,
      version: cases[0].version,
      newOwnerId: cecilia.aadObjectId,
    });
    expect(stale).toMatchObject({ ok: false, refusal: { code: 'stale' } });
    expect((await u.deps.store.getCase(cases[0].id))!.assignees).toEqual([bo.aadObjectId]);
  });

  it('refuses a new owner who is absent, and a caseworker reassigning', async () => {
    const { u, handover, cases } = await annaSickWith(1);
    const byCaseworker = await reassignFromHandover(u.deps, {
      actor: actorOf(bo),
      handoverId: handover.id,
      caseId: cases[0].id,
      version: cases[0].version,
      newOwnerId: bo.aadObjectId,
    });
    expect(byCaseworker.ok).toBe(false);
    const toAnna = await reassignFromHandover(u.deps, {
      actor: actorOf(karin),
      handoverId: handover.id,
      caseId: cases[0].id,
      version: cases[0].version,
      newOwnerId: anna.aadObjectId,
    });
    expect(toAnna).toMatchObject({ ok: false });
    expect((await u.deps.store.getCase(cases[0].id))!.assignees).toEqual([anna.aadObjectId]);
  });

  it('lets the new owner tick items and write a status; a personnummer in the status is refused and not stored', async () => {
    const { u, handover, cases } = await annaSickWith(1);
    await reassignFromHandover(u.deps, {
      actor: actorOf(karin),
      handoverId: handover.id,
      caseId: cases[0].id,
      version: cases[0].version,
      newOwnerId: bo.aadObjectId,
    });
    const ticked = await saveHandoverChecks(u.deps, {
      actor: actorOf(bo),
      handoverId: handover.id,
      caseId: cases[0].id,
      values: { deadlinesChecked: true, meetingsMoved: true, familyInformed: false },
    });
    expect(ticked.ok).toBe(true);
    const byOther = await saveHandoverChecks(u.deps, {
      actor: actorOf(cecilia),
      handoverId: handover.id,
      caseId: cases[0].id,
      values: { familyInformed: true },
    });
    expect(byOther).toMatchObject({ ok: false, refusal: { code: 'forbidden' } });
    const pnr = syntheticPersonnummer('100505123');
    const bad = await writeHandoverStatus(u.deps, {
      actor: actorOf(bo),
      handoverId: handover.id,
      caseId: cases[0].id,
      text: `Barnet ${pnr} ej träffat`,
    });
    expect(bad).toMatchObject({ ok: false, refusal: { code: 'invalid' } });
    expect(JSON.stringify(await u.deps.store.listDocs(HANDOVERS))).not.toContain(pnr);
    const ok = await writeHandoverStatus(u.deps, {
      actor: actorOf(bo),
      handoverId: handover.id,
      caseId: cases[0].id,
      text: 'Förskolan ringd; hembesök bokat.',
    });
    expect(ok.ok).toBe(true);
    const items = await openHandovers(u.deps, u.deps.now());
    expect(items).toEqual([
      expect.objectContaining({
        caseId: cases[0].id,
        fromStaffId: anna.aadObjectId,
        newOwnerId: bo.aadObjectId,
        missing: ['familyInformed'],
      }),
    ]);
  });
});

describe('escalation the next working morning', () => {
  it('sends the unit manager and the team lead one message each listing the cases still without a new owner, once', async () => {
    const { u, handover, cases } = await annaSickWith(4);
    for (const c of cases.slice(0, 2)) {
      await reassignFromHandover(u.deps, {
        actor: actorOf(karin),
        handoverId: handover.id,
        caseId: c.id,
        version: c.version,
        newOwnerId: bo.aadObjectId,
      });
    }
    expect(await handoverEscalations(u.deps, u.deps.now())).toEqual([]); // not the same day
    await u.clearOutbox();
    u.setNow('2026-11-24T07:45:00+01:00');
    const esc = await handoverEscalations(u.deps, u.deps.now());
    expect(esc.map((e) => [e.recipientId, e.kind, e.items.map((i) => i.caseId)])).toEqual([
      [karin.aadObjectId, 'noOwner', [cases[2].id, cases[3].id]],
      [lars.aadObjectId, 'noOwner', [cases[2].id, cases[3].id]],
    ]);
    expect(await enqueueHandoverEscalations(u.deps, u.deps.now())).toHaveLength(2);
    expect(await enqueueHandoverEscalations(u.deps, u.deps.now())).toHaveLength(0);
    const toLars = (await u.outbox()).filter((m) => m.target.kind === 'user' && m.target.staffId === lars.aadObjectId);
    expect(toLars).toHaveLength(1);
    const data = (toLars[0].content as { data: { title: string; items: { caseId: string }[] } }).data;
    expect(data.title).toBe('Överlämning: 2 ärenden saknar ny handläggare');
    expect(data.items.map((i) => i.caseId)).toEqual([cases[2].id, cases[3].id]);
  });

  it('flags a new owner who has written no status after two working days', async () => {
    const { u, handover, cases } = await annaSickWith(1);
    await reassignFromHandover(u.deps, {
      actor: actorOf(karin),
      handoverId: handover.id,
      caseId: cases[0].id,
      version: cases[0].version,
      newOwnerId: bo.aadObjectId,
    });
    u.setNow('2026-11-24T07:45:00+01:00');
    expect(await handoverEscalations(u.deps, u.deps.now())).toEqual([]);
    u.setNow('2026-11-25T07:45:00+01:00');
    expect(await handoverEscalations(u.deps, u.deps.now())).toEqual([
      { recipientId: bo.aadObjectId, kind: 'noStatus', items: [expect.objectContaining({ caseId: cases[0].id })] },
    ]);
  });

  it('two at once: with the team lead absent too, the list and escalations go to the other team lead and the unit manager', async () => {
    const maja = {
      aadObjectId: '00000000-0000-4000-8000-000000000023',
      name: 'Maja Lind',
      role: 'team_lead' as const,
      groups: ['barn-mottagning'],
    };
    const org = { ...EXAMPLE_ORG, staff: [...EXAMPLE_ORG.staff, maja] };
    const u = await unit('2026-11-23T09:30:00+01:00', org);
    const cases = await casesOwnedBy(u.deps, anna, 2, 'IFO-2026-0001', org);
    expect((await registerAbsence(u.deps, { actor: actorOf(karin), staffId: karin.aadObjectId })).ok).toBe(true);
    await u.clearOutbox();
    const r = await registerAbsence(u.deps, { actor: actorOf(lars), staffId: anna.aadObjectId });
    if (!r.ok) throw new Error(r.refusal.message);
    const notices = (await u.outbox())
      .filter((m) => m.target.kind === 'user')
      .map((m) => (m.target as { staffId: string }).staffId);
    expect(notices).toEqual([maja.aadObjectId]);
    u.setNow('2026-11-24T07:45:00+01:00');
    const esc = (await handoverEscalations(u.deps, u.deps.now())).filter((e) =>
      e.items.some((i) => i.fromStaffId === anna.aadObjectId),
    );
    expect(esc.map((e) => e.recipientId)).toEqual([maja.aadObjectId, lars.aadObjectId]);
    expect(esc[0].items.map((i) => i.caseId)).toEqual(cases.map((c) => c.id));
  });

  it('with no other team lead, the unit manager answers for the list', async () => {
    const u = await unit();
    await casesOwnedBy(u.deps, anna, 1);
    await registerAbsence(u.deps, { actor: actorOf(karin), staffId: karin.aadObjectId });
    await u.clearOutbox();
    await registerAbsence(u.deps, { actor: actorOf(lars), staffId: anna.aadObjectId });
    expect(
      (await u.outbox()).filter((m) => m.target.kind === 'user').map((m) => (m.target as { staffId: string }).staffId),
    ).toEqual([lars.aadObjectId]);
  });
});

describe('coming back', () => {
  it('ends the absence, hands back one case and then the rest, keeping the notes written during the absence', async () => {
    const { u, handover, cases } = await annaSickWith(3);
    for (const c of cases) {
      await reassignFromHandover(u.deps, {
        actor: actorOf(karin),
        handoverId: handover.id,
        caseId: c.id,
        version: c.version,
        newOwnerId: bo.aadObjectId,
      });
    }
    await writeHandoverStatus(u.deps, {
      actor: actorOf(bo),
      handoverId: handover.id,
      caseId: cases[0].id,
      text: 'Barnsamtal hållet i skolan.',
    });
    u.setNow('2026-11-30T08:30:00+01:00');
    const back = await endAbsence(u.deps, { actor: actorOf(anna), staffId: anna.aadObjectId });
    if (!back.ok) throw new Error(back.refusal.message);
    expect(back.absence.endedAt).toBe(u.deps.now().toISOString());
    expect(back.handover!.returnedAt).toBe(u.deps.now().toISOString());
    // Nothing is escalated for a person who is back.
    expect(await handoverEscalations(u.deps, u.deps.now())).toEqual([]);
    expect(await openHandovers(u.deps, u.deps.now())).toEqual([]);

    const bySelf = await handBack(u.deps, { actor: actorOf(anna), handoverId: handover.id, caseIds: [cases[0].id] });
    expect(bySelf).toMatchObject({ ok: false, refusal: { code: 'forbidden' } });
    const one = await handBack(u.deps, { actor: actorOf(karin), handoverId: handover.id, caseIds: [cases[0].id] });
    expect(one.ok && one.outcomes).toEqual([{ caseId: cases[0].id, ok: true }]);
    expect((await u.deps.store.getCase(cases[0].id))!.assignees).toEqual([anna.aadObjectId]);
    const rest = await handBack(u.deps, { actor: actorOf(karin), handoverId: handover.id, caseIds: 'all' });
    expect(rest.ok && rest.outcomes.map((o) => o.caseId)).toEqual([cases[1].id, cases[2].id]);
    expect((await Promise.all(cases.map((c) => u.deps.store.getCase(c.id)))).map((c) => c!.assignees)).toEqual([
      [anna.aadObjectId],
      [anna.aadObjectId],
      [anna.aadObjectId],
    ]);
    const kept = (await getHandover(u.deps, handover.id))!.entries.find((e) => e.caseId === cases[0].id)!;
    expect(kept.notes.map((n) => n.text)).toEqual(['Barnsamtal hållet i skolan.']);
    expect(kept.handedBackBy).toBe(karin.aadObjectId);
  });

  it('says so when the person has no absence to end', async () => {
    const u = await unit();
    expect(await endAbsence(u.deps, { actor: actorOf(karin), staffId: anna.aadObjectId })).toMatchObject({
      ok: false,
      refusal: { code: 'not_found' },
    });
  });
});

describe('weekends and holidays', () => {
  it('says nothing on a Saturday, and escalates on Monday morning', async () => {
    const u = await unit('2026-11-27T15:00:00+01:00'); // Friday afternoon
    await casesOwnedBy(u.deps, anna, 1);
    await registerAbsence(u.deps, { actor: actorOf(karin), staffId: anna.aadObjectId });
    u.setNow('2026-11-28T07:45:00+01:00');
    expect(await handoverEscalations(u.deps, u.deps.now())).toEqual([]);
    u.setNow('2026-11-30T07:45:00+01:00');
    expect((await handoverEscalations(u.deps, u.deps.now())).map((e) => e.recipientId)).toEqual([
      karin.aadObjectId,
      lars.aadObjectId,
    ]);
  });
});

describe('the morning redraw', () => {
  it('shows a case reassigned from its own case card on the channel checklist the next morning, once', async () => {
    const { u, handover, cases } = await annaSickWith(2);
    expect(
      (
        await assignCase(u.deps, {
          caseId: cases[1].id,
          version: cases[1].version,
          assignees: [cecilia.aadObjectId],
          actor: actorOf(karin),
        })
      ).ok,
    ).toBe(true);
    await u.clearOutbox();
    u.setNow('2026-11-24T07:45:00+01:00');
    await runHandoverMorning(u.deps, u.deps.now());
    await runHandoverMorning(u.deps, u.deps.now());
    const redraws = (await u.outbox()).filter((m) => m.upsertKey === handoverCardKey(handover.id, 'barn-mottagning'));
    expect(redraws).toHaveLength(1);
    const data = await drawnChecklist(u.deps, redraws[0]);
    expect(data.progress).toBe('0 av 2 ärenden överlämnade · 1 av 2 har ny handläggare · 2 kvar att lämna över');
  });
});

describe('a person without open cases', () => {
  it('gets the absence registered but posts no empty list: a short notice says there is nothing to hand over', async () => {
    const u = await unit();
    const r = await registerAbsence(u.deps, { actor: actorOf(karin), staffId: bo.aadObjectId });
    expect(r.ok && r.handover!.entries).toEqual([]);
    const queued = (await u.outbox()) as unknown as {
      target: unknown;
      content: { template?: string; data?: { text?: string } };
    }[];
    expect(queued.map((m) => m.content.template)).toEqual(bo.groups.map(() => 'notice'));
    expect(queued.map((m) => m.target)).toEqual(bo.groups.map((groupId) => ({ kind: 'group', groupId })));
    expect(queued[0].content.data?.text).toBe(
      'Bo Lindqvist har inga öppna ärenden att lämna över. Ingen överlämningslista behövs.',
    );
  });
});
