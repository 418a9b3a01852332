// The domain's refusals in Swedish, by key: the table is the domain's own (src/domain/refusals.ts),
// since a refusal's `message` and its field messages are made there. English: ../en/refusals.ts.
// refusalText and fieldTexts in ../index.ts show a refusal and its fields in the reader's language.
import { REFUSALS_SV, type RefusalTable } from '../../../domain/refusals.js';

/** Each key's text: a string, or a function of the refusal's values. */
export type Refusals = {
  [K in keyof RefusalTable]: RefusalTable[K] extends (p: infer P) => string ? (p: P) => string : string;
};

export const refusals: Refusals = REFUSALS_SV;
