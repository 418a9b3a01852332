// The data lifecycle (docs/privacy.md "Hur länge"): gallring of closed cases past the configured
// time, and a unit manager's erasure of a mistaken free text. Both remove content from the case
// data and from the audit log in one commit that also records the act, so the chain verifies
// after and says what was removed under which rule (src/store/audit.ts).
import type { Actor, Case } from '../domain/schemas.js';
import { can, forbiddenMessage } from '../domain/permissions.js';
import { ERASED_MARKER, freeTextPaths } from '../store/audit.js';
import type { AuditEntry, AuditVerification, DocWrite, Store } from '../store/port.js';
import { count, texts as catalogue, type Lang } from '../cards/text/index.js';

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

export const GALLRING_RULE = 'gallring';
export const ERASE_RULE = 'radering';

// ---- gallring ------------------------------------------------------------------------------

/** The day a closed case closed: the closing date entered, else when it was recorded. */
function closedAt(c: Case): number {
  const on = c.closure?.closedOn;
  if (on) return Date.parse(`${on}T23:59:59Z`);
  return Date.parse(c.closure?.at ?? c.updatedAt);
}

/** `now` minus whole calendar months (UTC; the day clamped to the month's last). */
export function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

export interface GallringPlan {
  cutoff: string;
  afterMonths: number;
  cases: string[];
  /** Documents deleted (they belong to a removed case) and documents with the removed cases' parts taken out. */
  docs: DocWrite[];
  docsDeleted: number;
  docsChanged: number;
}

const tokens = (id: string) => id.split(/[:|/\x1f]/);

/**
 * A document after the removed cases were taken out of it: 'delete' when it belongs to one (its id
 * or its caseId names one, or after taking out the list items of removed cases it still mentions
 * one), the new value when list items were taken out, or undefined when it does not mention any.
 */
export function scrubDoc(
  id: string,
  doc: Record<string, unknown>,
  removed: ReadonlySet<string>,
): 'delete' | Record<string, unknown> | undefined {
  if (tokens(id).some((t) => removed.has(t))) return 'delete';
  if (typeof doc.caseId === 'string' && removed.has(doc.caseId)) return 'delete';
  let mentions = false;
  const scan = (v: unknown): void => {
    if (mentions) return;
    if (typeof v === 'string') mentions = removed.has(v);
    else if (Array.isArray(v)) v.forEach(scan);
    else if (v && typeof v === 'object') Object.values(v).forEach(scan);
  };
  scan(doc);
  if (!mentions) return undefined;
  // Lists of per-case items (a handover's entries, a list of case refs): the removed ones taken out.
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v))
      return v
        .filter(
          (x) =>
            !(typeof x === 'string' && removed.has(x)) &&
            !(
              x &&
              typeof x === 'object' &&
              typeof (x as { caseId?: unknown }).caseId === 'string' &&
              removed.has((x as { caseId: string }).caseId)
            ),
        )
        .map(strip);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, strip(x)]));
    return v;
  };
  const out = strip(doc) as Record<string, unknown>;
  mentions = false;
  scan(out);
  if (mentions) return 'delete';
  if (typeof out.version === 'number') out.version = out.version + 1;
  return out;
}

/** Which closed cases are past the rule, and what of the documents goes with them. */
export async function planGallring(store: Store, opts: { afterMonths: number; now: Date }): Promise<GallringPlan> {
  const cutoff = monthsBefore(opts.now, opts.afterMonths);
  const limit = cutoff.getTime();
  const cases: string[] = [];
  for (const c of await store.allCases()) if (c.phase === 'closed' && closedAt(c) < limit) cases.push(c.id);
  const removed = new Set(cases);
  const docs: DocWrite[] = [];
  let docsDeleted = 0;
  let docsChanged = 0;
  if (removed.size > 0)
    for (const collection of await store.collections())
      for (const id of await store.docIds(collection)) {
        const doc = await store.getDoc<Record<string, unknown>>(collection, id);
        if (!doc) continue;
        const r = scrubDoc(id, doc, removed);
        if (r === undefined) continue;
        if (r === 'delete') docsDeleted++;
        else docsChanged++;
        docs.push({ collection, id, value: r === 'delete' ? null : r });
      }
  return { cutoff: cutoff.toISOString(), afterMonths: opts.afterMonths, cases, docs, docsDeleted, docsChanged };
}

export interface GallringResult {
  plan: GallringPlan;
  /** After the run (undefined on a dry run). */
  verification?: AuditVerification;
  ms: number;
}

/** Gallring as one commit (or, `dryRun`, only the plan). The act is an audit entry of the system's. */
export async function runGallring(
  store: Store,
  opts: { afterMonths: number; now: Date; dryRun?: boolean },
): Promise<GallringResult> {
  const started = performance.now();
  const plan = await planGallring(store, opts);
  if (opts.dryRun || plan.cases.length === 0)
    return {
      plan,
      ms: performance.now() - started,
      ...(opts.dryRun ? {} : { verification: await store.verifyAudit() }),
    };
  const r = await store.commit({
    docs: plan.docs,
    audit: [
      {
        at: opts.now.toISOString(),
        actor: 'system',
        type: 'Gallring',
        data: {
          afterMonths: plan.afterMonths,
          cutoff: plan.cutoff,
          cases: plan.cases.length,
          docsDeleted: plan.docsDeleted,
          docsChanged: plan.docsChanged,
        },
      },
    ],
    redact: { rule: GALLRING_RULE, cases: plan.cases },
  });
  if (!r.ok) throw new Error('gallring conflicted with another write; run it again');
  return { plan, verification: await store.verifyAudit(), ms: performance.now() - started };
}

/** The report of a run (the CLI prints it in Swedish; no case content, only counts and the rule). */
export function gallringReport(r: GallringResult, dryRun: boolean, lang: Lang = 'sv'): string {
  const p = r.plan;
  const t = catalogue(lang).appNotices.gallring;
  const cases = count(p.cases.length, 'ärende', lang);
  const lines = [
    t.rule(p.cutoff.slice(0, 10), count(p.afterMonths, 'månad', lang)),
    dryRun ? t.dryRun(cases, p.docsDeleted, p.docsChanged) : t.done(cases, p.docsDeleted, p.docsChanged),
  ];
  if (r.verification) lines.push(r.verification.message);
  lines.push(t.time((r.ms / 1000).toFixed(1)));
  return lines.join('\n');
}

// ---- erasure -------------------------------------------------------------------------------

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
  store: Store,
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
