// The data lifecycle (docs/privacy.md "Hur länge"): a unit manager's erasure of a mistaken free text
// (gallring of closed cases past the configured time is ./gallring.ts). It removes content from the
// case data and from the audit log in one commit that also records the act, so the chain verifies
// after and says what was removed under which rule (src/store/audit.ts).
import type { Actor, Case } from '../domain/schemas.js';
import { can, forbiddenMessage } from '../domain/permissions.js';
import { ERASED_MARKER, freeTextPaths } from '../store/audit.js';
import type { AuditEntry, Store } from '../store/port.js';

/** The keys whose strings are text a person wrote (src/domain/schemas.ts); erasure looks only here. */
export const FREE_TEXT_KEYS: ReadonlySet<string> = new Set([
  'motivation',
  'reason',
  'note',
  'summary',
  'text',
  'barnsamtalNotHeldReason',
  'notGivenReason',
  'synnerligaSkal',
  'violenceReason',
]);

// ---- erasure -------------------------------------------------------------------------------

export const ERASE_RULE = 'radering';

/** Why a text is erased: a category, never free text (a reason must not leak what it removes). */
export const ERASE_REASONS = ['personuppgift', 'fel-arende', 'felaktig'] as const;
export type EraseReason = (typeof ERASE_REASONS)[number];

export type EraseOutcome =
  | { ok: true; seq: number; entries: number; fields: string[] }
  | {
      ok: false;
      reason: 'forbidden' | 'unknown-case' | 'unknown-entry' | 'no-text' | 'bad-reason' | 'conflict';
      message?: string;
    };

/**
 * The free text an event wrote itself: its reason and data, and what its `after` holds that its
 * `before` did not (an event that carries the whole case carries earlier events' texts too).
 */
function ownFreeText(e: AuditEntry): { path: string; text: string }[] {
  const at = (root: unknown, path: string[]): unknown =>
    path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), root);
  return freeTextPaths(e, FREE_TEXT_KEYS).filter((f) => {
    const [top, ...rest] = f.path.split('.');
    if (top === 'before') return false;
    if (top === 'after') return at(e.before, rest) !== f.text;
    return true;
  });
}

/** Replaces each of `texts` found under a free-text key of the case by the marker. */
function eraseInCase(c: Case, texts: ReadonlySet<string>): { case: Case; changed: boolean } {
  let changed = false;
  const walk = (v: unknown, key?: string): unknown => {
    if (typeof v === 'string') {
      if (key !== undefined && FREE_TEXT_KEYS.has(key) && texts.has(v)) {
        changed = true;
        return ERASED_MARKER;
      }
      return v;
    }
    if (Array.isArray(v)) return v.map((x) => walk(x));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    return v;
  };
  const out = walk(c) as Case;
  return { case: out, changed };
}

/**
 * A unit manager erases the free text of one event (`seq`, the number in the timeline): the same
 * text goes from the case and from every audit entry of the case that holds it, replaced by a marker;
 * the act is recorded with its reason category. Nothing changes when it is refused.
 */
export async function eraseFreeText(
  { store }: { store: Store },
  input: { actor: Actor; caseId: string; seq: number; reason: string; now: Date },
): Promise<EraseOutcome> {
  if (!can(input.actor.role, 'eraseFreeText'))
    return { ok: false, reason: 'forbidden', message: forbiddenMessage('eraseFreeText', input.actor.role) };
  if (!(ERASE_REASONS as readonly string[]).includes(input.reason)) return { ok: false, reason: 'bad-reason' };
  for (let attempt = 0; attempt < 3; attempt++) {
    const c = await store.getCase(input.caseId);
    if (!c) return { ok: false, reason: 'unknown-case' };
    const entries = await store.auditFor(c.id);
    const target = entries.find((e) => e.seq === input.seq);
    if (!target) return { ok: false, reason: 'unknown-entry' };
    const found = ownFreeText(target);
    if (found.length === 0) return { ok: false, reason: 'no-text' };
    const texts = new Set(found.map((f) => f.text));
    const affected = entries
      .map((e) => ({
        seq: e.seq,
        paths: freeTextPaths(e, FREE_TEXT_KEYS)
          .filter((f) => texts.has(f.text))
          .map((f) => f.path),
      }))
      .filter((e) => e.paths.length > 0);
    const erased = eraseInCase(c, texts);
    const at = input.now.toISOString();
    const r = await store.commit({
      ...(erased.changed
        ? {
            cases: [{ case: { ...erased.case, updatedAt: at, updatedBy: input.actor.id }, expectedVersion: c.version }],
          }
        : {}),
      audit: [
        {
          at,
          actor: input.actor.id,
          type: 'FreeTextErased',
          caseId: c.id,
          data: { seq: input.seq, category: input.reason, fields: found.map((f) => f.path) },
        },
      ],
      redact: { rule: ERASE_RULE, entries: affected },
    });
    if (r.ok) return { ok: true, seq: input.seq, entries: affected.length, fields: found.map((f) => f.path) };
  }
  return { ok: false, reason: 'conflict' };
}
