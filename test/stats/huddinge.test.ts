// The Huddinge timeline of docs/domain.md (three siblings, 2020–2021) through the commands, then the
// monthly figures: December shows the 21 working days unassigned, January to March the missing contact,
// April the three investigations past four months.
import { describe, expect, it } from 'vitest';
import { decideCase, type CaseIntent } from '../../src/domain/commands.js';
import type { Actor, Case } from '../../src/domain/schemas.js';
import { computeMonths, type FigureId, type ScopeStats } from '../../src/stats/figures.js';
import { actor, ctx, ORG, report, STAFF, SYSTEM } from '../domain/fixtures.js';

const at = (s: string) => new Date(s);
function apply(c: Case | undefined, intent: CaseIntent, who: Actor, now: Date): Case {
  const d = decideCase(ctx(), c, intent, who, now);
  if (!d.ok) throw new Error(`${intent.type} refused: ${d.message}`);
  return d.state;
}
const fig = (s: ScopeStats, id: FigureId) => s.figures.find((f) => f.id === id)!;

describe('Huddinge 2020–2021 in the monthly figures', () => {
  const lead = actor(STAFF.karin);
  const anna = actor(STAFF.anna);
  const cases = ['B-2020-0001', 'B-2020-0002', 'B-2020-0003'].map((childRef, i) => {
    let c = apply(
      undefined,
      {
        type: 'registerReport',
        report: report({ externalId: `HUD-2020-00${i + 1}`, childRef, receivedAt: '2020-12-08T09:30:00+01:00' }),
      },
      SYSTEM,
      at('2020-12-08T09:31:00+01:00'),
    );
    c = apply(
      c,
      { type: 'recordSkyddsbedomning', immediateProtection: false, motivation: 'Inget omedelbart skyddsbehov.' },
      lead,
      at('2020-12-08T14:00:00+01:00'),
    );
    c = apply(
      c,
      { type: 'decideForhandsbedomning', outcome: 'open', motivation: 'Märken i ansiktet.' },
      lead,
      at('2020-12-14T15:00:00+01:00'),
    );
    c = apply(c, { type: 'assign', assignees: [STAFF.anna.aadObjectId] }, lead, at('2021-01-13T10:00:00+01:00'));
    // A reference call with the preschool is not contact with the family or the child.
    return apply(
      c,
      { type: 'recordContact', kind: 'other', date: '2021-01-27', note: 'Referenssamtal.' },
      anna,
      at('2021-01-27T16:00:00+01:00'),
    );
  });
  const months = computeMonths(cases, ['2020-12', '2021-01', '2021-02', '2021-03', '2021-04'], {
    now: at('2021-04-15T07:45:00+02:00'),
    rules: ctx().rules,
    calendar: ctx().calendar,
    groups: ORG.groups,
  });
  const [dec, jan, feb, mar, apr] = months.map((m) => m.unit);

  it('December: skyddsbedömning and förhandsbedömning in time, and 21 working days unassigned', () => {
    expect(fig(dec, 'skyddsbedomning')).toMatchObject({ total: 3, met: 3 });
    expect(fig(dec, 'forhandsbedomning_14')).toMatchObject({ total: 3, met: 3 });
    // 2020-12-08 to 2021-01-13: 21 working days (the morning list said 20 on 2021-01-12), 36 calendar days.
    expect(dec.unassigned).toMatchObject({
      received: 3,
      stillUnassigned: 0,
      workingDays: { median: 21, p90: 21, max: 21 },
      calendarDays: { median: 36, p90: 36, max: 36 },
    });
    // Opened 2020-12-14: day 21 without contact is 2021-01-04, so December is not yet a silence.
    expect(fig(dec, 'kontakt')).toMatchObject({ total: 3, met: 3 });
  });

  it('January to March: no contact with the family or the child, in every month', () => {
    for (const m of [jan, feb, mar])
      expect(fig(m, 'kontakt')).toMatchObject({
        total: 3,
        met: 0,
        lateCases: ['HUD-2020-001', 'HUD-2020-002', 'HUD-2020-003'],
      });
  });

  it('April: the three investigations past their four months (2021-04-14)', () => {
    expect(fig(apr, 'utredning_4_manader')).toMatchObject({ total: 3, met: 0 });
    expect(fig(apr, 'utredning_i_kraft')).toMatchObject({ total: 3, met: 0 });
  });
});
