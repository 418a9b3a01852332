import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/domain/calendar.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import { cardSize } from '../../src/cards/render.js';
import { morningListCard } from '../../src/cards/morningList.js';
import { buildMorningList, DEFAULT_LIST_SETTINGS, type ListInputs } from '../../src/views/morningListBuilder.js';
import { validateCard } from '../support/validateCard.js';
import { cardText, cardVerbs } from '../support/bot.js';
import { aCase, ORG, STAFF } from '../domain/fixtures.js';
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
  it('shows overdue first, then unassigned with their age in calendar and working days, then deadlines within 3 working days', () => {
    const cases = [
      forhandsCase('IFO-2026-000003', '2026-11-12', STAFF.anna.aadObjectId), // förhandsbedömning due thu 26 nov
      waitingCase('IFO-2026-000002', '2026-11-18'), // unassigned since wed: 3 working days
      forhandsCase('IFO-2026-000001', '2026-11-05', STAFF.bo.aadObjectId), // due thu 19 nov: overdue
      waitingCase('IFO-2026-000009', '2026-11-20', 'barn-utredning-1'), // another group: not here
    ];
    const view = buildMorningList(inputs({ cases }));
    expect(view.sections.map((s) => s.key)).toEqual(['overdue', 'unassigned', 'dueSoon']);
    expect(view.sections[0].items[0].text).toContain('IFO-2026-000001');
    expect(view.sections[0].items[0].detail).toBe('Brister i omsorgen · Bo Lind');
    expect(view.sections[0].items[0].text).toContain('försenad 4 dagar, 2 arbetsdagar');
    expect(view.sections[1].items[0].text).toContain('ofördelad 5 dagar, 3 arbetsdagar');
    expect(view.sections[1].items[0].detail).toBe('Brister i omsorgen · Ej fördelad');
    expect(view.sections[2].items.map((i) => i.caseId)).toEqual(['IFO-2026-000003']);
    expect(view.summary).toBe(
      '1 ärende med försenad frist, 1 ofördelat ärende (det äldsta 5 dagar, 3 arbetsdagar), 1 ärende med frist inom 3 arbetsdagar.',
    );
    const card = morningListCard(view);
    expect(validateCard(card)).toEqual([]);
    const text = cardText(card);
    expect(text.indexOf('Försenade')).toBeLessThan(text.indexOf('Ofördelade'));
    expect(text).not.toContain('IFO-2026-000009');
    // Every row opens its case; only the unassigned row has Ta and Tilldela.
    expect(cardVerbs(card).filter((v) => v === 'case.show')).toHaveLength(2 * 3);
    expect(cardVerbs(card).filter((v) => v === 'list.take')).toEqual(['list.take']);
    expect(cardVerbs(card).filter((v) => v === 'list.assign')).toEqual(['list.assign']);
  });

  it('lists each case once, under its worst problem, with its other problems on the same row', () => {
    // Unassigned since 2 nov and its förhandsbedömning overdue since 16 nov: once, under overdue.
    const both = waitingCase('IFO-2026-000030', '2026-11-02');
    // Out of hours on Sunday, unassigned, skyddsbedömning not recorded.
    const night = aCase({
      id: 'IFO-2026-000031',
      receivedAt: '2026-11-22T21:10:00+01:00',
      createdAt: '2026-11-22T21:10:00+01:00',
    });
    // Overdue and with an absent owner: under overdue, "även Anna Berg frånvarande".
    const away = forhandsCase('IFO-2026-000032', '2026-11-05', STAFF.anna.aadObjectId);
    const view = buildMorningList(
      inputs({ cases: [both, night, away], absences: [sick(STAFF.anna.aadObjectId, '2026-11-23')] }),
    );
    const rows = view.sections.flatMap((s) => s.items.map((i) => ({ key: s.key, ...i })));
    expect(rows.map((r) => r.caseId).sort()).toEqual(['IFO-2026-000030', 'IFO-2026-000031', 'IFO-2026-000032']);
    expect(view.total).toBe(3);
    const of = (id: string) => rows.find((r) => r.caseId === id)!;
    expect(of('IFO-2026-000030').key).toBe('overdue');
    expect(of('IFO-2026-000030').detail).toBe(
      'Brister i omsorgen · Ej fördelad · även ofördelad 21 dagar, 15 arbetsdagar',
    );
    expect(of('IFO-2026-000030').unassigned).toBe(true);
    expect(of('IFO-2026-000032').key).toBe('overdue');
    expect(of('IFO-2026-000032').detail).toBe('Brister i omsorgen · Anna Berg · även Anna Berg frånvarande');
    expect(of('IFO-2026-000032').unassigned).toBe(false);
    // The Sunday-night report: under out of hours (worse than waiting), its wait on the same row.
    expect(of('IFO-2026-000031').key).toBe('outOfHours');
    expect(of('IFO-2026-000031').detail).toBe(
      'Brister i omsorgen · Ej fördelad · även ofördelad 1 dag; skyddsbedömning i dag',
    );
    expect(of('IFO-2026-000031').unassigned).toBe(true);
    const card = morningListCard(view);
    expect(validateCard(card)).toEqual([]);
    for (const id of ['IFO-2026-000030', 'IFO-2026-000031', 'IFO-2026-000032'])
      expect(cardText(card).split(`**${id}**`)).toHaveLength(2);
  });

  it('puts violence and honour-related cases first among equals, and their concern first on the row', () => {
    const plain = waitingCase('IFO-2026-000040', '2026-11-18');
    const violence = {
      ...waitingCase('IFO-2026-000041', '2026-11-18'),
      concerns: ['neglect', 'violence'],
    } as typeof plain;
    const older = waitingCase('IFO-2026-000042', '2026-11-17');
    const view = buildMorningList(inputs({ cases: [plain, violence, older] }));
    const items = view.sections.find((s) => s.key === 'unassigned')!.items;
    // The longest wait first; between two that waited as long, violence first.
    expect(items.map((i) => i.caseId)).toEqual(['IFO-2026-000042', 'IFO-2026-000041', 'IFO-2026-000040']);
    expect(items[1].detail).toBe('Våld, Brister i omsorgen · Ej fördelad');
  });

  it("offers the group's caseworkers by load in Tilldela, the absent last", () => {
    const cases = [
      forhandsCase('IFO-2026-000050', '2026-11-20', STAFF.anna.aadObjectId),
      forhandsCase('IFO-2026-000051', '2026-11-20', STAFF.anna.aadObjectId),
      waitingCase('IFO-2026-000052', '2026-11-20'),
    ];
    const view = buildMorningList(inputs({ cases }));
    expect(view.choices).toEqual([
      { title: 'Bo Lind – 0/8 ärenden', value: STAFF.bo.aadObjectId },
      { title: 'Anna Berg – 2/8 ärenden', value: STAFF.anna.aadObjectId },
    ]);
    const absentBo = buildMorningList(inputs({ cases, absences: [sick(STAFF.bo.aadObjectId, '2026-11-23')] }));
    expect(absentBo.choices.map((c) => c.title)).toEqual([
      'Anna Berg – 2/8 ärenden',
      'Bo Lind – 0/8 ärenden (frånvarande)',
    ]);
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
    expect(cardVerbs(first)).toContain('morning.page');
    expect(cardVerbs(first).filter((v) => !['case.show', 'list.take', 'list.assign'].includes(v))).toEqual([
      'morning.page',
    ]);
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
      expect(cardSize(card)).toBeLessThan(40 * 1024);
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
