// Assign, reassign and take: the one use case behind the card buttons, the distribution meeting,
// the handover checklist and any later entrance. The channel card is updated for everyone and each
// new owner gets a personal message, in the same commit as the change.
import type { Actor } from '../domain/schemas.js';
import type { AppDeps } from './context.js';
import { executeCaseCommand, type CaseResult } from './executeCaseCommand.js';

export function takeCase(deps: AppDeps, input: { caseId: string; version: number; actor: Actor }): Promise<CaseResult> {
  return executeCaseCommand(deps, {
    caseId: input.caseId,
    expectedVersion: input.version,
    actor: input.actor,
    intent: { type: 'take' },
  });
}

export function assignCase(
  deps: AppDeps,
  input: { caseId: string; version: number; assignees: string[]; actor: Actor },
): Promise<CaseResult> {
  return executeCaseCommand(deps, {
    caseId: input.caseId,
    expectedVersion: input.version,
    actor: input.actor,
    intent: { type: 'assign', assignees: input.assignees },
  });
}
