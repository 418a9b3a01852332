// Assign, reassign and take: the one use case behind the card buttons, the distribution meeting,
// the handover checklist and any later entrance. The channel card is updated for everyone and each
// new owner gets a personal message, in the same commit as the change.
import type { Actor } from '../domain/schemas.js';
import type { AppDeps } from './context.js';
import { executeCaseCommand, type CaseResult } from './executeCaseCommand.js';
import type { Lang } from '../cards/text/index.js';

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
  });
}
