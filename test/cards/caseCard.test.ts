// The case card as a team lead reads it: skyddsbedömning first and loudest, deadlines with their
// status, the owner or "Ej fördelad", the assign list with load, absence and capacity, the link into
// the case system, linked cases; never the child's reference or a personnummer.
import { describe, expect, it } from 'vitest';
import { caseCard } from '../../src/cards/caseCard.js';
import { Calendar } from '../../src/domain/calendar.js';
import type { Load } from '../../src/domain/queries.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import type { Case, Staff } from '../../src/domain/schemas.js';
import { cardText, cardVerbs } from '../support/bot.js';

/** The case buttons (the decision forms' buttons are tested with them in test/e2e/decisions.test.ts). */
const caseVerbs = (card: unknown) => cardVerbs(card).filter((v) => v.startsWith('case.'));
import { validateCard } from '../support/validateCard.js';

const staff = (n: number, name: string): Staff => ({
  aadObjectId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  name,
  role: 'caseworker',
  groups: ['barn-mottagning'],
  capacity: 8,
});
const anna = staff(1, 'Anna Berg');
const bo = staff(2, 'Bo Lindqvist');
const cecilia = staff(3, 'Cecilia Ström');

const base: Case = {
  id: 'IFO-2026-004512',
  version: 3,
  groupId: 'barn-mottagning',
  childRef: 'B-2026-0412',
  receivedAt: '2026-11-20T09:15:00+01:00',
  reporter: { type: 'preschool', professional: true },
  concerns: ['neglect', 'violence'],
  phase: 'skyddsbedomning',
  assignees: [],
  contacts: [],
  linkedCaseIds: [],
  createdAt: '2026-11-20T09:15:00+01:00',
  updatedAt: '2026-11-20T09:15:00+01:00',
  updatedBy: 'system:intake',
};

const loads: Load[] = [
  { staff: anna, open: 5, forhandsbedomningar: 3, utredningar: 2, capacity: 8, overCapacity: false, absent: false },
  { staff: bo, open: 9, forhandsbedomningar: 5, utredningar: 4, capacity: 8, overCapacity: true, absent: false },
  { staff: cecilia, open: 2, forhandsbedomningar: 2, utredningar: 0, capacity: 7, overCapacity: false, absent: true },
];

function render(c: Case, now: string, extra: Partial<Parameters<typeof caseCard>[0]> = {}) {
  return caseCard({
    case: c,
    now: new Date(now),
    rules: DEFAULT_RULES,
    calendar: new Calendar({ eveHolidaysAreNonWorking: true }),
    groupName: 'Mottagning barn och unga',
    nameOf: (id) => [anna, bo, cecilia].find((s) => s.aadObjectId === id)?.name ?? 'okänd',
    loads,
    ...extra,
  });
}

