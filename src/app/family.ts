// The family of a case as the case card and the API show it (docs/family.md), from the store's
// casesByFamily and casesByChild indexes and the pure rules in src/domain/family.ts.
import type { FamilySectionView } from '../cards/familySection.js';
import { PHASE_LABEL } from '../cards/labels.js';
import {
  familySettings,
  familyViolence,
  historyOf,
  otherSections,
  siblingsOf,
  suggestedOwners,
  type History,
} from '../domain/family.js';
import { isAbsent } from '../domain/absence.js';
import { refuse, type Actor, type Case, type Refusal } from '../domain/schemas.js';
import { assignCase } from './assignCase.js';
import { daysBetween, formatSwedishDate, stockholmDate } from '../domain/time.js';
import { absences, type AppDeps } from './context.js';

export const familyCasesOf = (deps: AppDeps, c: Case): Case[] =>
  c.familyRef ? deps.store.casesByFamily(c.familyRef) : [];

export interface Family {
  siblings: Case[];
  sections: ReturnType<typeof otherSections>;
  violence: boolean;
  history: History;
  /** Owners suggested for this unassigned case (a sibling's), when they can take it. */
  suggested: string[];
  /** Unassigned open siblings that this case's owners could take (for "Ge syskonen samma handläggare"). */
  unassignedSiblings: Case[];
}

export function familyOf(deps: AppDeps, c: Case): Family {
  const now = deps.now();
  const family = familyCasesOf(deps, c);
  const siblings = siblingsOf(c, family);
  const today = stockholmDate(now);
  const abs = absences(deps);
  const canOwnIn = (groupId: string) => (id: string) =>
    deps.org.caseworkersOf(groupId).some((s) => s.aadObjectId === id) && !isAbsent(abs, id, today);
  const owners = c.assignees;
  return {
    siblings,
    sections: otherSections(c, family, (id) => deps.org.group(id)),
    violence: !c.sectionKind && familyViolence(c, family, now),
    history: historyOf(c, deps.store.casesByChild(c.childRef), family, now, deps.rules, familySettings(deps.org.org)),
    suggested: suggestedOwners(c, siblings, canOwnIn(c.groupId)),
    unassignedSiblings:
      c.phase !== 'closed' && owners.length
        ? siblings.filter((s) => s.assignees.length === 0 && owners.every(canOwnIn(s.groupId)))
        : [],
  };
}

const OUTCOME: Record<string, string> = {
  insats: 'avslutad med insats',
  ingen_insats: 'avslutad utan insats',
  not_opened: 'avslutad',
  already_ongoing: 'avslutad',
};

const names = (deps: AppDeps, ids: readonly string[]) => ids.map((id) => deps.org.name(id)).join(' och ');

