// The month's figures on a hand-made November 2026 (test/stats/monthFixture.ts): every expected share
// is worked out here from the fixture's dates, with a fixed clock.
import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/domain/calendar.js';
import { DEFAULT_RULES, RuleTable } from '../../src/domain/rules.js';
import { BUILT_IN_RULES } from '../../src/domain/ruleTable.js';
import {
  computeMonth,
  computeMonths,
  monthsEndingWith,
  type Figure,
  type FigureId,
  type MonthStats,
} from '../../src/stats/figures.js';
import { aCase, ORG } from '../domain/fixtures.js';
import { NOVEMBER, NOW } from './monthFixture.js';

const calendar = new Calendar({ eveHolidaysAreNonWorking: true });
const opts = { now: NOW, rules: DEFAULT_RULES, calendar, groups: ORG.groups };
const fig = (s: MonthStats['unit'], id: FigureId): Figure => s.figures.find((f) => f.id === id)!;

describe('the figures of November 2026', () => {
  const m = computeMonth(NOVEMBER, '2026-11', opts);
  const unit = m.unit;
  const intake = m.groups.find((g) => g.groupId === 'barn-mottagning')!;
  const inv = m.groups.find((g) => g.groupId === 'barn-utredning-1')!;

  it('names the month and says it is complete', () => {
    expect(m).toMatchObject({ month: '2026-11', from: '2026-11-01', to: '2026-11-30', asOf: '2026-12-10' });
    expect(m.complete).toBe(true);
    expect(m.groups.map((g) => g.groupId)).toEqual(ORG.groups.map((g) => g.id));
  });

  it('skyddsbedömning: a Friday-evening report is due on Saturday, and Monday is late', () => {
    // A (same day), C (same day), D (15:59, before the cut-off, same day), J (same day) met; B late.
    expect(fig(unit, 'skyddsbedomning')).toMatchObject({ total: 5, met: 4, late: 1, lateCases: ['T-B'] });
    expect(fig(unit, 'skyddsbedomning').share).toBeCloseTo(4 / 5);
    expect(fig(intake, 'skyddsbedomning')).toMatchObject({ total: 4, met: 3 });
    expect(fig(inv, 'skyddsbedomning')).toMatchObject({ total: 1, met: 1 });
  });

  it('förhandsbedömning: 14 days by the statutory date, and by the date in force after an extension', () => {
    // Due in November: A 11-16 (decided 11-10), B 11-20 (11-25), C 11-17 (11-30, extended to 12-01),
    // D 11-26 (not decided), I 11-13 (10-30), J 11-16 (11-02).
    expect(fig(unit, 'forhandsbedomning_14')).toMatchObject({
      total: 6,
      met: 3,
      lateCases: ['T-B', 'T-C', 'T-D'],
    });
    expect(fig(unit, 'forhandsbedomning_14').share).toBe(0.5);
    // The extension for synnerliga skäl makes C on time by the date in force; B and D stay late.
    expect(fig(unit, 'forhandsbedomning_i_kraft')).toMatchObject({ total: 6, met: 4, lateCases: ['T-B', 'T-D'] });
  });

  it('utredning: four months by the statutory date and by the extended date, shown separately', () => {
    // Statutory dates in November: E 11-15 (closed 11-10), F 11-20 (extended in time to 12-20, still
    // running), G 11-25 (extended after the deadline), and H+I: H closed 10-20 and I opened 10-30 about
    // the same child, so one clock from 2026-07-01 (due 11-01), still running.
    const statutory = fig(unit, 'utredning_4_manader');
    expect(statutory).toMatchObject({ total: 4, met: 1, late: 3, lateCases: ['T-F', 'T-G', 'T-H', 'T-I'] });
    expect(statutory.share).toBe(0.25);
    // By the date in force: E met; F's extended date (12-20) has not come (pending); G's extension was an
    // overrun (late although the new date is ahead); H+I had no extension.
    expect(fig(unit, 'utredning_i_kraft')).toMatchObject({
      total: 3,
      met: 1,
      pending: 1,
      lateCases: ['T-G', 'T-H', 'T-I'],
    });
  });

  it('closing and reopening cannot hide an overrun; a longer gap than the set time is a new clock', () => {
    const separate = computeMonth(NOVEMBER, '2026-11', { ...opts, continuationDays: 5 });
    // H alone: closed 10-20, within its own four months (11-01). I's own date is 2027-02-28.
    expect(fig(separate.unit, 'utredning_4_manader')).toMatchObject({ total: 4, met: 2, lateCases: ['T-F', 'T-G'] });
  });

  it('extensions decided in the month: before the deadline, or after it (an overrun)', () => {
    expect(fig(unit, 'forlangning_i_tid')).toMatchObject({ total: 2, met: 1, lateCases: ['T-G'] });
  });

  it('återkoppling where the reporter asked: A late (11-19 for 11-17), C on time', () => {
    expect(fig(unit, 'aterkoppling')).toMatchObject({ total: 2, met: 1, lateCases: ['T-A'] });
  });

  it('contact with the family or the child at least every 21 days, in each month the investigation ran', () => {
    // E: last hembesök 10-25, closed 11-10 (day 16); the 'other' contact does not count but is not needed.
    // F: 10-20 to 11-20 is 31 days; G: 10-16, 11-05, 11-20 (never 21); I: opened 10-30, none (day 21 = 11-20);
    // J: opened 11-02, hembesök 11-20 (day 18). H was closed before November.
    expect(fig(unit, 'kontakt')).toMatchObject({ total: 5, met: 3, lateCases: ['T-F', 'T-I'] });
    expect(fig(unit, 'kontakt').label).toContain('var 21:e dag');
  });

  it('LVU: 7 § met (11-12 for 11-13), 6 § late (reported 11-18 after the meeting 11-17); 8 § falls in December', () => {
    expect(fig(unit, 'lvu')).toMatchObject({ total: 2, met: 1, lateCases: ['T-J'] });
    const december = computeMonth(NOVEMBER, '2026-12', opts);
    expect(fig(december.unit, 'lvu')).toMatchObject({ total: 1, met: 1 }); // ansökan 12-04 for 12-04
  });

  it('days unassigned for the reports received in the month: median, 90th percentile and max', () => {
    // Working days A 1 (Mon→Tue), B 1 (Fri evening→Mon), C 2, D 20 (still unassigned on 12-10), J 0.
    // Calendar days A 1, B 3, C 2, D 28, J 0. Sorted: [0,1,1,2,20] and [0,1,2,3,28].
    expect(unit.unassigned).toMatchObject({
      received: 5,
      stillUnassigned: 1,
      workingDays: { median: 1, p90: 20, max: 20 },
      calendarDays: { median: 2, p90: 28, max: 28 },
    });
    expect(unit.unassigned.longest.map((l) => l.caseId)).toEqual(['T-D', 'T-C', 'T-A', 'T-B']);
    // The intake group alone: [1,1,2,20] → median 1.5.
    expect(intake.unassigned.workingDays).toEqual({ median: 1.5, p90: 20, max: 20 });
  });

  it('the unit is the sum of its groups', () => {
    for (const id of ['skyddsbedomning', 'forhandsbedomning_14', 'utredning_4_manader', 'kontakt'] as const) {
      const sum = m.groups.reduce((n, g) => n + fig(g, id).total, 0);
      expect(fig(unit, id).total).toBe(sum);
    }
  });
});

