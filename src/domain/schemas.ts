// The shapes of the domain: one zod schema each, types derived from them (never written twice).
// Instants are ISO 8601 strings with an offset; calendar dates are 'YYYY-MM-DD' in Europe/Stockholm.
// This file gathers them (schemaBasics, organisationSchema, caseSchema) and holds what a decision
// returns: the actor, the events, a refusal.
import type { Role, StaffId } from './schemaBasics.js';
import type { RefusalKey, Said, SaidKey } from './refusals.js';

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
  /**
   * Field-level messages for forms: path → message; Swedish from the domain (the HTTP API and the
   * import show them as they are), in the reader's language from a use case that wrote its own.
   */
  fields?: Record<string, string>;
  /** The key and values of each field message the domain gave, which the edge shows in the reader's language. */
  fieldKeys?: Record<string, SaidKey>;
}

export interface Decided<S> {
  ok: true;
  state: S;
  events: DomainEvent[];
}

export type Decision<S> = Decided<S> | Refusal;

/** A field message as given: words of the domain's table (said(key)), or text already in the reader's language. */
export type FieldWords = Record<string, string | Said>;

export function refuse(code: Refusal['code'], message: string | Said, fields?: FieldWords): Refusal {
  const texts: Record<string, string> = {};
  const keys: Record<string, SaidKey> = {};
  for (const [f, m] of Object.entries(fields ?? {})) {
    if (typeof m === 'string') texts[f] = m;
    else {
      texts[f] = m.text;
      keys[f] = m.params ? { key: m.key, params: m.params } : { key: m.key };
    }
  }
  return {
    ok: false,
    code,
    ...(typeof message === 'string'
      ? { message }
      : { message: message.text, key: message.key, ...(message.params ? { params: message.params } : {}) }),
    ...(fields ? { fields: texts } : {}),
    ...(Object.keys(keys).length ? { fieldKeys: keys } : {}),
  };
}

/** A refusal's field messages as words again, keys kept: to pass them on in another refusal. */
export function fieldWords(refusal: Pick<Refusal, 'fields' | 'fieldKeys'>): FieldWords {
  const out: FieldWords = {};
  for (const [f, text] of Object.entries(refusal.fields ?? {})) {
    const k = refusal.fieldKeys?.[f];
    out[f] = k ? { ...k, text } : text;
  }
  return out;
}
