// The family rules (src/domain/family.ts) with plain calls and fixed clocks: siblings, other sections
// (never their content), violence across the family, the suggested owner, the child's history and
// consecutive investigations (closing and reopening must not hide an overrun).
import { describe, expect, it } from 'vitest';
import {
  familySettings,
  familyViolence,
  historyOf,
  keepFamiliesTogether,
  otherSections,
  sectionOf,
  siblingsOf,
  suggestedOwners,
} from '../../src/domain/family.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import type { Case, Group } from '../../src/domain/schemas.js';
import { aCase, ORG, STAFF } from './fixtures.js';

const ADULT: Group = { id: 'vuxen-missbruk', name: 'Vuxen – missbruk', kind: 'adult' };
const groups = [...ORG.groups, ADULT];
const groupOf = (id: string) => groups.find((g) => g.id === id);
const NOW = new Date('2026-11-20T10:00:00+01:00');

const sibling = (n: number, over: Partial<Case> = {}) =>
  aCase({ id: `IFO-2026-00${n}`, childRef: `B-2026-0${n}`, familyRef: 'F-2026-0107', ...over });

const investigation = (id: string, openedOn: string, closedAt?: string, over: Partial<Case> = {}): Case =>
  aCase({
    id,
    childRef: 'B-2026-0412',
    receivedAt: `${openedOn}T08:00:00+01:00`,
    phase: closedAt ? 'closed' : 'utredning',
    utredning: { openedOn, statutoryDeadline: openedOn, deadline: openedOn, extensions: [] },
    ...(closedAt ? { closure: { at: closedAt, by: STAFF.anna.aadObjectId, outcome: 'ingen_insats' } } : {}),
    ...over,
  });

describe('sections', () => {
  it('every child-welfare kind is one section; an adult group is a section of its own', () => {
    expect(sectionOf(groupOf('barn-mottagning')).key).toBe(sectionOf(groupOf('vinr')).key);
    expect(sectionOf(ADULT)).toEqual({ key: 'vuxen-missbruk', name: 'Vuxen – missbruk', child: false });
  });

  it('the other sections are named with owner and since when, the own section and closed cases are not', () => {
    const child = sibling(1);
    const adult = aCase({
      id: 'VUX-1',
      childRef: 'V-1',
      groupId: ADULT.id,
      familyRef: 'F-2026-0107',
      sectionKind: 'adult',
      assignees: ['pia'],
      receivedAt: '2026-11-10T09:00:00+01:00',
    });
    const closedAdult = { ...adult, id: 'VUX-0', phase: 'closed' as const, assignees: ['old'] };
    const family = [child, sibling(2), adult, closedAdult];
    expect(otherSections(child, family, groupOf)).toEqual([
      { section: sectionOf(ADULT), owners: ['pia'], since: '2026-11-10T09:00:00+01:00' },
    ]);
    // The adult side sees the child section: owners of every open child case, the earliest report.
    const seen = otherSections(adult, family, groupOf);
    expect(seen.map((s) => s.section.name)).toEqual(['Barn och unga']);
    // A case without a family reference is linked to nothing.
    expect(otherSections({ ...child, familyRef: undefined }, family, groupOf)).toEqual([]);
  });
});

describe('siblings', () => {
  it('are the open child cases of the family about another child, oldest first', () => {
    const a = sibling(1, { receivedAt: '2026-11-20T09:00:00+01:00' });
    const b = sibling(2, { receivedAt: '2026-11-20T08:00:00+01:00' });
    const c = sibling(3, { phase: 'closed' });
    const sameChild = aCase({ id: 'IFO-X', childRef: a.childRef, familyRef: a.familyRef });
    const adult = aCase({ id: 'VUX-1', childRef: 'V-1', familyRef: a.familyRef, sectionKind: 'adult' });
    expect(siblingsOf(a, [a, b, c, sameChild, adult]).map((x) => x.id)).toEqual([b.id]);
    // The adult section's case sees no siblings, only sections.
    expect(siblingsOf(adult, [a, b, adult])).toEqual([]);
  });

  it('an unassigned sibling is suggested the owners (a pair too) of the sibling assigned last, if they may take it', () => {
    const a = sibling(1);
    const b = sibling(2, { assignees: ['anna', 'bo'], updatedAt: '2026-11-20T09:00:00+01:00' });
    const c = sibling(3, { assignees: ['cilla'], updatedAt: '2026-11-20T08:00:00+01:00' });
    expect(suggestedOwners(a, [b, c], () => true)).toEqual(['anna', 'bo']);
    expect(suggestedOwners(a, [b, c], (id) => id === 'cilla')).toEqual(['cilla']);
    expect(suggestedOwners(a, [b, c], () => false)).toEqual([]);
    expect(suggestedOwners({ ...a, assignees: ['x'] }, [b], () => true)).toEqual([]);
  });

  it('keeps a family together after its most urgent case in an urgency-sorted list', () => {
    const items = [
      { id: 'a', f: 'F1' },
      { id: 'b', f: undefined },
      { id: 'c', f: 'F2' },
      { id: 'd', f: 'F1' },
      { id: 'e', f: 'F2' },
    ];
    expect(keepFamiliesTogether(items, (i) => i.f).map((i) => i.id)).toEqual(['a', 'd', 'b', 'c', 'e']);
  });
});