describe('a month still running', () => {
  it('counts a clock that has not run out as pending, not late', () => {
    const now = new Date('2026-11-20T12:00:00+01:00');
    const m = computeMonth(NOVEMBER, '2026-11', { ...opts, now });
    expect(m.complete).toBe(false);
    // D's förhandsbedömning is due 11-26: still running on 11-20.
    const f = fig(m.unit, 'forhandsbedomning_14');
    expect(f.pending).toBeGreaterThan(0);
    expect(f.lateCases).not.toContain('T-D');
  });
});

describe('thirteen months at once', () => {
  it('leaves out cases of sections outside child welfare (an adult case has no child deadlines)', () => {
    const adult = NOVEMBER.map((c) => ({ ...c, id: `V-${c.id}`, sectionKind: 'adult' as const }));
    const withAdult = computeMonth([...NOVEMBER, ...adult], '2026-11', opts);
    expect(withAdult.unit).toEqual(computeMonth(NOVEMBER, '2026-11', opts).unit);
  });

  it('gives each month the same figures as computing it alone', () => {
    const months = monthsEndingWith('2026-11', 13);
    expect(months[0]).toBe('2025-11');
    expect(months.at(-1)).toBe('2026-11');
    const all = computeMonths(NOVEMBER, months, opts);
    expect(all.map((m) => m.month)).toEqual(months);
    for (const month of ['2026-10', '2026-11', '2026-07']) {
      expect(all.find((m) => m.month === month)).toEqual(computeMonth(NOVEMBER, month, opts));
    }
  });
});

describe('the rule in force for each case', () => {
  it('judges a report by the förhandsbedömning row in force on the day it arrived', () => {
    // A replacement table: 10 days for reports up to 2026-11-04, 14 days from 2026-11-05.
    const rows = BUILT_IN_RULES.rules.flatMap((r) =>
      r.kind === 'forhandsbedomning'
        ? [
            { ...r, period: { unit: 'days' as const, amount: 10 }, endsOn: '2026-11-04' },
            { ...r, inForce: '2026-11-05' },
          ]
        : [r],
    );
    const rules = RuleTable.parse({ ...BUILT_IN_RULES, rules: rows });
    const decided = (id: string, received: string, on: string) =>
      aCase({
        id,
        childRef: `B-${id}`,
        receivedAt: `${received}T09:00:00+01:00`,
        phase: 'closed',
        forhandsbedomning: {
          decidedAt: `${on}T09:00:00+01:00`,
          by: 'x',
          outcome: 'not_open',
          motivation: 'm',
          decidedOn: on,
        },
      });
    // Received 11-03: 10 days → 11-13, decided 11-15 → late. Received 11-05: 14 days → 11-19, decided 11-15 → met.
    const cases = [decided('R-1', '2026-11-03', '2026-11-15'), decided('R-2', '2026-11-05', '2026-11-15')];
    const m = computeMonth(cases, '2026-11', { ...opts, rules });
    expect(fig(m.unit, 'forhandsbedomning_14')).toMatchObject({ total: 2, met: 1, lateCases: ['R-1'] });
    // With the built-in table both have 14 days and both are on time.
    expect(fig(computeMonth(cases, '2026-11', opts).unit, 'forhandsbedomning_14')).toMatchObject({ total: 2, met: 2 });
  });
});
