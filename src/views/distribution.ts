// The distribution meeting's card as a view (cards/distribution.json): the group's unassigned cases
// with a suggested caseworker each, the caseworkers' loads, and who got what today. Built by
// src/app/distribution.ts, drawn (and fitted to the card's size) by src/cards/distributionCard.ts.

export interface DistributionView {
  groupId: string;
  title: string;
  summary: string;
  /** `suggested`: the caseworker preselected on the row (the least loaded, counting the rows above). */
  cases: { caseId: string; version: number; text: string; color: string; suggested: string }[];
  choices: { title: string; value: string }[];
  defaultChoice: string;
  /** Who got what at today's meeting, so the card confirms every assignment, not only the last. */
  assignedToday: { text: string }[];
  caseworkers: { text: string; color: string }[];
}
