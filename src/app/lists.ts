// The short lists behind `mina`, `ofördelade` and `försenade`, most urgent first.
import { ageBetween, ageText, type Age } from '../domain/age.js';
import { deadlineStatus, nextDeadline } from '../domain/deadlines.js';
import { openCasesOf, overdue, unassigned } from '../domain/queries.js';
import { protectionFirst, protectionHeadline, protectionState } from '../domain/protection.js';
import type { Actor, Case } from '../domain/schemas.js';
import { formatSwedishDate, stockholmDate } from '../domain/time.js';
import { caseListCard, type CaseListItem } from '../cards/simpleCards.js';
import { concernsText, PHASE_LABEL, STATUS_COLOR } from '../cards/labels.js';
import type { Card } from '../cards/render.js';
import type { AppDeps } from './context.js';

function item(deps: AppDeps, c: Case, extra = ''): CaseListItem & { due: string } {
  const now = deps.now();
  const next = nextDeadline(c, deps.rules);
  const status = next ? deadlineStatus(next, now, deps.calendar) : 'done';
  const year = Number(stockholmDate(now).slice(0, 4));
  const owner = c.assignees.length ? c.assignees.map((id) => deps.org.name(id)).join(' och ') : 'Ej fördelad';
  // An unmet immediate-protection alarm says so instead of the next deadline, in red.
  const alarm = protectionState(c);
  if (alarm.status === 'unmet')
    return {
      caseId: c.id,
      phase: PHASE_LABEL[c.phase],
      detail: [concernsText(c.concerns), owner, extra].filter(Boolean).join(' · '),
      deadline: protectionHeadline(alarm, (id) => deps.org.name(id))!,
      color: 'Attention',
      due: next?.due ?? '9999-12-31',
    };
  return {
    caseId: c.id,
    phase: PHASE_LABEL[c.phase],
    detail: [concernsText(c.concerns), owner, extra].filter(Boolean).join(' · '),
    deadline: next
      ? `${next.label}: ${status === 'overdue' ? 'försenad, ' : ''}${formatSwedishDate(next.due, year)}`
      : '',
    color: STATUS_COLOR[status],
    due: next?.due ?? '9999-12-31',
  };
}

/** "inkom i dag", "ofördelad 1 dag", "ofördelad 10 dagar, 6 arbetsdagar" (src/domain/age.ts). */
export function unassignedAge(age: Age): string {
  if (age.days === 0) return 'inkom i dag';
  return `ofördelad ${ageText(age)}`;
}

const byDue = (a: { due: string }, b: { due: string }) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0);

export function myCasesCard(deps: AppDeps, actor: Actor): Card {
  const items = protectionFirst(
    openCasesOf(deps.store.openCases(), actor.id)
      .map((c) => ({ c, i: item(deps, c) }))
      .sort((a, b) => byDue(a.i, b.i)),
    (x) => x.c,
  ).map((x) => x.i);
  return caseListCard({
    title: 'Mina ärenden',
    summary: `${items.length} öppna ärenden${items.length ? `, närmaste frist ${items[0].deadline.toLowerCase()}` : ''}.`,
    items,
    empty: 'Du har inga öppna ärenden.',
  });
}

export function unassignedCard(deps: AppDeps, groupIds: string[]): Card {
  const cases = [...deps.store.openCases()].filter((c) => groupIds.includes(c.groupId));
  const list = protectionFirst(unassigned(cases, deps.now(), deps.calendar), (u) => u.case);
  const items = list.map((u) =>
    item(
      deps,
      u.case,
      unassignedAge(ageBetween(stockholmDate(u.case.receivedAt), stockholmDate(deps.now()), deps.calendar)),
    ),
  );
  return caseListCard({
    title: 'Ofördelade ärenden',
    summary: `${items.length} ofördelade i ${groupNames(deps, groupIds)}.`,
    items,
    empty: 'Inga ofördelade ärenden. Bra!',
  });
}

export function overdueCard(deps: AppDeps, groupIds: string[]): Card {
  const cases = [...deps.store.allCases()].filter(
    (c) => groupIds.includes(c.groupId) && (c.phase !== 'closed' || c.aterkoppling || c.uppfoljning),
  );
  const list = protectionFirst(overdue(cases, deps.now(), deps.rules, deps.calendar), (x) => x.case);
  const year = Number(stockholmDate(deps.now()).slice(0, 4));
  const items = list.map(({ case: c, deadline: d }) => ({
    ...item(deps, c),
    deadline: `${d.label}: ${formatSwedishDate(d.due, year)}`,
    color: 'Attention',
  }));
  return caseListCard({
    title: 'Försenade ärenden',
    summary: `${items.length} passerade tidsfrister i ${groupNames(deps, groupIds)}.`,
    items,
    empty: 'Inga försenade tidsfrister.',
  });
}

function groupNames(deps: AppDeps, ids: string[]): string {
  return ids.map((id) => deps.org.group(id)?.name ?? id).join(', ');
}
