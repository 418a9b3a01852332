import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/domain/calendar.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import { cardSize } from '../../src/cards/render.js';
import { morningListCard } from '../../src/cards/morningList.js';
import { buildMorningList, DEFAULT_LIST_SETTINGS, type ListInputs } from '../../src/jobs/morningList.js';
import { validateCard } from '../support/validateCard.js';
import { cardText, cardVerbs } from '../support/bot.js';
import { ORG, STAFF } from '../domain/fixtures.js';
import { forhandsCase, manyCases, sick, utredningCase, waitingCase } from './listFixtures.js';

const calendar = new Calendar({ eveHolidaysAreNonWorking: true });
const MONDAY = new Date('2026-11-23T07:45:00+01:00');
const mottagning = ORG.groups[0];
const utredning = ORG.groups[1];

const inputs = (over: Partial<ListInputs>): ListInputs => ({
  group: mottagning,
  cases: [],
  staff: ORG.staff,
  absences: [],
  handovers: [],
  now: MONDAY,
  calendar,
  rules: DEFAULT_RULES,
  settings: DEFAULT_LIST_SETTINGS,
  ...over,
});

describe('the morning list of a group', () => {
  it('shows overdue first, then unassigned with their age in working days, then deadlines within 3 working days', () => {
    const cases = [
      forhandsCase('IFO-2026-000003', '2026-11-12', STAFF.anna.aadObjectId), // förhandsbedömning due thu 26 nov
      waitingCase('IFO-2026-000002', '2026-11-18'), // unassigned since wed: 3 working days
      forhandsCase('IFO-2026-000001', '2026-11-05', STAFF.bo.aadObjectId), // due thu 19 nov: overdue
      waitingCase('IFO-2026-000009', '2026-11-20', 'barn-utredning-1'), // another group: not here
    ];
    const view = buildMorningList(inputs({ cases }));
    expect(view.sections.map((s) => s.key)).toEqual(['overdue', 'unassigned', 'dueSoon']);
    expect(view.sections[0].items[0].text).toContain('IFO-2026-000001');
    expect(view.sections[0].items[0].text).toContain('Bo Lind');
    expect(view.sections[1].items[0].text).toContain('ofördelad 3 arbetsdagar');
    expect(view.sections[2].items.map((i) => i.caseId)).toEqual(['IFO-2026-000003']);
    expect(view.summary).toBe(
      '1 försenad frist, 1 ofördelat ärende (äldsta 3 arbetsdagar), 1 frist inom 3 arbetsdagar.',
    );
    const card = morningListCard(view);
    expect(validateCard(card)).toEqual([]);
    const text = cardText(card);
    expect(text.indexOf('Försenade')).toBeLessThan(text.indexOf('Ofördelade'));
    expect(text).not.toContain('IFO-2026-000009');
    expect(cardVerbs(card)).toEqual([]);
  });

  it('flags investigations without contact with the family and the cases of an absent colleague', () => {
    const cases = [
      utredningCase('IFO-2026-000010', '2026-10-20', '2027-02-20', STAFF.cilla.aadObjectId),
      utredningCase('IFO-2026-000011', '2026-11-10', '2027-03-10', STAFF.cilla.aadObjectId),
    ];
    const view = buildMorningList(
      inputs({
        group: utredning,
        cases,
        absences: [sick(STAFF.cilla.aadObjectId, '2026-11-23')],
        handovers: [{ caseId: 'IFO-2026-000011', fromStaffId: STAFF.cilla.aadObjectId }],
      }),
    );
    expect(view.sections.map((s) => s.key)).toEqual(['noContact', 'absent']);
    expect(view.sections[0].items.map((i) => i.caseId)).toEqual(['IFO-2026-000010']);
    expect(view.sections[0].items[0].text).toContain('34 dagar utan kontakt');
    expect(view.sections[1].items.find((i) => i.caseId === 'IFO-2026-000011')!.text).toContain('överlämning ej klar');
    expect(validateCard(morningListCard(view))).toEqual([]);
  });

  it('says so in one line on a day with nothing to watch', () => {
    const view = buildMorningList(
      inputs({ cases: [forhandsCase('IFO-2026-000020', '2026-11-20', STAFF.anna.aadObjectId)] }),
    );
    expect(view.sections).toEqual([]);
    const card = morningListCard(view);
    expect(validateCard(card)).toEqual([]);
    expect(cardText(card)).toBe(
      'Morgonlista Mottagning barn och unga, mån 23 nov\nInget att bevaka i dag: inga försenade, ofördelade eller nära frister.',
    );
  });

  it('stays valid and under 40 KB with 5,000 open cases, showing the most urgent and a "Visa alla" that pages through the rest', () => {
    const owners = [STAFF.anna.aadObjectId, STAFF.bo.aadObjectId];
    const cases = manyCases(5000, ['barn-mottagning'], owners, '2026-11-23');
    const view = buildMorningList(inputs({ cases }));
    expect(view.total).toBeGreaterThan(3000);
    const first = morningListCard(view);
    expect(validateCard(first)).toEqual([]);
    expect(cardSize(first)).toBeLessThan(40 * 1024);
    expect(cardVerbs(first)).toEqual(['morning.page']);
    expect(cardText(first)).toContain('Visa alla');
    // The first shown item is the most urgent: the oldest overdue deadline.
    expect(cardText(first)).toContain(view.sections[0].items[0].text);
    // Paging from the button's offset reaches the end, every page valid, every item shown once.
    const seen = new Set<string>();
    let card = first;
    let pages = 0;
    for (;;) {
      pages++;
      for (const line of cardText(card).split('\n')) if (line.startsWith('**')) seen.add(line);
      const action = (card.actions as { data: { offset: number } }[] | undefined)?.[0];
      if (!action) break;
      card = morningListCard(view, Number(action.data.offset));
      expect(validateCard(card)).toEqual([]);
    }
    expect(pages).toBeGreaterThan(1);
    const unique = new Set(view.sections.flatMap((s) => s.items.map((i) => i.text)));
    expect(seen.size).toBe(unique.size);
  });
});
