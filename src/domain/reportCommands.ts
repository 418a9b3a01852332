// A new anmälan: the case is created in phase skyddsbedömning with no owner, in a group of the
// organisation file (a group outside child welfare gets no child deadlines, docs/family.md).
import type { DomainContext } from './domainContext.js';
import { can, forbiddenMessage } from './permissions.js';
import { refuse, type Actor, type Case, type Decision, type ReportInput } from './schemas.js';

export function registerReport(
  ctx: DomainContext,
  current: Case | undefined,
  report: ReportInput,
  actor: Actor,
  now: Date,
): Decision<Case> {
  if (current) return refuse('conflict', `Ärendet ${report.externalId} finns redan.`);
  const group = ctx.org.groups.find((g) => g.id === report.groupId);
  if (!group) return refuse('invalid', 'Okänd grupp.', { groupId: 'Gruppen finns inte i organisationen.' });
  if (!actor.system) {
    if (!can(actor.role, 'registerReport')) return refuse('forbidden', forbiddenMessage('registerReport', actor.role));
    if (actor.role !== 'unit_manager' && !actor.groups.includes(report.groupId)) {
      return refuse('forbidden', 'Du kan bara registrera anmälningar i din egen grupp.');
    }
  }
  if (new Date(report.receivedAt).getTime() > now.getTime() + 5 * 60_000) {
    return refuse('invalid', 'Mottagningstiden kan inte vara i framtiden.', {
      receivedAt: 'Tiden ligger i framtiden.',
    });
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
