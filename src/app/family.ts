// The family of a case as the case card and the API show it (docs/family.md), from the store's
// casesByFamily and casesByChild indexes and the pure rules in src/domain/family.ts.
import type { FamilySectionView } from '../views/familySection.js';
import { count, texts, type Lang, refusalText } from '../cards/text/index.js';
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
import { daysBetween, formatDate, stockholmDate } from '../domain/time.js';
import { DEFAULT_CONTINUATION_DAYS } from '../stats/figures.js';
import { absences, type AppDeps } from './context.js';

export const familyCasesOf = async (deps: AppDeps, c: Case): Promise<Case[]> =>
  c.familyRef ? await deps.store.casesByFamily(c.familyRef) : [];

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

export async function familyOf(deps: AppDeps, c: Case): Promise<Family> {
  const now = deps.now();
  const family = await familyCasesOf(deps, c);
  const siblings = siblingsOf(c, family);
  const today = stockholmDate(now);
  const abs = await absences(deps);
  const canOwnIn = (groupId: string) => (id: string) =>
    deps.org.caseworkersOf(groupId).some((s) => s.aadObjectId === id) && !isAbsent(abs, id, today);
  const owners = c.assignees;
  return {
    siblings,
    sections: otherSections(c, family, (id) => deps.org.group(id)),
    violence: !c.sectionKind && familyViolence(c, family, now),
    // The same set time as the statistics, so the card and the figures agree on what is one investigation.
    history: historyOf(
      c,
      await deps.store.casesByChild(c.childRef),
      family,
      now,
      deps.rules,
      familySettings(deps.org.org, deps.config.statsContinuationDays ?? DEFAULT_CONTINUATION_DAYS),
    ),
    suggested: suggestedOwners(c, siblings, canOwnIn(c.groupId)),
    unassignedSiblings:
      c.phase !== 'closed' && owners.length
        ? siblings.filter((s) => s.assignees.length === 0 && owners.every(canOwnIn(s.groupId)))
        : [],
  };
}

/** The case card's family section (src/cards/familySection.ts), in the reader's language (src/cards/text/). */
export async function familySectionView(
  deps: AppDeps,
  c: Case,
  family?: Family,
  lang: Lang = 'sv',
): Promise<FamilySectionView> {
  const f = family ?? (await familyOf(deps, c));
  const all = texts(lang);
  const t = all.familyView;
  const names = (ids: readonly string[]) => ids.map((id) => deps.org.name(id)).join(` ${all.and} `);
  const year = Number(stockholmDate(deps.now()).slice(0, 4));
  const date = (d: string) => formatDate(d, year, lang);
  const h = f.history;
  const view: FamilySectionView = {
    siblings: f.siblings.map(
      (s) => `${s.id} · ${all.phase[s.phase]} · ${s.assignees.length ? names(s.assignees) : all.unassigned}`,
    ),
    sections: f.sections.map(
      (s) =>
        `${s.section.name}: ${s.owners.length ? names(s.owners) : t.sectionUnassigned}, ${t.since(date(stockholmDate(s.since)))}`,
    ),
    earlier: [],
  };
  if (f.suggested.length) view.suggestion = t.suggestion(names(f.suggested));
  if (f.unassignedSiblings.length)
    view.assignSiblings = { caseId: c.id, title: t.assignSiblings(f.unassignedSiblings.length) };
  if (f.violence) view.violence = t.violence;
  // An adult-section case sees only the sections involved (docs/family.md).
  if (c.sectionKind) return { ...view, siblings: [], earlier: [] };
  if (h.reportsAboutChild12m > 1 || (h.reportsAboutFamily12m ?? 0) > 1)
    view.reports = t.reports(h.reportsAboutChild12m, h.reportsAboutFamily12m);
  if (h.repeated) view.repeated = t.repeated(h.repeated.nth, h.repeated.months);
  view.earlier = h.earlierInvestigations.map(
    (e) =>
      `${e.caseId}: ${t.opened(date(e.openedOn))}${e.closedOn ? `, ${t.outcome[e.outcome ?? ''] ?? t.closed} ${date(e.closedOn)} (${count(daysBetween(e.openedOn, e.closedOn), 'dag', lang)})` : `, ${t.ongoing}`}`,
  );
  if (h.consecutive) {
    const k = h.consecutive;
    view.consecutive = {
      text: t.consecutive(
        k.caseIds.length,
        date(k.firstOpenedOn),
        count(k.days, 'dag', lang),
        k.overrun ? date(k.statutoryFromFirst) : undefined,
      ),
      overrun: k.overrun,
    };
  }
  return view;
}

/** The family and history as GET /api/cases/{ref} returns them (docs/intake-api.md). */
export async function familyForApi(deps: AppDeps, c: Case, family?: Family) {
  const f = family ?? (await familyOf(deps, c));
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
export async function assignSiblings(
  deps: AppDeps,
  actor: Actor,
  caseId: string,
  lang: Lang = 'sv',
): Promise<AssignSiblingsResult> {
  const t = texts(lang).appNotices.family;
  const c = await deps.store.getCase(caseId);
  if (!c) return { ok: false, refusal: refuse('not_found', t.noCase) };
  if (!c.assignees.length) return { ok: false, refusal: refuse('invalid', t.noOwner), case: c };
  const targets = (await familyOf(deps, c)).unassignedSiblings;
  if (!targets.length) return { ok: false, refusal: refuse('invalid', t.noSiblings), case: c };
  const assigned: string[] = [];
  const failed: { caseId: string; message: string }[] = [];
  for (const s of targets) {
    const r = await assignCase(deps, { caseId: s.id, version: s.version, assignees: c.assignees, actor, lang });
    if (r.ok) assigned.push(s.id);
    else failed.push({ caseId: s.id, message: refusalText(r.refusal, lang) });
  }
  return { ok: true, case: (await deps.store.getCase(caseId))!, assigned, failed };
}
