// Routing rules, in one table: who else must hear about a new report. The IVO case of docs/domain.md is
// why: threats of violence were known, but the violence specialists never got the case, and the
// adult and child sections handled one family in parallel without knowing of each other.
import type { Concern, Group, GroupKind } from './schemas.js';

export interface NotifyRule {
  /** A report with any of these concerns ... */
  concerns: Concern[];
  /** ... also goes (as a short card) to every group of this kind other than the receiving one. */
  notify: GroupKind;
  /** Shown on the notice (Swedish). */
  why: string;
}

export interface RoutingTable {
  notifyByConcern: NotifyRule[];
  /** Link a new report to open cases about the same child (childRef) in other groups; both cards say so. */
  linkSameChild: { acrossGroups: boolean; why: string };
}

export const ROUTING: RoutingTable = {
  notifyByConcern: [
    {
      concerns: ['violence', 'honour_related'],
      notify: 'violence',
      why: 'Anmälan gäller våld eller hedersrelaterat våld',
    },
  ],
  linkSameChild: { acrossGroups: true, why: 'Samma barn har ett öppet ärende i en annan grupp' },
};

export const LINK_SAME_CHILD = ROUTING.linkSameChild;

/** Groups other than the receiving one that must be told about a report with these concerns. */
export function groupsToNotify(
  concerns: readonly Concern[],
  receivingGroupId: string,
  groups: readonly Group[],
  table: RoutingTable = ROUTING,
): { group: Group; why: string }[] {
  const out: { group: Group; why: string }[] = [];
  for (const rule of table.notifyByConcern) {
    if (!rule.concerns.some((c) => concerns.includes(c))) continue;
    for (const g of groups) {
      if (g.kind === rule.notify && g.id !== receivingGroupId && !out.some((o) => o.group.id === g.id))
        out.push({ group: g, why: rule.why });
    }
  }
  return out;
}
