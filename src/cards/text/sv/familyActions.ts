// The answers of the family's buttons (src/bot/actions/family.ts): "Ge syskonen samma handläggare" and
// telling the other section from the samordning card. English: ../en/familyActions.ts.

export const familyActionsSv = {
  siblingsAssigned: (owners: string, cases: string) => `${owners} har fått även ${cases}.`,
  notAssigned: (list: string) => `Inte fördelade: ${list}.`,
  samordningMissing: 'Kortet saknar uppgifter om samordningen.',
  otherSectionTold: (section: string) => `Gruppledaren i ${section} har fått ett meddelande om att du vill samordna.`,
};
