// At phone width a case reference wrapped at its hyphen ("IFO-2026-/004405" on the statistics card's
// "Längst väntan"): the card writes references with non-breaking hyphens, and a reference copied
// from the card back into a chat command still finds its case.
import { describe, expect, it } from 'vitest';
import { statsCardData, unbrokenRef } from '../../src/cards/statsCard.js';
import { caseByRef } from '../../src/app/caseQueries.js';
import { Calendar } from '../../src/domain/calendar.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import { computeMonths } from '../../src/stats/figures.js';
import { cardMonths } from '../../src/stats/query.js';
import { ORG } from '../domain/fixtures.js';
import { NOVEMBER, NOW } from '../stats/monthFixture.js';
import { registerCase, testDeps } from '../support/deps.js';

const opts = { now: NOW, rules: DEFAULT_RULES, calendar: new Calendar(), groups: ORG.groups };

describe('case references on a narrow card', () => {
  it('are written with non-breaking hyphens on the statistics card’s longest waits', () => {
    const history = computeMonths(NOVEMBER, cardMonths('2026-11'), opts);
    const last = history.at(-1)!;
    last.unit.unassigned.longest = [
      { caseId: 'IFO-2026-004405', workingDays: 6 },
      { caseId: 'IFO-2026-004406', workingDays: 4 },
    ];
    const data = statsCardData({ history, groupId: null, lang: 'sv' });
    const facts = JSON.stringify(data);
    expect(facts).toContain('IFO\u20112026\u2011004405 (6), IFO\u20112026\u2011004406 (4)');
    expect(facts).not.toContain('IFO-2026-004405');
  });

  it('still find their case when copied back with those hyphens', async () => {
    const deps = await testDeps();
    const c = await registerCase(deps);
    expect((await caseByRef(deps, unbrokenRef(c.id)))?.id).toBe(c.id);
    expect((await caseByRef(deps, c.id.replace(/-/g, '\u2013')))?.id).toBe(c.id);
    expect(await caseByRef(deps, unbrokenRef(c.id) + '9')).toBeUndefined();
  });
});
