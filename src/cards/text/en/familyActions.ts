// The answers of the family's buttons in English (the Swedish, and what each is for: ../sv/familyActions.ts).
import type { familyActionsSv } from '../sv/familyActions.js';

export const familyActionsEn: typeof familyActionsSv = {
  siblingsAssigned: (owners, cases) => `${owners} now also have ${cases}.`,
  notAssigned: (list) => `Not assigned: ${list}.`,
  samordningMissing: 'The card lacks the details of the coordination.',
  otherSectionTold: (section) => `The team lead in ${section} has been told that you want to coordinate.`,
};
