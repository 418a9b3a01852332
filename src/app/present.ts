// From the store to what a card shows: the case card with the group's loads, linked cases and the
// link into the case-management system.
import { caseCard } from '../cards/caseCard.js';
import type { Card } from '../cards/render.js';
import { loadPerCaseworker } from '../domain/queries.js';
import type { Case, Role } from '../domain/schemas.js';
import { absences, caseLink, type AppDeps } from './context.js';

export interface CaseCardOptions {
  viewer?: Role | 'all' | 'none';
  notice?: { text: string; tone: 'warning' | 'attention' | 'good' };
}

export function caseCardFor(deps: AppDeps, c: Case, opts: CaseCardOptions = {}): Card {
  const now = deps.now();
  const linked = c.linkedCaseIds
    .map((id) => deps.store.getCase(id))
    .filter((x): x is Case => !!x && x.phase !== 'closed')
    .map((x) => ({ id: x.id, groupName: deps.org.group(x.groupId)?.name ?? x.groupId }));
  const refreshUserIds = deps.org.membersOf(c.groupId).map((s) => s.aadObjectId);
  return caseCard({
    case: c,
    now,
    rules: deps.rules,
    calendar: deps.calendar,
    groupName: deps.org.group(c.groupId)?.name ?? c.groupId,
    nameOf: (id) => deps.org.name(id),
    loads: loadPerCaseworker(deps.store.openCases(), deps.org.org, absences(deps), now, c.groupId),
    link: caseLink(deps, c.id),
    linked,
    viewer: opts.viewer ?? 'all',
    ...(opts.notice ? { notice: opts.notice } : {}),
    refreshUserIds,
  });
}
