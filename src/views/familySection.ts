// The family and history section of the case card as a view (docs/family.md): what src/app/family.ts
// finds, in words, and what src/cards/familySection.ts draws. Pure data.

export interface FamilySectionView {
  /** "IFO-2 · Förhandsbedömning · Anna Berg". */
  siblings: string[];
  /** "Samma handläggare som syskonen föreslås: Anna Berg". */
  suggestion?: string;
  /** The owners to give the unassigned siblings (a one-press button), with its title. */
  assignSiblings?: { title: string; caseId: string };
  /** "Vuxen – missbruk: Pia Ek, sedan tis 10 nov". */
  sections: string[];
  /** Shown in attention colour: violence in another case of the family. */
  violence?: string;
  /** "Anmälningar de senaste 12 månaderna: 15 om barnet · 16 i familjen". */
  reports?: string;
  /** Shown in attention colour: "Upprepad anmälan: den 3:e om barnet inom 6 månader". */
  repeated?: string;
  /** One line per earlier investigation. */
  earlier: string[];
  /** The consecutive investigations' total time, and whether it ran past the statutory end. */
  consecutive?: { text: string; overrun: boolean };
}

export const isEmptyFamilySection = (v: FamilySectionView | undefined): boolean =>
  !v ||
  (!v.siblings.length &&
    !v.sections.length &&
    !v.violence &&
    !v.reports &&
    !v.repeated &&
    !v.earlier.length &&
    !v.consecutive);
