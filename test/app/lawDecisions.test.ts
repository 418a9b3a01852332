// The statute's smaller decisions through their use cases, as the caseworker would notice them: a
// decision dated yesterday counts from yesterday, an uppföljning ends when a new investigation about
// the same child opens, and the 20 kap. 4 § information is recorded from its form.
import { describe, expect, it } from 'vitest';
import type { AppDeps } from '../../src/app/context.js';
import { submitDecision, type DecisionKind, type DecisionResult } from '../../src/app/decisions.js';
import { deadlinesOf } from '../../src/domain/deadlines.js';
import type { Staff } from '../../src/domain/schemas.js';
import { EXAMPLE_ORG, person } from '../support/bot.js';
import { actorOf, registerCase, testDeps } from '../support/deps.js';

const anna = person(EXAMPLE_ORG, 'anna');
const karin = person(EXAMPLE_ORG, 'karin');
let clock = new Date('2026-02-02T09:30:00+01:00');
const ok = (r: DecisionResult) => {
  if (!r.ok) throw new Error(`refused: ${r.refusal.message} ${JSON.stringify(r.refusal.fields ?? {})}`);
  return r;
};
const submit = async (deps: AppDeps, who: Staff, kind: DecisionKind, id: string, data: Record<string, unknown>) =>
  submitDecision(deps, kind, {
    caseId: id,
    version: (await deps.store.getCase(id))!.version,
    actor: actorOf(who),
    data,
  });

async function openInvestigation(deps: AppDeps, id: string, childRef: string, receivedAt: string, decidedOn = '') {
  await registerCase(deps, { externalId: id, childRef, receivedAt });
  ok(await submit(deps, anna, 'skydd', id, { immediateProtection: 'nej', motivation: 'Ingen akut fara.' }));
  return ok(await submit(deps, karin, 'forhand', id, { outcome: 'open', motivation: 'Oro.', decidedOn }));
}

describe('decision dates through the forms', () => {
  it('a förhandsbedömning dated yesterday counts four months from yesterday', async () => {
    const deps = await testDeps({ now: () => clock });
    const r = await openInvestigation(
      deps,
      'IFO-2026-000401',
      'B-2026-0401',
      '2026-01-26T09:00:00+01:00',
      '2026-02-01',
    );
    expect(r.case.utredning).toMatchObject({ openedOn: '2026-02-01', statutoryDeadline: '2026-06-01' });
    expect(r.message).toContain('Utredning inledd sön 1 feb; ska vara klar senast mån 1 juni.');
  });

  it('a date in the future is refused with its field named, nothing stored', async () => {
    const deps = await testDeps({ now: () => clock });
    await registerCase(deps, {
      externalId: 'IFO-2026-000402',
      childRef: 'B-2026-0402',
      receivedAt: '2026-01-26T09:00:00+01:00',
    });
    const v = (await deps.store.getCase('IFO-2026-000402'))!.version;
    const r = await submit(deps, anna, 'skydd', 'IFO-2026-000402', {
      immediateProtection: 'nej',
      motivation: 'Ok.',
      decidedOn: '2026-02-03',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusal.fields).toEqual({ decidedOn: 'Beslutsdatumet kan inte vara i framtiden.' });
    expect((await deps.store.getCase('IFO-2026-000402'))!.version).toBe(v);
  });
});

describe('uppföljning and a new investigation about the same child', () => {
  it('ends the uppföljning of the closed case on the day the new investigation opens', async () => {
    const deps = await testDeps({ now: () => clock });
    clock = new Date('2025-09-02T10:00:00+02:00');
    await openInvestigation(deps, 'IFO-2025-000901', 'B-2025-0901', '2025-09-01T09:00:00+02:00');
    clock = new Date('2025-12-31T14:00:00+01:00');
    const closed = ok(
      await submit(deps, karin, 'close', 'IFO-2025-000901', {
        outcome: 'ingen_insats',
        uppfoljningUntil: '2026-06-30',
      }),
    );
    expect(closed.case.uppfoljning).toEqual({ due: '2026-06-30', startedOn: '2025-12-31' });
    clock = new Date('2026-02-10T10:00:00+01:00');
    await openInvestigation(deps, 'IFO-2026-000403', 'B-2025-0901', '2026-02-02T09:00:00+01:00');
    const old = (await deps.store.getCase('IFO-2025-000901'))!;
    expect(old.uppfoljning?.endedEarly).toEqual({ on: '2026-02-10', caseId: 'IFO-2026-000403' });
    expect(deadlinesOf(old, deps.rules).find((d) => d.kind === 'uppfoljning')?.done).toBe(true);
    const audit = await deps.store.auditFor('IFO-2025-000901');
    expect(audit.at(-1)).toMatchObject({ type: 'UppfoljningEnded', actor: 'system:arendevakt' });
  });
});

describe('the information that an investigation was opened', () => {
  it('is recorded from its form, and the deadline line turns done', async () => {
    const deps = await testDeps({ now: () => clock });
    clock = new Date('2026-02-02T09:30:00+01:00');
    const r = await openInvestigation(deps, 'IFO-2026-000404', 'B-2026-0404', '2026-01-28T09:00:00+01:00');
    expect(deadlinesOf(r.case, deps.rules).find((d) => d.kind === 'utredning_information')).toMatchObject({
      due: '2026-02-02',
      done: false,
    });
    const both = await submit(deps, anna, 'information', 'IFO-2026-000404', {
      givenOn: '2026-02-02',
      reason: 'Skyddsskäl.',
    });
    expect(both.ok).toBe(false);
    const told = ok(await submit(deps, anna, 'information', 'IFO-2026-000404', { givenOn: '2026-02-02', reason: '' }));
    expect(told.message).toBe('De berörda informerades om utredningen mån 2 feb.');
    expect(deadlinesOf(told.case, deps.rules).find((d) => d.kind === 'utredning_information')?.done).toBe(true);
  });
});
