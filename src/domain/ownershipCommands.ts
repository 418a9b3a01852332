// Who has the case: a caseworker takes it, a team lead or the unit manager assigns or reassigns it
// (at most two caseworkers of the case's group, none of them absent today).
import type { CaseStep } from './caseIntents.js';
import type { DomainContext } from './domainContext.js';
import { isAbsent } from './absence.js';
import { refuse, type LocalDate, type Staff } from './schemas.js';
import { stockholmDate } from './time.js';
import { said } from './refusals.js';

export const take: CaseStep<'take'> = (ctx, current, intent, actor, now, done) => {
  const today = stockholmDate(now);
  if (current.assignees.length > 0) return refuse('conflict', said('alreadyAssigned'));
  if (!actor.groups.includes(current.groupId)) return refuse('forbidden', said('takeOwnGroup'));
  if (isAbsent(ctx.absences, actor.id, today)) return refuse('invalid', said('youAreAbsent'));
  return done(
    { ...current, assignees: [actor.id], firstAssignedAt: current.firstAssignedAt ?? now.toISOString() },
    { type: 'CaseTaken', caseId: current.id, data: { to: [actor.id] } },
  );
};

export const assign: CaseStep<'assign'> = (ctx, current, intent, actor, now, done) => {
  const today = stockholmDate(now);
  if (actor.role === 'team_lead' && !actor.groups.includes(current.groupId)) {
    return refuse('forbidden', said('assignOwnGroup'));
  }
  const problem = checkAssignees(ctx, current.groupId, intent.assignees, today);
  if (problem) return problem;
  if (sameSet(intent.assignees, current.assignees)) return refuse('invalid', said('sameAssignees'));
  const type = current.assignees.length === 0 ? 'CaseAssigned' : 'CaseReassigned';
  return done(
    { ...current, assignees: [...intent.assignees], firstAssignedAt: current.firstAssignedAt ?? now.toISOString() },
    { type, caseId: current.id, data: { from: current.assignees, to: intent.assignees } },
  );
};

/** Why these people cannot have a case of the group today, or undefined when they can. */
export function checkAssignees(ctx: DomainContext, groupId: string, ids: string[], today: LocalDate) {
  if (ids.length === 0) return refuse('invalid', said('pickAssignee'), { assignee: said('pickOneCaseworker') });
  if (ids.length > 2) return refuse('invalid', said('atMostTwo'), { assignee: said('pickAtMostTwo') });
  if (new Set(ids).size !== ids.length)
    return refuse('invalid', said('sameTwice'), { assignee: said('pickTwoDifferent') });
  for (const id of ids) {
    const s: Staff | undefined = ctx.org.staff.find((x) => x.aadObjectId === id);
    if (!s) return refuse('invalid', said('pickedNotInOrg'), { assignee: said('unknownPerson') });
    if (s.role !== 'caseworker')
      return refuse('invalid', said('notCaseworker', { name: s.name }), { assignee: said('pickOneCaseworker') });
    if (!s.groups.includes(groupId))
      return refuse('invalid', said('notInGroup', { name: s.name }), { assignee: said('pickInGroup') });
    if (isAbsent(ctx.absences, id, today))
      return refuse('invalid', said('absentToday', { name: s.name }), { assignee: said('pickPresent') });
  }
  return undefined;
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
