// From the store to what a case card shows (src/views/caseCard.ts): the case with the group's loads,
// linked cases, the family section and the link into the case-management system. Data only: the
// card is drawn from it at the edge or at send time (src/outbox/caseCards.ts).
import { availableForms } from '../domain/forms.js';
import { stockholmDate } from '../domain/time.js';
import { snoozeRule } from '../domain/snooze.js';
import type { AssignedToYouInput, CaseCardInput } from '../views/caseCard.js';
import type { Lang } from '../cards/text/index.js';
import { loadPerCaseworker, openCasesOf } from '../domain/queries.js';
import type { Case, Role } from '../domain/schemas.js';
import { absences, caseLink, type AppDeps } from './context.js';
import { familyOf, familySectionView } from './family.js';
import { watchLinesFor } from './watchLines.js';

export interface CaseCardOptions {
  viewer?: Role | 'all' | 'none';
  notice?: { text: string; tone: 'warning' | 'attention' | 'good' };
  /** The reader's language (src/cards/text/): a card answered to one person; a posted channel card is Swedish. */
  lang?: Lang;
}

async function linkedOf(deps: AppDeps, c: Case) {
  return (await Promise.all(c.linkedCaseIds.map((id) => deps.store.getCase(id))))
    .filter((x): x is Case => !!x && x.phase !== 'closed')
    .map((x) => ({ id: x.id, groupName: deps.org.group(x.groupId)?.name ?? x.groupId }));
}

/** What every card about one case needs from the deployment. */
async function cardBasics(deps: AppDeps, c: Case, now: Date, lang: Lang = 'sv') {
  return {
    case: c,
    now,
    rules: deps.rules,
    calendar: deps.calendar,
    groupName: deps.org.group(c.groupId)?.name ?? c.groupId,
    nameOf: (id: string) => deps.org.name(id),
    link: caseLink(deps, c.id),
    watchLines: await watchLinesFor(deps, c, lang),
    lang,
  };
}

export async function caseCardInput(deps: AppDeps, c: Case, opts: CaseCardOptions = {}): Promise<CaseCardInput> {
  const now = deps.now();
  const linked = await linkedOf(deps, c);
  // A card with a notice answers one person (a refusal, a stale press): Teams' automatic refresh
  // would replace it with the plain view before they read it, so such a card has none.
  const refreshUserIds = opts.notice ? [] : deps.org.membersOf(c.groupId).map((s) => s.aadObjectId);
  const family = await familyOf(deps, c);
  return {
    family: await familySectionView(deps, c, family, opts.lang),
    ...(family.suggested[0] ? { suggestedOwner: family.suggested[0] } : {}),
    ...(await cardBasics(deps, c, now, opts.lang)),
    loads: loadPerCaseworker(await deps.store.openCases(), deps.org.org, await absences(deps), now, c.groupId),
    linked,
    viewer: opts.viewer ?? 'all',
    ...(opts.notice ? { notice: opts.notice } : {}),
    refreshUserIds,
  };
}

/** What the 1:1 card a new owner gets shows: what the case is and when each deadline falls. */
export async function assignedToYouInput(
  deps: AppDeps,
  c: Case,
  ownerId: string,
  note?: string,
  tone: 'good' | 'attention' = 'good',
  lang: Lang = 'sv',
): Promise<AssignedToYouInput> {
  const now = deps.now();
  return {
    ...(await cardBasics(deps, c, now, lang)),
    loads: [],
    linked: await linkedOf(deps, c),
    family: await familySectionView(deps, c, undefined, lang),
    ...(note ? { notice: { text: note, tone } } : {}),
    myOpen: openCasesOf(await deps.store.openCases(), ownerId).length,
    canContact: availableForms(c, 'caseworker', deps.rules).includes('contact'),
    canSnooze: snoozeRule(c, ownerId, stockholmDate(now), deps.calendar, deps.rules).ok,
  };
}
