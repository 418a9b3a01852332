// The case card and the new owner's 1:1 card, drawn from the store as it is now: at send time by the
// drain (src/outbox/render.ts) and as the bot's answer to a press or a command. The data is gathered
// by src/app/present.ts, the card drawn by src/cards/caseCard.ts.
import type { AppDeps } from '../app/context.js';
import { assignedToYouInput, caseCardInput, type CaseCardOptions } from '../app/present.js';
import { assignedToYouCard, caseCard } from '../cards/caseCard.js';
import type { Card } from '../cards/render.js';
import type { Case } from '../domain/schemas.js';

export async function caseCardFor(deps: AppDeps, c: Case, opts: CaseCardOptions = {}): Promise<Card> {
  return caseCard(await caseCardInput(deps, c, opts));
}

export async function assignedToYouCardFor(...args: Parameters<typeof assignedToYouInput>): Promise<Card> {
  return assignedToYouCard(await assignedToYouInput(...args));
}
