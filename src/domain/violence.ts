// Violence is visible and pushes the right decision (docs/domain.md "Violence"): a report about
// violence in close relationships or honour-related oppression is shown first among equals in every
// list, and its förhandsbedömning proposes opening an investigation at once; not opening it needs a
// written reason. Pure.
import type { Case, Concern } from './schemas.js';

export const VIOLENCE_CONCERNS: readonly Concern[] = ['violence', 'honour_related'];

export const isViolence = (c: Pick<Case, 'concerns'>): boolean => c.concerns.some((x) => VIOLENCE_CONCERNS.includes(x));

/** 0 for violence and honour-related cases, 1 for the rest: the tie-breaker of every list. */
export const violenceRank = (c: Pick<Case, 'concerns'>): number => (isViolence(c) ? 0 : 1);

/** The concerns in the order every card shows them: violence and honour-related first. */
export function concernsFirst(cs: readonly Concern[]): Concern[] {
  return [...cs].sort((a, b) => Number(VIOLENCE_CONCERNS.includes(b)) - Number(VIOLENCE_CONCERNS.includes(a)));
}
