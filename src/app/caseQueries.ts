// The read side of the intake API: one case by its external reference, and the cases of a group
// (open, unassigned or overdue) for integrations and dashboards. Never the summary text in lists.
import { deadlineStatus, deadlinesOf } from '../domain/deadlines.js';
import { lastContacts, overdue, unassigned } from '../domain/queries.js';
import type { Case } from '../domain/schemas.js';
import type { AppDeps } from './context.js';
import { familyForApi } from './family.js';

export const LIST_STATES = ['open', 'unassigned', 'overdue'] as const;
export type ListState = (typeof LIST_STATES)[number];

export interface ApiCase {
  externalId: string;
  groupId: string;
  childRef: string;
  receivedAt: string;
  reporter: Case['reporter'];
  concerns: Case['concerns'];
  summary?: string;
  phase: Case['phase'];
  version: number;
  owners: { aadObjectId: string; name: string }[];
  deadlines: {
    kind: string;
    label: string;
    due: string;
    statutoryDue: string;
    done: boolean;
    status: string;
    /** The legal reference, e.g. "SoL (2025:400) 20 kap. 2 § (tidigare …)". */
    legalReference: string;
    /** False until a lawyer has checked the row against the statute text (docs/rules.md). */
    verified: boolean;
    /** Missed, even if an extension was decided afterwards. */
    overrun: boolean;
    informational: boolean;
  }[];
  lvu?: Case['lvu'];
  /** The latest contact with the family (barnsamtal, hembesök, meeting), or null. */
  lastContact: string | null;
  lastChildContact: string | null;
  linkedCaseIds: string[];
  closure?: { outcome: string; at: string };
  unassignedWorkingDays?: number;
  /** The family, siblings, other sections and the child's history (docs/family.md). */
  familyRef?: string;
  family?: Awaited<ReturnType<typeof familyForApi>>['family'];
  history?: Awaited<ReturnType<typeof familyForApi>>['history'];
}

/** The case as the API returns it: phase, owners, deadlines, version, last contact. */
export function caseForApi(deps: AppDeps, c: Case, opts: { withSummary?: boolean } = {}): ApiCase {
  const now = deps.now();
  const contacts = lastContacts(c);
  return {
    externalId: c.id,
    groupId: c.groupId,
    childRef: c.childRef,
    receivedAt: c.receivedAt,
    reporter: c.reporter,
    concerns: c.concerns,
    ...(opts.withSummary && c.summary ? { summary: c.summary } : {}),
    phase: c.phase,
    version: c.version,
    owners: c.assignees.map((id) => ({ aadObjectId: id, name: deps.org.name(id) })),
    deadlines: deadlinesOf(c, deps.rules).map((d) => ({
      kind: d.kind,
      label: d.label,
      due: d.due,
      statutoryDue: d.statutoryDue,
      done: d.done,
      status: deadlineStatus(d, now, deps.calendar),
      legalReference: d.reference,
      verified: d.verified,
      overrun: d.overrun,
      informational: d.informational,
    })),
    ...(c.lvu ? { lvu: c.lvu } : {}),
    lastContact: contacts.family ?? null,
    lastChildContact: contacts.child ?? null,
    linkedCaseIds: c.linkedCaseIds,
    ...(c.familyRef ? { familyRef: c.familyRef } : {}),
    ...(c.closure ? { closure: { outcome: c.closure.outcome, at: c.closure.at } } : {}),
  };
}

/**
 * The case a card or a command names: by its reference as stored, or as written in capitals
 * ("ifo-2026-004512"); undefined for anything that is not a reference of a stored case.
 */
export async function caseByRef(deps: AppDeps, ref: unknown): Promise<Case | undefined> {
  if (typeof ref !== 'string' || ref === '') return undefined;
  // A reference copied from a card may carry its non-breaking hyphens (U+2011) or a typographic dash.
  const plain = ref.replace(/[\u2010-\u2015\u2212]/g, '-');
  return (await deps.store.getCase(plain)) ?? (await deps.store.getCase(plain.toUpperCase()));
}

export async function findCase(deps: AppDeps, externalId: string): Promise<ApiCase | undefined> {
  const c = await deps.store.getCase(externalId);
  // One case: with its family and history (lists leave them out: they cost a look-up per case).
  return c ? { ...caseForApi(deps, c), ...(await familyForApi(deps, c)) } : undefined;
}

/**
 * Cases of one group (or of all groups when groupId is undefined):
 * open: every case not closed, oldest first; unassigned: open without an owner, longest waiting
 * first; overdue: cases with a deadline that has passed (a closed case's återkoppling counts).
 */
export async function listCases(deps: AppDeps, q: { groupId?: string; state: ListState }): Promise<ApiCase[]> {
  const now = deps.now();
  const inGroup = (c: Case) => q.groupId === undefined || c.groupId === q.groupId;
  if (q.state === 'unassigned') {
    const open = (await deps.store.openCases()).filter(inGroup);
    return unassigned(open, now, deps.calendar).map((u) => ({
      ...caseForApi(deps, u.case),
      unassignedWorkingDays: u.age.workingDays,
    }));
  }
  if (q.state === 'overdue') {
    const all = (await deps.store.allCases()).filter(inGroup);
    const seen = new Set<string>();
    const out: ApiCase[] = [];
    for (const { case: c } of overdue(all, now, deps.rules, deps.calendar)) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      out.push(caseForApi(deps, c));
    }
    return out;
  }
  return (await deps.store.openCases())
    .filter(inGroup)
    .sort((a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt))
    .map((c) => caseForApi(deps, c));
}
