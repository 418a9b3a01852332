// What a person (or the intake API) can ask of a case, and the shape of the function that decides
// one intent: (context, current case, intent, actor, now, done) → new state + events, or a refusal.
import type { Done, DomainContext } from './domainContext.js';
import type { LawIntent } from './lawCommands.js';
import type { LvuIntent } from './lvu.js';
import type { ProtectiveMeasureIntent } from './protection.js';
import type { Actor, Case, ContactKind, Decision, LocalDate, ReportInput, UppfoljningOutcome } from './schemas.js';

export type CaseIntent =
  | { type: 'registerReport'; report: ReportInput }
  | { type: 'assign'; assignees: string[] }
  | { type: 'take' }
  | { type: 'recordSkyddsbedomning'; immediateProtection: boolean; motivation: string; decidedOn?: string }
  | {
      type: 'decideForhandsbedomning';
      outcome: 'open' | 'not_open' | 'already_ongoing';
      motivation: string;
      synnerligaSkal?: string;
      /** Required when a report about violence or honour-related oppression is not opened. */
      violenceReason?: string;
      investigators?: string[];
      decidedOn?: string;
    }
  | { type: 'extend'; newDeadline: LocalDate; reason: string; decidedOn?: string }
  | { type: 'recordContact'; kind: ContactKind; date: LocalDate; childRef?: string; note?: string }
  | { type: 'recordBarnsamtalNotHeld'; reason: string }
  | { type: 'completeAterkoppling' }
  | {
      type: 'close';
      outcome: 'insats' | 'ingen_insats';
      motivation?: string;
      uppfoljningUntil?: LocalDate;
      decidedOn?: string;
    }
  | { type: 'completeUppfoljning'; outcome: UppfoljningOutcome; note?: string }
  | LawIntent
  | LvuIntent
  | ProtectiveMeasureIntent;

export type IntentOf<T extends CaseIntent['type']> = Extract<CaseIntent, { type: T }>;

/** One intent decided on an existing case the actor may change (commands.ts checked role, group, phase). */
export type CaseStep<T extends CaseIntent['type']> = (
  ctx: DomainContext,
  current: Case,
  intent: IntentOf<T>,
  actor: Actor,
  now: Date,
  done: Done,
) => Decision<Case>;
