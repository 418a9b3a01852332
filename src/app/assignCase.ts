// Assign, reassign and take: the one use case behind the card buttons, the distribution meeting,
// the handover checklist and any later entrance. The channel card is updated for everyone and each
// new owner gets a personal message, in the same commit as the change.
import type { Actor, Case } from '../domain/schemas.js';
import type { DocWrite } from '../store/port.js';
import type { AppDeps } from './context.js';
import { executeCaseCommand, type CaseResult } from './executeCaseCommand.js';
import type { Lang } from '../cards/text/index.js';
import { enqueue } from '../outbox/messages.js';

export const caseCardKey = (caseId: string, groupId: string) => `case:${caseId}:group:${groupId}`;

/** The outbox message that refreshes a case's card in its group channel (and in linked groups). */
export function caseCardUpdates(now: Date, c: Case, linked: Case[] = []): DocWrite[] {
  const out = [
    enqueue(
      now,
      { kind: 'group', groupId: c.groupId },
      { kind: 'caseCard', caseId: c.id },
      caseCardKey(c.id, c.groupId),
    ),
  ];
  for (const l of linked)
    out.push(
      enqueue(
        now,
        { kind: 'group', groupId: l.groupId },
        { kind: 'caseCard', caseId: l.id },
        caseCardKey(l.id, l.groupId),
      ),
    );
  return out;
}

/** The channel card; the new owners' 1:1 cards are queued by executeCaseCommand for every change (newOwners.ts). */
function ownershipEffects(deps: AppDeps) {
  // The siblings' cards are redrawn too: they show who has the family and suggest the same owner.
  return (_before: Case | undefined, after: Case): DocWrite[] =>
    caseCardUpdates(
      deps.now(),
      after,
      after.familyRef
        ? deps.store.casesByFamily(after.familyRef).filter((x) => x.id !== after.id && x.phase !== 'closed')
        : [],
    );
}

/** `lang`: the language of a refusal (the activity's locale); Swedish when not given. */
export function takeCase(
  deps: AppDeps,
  input: { caseId: string; version: number; actor: Actor; lang?: Lang },
): Promise<CaseResult> {
  return executeCaseCommand(deps, {
    caseId: input.caseId,
    expectedVersion: input.version,
    actor: input.actor,
    ...(input.lang ? { lang: input.lang } : {}),
    intent: { type: 'take' },
    effects: ownershipEffects(deps),
  });
}

export function assignCase(
  deps: AppDeps,
  input: { caseId: string; version: number; assignees: string[]; actor: Actor; lang?: Lang },
): Promise<CaseResult> {
  return executeCaseCommand(deps, {
    caseId: input.caseId,
    expectedVersion: input.version,
    actor: input.actor,
    ...(input.lang ? { lang: input.lang } : {}),
    intent: { type: 'assign', assignees: input.assignees },
    effects: ownershipEffects(deps),
  });
}
