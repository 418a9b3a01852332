// The shapes of the domain: one zod schema each, types derived from them (never written twice).
// Instants are ISO 8601 strings with an offset; calendar dates are 'YYYY-MM-DD' in Europe/Stockholm.
// This file gathers them (schemaBasics, organisationSchema, caseSchema) and holds what a decision
// returns: the actor, the events, a refusal.
import type { Role, StaffId } from './schemaBasics.js';
import type { RefusalKey, Said } from './refusals.js';

export * from './schemaBasics.js';
export * from './organisationSchema.js';
export * from './caseSchema.js';

/** Who acts: resolved from the organisation file by aadObjectId. */
export interface Actor {
  id: StaffId;
  name: string;
  role: Role;
  groups: string[];
  /** The bot itself acting for an integration (intake API, import): may register reports only. */
  system?: boolean;
}

/** What the domain says happened; the audit log stores these with before/after. */
export interface DomainEvent {
  type: string;
  caseId?: string;
  /** Free-form, JSON-serialisable details; never a personnummer (guarded at the edge). */
  data?: Record<string, unknown>;
  /** The reason given by the person, when one was asked for. */
  reason?: string;
}

/**
 * A refusal: the Swedish text is shown to the person who acted. A domain refusal has the key and
 * values of its text (src/domain/refusals.ts), which the edge shows in the reader's language.
 */
export interface Refusal {
  ok: false;
  code: 'forbidden' | 'invalid' | 'conflict' | 'not_found' | 'stale';
  message: string;
  key?: RefusalKey;
  params?: Record<string, string | number | undefined>;
  /** Field-level messages for forms: path → Swedish message. */
  fields?: Record<string, string>;
}

export interface Decided<S> {
  ok: true;
  state: S;
  events: DomainEvent[];
}

export type Decision<S> = Decided<S> | Refusal;

export const refuse = (code: Refusal['code'], message: string | Said, fields?: Record<string, string>): Refusal => ({
  ok: false,
  code,
  ...(typeof message === 'string'
    ? { message }
    : { message: message.text, key: message.key, ...(message.params ? { params: message.params } : {}) }),
  ...(fields ? { fields } : {}),
});
