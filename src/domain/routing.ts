// Routing rules, in one table: which concerns also notify which kind of group. The IVO case of
// DOMAIN.md is why: threats of violence were known, but the violence specialists never got the case.
import type { Concern, Group, GroupKind } from './schemas.js';

export interface RoutingRule {
  concerns: Concern[];
  notify: GroupKind;
  why: string;
}

export const ROUTING_RULES: RoutingRule[] = [
  { concerns: ['violence', 'honour_related'], notify: 'violence', why: 'Anmälan gäller våld eller hedersrelaterat våld' },
];

/** Groups other than the receiving one that must be told about a report with these concerns. */
export function groupsToNotify(concerns: readonly Concern[], receivingGroupId: string, groups: readonly Group[]): { group: Group; why: string }[] {
  const out: { group: Group; why: string }[] = [];
  for (const rule of ROUTING_RULES) {
    if (!rule.concerns.some((c) => concerns.includes(c))) continue;
    for (const g of groups) {
      if (g.kind === rule.notify && g.id !== receivingGroupId && !out.some((o) => o.group.id === g.id)) out.push({ group: g, why: rule.why });
    }
  }
  return out;
}
