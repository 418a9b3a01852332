// Commands: (context, current state, intent, actor, now) → new state + events, or a refusal with a
// Swedish reason. Pure: the caller loads, commits with the version check, and notifies. This file is
// the gate (who may do what to which case in which phase) and the dispatch; each decision lives with
// its kind: reportCommands, ownershipCommands, assessmentCommands, investigationCommands,
// closingCommands, lawCommands, lvu, protection.
//
// Choices where the law leaves the modelling open (docs/domain.md has the law itself):
// - registerReport: phase 'skyddsbedomning', no owners, no återkoppling task yet; linkedCaseIds [] (the
//   intake use case links cases about the same child).
// - Återkoppling: a duty only for a professional reporter who asked (reporter.requestsFeedback, or a
//   request recorded from the card); its date counts from the förhandsbedömning decision by the row in
//   force that day (docs/rules.md). Every decision form carries the date of the decision (default
//   today, never in the future, never before the report): clocks count from it.
// - Förhandsbedömning needs a recorded skyddsbedömning first (two commands in a row when both are done
//   at once). 'open' starts the utredning on the Swedish date of the decision; 'not_open' closes as
//   'not_opened'; 'already_ongoing' closes as 'already_ongoing': the running investigation (linked by
//   childRef in linkedCaseIds) carries on. Both keep the återkoppling task open.
// - A closed case accepts only the återkoppling, uppföljning and LVU steps. Nothing touches `version`.
import { decideForhandsbedomning, recordSkyddsbedomning } from './assessmentCommands.js';
import type { CaseIntent } from './caseIntents.js';
import { close, completeAterkoppling, completeUppfoljning } from './closingCommands.js';
import type { DomainContext } from './domainContext.js';
import { extend, recordBarnsamtalNotHeld, recordContact } from './investigationCommands.js';
import { decideLaw } from './lawCommands.js';
import { decideLvu, LVU_INTENTS } from './lvu.js';
import { assign, take } from './ownershipCommands.js';
import { can, forbidden, type Command } from './permissions.js';
import { decideProtectiveMeasure } from './protection.js';
import { registerReport } from './reportCommands.js';
import { refuse, type Actor, type Case, type Decision, type DomainEvent } from './schemas.js';
import { said } from './refusals.js';

export type { DomainContext } from './domainContext.js';
export type { CaseIntent } from './caseIntents.js';

const COMMAND_OF: Record<CaseIntent['type'], Command> = {
  registerReport: 'registerReport',
  assign: 'assign',
  take: 'take',
  recordSkyddsbedomning: 'recordSkyddsbedomning',
  decideForhandsbedomning: 'decideForhandsbedomning',
  extend: 'extend',
  recordContact: 'recordContact',
  recordBarnsamtalNotHeld: 'recordBarnsamtalNotHeld',
  completeAterkoppling: 'completeAterkoppling',
  close: 'close',
  extendForhandsbedomning: 'extendForhandsbedomning',
  recordUtredningInformation: 'recordInformation',
  requestAterkoppling: 'completeAterkoppling',
  recordUppfoljningInformed: 'recordInformation',
  endUppfoljning: 'recordInformation',
  completeUppfoljning: 'completeUppfoljning',
  lvuStart: 'recordLvu',
  lvuRecord: 'recordLvu',
  lvuCourtExtension: 'recordLvu',
  lvuCourtDecision: 'recordLvu',
  lvuRestriction: 'recordLvu',
  recordProtectiveMeasure: 'recordProtectiveMeasure',
};

/** Intents a closed case still accepts: the återkoppling, the uppföljning and the LVU track. */
const ON_CLOSED = new Set<string>([
  'completeAterkoppling',
  'requestAterkoppling',
  'recordUppfoljningInformed',
  'endUppfoljning',
  'completeUppfoljning',
  ...LVU_INTENTS,
]);

export function decideCase(
  ctx: DomainContext,
  current: Case | undefined,
  intent: CaseIntent,
  actor: Actor,
  now: Date,
): Decision<Case> {
  const command = COMMAND_OF[intent.type];
  if (intent.type === 'registerReport') return registerReport(ctx, current, intent.report, actor, now);
  // The bot itself ends an uppföljning when a new investigation about the child opens (23 kap. SoL).
  if (actor.system && intent.type === 'endUppfoljning' && current)
    return decideLaw(ctx, current, intent, actor, now, (state, ...events) => ({
      ok: true,
      state: { ...state, updatedAt: now.toISOString(), updatedBy: actor.id },
      events,
    }));
  if (actor.system) return refuse('forbidden', said('integrationOnlyReports'));
  if (!can(actor.role, command, { extendRoles: ctx.rules.extendRoles })) {
    return refuse('forbidden', forbidden(command, actor.role, { extendRoles: ctx.rules.extendRoles }));
  }
  if (!current) return refuse('not_found', said('caseNotFound'));
  if (
    actor.role !== 'unit_manager' &&
    !actor.groups.includes(current.groupId) &&
    !current.assignees.includes(actor.id)
  ) {
    return refuse('forbidden', said('caseOtherGroup'));
  }
  if (current.phase === 'closed' && !ON_CLOSED.has(intent.type)) {
    return refuse('invalid', said('caseClosedNoChange'));
  }
  const touched = (c: Case): Case => ({ ...c, updatedAt: now.toISOString(), updatedBy: actor.id });
  const done = (state: Case, ...events: DomainEvent[]): Decision<Case> => ({ ok: true, state: touched(state), events });

  switch (intent.type) {
    case 'lvuStart':
    case 'lvuRecord':
    case 'lvuCourtExtension':
    case 'lvuCourtDecision':
    case 'lvuRestriction':
      return decideLvu(ctx, current, intent, actor, now, done);
    case 'recordProtectiveMeasure':
      return decideProtectiveMeasure(ctx, current, intent, actor, now, done);
    case 'extendForhandsbedomning':
    case 'recordUtredningInformation':
    case 'requestAterkoppling':
    case 'recordUppfoljningInformed':
    case 'endUppfoljning':
      return decideLaw(ctx, current, intent, actor, now, done);
    case 'take':
      return take(ctx, current, intent, actor, now, done);
    case 'assign':
      return assign(ctx, current, intent, actor, now, done);
    case 'recordSkyddsbedomning':
      return recordSkyddsbedomning(ctx, current, intent, actor, now, done);
    case 'decideForhandsbedomning':
      return decideForhandsbedomning(ctx, current, intent, actor, now, done);
    case 'extend':
      return extend(ctx, current, intent, actor, now, done);
    case 'recordContact':
      return recordContact(ctx, current, intent, actor, now, done);
    case 'recordBarnsamtalNotHeld':
      return recordBarnsamtalNotHeld(ctx, current, intent, actor, now, done);
    case 'completeAterkoppling':
      return completeAterkoppling(ctx, current, intent, actor, now, done);
    case 'completeUppfoljning':
      return completeUppfoljning(ctx, current, intent, actor, now, done);
    case 'close':
      return close(ctx, current, intent, actor, now, done);
  }
}

export { decideAbsence, type AbsenceIntent } from './absence.js';