describe('the case card', () => {
  it('puts the skyddsbedömning due today first, then förhandsbedömning with days left, and offers take and assign', () => {
    const card = render(base, '2026-11-20T10:00:00+01:00');
    expect(validateCard(card)).toEqual([]);
    const text = cardText(card);
    expect(text.indexOf('Skyddsbedömning ska göras i dag')).toBe(0);
    expect(text).toMatch(/Förhandsbedömning\nfre 4 dec \(14 dagar kvar\)/);
    expect(text).toMatch(/Handläggare\nEj fördelad/);
    expect(text).toMatch(/Förskola \(yrkesverksam\)/);
    // The channel card: what every member may do, and "Åtgärder" for the presser's own view.
    expect(caseVerbs(card)).toEqual(['case.take', 'case.actions']);
    expect(cardVerbs(card)).not.toContain('case.assign');
    expect(JSON.stringify(card)).not.toContain('B-2026-0412');
  });

  it('shows an overdue skyddsbedömning in red; once done it moves down and the next deadline leads', () => {
    const late = render(base, '2026-11-23T10:00:00+01:00');
    const box = (late.body as { type: string; style?: string; items: unknown[] }[]).find(
      (b) => b.type === 'Container',
    )!;
    expect(box.style).toBe('attention');
    expect(box.items[0]).toMatchObject({ text: 'Skyddsbedömning FÖRSENAD', color: 'Attention' });
    const done = render(
      {
        ...base,
        phase: 'forhandsbedomning',
        skyddsbedomning: {
          at: '2026-11-20T11:00:00+01:00',
          by: anna.aadObjectId,
          immediateProtection: false,
          motivation: 'x',
        } as Case['skyddsbedomning'],
      },
      '2026-11-23T10:00:00+01:00',
    );
    const text = cardText(done);
    expect(text.indexOf('Förhandsbedömningen ska vara klar om 11 dagar\nfre 4 dec')).toBe(0);
    expect(text).toMatch(/Skyddsbedömning\nklar fre 20 nov kl. 11:00 – inget omedelbart skyddsbehov/);
    expect(text.indexOf('Skyddsbedömning\nklar')).toBeGreaterThan(text.indexOf('Handläggare'));
    expect(text).not.toContain('Skyddsbedömning gjord');
  });

  it('never shows a skyddsbedömning that found immediate danger in the colour of done', () => {
    const colourOf = (immediateProtection: boolean) => {
      const card = render(
        {
          ...base,
          phase: 'forhandsbedomning',
          assignees: [anna.aadObjectId],
          skyddsbedomning: {
            at: '2026-11-20T11:00:00+01:00',
            by: anna.aadObjectId,
            immediateProtection,
            motivation: 'x',
          } as Case['skyddsbedomning'],
        },
        '2026-11-23T10:00:00+01:00',
      );
      const found: { text?: string; color?: string }[] = [];
      const walk = (x: unknown) => {
        if (Array.isArray(x)) x.forEach(walk);
        else if (x && typeof x === 'object') {
          const o = x as { type?: string; text?: string; color?: string };
          if (o.type === 'TextBlock' && typeof o.text === 'string' && o.text.startsWith('klar fre 20 nov'))
            found.push(o);
          Object.values(o).forEach(walk);
        }
      };
      walk(card);
      expect(found).toHaveLength(1);
      return found[0].color;
    };
    expect(colourOf(false)).toBe('Good');
    expect(colourOf(true)).toBe('Attention');
  });

  it('lists every caseworker with load, marking over capacity and absence, those present first', () => {
    const card = render(base, '2026-11-20T10:00:00+01:00', { viewer: 'team_lead' });
    const json = JSON.stringify(card);
    expect(json).toContain('Anna Berg – 5/8 ärenden');
    expect(json).toContain('Bo Lindqvist – 9/8 ärenden (över kapacitet)');
    expect(json).toContain('Cecilia Ström – 2/7 ärenden (frånvarande)');
    expect(json.indexOf('Bo Lindqvist –')).toBeLessThan(json.indexOf('Cecilia Ström –'));
  });

  it("names the owners, links into the case system and to the same child's open case in another group", () => {
    const card = render({ ...base, assignees: [anna.aadObjectId] }, '2026-11-20T10:00:00+01:00', {
      link: 'https://vsys.example/arende/IFO-2026-004512',
      linked: [{ id: 'IFO-2026-003900', groupName: 'Utredning barn 1' }],
    });
    expect(validateCard(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toMatch(/Handläggare\nAnna Berg/);
    // The reference on a line of its own: it never breaks inside at phone width.
    expect(text).toMatch(/Samma barn har ett öppet ärende i Utredning barn 1:\nIFO-2026-003900/);
    expect(JSON.stringify(card)).toContain('https://vsys.example/arende/IFO-2026-004512');
    expect(caseVerbs(card)).toEqual(['case.actions']); // taken: no "Ta ärendet"
  });

  it('shows only what a caseworker may do in her own view', () => {
    expect(caseVerbs(render(base, '2026-11-20T10:00:00+01:00', { viewer: 'caseworker' }))).toEqual(['case.take']);
    expect(caseVerbs(render(base, '2026-11-20T10:00:00+01:00', { viewer: 'team_lead' }))).toEqual(['case.assign']);
  });

  it('keeps at most three primary buttons and puts the rest under "Mer", one per row', () => {
    const investigation: Case = {
      ...base,
      phase: 'utredning',
      assignees: [anna.aadObjectId],
      skyddsbedomning: {
        at: '2026-11-20T11:00:00+01:00',
        by: anna.aadObjectId,
        immediateProtection: false,
        motivation: 'x',
      },
      forhandsbedomning: {
        decidedAt: '2026-11-21T11:00:00+01:00',
        by: anna.aadObjectId,
        outcome: 'open',
        motivation: 'x',
      },
      utredning: { openedOn: '2026-11-21', deadline: '2027-03-21', statutoryDeadline: '2027-03-21', extensions: [] },
    } as Case;
    const card = render(investigation, '2026-11-23T10:00:00+01:00', {
      viewer: 'team_lead',
      link: 'https://vsys.example/arende/IFO-2026-004512',
    });
    expect(validateCard(card)).toEqual([]);
    const actions = card.actions as {
      type: string;
      title: string;
      card?: { body: { actions: { title: string }[] }[] };
    }[];
    expect(actions.length).toBeLessThanOrEqual(4);
    expect(actions.at(-1)).toMatchObject({ type: 'Action.ShowCard', title: 'Mer' });
    const more = actions.at(-1)!.card!.body;
    expect(more.every((set) => set.actions.length === 1)).toBe(true);
    expect(more.map((s) => s.actions[0]!.title)).toContain('Öppna i verksamhetssystemet');
    expect(more.map((s) => s.actions[0]!.title)).toContain('Historik');
  });
});