/** The case card's family section (src/cards/familySection.ts). */
export function familySectionView(deps: AppDeps, c: Case, f: Family = familyOf(deps, c)): FamilySectionView {
  const year = Number(stockholmDate(deps.now()).slice(0, 4));
  const date = (d: string) => formatSwedishDate(d, year);
  const h = f.history;
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  const view: FamilySectionView = {
    siblings: f.siblings.map(
      (s) => `${s.id} · ${PHASE_LABEL[s.phase]} · ${s.assignees.length ? names(deps, s.assignees) : 'Ej fördelad'}`,
    ),
    sections: f.sections.map(
      (s) =>
        `${s.section.name}: ${s.owners.length ? names(deps, s.owners) : 'ej fördelat'}, sedan ${date(stockholmDate(s.since))}`,
    ),
    earlier: [],
  };
  if (f.suggested.length)
    view.suggestion = `Samma handläggare som syskonen föreslås: ${names(deps, f.suggested)} (förvalt under Tilldela).`;
  if (f.unassignedSiblings.length)
    view.assignSiblings = {
      caseId: c.id,
      title: `Ge ${f.unassignedSiblings.length === 1 ? 'syskonet' : `syskonen (${f.unassignedSiblings.length})`} samma handläggare`,
    };
  if (f.violence)
    view.violence = 'Våld i familjen: oro för våld finns i ett annat ärende i familjen. VINR har fått kännedom.';
  // An adult-section case sees only the sections involved (docs/family.md).
  if (c.sectionKind) return { ...view, siblings: [], earlier: [] };
  if (h.reportsAboutChild12m > 1 || (h.reportsAboutFamily12m ?? 0) > 1)
    view.reports = `Anmälningar de senaste 12 månaderna: ${h.reportsAboutChild12m} om barnet${
      h.reportsAboutFamily12m !== undefined ? ` · ${h.reportsAboutFamily12m} i familjen` : ''
    }`;
  if (h.repeated)
    view.repeated = `Upprepad anmälan: den ${h.repeated.nth}:e om barnet inom ${h.repeated.months} månader.`;
  view.earlier = h.earlierInvestigations.map(
    (e) =>
      `${e.caseId}: inledd ${date(e.openedOn)}${e.closedOn ? `, ${OUTCOME[e.outcome ?? ''] ?? 'avslutad'} ${date(e.closedOn)} (${daysBetween(e.openedOn, e.closedOn)} dagar)` : ', pågår'}`,
  );
  if (h.consecutive) {
    const k = h.consecutive;
    view.consecutive = {
      text: `Utredningar i följd: ${k.caseIds.length} sedan ${date(k.firstOpenedOn)}, sammanlagt ${n(k.days, 'dag', 'dagar')}${
        k.overrun ? ` – längre än lagens frist räknad från första inledandet (${date(k.statutoryFromFirst)})` : ''
      }.`,
      overrun: k.overrun,
    };
  }
  return view;
}

/** The family and history as GET /api/cases/{ref} returns them (docs/intake-api.md). */
export function familyForApi(deps: AppDeps, c: Case, f: Family = familyOf(deps, c)) {
  const owners = (ids: readonly string[]) => ids.map((id) => ({ aadObjectId: id, name: deps.org.name(id) }));
  return {
    ...(c.familyRef ? { familyRef: c.familyRef } : {}),
    family: {
      siblings: f.siblings.map((s) => ({ externalId: s.id, phase: s.phase, owners: owners(s.assignees) })),
      otherSections: f.sections.map((s) => ({ section: s.section.name, owners: owners(s.owners), since: s.since })),
      violenceInFamily: f.violence,
    },
    history: c.sectionKind ? { earlierInvestigations: [] } : f.history,
  };
}

export type AssignSiblingsResult =
  | { ok: true; case: Case; assigned: string[]; failed: { caseId: string; message: string }[] }
  | { ok: false; refusal: Refusal; case?: Case };

/**
 * "Ge syskonen samma handläggare": the owners of this case (one, or an investigating pair) also get
 * every unassigned open sibling, each through the one assign use case (role, group, absence and
 * version checks, the cards and the new owner's 1:1 card).
 */
export async function assignSiblings(deps: AppDeps, actor: Actor, caseId: string): Promise<AssignSiblingsResult> {
  const c = deps.store.getCase(caseId);
  if (!c) return { ok: false, refusal: refuse('not_found', 'Ärendet finns inte.') };
  if (!c.assignees.length)
    return { ok: false, refusal: refuse('invalid', 'Ärendet har ingen handläggare än.'), case: c };
  const targets = familyOf(deps, c).unassignedSiblings;
  if (!targets.length) return { ok: false, refusal: refuse('invalid', 'Inga syskon utan handläggare.'), case: c };
  const assigned: string[] = [];
  const failed: { caseId: string; message: string }[] = [];
  for (const s of targets) {
    const r = await assignCase(deps, { caseId: s.id, version: s.version, assignees: c.assignees, actor });
    if (r.ok) assigned.push(s.id);
    else failed.push({ caseId: s.id, message: r.refusal.message });
  }
  return { ok: true, case: deps.store.getCase(caseId)!, assigned, failed };
}
