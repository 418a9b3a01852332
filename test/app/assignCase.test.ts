// Take, assign and reassign as a team would notice them: one change per press, the card updated for
// everyone and the new owner told, in the same commit; stale and forbidden presses change nothing.
import { describe, expect, it } from 'vitest';
import { assignCase, takeCase } from '../../src/app/assignCase.js';
import { caseCardKey } from '../../src/app/caseCardUpdates.js';
import { OUTBOX, type OutboxMessage } from '../../src/outbox/messages.js';
import type { AppDeps } from '../../src/app/context.js';
import { EXAMPLE_ORG, person, report } from '../support/bot.js';
import { actorOf, registerCase, testDeps } from '../support/deps.js';

const anna = person(EXAMPLE_ORG, 'anna');
const bo = person(EXAMPLE_ORG, 'bo');
const karin = person(EXAMPLE_ORG, 'karin');
const ID = report().externalId;

async function withCase(): Promise<AppDeps> {
  const deps = await testDeps();
  await registerCase(deps);
  // The registration's own card message is not what these tests are about.
  await deps.store.commit({
    docs: (await deps.store.listDocs<OutboxMessage>(OUTBOX)).map((m) => ({
      collection: OUTBOX,
      id: m.id,
      value: null,
    })),
  });
  return deps;
}

const outbox = async (deps: AppDeps) => await deps.store.listDocs<OutboxMessage>(OUTBOX);

describe('taking and assigning a case', () => {
  it('a caseworker who takes an unassigned case owns it, the channel card is queued for update, and she gets no message about her own press', async () => {
    const deps = await withCase();
    const r = await takeCase(deps, { caseId: ID, version: 1, actor: actorOf(anna) });
    expect(r.ok).toBe(true);
    const c = (await deps.store.getCase(ID))!;
    expect(c).toMatchObject({ version: 2, assignees: [anna.aadObjectId], updatedBy: anna.aadObjectId });
    const queued = await outbox(deps);
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({
      target: { kind: 'group', groupId: 'barn-mottagning' },
      content: { kind: 'caseCard', caseId: ID },
      upsertKey: caseCardKey(ID, 'barn-mottagning'),
    });
  });

  it('a team lead who reassigns records who, when, before and after in the audit log, and the new owner gets a personal card', async () => {
    const deps = await withCase();
    await takeCase(deps, { caseId: ID, version: 1, actor: actorOf(anna) });
    const r = await assignCase(deps, { caseId: ID, version: 2, assignees: [bo.aadObjectId], actor: actorOf(karin) });
    expect(r.ok).toBe(true);
    const audit = await deps.store.auditFor(ID);
    const last = audit.at(-1)!;
    expect(last).toMatchObject({ actor: karin.aadObjectId, caseId: ID, at: deps.now().toISOString() });
    expect((last.before as { assignees: string[] }).assignees).toEqual([anna.aadObjectId]);
    expect((last.after as { assignees: string[] }).assignees).toEqual([bo.aadObjectId]);
    const personal = (await outbox(deps)).filter((m) => m.target.kind === 'user');
    expect(personal).toHaveLength(1);
    expect(personal[0]).toMatchObject({
      target: { staffId: bo.aadObjectId },
      content: { kind: 'caseCard', view: 'assignedToYou' },
    });
    expect((personal[0].content as { note: string }).note).toMatch(/Karin Ek har gett dig ärendet/);
    expect((await deps.store.verifyAudit()).ok).toBe(true);
  });

  it('a press on a stale card says who changed the case and writes nothing', async () => {
    const deps = await withCase();
    await takeCase(deps, { caseId: ID, version: 1, actor: actorOf(anna) });
    const auditBefore = (await deps.store.auditFor(ID)).length;
    const queuedBefore = (await outbox(deps)).length;
    const r = await assignCase(deps, { caseId: ID, version: 1, assignees: [bo.aadObjectId], actor: actorOf(karin) });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.refusal.code).toBe('stale');
    expect(r.changedBy).toMatchObject({ id: anna.aadObjectId, name: 'Anna Berg' });
    expect(r.case?.assignees).toEqual([anna.aadObjectId]);
    expect((await deps.store.auditFor(ID)).length).toBe(auditBefore);
    expect((await outbox(deps)).length).toBe(queuedBefore);
  });

  it('a caseworker cannot assign, whatever card she pressed; nothing is written', async () => {
    const deps = await withCase();
    const r = await assignCase(deps, { caseId: ID, version: 1, assignees: [anna.aadObjectId], actor: actorOf(anna) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusal.code).toBe('forbidden');
    expect(await deps.store.getCase(ID)).toMatchObject({ version: 1, assignees: [] });
    expect(await outbox(deps)).toEqual([]);
  });

  it('of two takes of the same version at the same moment exactly one wins', async () => {
    const deps = await withCase();
    const results = await Promise.all([
      takeCase(deps, { caseId: ID, version: 1, actor: actorOf(anna) }),
      takeCase(deps, { caseId: ID, version: 1, actor: actorOf(bo) }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect((await deps.store.getCase(ID))!.assignees).toHaveLength(1);
    expect(await outbox(deps)).toHaveLength(1);
  });
});
