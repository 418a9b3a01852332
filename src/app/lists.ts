// The short lists behind `mina`, `ofördelade` and `försenade`, most urgent first, in the reader's
// language (src/cards/text/). A coloured deadline always carries its word too ("FÖRSENAD", "i dag",
// "i morgon", "om 3 dagar"): colour is never the only sign (docs/cards.md).
import type { Age } from '../domain/age.js';
import { deadlineStatus, nextDeadline, type Deadline } from '../domain/deadlines.js';
import { openCasesOf, overdue, unassigned } from '../domain/queries.js';
import { protectionFirst, protectionState } from '../domain/protection.js';
import { protectionHeadlineIn } from '../views/protectionAlarm.js';
import type { Actor, Case } from '../domain/schemas.js';
import { formatDate, stockholmDate, stockholmYear } from '../domain/time.js';
import type { CaseListItem, CaseListView } from '../views/caseList.js';
import { concernsText, STATUS_COLOR } from '../cards/labels.js';
import { ageWords, count, dueWord, texts, type Lang } from '../cards/text/index.js';
import type { AppDeps } from './context.js';
import type { Store } from '../store/port.js';
import { listCases } from '../views/morningInputs.js';

type Item = CaseListItem & { due: string; dueText: string };

/** In Swedish the rule table's own label (it may be configured); in another language the catalogue's. */
const labelOf = (d: Deadline, lang: Lang) => (lang === 'sv' ? d.label : (texts(lang).deadline[d.kind] ?? d.label));

/** "Skyddsbedömning: mån 23 nov · i dag", "Förhandsbedömning: fre 20 nov · FÖRSENAD". */
function deadlineLine(deps: AppDeps, d: Deadline, late: boolean, lang: Lang): { line: string; when: string } {
  const now = deps.now();
  const today = stockholmDate(now);
  const date = formatDate(d.due, stockholmYear(now), lang);
  const word = late ? texts(lang).status.overdue : dueWord(d.due, today, lang);
  const when = word ? `${date} · ${word}` : date;
  return { line: `${labelOf(d, lang)}: ${when}`, when };
}

function item(deps: AppDeps, c: Case, extra: string, lang: Lang, showOwner = true): Item {
  const now = deps.now();
  const t = texts(lang);
  const next = nextDeadline(c, deps.rules);
  const status = next ? deadlineStatus(next, now, deps.calendar) : 'done';
  const owner = c.assignees.length ? c.assignees.map((id) => deps.org.name(id)).join(` ${t.and} `) : t.unassigned;
  const base = {
    caseId: c.id,
    phase: t.phase[c.phase],
    detail: [concernsText(c.concerns, lang), showOwner ? owner : '', extra].filter(Boolean).join(' · '),
    due: next?.due ?? '9999-12-31',
  };
  // An unmet immediate-protection alarm says so instead of the next deadline, in red.
  const alarm = protectionState(c);
  if (alarm.status === 'unmet') {
    const headline = protectionHeadlineIn(alarm, (id) => deps.org.name(id), lang)!;
    return { ...base, deadline: headline, dueText: headline, color: 'Attention' };
  }
  if (!next) return { ...base, deadline: '', dueText: '', color: STATUS_COLOR[status] };
  const { line, when } = deadlineLine(deps, next, status === 'overdue', lang);
  return {
    ...base,
    deadline: line,
    dueText: `${labelOf(next, lang).toLowerCase()}, ${when}`,
    color: STATUS_COLOR[status],
  };
}

/** "inkom i dag", "ofördelad 1 dag", "ofördelad 10 dagar, 6 arbetsdagar" (src/domain/age.ts). */
export function unassignedAge(age: Age, lang: Lang = 'sv'): string {
  const t = texts(lang).lists;
  return age.days === 0 ? t.arrivedToday : t.unassignedFor(ageWords(age, lang));
}

const byDue = (a: { due: string }, b: { due: string }) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0);

export async function myCasesView(deps: AppDeps, actor: Actor, lang: Lang = 'sv'): Promise<CaseListView> {
  const t = texts(lang).lists;
  const items = protectionFirst(
    openCasesOf(await deps.store.openCases(), actor.id)
      .map((c) => ({ c, i: item(deps, c, '', lang) }))
      .sort((a, b) => byDue(a.i, b.i)),
    (x) => x.c,
  ).map((x) => x.i);
  return {
    title: t.mineTitle,
    summary: t.mineSummary(count(items.length, 'öppet ärende', lang), items[0]?.dueText ?? ''),
    items,
    empty: t.mineEmpty,
    ...(lang === 'sv' ? {} : { lang }),
  };
}

export async function unassignedView(deps: AppDeps, groupIds: string[], lang: Lang = 'sv'): Promise<CaseListView> {
  const t = texts(lang).lists;
  const cases = (await deps.store.openCases()).filter((c) => groupIds.includes(c.groupId));
  const list = protectionFirst(unassigned(cases, deps.now(), deps.calendar), (u) => u.case);
  // Every row is unassigned: its age says so ("ofördelad 10 dagar, 6 arbetsdagar"), not "Ej fördelad" beside it.
  const items = list.map((u) => item(deps, u.case, unassignedAge(u.age, lang), lang, false));
  return {
    title: t.unassignedTitle,
    summary: t.unassignedSummary(count(items.length, 'ofördelat ärende', lang), groupNames(deps, groupIds)),
    items,
    empty: t.unassignedEmpty,
    ...(lang === 'sv' ? {} : { lang }),
  };
}

export async function overdueView(deps: AppDeps, groupIds: string[], lang: Lang = 'sv'): Promise<CaseListView> {
  const t = texts(lang).lists;
  const cases = (await deps.store.allCases()).filter(
    (c) => groupIds.includes(c.groupId) && (c.phase !== 'closed' || c.aterkoppling || c.uppfoljning),
  );
  const list = protectionFirst(overdue(cases, deps.now(), deps.rules, deps.calendar), (x) => x.case);
  const items = list.map(({ case: c, deadline: d }) => ({
    ...item(deps, c, '', lang),
    deadline: deadlineLine(deps, d, true, lang).line,
    color: 'Attention',
  }));
  return {
    title: t.overdueTitle,
    summary: t.overdueSummary(count(items.length, 'passerad tidsfrist', lang), groupNames(deps, groupIds)),
    items,
    empty: t.overdueEmpty,
    ...(lang === 'sv' ? {} : { lang }),
  };
}

function groupNames(deps: AppDeps, ids: string[]): string {
  return ids.map((id) => deps.org.group(id)?.name ?? id).join(', ');
}

/** listCases of what is stored now: what every list, reminder and escalation is built from. */
export async function casesForLists(deps: { store: Pick<Store, 'allCases'> }): Promise<readonly Case[]> {
  return listCases(await deps.store.allCases());
}
