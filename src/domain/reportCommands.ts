// A new anmälan: the case is created in phase skyddsbedömning with no owner, in a group of the
// organisation file (a group outside child welfare gets no child deadlines, docs/family.md).
import type { DomainContext } from './domainContext.js';
import { can, forbidden } from './permissions.js';
import { refuse, type Actor, type Case, type Decision, type ReportInput } from './schemas.js';
import { said } from './refusals.js';

export function registerReport(
  ctx: DomainContext,
  current: Case | undefined,
  report: ReportInput,
  actor: Actor,
  now: Date,
): Decision<Case> {
  if (current) return refuse('conflict', said('reportExists', { externalId: report.externalId }));
  const group = ctx.org.groups.find((g) => g.id === report.groupId);
  if (!group) return refuse('invalid', said('unknownGroup'), { groupId: said('groupNotInOrg') });
  if (!actor.system) {
    if (!can(actor.role, 'registerReport')) return refuse('forbidden', forbidden('registerReport', actor.role));
    if (actor.role !== 'unit_manager' && !actor.groups.includes(report.groupId)) {
      return refuse('forbidden', said('reportOwnGroup'));
    }
  }
  if (new Date(report.receivedAt).getTime() > now.getTime() + 5 * 60_000) {
    return refuse('invalid', said('receivedInFuture'), { receivedAt: said('timeInFuture') });
  }
  const at = now.toISOString();
  const state: Case = {
    id: report.externalId,
    version: 0,
    groupId: report.groupId,
    childRef: report.childRef,
    receivedAt: report.receivedAt,
    reporter: report.reporter,
    concerns: [...report.concerns],
    ...(report.summary ? { summary: report.summary } : {}),
    phase: 'skyddsbedomning',
    assignees: [],
    contacts: [],
    linkedCaseIds: [],
    ...(report.familyRef ? { familyRef: report.familyRef } : {}),
    // A group outside child welfare (docs/family.md): the case is there to be linked, without child deadlines.
    ...(group.kind === 'adult' || group.kind === 'other' ? { sectionKind: group.kind } : {}),
    createdAt: at,
    updatedAt: at,
    updatedBy: actor.id,
  };
  return {
    ok: true,
    state,
    events: [
      {
        type: 'ReportRegistered',
        caseId: state.id,
        data: { groupId: state.groupId, concerns: state.concerns, professional: report.reporter.professional },
      },
    ],
  };
}
