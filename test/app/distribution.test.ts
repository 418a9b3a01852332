// The distribution card's view (src/app/distribution.ts): suggestions spread by load, counting the
// rows above; an overdue skyddsbedömning said in words; every assignment of the day confirmed.
import { describe, expect, it } from 'vitest';
import { assignFromDistribution, buildDistributionView, spreadSuggestions } from '../../src/app/distribution.js';
import { EXAMPLE_ORG, person } from '../support/bot.js';
import { actorOf, registerCase, testDeps } from '../support/deps.js';

const anna = person(EXAMPLE_ORG, 'anna');
const bo = person(EXAMPLE_ORG, 'bo');
const cecilia = person(EXAMPLE_ORG, 'cecilia');
const david = person(EXAMPLE_ORG, 'david');
const karin = person(EXAMPLE_ORG, 'karin');

describe('spreading the suggestions', () => {
  it('suggests the least loaded share of capacity, counting what the rows above suggested', () => {
    const people = [
      { id: 'a', open: 2, capacity: 8 },
      { id: 'b', open: 0, capacity: 8 },
      { id: 'c', open: 0, capacity: 4 },
    ];
    expect(spreadSuggestions(people, 5)).toEqual(['b', 'c', 'b', 'a', 'b']);
    expect(spreadSuggestions([], 3)).toEqual([]);
    expect(spreadSuggestions([{ id: 'x', open: 9 }], 2)).toEqual(['x', 'x']);
  });
});

describe('the distribution view', () => {
  it('does not suggest the same person on every row', async () => {
    const deps = await testDeps({ now: () => new Date('2026-11-24T08:30:00+01:00') });
    for (const [i, day] of ['18', '19', '20', '23'].entries())
      await registerCase(deps, {
        externalId: `IFO-2026-00710${i}`,
        childRef: `B-2026-010${i}`,
        receivedAt: `2026-11-${day}T10:00:00+01:00`,
      });
    const view = await buildDistributionView(deps, 'barn-mottagning');
    expect(view.cases).toHaveLength(4);
    const suggested = view.cases.map((c) => c.suggested);
    // Four present caseworkers with no cases: one row each.
    expect(new Set(suggested).size).toBe(4);
    expect(suggested.every((id) => [anna, bo, cecilia, david].some((s) => s.aadObjectId === id))).toBe(true);
  });

  it('marks an overdue skyddsbedömning in words and colour', async () => {
    const deps = await testDeps({ now: () => new Date('2026-11-24T08:30:00+01:00') });
    await registerCase(deps, { externalId: 'IFO-2026-007201', receivedAt: '2026-11-19T10:00:00+01:00' });
    await registerCase(deps, {
      externalId: 'IFO-2026-007202',
      childRef: 'B-2026-0202',
      receivedAt: '2026-11-24T08:00:00+01:00',
    });
    const [late, fresh] = (await buildDistributionView(deps, 'barn-mottagning')).cases;
    expect(late.text).toMatch(/^\*\*IFO-2026-007201\*\* · \*\*Skyddsbedömning försenad, tors 19 nov\*\*/);
    expect(late.color).toBe('Attention');
    expect(fresh.text).not.toMatch(/försenad/);
  });

  it('says how long a case has waited in calendar days and working days, on the row and in the summary', async () => {
    // Received on a Saturday, nine calendar days and six working days before Monday 23 November.
    const deps = await testDeps({ now: () => new Date('2026-11-23T08:30:00+01:00') });
    await registerCase(deps, { externalId: 'IFO-2026-007401', receivedAt: '2026-11-14T10:00:00+01:00' });
    await registerCase(deps, {
      externalId: 'IFO-2026-007402',
      childRef: 'B-2026-0402',
      receivedAt: '2026-11-23T08:00:00+01:00',
    });
    const view = await buildDistributionView(deps, 'barn-mottagning');
    expect(view.summary).toContain('det äldsta 9 dagar, 6 arbetsdagar');
    expect(view.cases[0].text).toContain('ofördelad 9 dagar, 6 arbetsdagar');
    expect(view.cases[1].text).toContain('inkom i dag');
    const en = await buildDistributionView(deps, 'barn-mottagning', 'en');
    expect(en.cases[0].text).toMatch(/9 days, 6 working days/);
  });

  it('confirms every assignment made today, who got what', async () => {
    const deps = await testDeps({ now: () => new Date('2026-11-24T08:30:00+01:00') });
    const one = await registerCase(deps, { externalId: 'IFO-2026-007301', receivedAt: '2026-11-23T10:00:00+01:00' });
    const two = await registerCase(deps, {
      externalId: 'IFO-2026-007302',
      childRef: 'B-2026-0302',
      receivedAt: '2026-11-23T11:00:00+01:00',
    });
    expect((await buildDistributionView(deps, 'barn-mottagning')).assignedToday).toEqual([]);
    const input = { groupId: 'barn-mottagning', actor: actorOf(karin) };
    expect(
      (
        await assignFromDistribution(deps, {
          ...input,
          caseId: one.id,
          version: one.version,
          assignee: anna.aadObjectId,
        })
      ).ok,
    ).toBe(true);
    expect(
      (await assignFromDistribution(deps, { ...input, caseId: two.id, version: two.version, assignee: bo.aadObjectId }))
        .ok,
    ).toBe(true);
    const view = await buildDistributionView(deps, 'barn-mottagning');
    expect(view.cases).toEqual([]);
    expect(view.assignedToday.map((a) => a.text)).toEqual([
      '✓ **IFO-2026-007301** till Anna Berg',
      '✓ **IFO-2026-007302** till Bo Lindqvist',
    ]);
  });
});