describe('violence across the family', () => {
  it('a violence concern in any case of the family (any section, open or in the last year) flags the others', () => {
    const a = sibling(1);
    const adult = aCase({ id: 'VUX-1', childRef: 'V', familyRef: a.familyRef, concerns: ['violence'] });
    expect(familyViolence(a, [a, adult], NOW)).toBe(true);
    const old = { ...adult, phase: 'closed' as const, receivedAt: '2025-10-01T09:00:00+02:00' };
    expect(familyViolence(a, [a, old], NOW)).toBe(false);
    // Its own concern is not "another case".
    expect(familyViolence({ ...a, concerns: ['violence'] }, [{ ...a, concerns: ['violence'] }], NOW)).toBe(false);
  });
});

describe('the history of a child', () => {
  it('counts reports about the child and the family in the last 12 months, and marks the third in six months', () => {
    const reports = ['2025-10-01', '2026-06-01', '2026-09-01', '2026-11-20'].map((d, i) =>
      aCase({ id: `R-${i}`, childRef: 'B-1', familyRef: 'F-1', receivedAt: `${d}T09:00:00+01:00` }),
    );
    const brother = aCase({ id: 'R-b', childRef: 'B-2', familyRef: 'F-1', receivedAt: '2026-08-01T09:00:00+02:00' });
    const adult = aCase({ id: 'V', childRef: 'V', familyRef: 'F-1', sectionKind: 'adult' });
    const last = reports[3];
    const h = historyOf(last, reports, [...reports, brother, adult], NOW, DEFAULT_RULES);
    expect(h.reportsAboutChild12m).toBe(3);
    expect(h.reportsAboutFamily12m).toBe(4);
    expect(h.repeated).toEqual({ nth: 3, months: 6 });
    // The second report was not the third within six months when it came in.
    expect(historyOf(reports[1], reports, reports, NOW, DEFAULT_RULES).repeated).toBeUndefined();
    // The organisation file may set the threshold.
    const strict = familySettings({ family: { repeatedReports: 4 } });
    expect(historyOf(last, reports, reports, NOW, DEFAULT_RULES, strict).repeated).toBeUndefined();
  });

  it('lists earlier investigations with dates and outcomes', () => {
    const first = investigation('U-1', '2026-01-10', '2026-04-20T10:00:00+02:00');
    const now = aCase({ id: 'U-2', childRef: 'B-2026-0412' });
    expect(historyOf(now, [first, now], [], NOW, DEFAULT_RULES).earlierInvestigations).toEqual([
      { caseId: 'U-1', openedOn: '2026-01-10', closedOn: '2026-04-20', outcome: 'ingen_insats' },
    ]);
  });

  it('a new investigation within the set time of the last closing shows the total time since the first opening', () => {
    const a = investigation('U-1', '2026-03-02', '2026-06-30T10:00:00+02:00');
    const b = investigation('U-2', '2026-07-20', '2026-09-10T10:00:00+02:00');
    const c = investigation('U-3', '2026-10-01');
    const h = historyOf(c, [a, b, c], [], NOW, DEFAULT_RULES);
    expect(h.consecutive).toEqual({
      caseIds: ['U-1', 'U-2', 'U-3'],
      firstOpenedOn: '2026-03-02',
      days: 263, // 2026-03-02 → 2026-11-20
      statutoryFromFirst: '2026-07-02',
      overrun: true,
    });
    // Longer than the set time between closing and reopening: a new, separate investigation.
    const apart = historyOf(c, [a, b, c], [], NOW, DEFAULT_RULES, {
      ...familySettings({}),
      consecutiveWithinDays: 14,
    });
    expect(apart.consecutive).toBeUndefined();
  });
});
