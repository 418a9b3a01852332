// The Huddinge timeline of docs/domain.md (lex Sarah, Barnenheten 2021) replayed with the handover feature:
// three siblings' investigations opened 2020-12-14; the caseworker falls ill 2021-02-08; the team lead
// falls ill too. With the bot the cases have new owners the same week, the unit manager hears of every
// day without one, and the missing contact with the family is on the list long before three months pass.
import { describe, expect, it } from 'vitest';
import { registerAbsence } from '../../src/app/absence.js';
import { assignCase } from '../../src/app/assignCase.js';
import { executeCaseCommand } from '../../src/app/executeCaseCommand.js';
import {
  enqueueHandoverEscalations,
  getHandover,
  handoverEscalations,
  reassignFromHandover,
} from '../../src/app/handover.js';
import { noContact } from '../../src/domain/queries.js';
import { stockholmDate } from '../../src/domain/time.js';
import { actorOf, registerCase } from '../support/deps.js';
import { unit, who } from './absence.support.js';

const elin = who('elin'); // the caseworker from the resource pool
const fredrik = who('fredrik');
const gunilla = who('gunilla');
const per = who('per'); // team lead of barn-utredning-1
const lars = who('lars'); // unit manager
const IDS = ['HUD-2020-0001', 'HUD-2020-0002', 'HUD-2020-0003'];

describe('the Huddinge timeline with the handover checklist', () => {
  it('gives the three investigations new owners the same week and never lets the silence go unseen', async () => {
    const u = await unit('2020-12-08T10:00:00+01:00');
    const { deps } = u;
    // 2020-12-08: anmälan from the preschool; skyddsbedömning the same day, no immediate protection.
    for (const [i, id] of IDS.entries()) {
      const c = await registerCase(deps, {
        externalId: id,
        childRef: `B-2020-000${i + 1}`,
        groupId: 'barn-utredning-1',
        receivedAt: '2020-12-08T09:00:00+01:00',
      });
      const s = await executeCaseCommand(deps, {
        caseId: id,
        expectedVersion: c.version,
        actor: actorOf(per),
        intent: {
          type: 'recordSkyddsbedomning',
          immediateProtection: false,
          motivation: 'Inget omedelbart skyddsbehov.',
        },
      });
      expect(s.ok).toBe(true);
    }
    // 2020-12-14: förhandsbedömning, three investigations opened; the 4-month deadline is 2021-04-14.
    u.setNow('2020-12-14T14:00:00+01:00');
    for (const id of IDS) {
      const r = await executeCaseCommand(deps, {
        caseId: id,
        actor: actorOf(per),
        intent: {
          type: 'decideForhandsbedomning',
          outcome: 'open',
          motivation: 'Märken i ansiktet och hög frånvaro enligt rektor.',
        },
      });
      expect(r.ok && r.case.utredning?.deadline).toBe('2021-04-14');
    }
    // 2021-01-13: a caseworker from the resource pool is assigned.
    u.setNow('2021-01-13T10:00:00+01:00');
    for (const id of IDS) {
      const c = (await deps.store.getCase(id))!;
      expect(
        (await assignCase(deps, { caseId: id, version: c.version, assignees: [elin.aadObjectId], actor: actorOf(per) }))
          .ok,
      ).toBe(true);
    }
    // Nobody has met the family: flagged from 21 days after the decision to open, i.e. from 2021-01-04.
    expect(
      noContact(await deps.store.openCases(), new Date('2021-01-03T08:00:00+01:00'), deps.rules.noContactDays),
    ).toHaveLength(0);
    expect(
      noContact(await deps.store.openCases(), new Date('2021-01-04T08:00:00+01:00'), deps.rules.noContactDays)
        .map((n) => n.case.id)
        .sort(),
    ).toEqual(IDS);

    // 2021-02-08 (Monday): the caseworker falls ill. The checklist of all three is there at once.
    u.setNow('2021-02-08T09:00:00+01:00');
    const sick = await registerAbsence(deps, { actor: actorOf(per), staffId: elin.aadObjectId });
    if (!sick.ok) throw new Error(sick.refusal.message);
    const handoverId = sick.handover!.id;
    expect(sick.handover!.entries.map((e) => e.caseId).sort()).toEqual(IDS);
    expect(
      (await u.outbox()).some(
        (m) =>
          m.target.kind === 'group' &&
          m.target.groupId === 'barn-utredning-1' &&
          m.content.kind === 'handoverCard' &&
          m.content.handoverId === sick.handover!.id,
      ),
    ).toBe(true);
    // ... and the silence with the family is already 56 days long, on the morning list's no-contact section.
    expect(
      noContact(await deps.store.openCases(), deps.now(), deps.rules.noContactDays).map((n) => n.daysWithout),
    ).toEqual([56, 56, 56]);

    // 2021-02-09 07:45: "nothing acute" is not an owner: the team lead and the unit manager hear of all three.
    u.setNow('2021-02-09T07:45:00+01:00');
    const day1 = await enqueueHandoverEscalations(deps, deps.now());
    expect(day1.map((e) => [e.recipientId, e.items.length])).toEqual([
      [per.aadObjectId, 3],
      [lars.aadObjectId, 3],
    ]);

    // 2021-02-11: the team lead falls ill too. From the next morning only the unit manager is on the chain.
    u.setNow('2021-02-11T16:00:00+01:00');
    expect((await registerAbsence(deps, { actor: actorOf(lars), staffId: per.aadObjectId })).ok).toBe(true);
    u.setNow('2021-02-12T07:45:00+01:00');
    const day4 = await enqueueHandoverEscalations(deps, deps.now());
    expect(day4.map((e) => [e.recipientId, e.kind, e.items.length])).toEqual([[lars.aadObjectId, 'noOwner', 3]]);

    // The unit manager acts on it the same day, from the checklist: new owners on Friday of the same week.
    u.setNow('2021-02-12T09:30:00+01:00');
    for (const [i, id] of IDS.entries()) {
      const c = (await deps.store.getCase(id))!;
      const r = await reassignFromHandover(deps, {
        actor: actorOf(lars),
        handoverId,
        caseId: id,
        version: c.version,
        newOwnerId: i < 2 ? fredrik.aadObjectId : gunilla.aadObjectId,
      });
      expect(r.ok).toBe(true);
    }
    const owned = (await getHandover(deps, handoverId))!.entries.map((e) => stockholmDate(e.newOwnerAt!));
    expect(owned.every((d) => d >= '2021-02-08' && d <= '2021-02-12')).toBe(true);
    expect((await Promise.all(IDS.map((id) => deps.store.getCase(id)))).map((c) => c!.assignees)).toEqual([
      [fredrik.aadObjectId],
      [fredrik.aadObjectId],
      [gunilla.aadObjectId],
    ]);

    // Tuesday 2021-02-16, two working days later, no written status yet: the new owners are told.
    u.setNow('2021-02-15T07:45:00+01:00');
    expect(await handoverEscalations(deps, deps.now())).toEqual([]);
    u.setNow('2021-02-16T07:45:00+01:00');
    expect((await handoverEscalations(deps, deps.now())).map((e) => [e.recipientId, e.kind, e.items.length])).toEqual([
      [fredrik.aadObjectId, 'noStatus', 2],
      [gunilla.aadObjectId, 'noStatus', 1],
    ]);
  });
});
