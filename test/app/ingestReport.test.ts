// The intake use case without HTTP: återkoppling for professional reporters (from the rule table),
// races on the same externalId, entrances with a person as actor, and what is linked.
import { afterEach, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../src/app/context.js';
import { executeCaseCommand } from '../../src/app/executeCaseCommand.js';
import { ingestReport, parseReport } from '../../src/app/ingestReport.js';
import type { OutboxMessage } from '../../src/outbox/messages.js';
import { deadlinesOf } from '../../src/domain/deadlines.js';
import { DEFAULT_RULES, type RuleTable } from '../../src/domain/rules.js';
import { actor, report, STAFF } from '../domain/fixtures.js';
import { intakeDeps } from './ingest.support.js';

let deps: AppDeps;
afterEach(async () => {
  await deps?.store.close();
});

async function throughForhandsbedomning(d: AppDeps, id: string, outcome: 'open' | 'not_open') {
  const lead = actor(STAFF.karin);
  const s = await executeCaseCommand(d, {
    caseId: id,
    actor: lead,
    intent: { type: 'recordSkyddsbedomning', immediateProtection: false, motivation: 'Inget akut skyddsbehov.' },
  });
  expect(s.ok).toBe(true);
  const f = await executeCaseCommand(d, {
    caseId: id,
    actor: lead,
    intent: { type: 'decideForhandsbedomning', outcome, motivation: 'Oron är allvarlig.' },
  });
  expect(f.ok).toBe(true);
  return (await d.store.getCase(id))!;
}

describe('återkoppling to a professional reporter', () => {
  const asked = { reporter: { type: 'preschool' as const, professional: true, requestsFeedback: true } };

  it('appears as a deadline after the förhandsbedömning when the reporter asked, one week by the 2026 row', async () => {
    deps = await intakeDeps({ now: new Date('2026-11-23T10:00:00+01:00') });
    expect((await ingestReport(deps, report(asked))).status).toBe(201);
    expect((await deps.store.getCase('IFO-2026-004512'))!.aterkoppling).toBeUndefined();
    const c = await throughForhandsbedomning(deps, 'IFO-2026-004512', 'open');
    expect(c.aterkoppling).toEqual({ due: '2026-11-30' }); // decided Mon 2026-11-23 + one week
    expect(deadlinesOf(c, deps.rules).find((d) => d.kind === 'aterkoppling')).toMatchObject({
      label: 'Återkoppling till anmälaren',
      due: '2026-11-30',
      done: false,
      reference: 'SoL (2025:400) 19 kap. 6 § i lydelse enligt SFS 2025:1501 (tidigare SoL (2001:453) 14 kap. 1 b §)',
    });
  });

  it('is no deadline when the professional reporter did not ask', async () => {
    deps = await intakeDeps({ now: new Date('2026-11-23T10:00:00+01:00') });
    await ingestReport(deps, report());
    const c = await throughForhandsbedomning(deps, 'IFO-2026-004512', 'open');
    expect(c.aterkoppling).toBeUndefined();
    expect(deadlinesOf(c, deps.rules).map((d) => d.kind)).not.toContain('aterkoppling');
  });

  it('follows a changed rule row (the amendment’s period is a setting), also when no investigation is opened', async () => {
    const rules: RuleTable = {
      ...DEFAULT_RULES,
      rules: DEFAULT_RULES.rules.map((r) =>
        r.kind === 'aterkoppling' && r.period ? { ...r, period: { unit: 'days' as const, amount: 10 } } : r,
      ),
    };
    deps = await intakeDeps({ now: new Date('2026-11-23T10:00:00+01:00'), rules });
    await ingestReport(deps, report(asked));
    const c = await throughForhandsbedomning(deps, 'IFO-2026-004512', 'not_open');
    expect(c.phase).toBe('closed');
    expect(c.aterkoppling).toEqual({ due: '2026-12-03' });
  });

  it('is not created for a reporter who is not professional', async () => {
    deps = await intakeDeps({ now: new Date('2026-11-23T10:00:00+01:00') });
    await ingestReport(deps, report({ reporter: { type: 'relative', professional: false } }));
    const c = await throughForhandsbedomning(deps, 'IFO-2026-004512', 'open');
    expect(c.aterkoppling).toBeUndefined();
    expect(deadlinesOf(c, deps.rules).map((d) => d.kind)).not.toContain('aterkoppling');
  });
});

describe('ingestReport', () => {
  it('registers the same report sent twice at the same moment once: one 201, one 200, one card', async () => {
    deps = await intakeDeps();
    const results = await Promise.all([
      ingestReport(deps, report()),
      ingestReport(deps, report()),
      ingestReport(deps, report()),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    expect(
      (await deps.store.listDocs<OutboxMessage>('outbox')).filter((m) => m.content.kind === 'caseCard'),
    ).toHaveLength(1);
  });

  it('from Teams: a person registers in their own group; another group is refused (403), nothing stored', async () => {
    deps = await intakeDeps();
    const other = await ingestReport(deps, report({ groupId: 'barn-utredning-1' }), actor(STAFF.anna));
    expect(other.status).toBe(403);
    expect([...(await deps.store.allCases())]).toHaveLength(0);
    const own = await ingestReport(deps, report(), actor(STAFF.anna));
    expect(own.status).toBe(201);
    expect((await deps.store.auditFor('IFO-2026-004512'))[0].actor).toBe(STAFF.anna.aadObjectId);
  });

  it('does not link to a closed case about the same child', async () => {
    deps = await intakeDeps({ now: new Date('2026-11-23T10:00:00+01:00') });
    await ingestReport(
      deps,
      report({ externalId: 'IFO-2026-000001', groupId: 'barn-utredning-1', receivedAt: '2026-11-02T09:00:00+01:00' }),
    );
    await executeCaseCommand(deps, {
      caseId: 'IFO-2026-000001',
      actor: actor(STAFF.olof),
      intent: { type: 'recordSkyddsbedomning', immediateProtection: false, motivation: 'Ok.' },
    });
    const closed = await executeCaseCommand(deps, {
      caseId: 'IFO-2026-000001',
      actor: actor(STAFF.olof),
      intent: {
        type: 'decideForhandsbedomning',
        outcome: 'not_open',
        motivation: 'Ingen grund.',
        synnerligaSkal: 'Polisförhör.',
      },
    });
    expect(closed.ok && closed.case.phase).toBe('closed');
    const r = await ingestReport(deps, report());
    expect(r.status === 201 && r.case.linkedCaseIds).toEqual([]);
  });

  it('parses: duplicate concerns once, unknown fields refused, the secrecy issue alongside the others', async () => {
    const ok = parseReport(report({ concerns: ['neglect', 'neglect', 'violence'] }));
    expect(ok.ok && ok.report.concerns).toEqual(['neglect', 'violence']);
    const bad = parseReport({ ...report({ childRef: '20091231-0000' }), receivedAt: 1 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.refusal.fields ?? {}).sort()).toEqual(['childRef', 'receivedAt']);
  });
});

describe('the VINR notice', () => {
  it('is a valid short card with the reference, concerns and the skyddsbedömning date, and no summary or child reference', async () => {
    const { renderCard } = await import('../../src/cards/render.js');
    const { validateCard } = await import('../support/validateCard.js');
    deps = await intakeDeps();
    await ingestReport(deps, report({ concerns: ['honour_related'] }));
    const notice = (await deps.store.listDocs<OutboxMessage>('outbox')).find((m) => m.content.kind === 'card')!;
    expect(notice.target).toEqual({ kind: 'group', groupId: 'vinr' });
    const content = notice.content as { template: string; data: object };
    const card = renderCard(content.template, content.data);
    expect(validateCard(card)).toEqual([]);
    const text = JSON.stringify(card);
    expect(text).toContain('IFO-2026-004512');
    expect(text).toContain('Hedersrelaterat');
    expect(text).toContain('Mottagning barn och unga');
    expect(text).not.toContain('B-2026-0412');
    expect(text).not.toContain('frånvaro');
  });
});
