// The secrecy guard at every entrance that changes a case: a personnummer in a motivation, a note or
// a reason given on a card is refused before the domain decides, and nothing is stored.
import { afterEach, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../src/app/context.js';
import { executeCaseCommand } from '../../src/app/executeCaseCommand.js';
import { ingestReport } from '../../src/app/ingestReport.js';
import type { CaseIntent } from '../../src/domain/commands.js';
import { SECRECY_MESSAGE } from '../../src/domain/secrecy.js';
import { actor, report, STAFF } from '../domain/fixtures.js';
import { intakeDeps } from './ingest.support.js';
import { syntheticPersonnummer } from '../support/synthetic.js';

let deps: AppDeps;
afterEach(async () => {
  await deps?.store.close();
});

describe('the secrecy guard on case commands', () => {
  it('refuses a personnummer in any free-text field of a command, naming the field, storing nothing', async () => {
    deps = await intakeDeps();
    await ingestReport(deps, report());
    const n = syntheticPersonnummer('101172123');
    const intents: [CaseIntent, string][] = [
      [
        { type: 'recordSkyddsbedomning', immediateProtection: false, motivation: `Barnet ${n} är tryggt.` },
        'motivation',
      ],
      [{ type: 'recordContact', kind: 'hembesok', date: '2026-11-20', note: `Träffade ${n.replace('-', '')}` }, 'note'],
      [{ type: 'recordBarnsamtalNotHeld', reason: `Se ${n}` }, 'reason'],
      [{ type: 'recordContact', kind: 'barnsamtal', date: '2026-11-20', childRef: n }, 'childRef'],
    ];
    const before = (await deps.store.getCase('IFO-2026-004512'))!;
    for (const [intent, field] of intents) {
      const r = await executeCaseCommand(deps, { caseId: 'IFO-2026-004512', actor: actor(STAFF.karin), intent });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(Object.keys(r.refusal.fields ?? {})).toEqual([field]);
        expect(r.refusal.message).toContain(SECRECY_MESSAGE.slice(0, 40));
        expect(JSON.stringify(r.refusal)).not.toContain(n);
      }
    }
    expect(await deps.store.getCase('IFO-2026-004512')).toEqual(before);
    expect((await deps.store.auditFor('IFO-2026-004512')).map((a) => a.type)).toEqual(['ReportRegistered']);
  });

  it('also guards a report registered through the command path', async () => {
    deps = await intakeDeps();
    const r = await executeCaseCommand(deps, {
      caseId: 'IFO-2026-000001',
      expectedVersion: null,
      actor: actor(STAFF.karin),
      intent: {
        type: 'registerReport',
        report: report({ externalId: 'IFO-2026-000001', summary: `Nr ${syntheticPersonnummer('101172123')}` }),
      },
    });
    expect(r.ok).toBe(false);
    expect([...(await deps.store.allCases())]).toHaveLength(0);
  });

  it('lets clean motivations through', async () => {
    deps = await intakeDeps();
    await ingestReport(deps, report());
    const r = await executeCaseCommand(deps, {
      caseId: 'IFO-2026-004512',
      actor: actor(STAFF.karin),
      intent: {
        type: 'recordSkyddsbedomning',
        immediateProtection: false,
        motivation: 'Ring 070-123 45 67 före 2026-11-21.',
      },
    });
    expect(r.ok).toBe(true);
  });
});
