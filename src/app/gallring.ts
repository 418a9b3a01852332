// Gallring (docs/privacy.md "Hur länge"): closed cases past the configured time are removed with
// their free text, the documents that belong to them and the links other cases hold to them, in one
// commit that also records the act, so the chain verifies after and says what was removed under which
// rule (src/store/audit.ts). The plan is checked at the commit: a case reopened or changed since, or
// a document changed since, refuses the commit, and the run plans again (two runs at once, or a run
// while someone reopens a case, remove each case once and never one that is open again).
import type { Case } from '../domain/schemas.js';
import { isDocument, type AuditVerification, type CaseWrite, type DocWrite, type Store } from '../store/port.js';
import { count, texts as catalogue, type Lang } from '../cards/text/index.js';

export const GALLRING_RULE = 'gallring';

/** How many times a run plans again after its commit was refused by a change made meanwhile. */
export const GALLRING_ATTEMPTS = 5;

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
  /** The version each removed case had when planned: the commit is refused if one changed since. */
  expectedVersions: Record<string, number>;
  /** Documents deleted (they belong to a removed case) and documents with the removed cases' parts taken out. */
  docs: DocWrite[];
  docsDeleted: number;
  docsChanged: number;
  /** Cases that stay, with the removed cases taken out of their `linkedCaseIds`. */
  unlinked: CaseWrite[];
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
  const ofRemoved = (x: unknown) =>
    (typeof x === 'string' && removed.has(x)) ||
    (!!x &&
      typeof x === 'object' &&
      typeof (x as { caseId?: unknown }).caseId === 'string' &&
      removed.has((x as { caseId: string }).caseId));
  // Lists of per-case items (a handover's entries, a list of case refs): the removed ones taken out.
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.filter((x) => !ofRemoved(x)).map(strip);
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

/** A document write that is refused if the document changed since it was read (when it has a version). */
function docWrite(collection: string, id: string, doc: Record<string, unknown>, value: DocWrite['value']): DocWrite {
  const version = doc.version;
  return { collection, id, value, ...(typeof version === 'number' ? { expectedVersion: version } : {}) };
}

/** Which closed cases are past the rule, and what of the documents and the other cases goes with them. */
export async function planGallring(store: Store, opts: { afterMonths: number; now: Date }): Promise<GallringPlan> {
  const cutoff = monthsBefore(opts.now, opts.afterMonths);
  const limit = cutoff.getTime();
  const all = await store.allCases();
  const cases: string[] = [];
  const expectedVersions: Record<string, number> = {};
  for (const c of all)
    if (c.phase === 'closed' && closedAt(c) < limit) {
      cases.push(c.id);
      expectedVersions[c.id] = c.version;
    }
  const removed = new Set(cases);
  const docs: DocWrite[] = [];
  const unlinked: CaseWrite[] = [];
  let docsDeleted = 0;
  let docsChanged = 0;
  if (removed.size > 0) {
    for (const collection of await store.collections())
      for (const id of await store.docIds(collection)) {
        const doc = await store.getDoc(collection, id);
        if (!isDocument(doc)) continue;
        const r = scrubDoc(id, doc, removed);
        if (r === undefined) continue;
        if (r === 'delete') docsDeleted++;
        else docsChanged++;
        docs.push(docWrite(collection, id, doc, r === 'delete' ? null : r));
      }
    for (const c of all)
      if (!removed.has(c.id) && c.linkedCaseIds.some((l) => removed.has(l)))
        unlinked.push({
          case: { ...c, linkedCaseIds: c.linkedCaseIds.filter((l) => !removed.has(l)) },
          expectedVersion: c.version,
        });
  }
  return {
    cutoff: cutoff.toISOString(),
    afterMonths: opts.afterMonths,
    cases,
    expectedVersions,
    docs,
    docsDeleted,
    docsChanged,
    unlinked,
  };
}

export interface GallringResult {
  plan: GallringPlan;
  /** After the run (undefined on a dry run). */
  verification?: AuditVerification;
  ms: number;
  /** How many plans were made (more than one when a change meanwhile refused a commit). */
  attempts?: number;
  /** The first plan found cases, but another run removed them before this one could. */
  alreadyDone?: boolean;
  /** Every attempt was refused by a change made meanwhile: nothing was removed. */
  gaveUp?: boolean;
}

/**
 * Gallring as one commit (or, `dryRun`, only the plan). The act is an audit entry of the system's.
 * A commit refused because a case or document changed since the plan is planned again, at most
 * GALLRING_ATTEMPTS times; a case reopened meanwhile is then no longer in the plan.
 */
export async function runGallring(
  store: Store,
  opts: { afterMonths: number; now: Date; dryRun?: boolean },
): Promise<GallringResult> {
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  let first: GallringPlan | undefined;
  let plan: GallringPlan | undefined;
  for (let attempt = 1; attempt <= GALLRING_ATTEMPTS; attempt++) {
    plan = await planGallring(store, opts);
    first ??= plan;
    if (opts.dryRun) return { plan, ms: elapsed() };
    if (plan.cases.length === 0)
      return {
        plan,
        verification: await store.verifyAudit(),
        ms: elapsed(),
        attempts: attempt,
        ...(first.cases.length > 0 ? { alreadyDone: true } : {}),
      };
    const r = await store.commit({
      cases: plan.unlinked,
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
            ...(plan.unlinked.length ? { linksRemoved: plan.unlinked.length } : {}),
          },
        },
      ],
      redact: { rule: GALLRING_RULE, cases: plan.cases, expectedVersions: plan.expectedVersions },
    });
    if (r.ok) return { plan, verification: await store.verifyAudit(), ms: elapsed(), attempts: attempt };
  }
  return { plan: plan!, ms: elapsed(), attempts: GALLRING_ATTEMPTS, gaveUp: true };
}

/** The report of a run (the CLI prints it in Swedish; no case content, only counts and the rule). */
export function gallringReport(r: GallringResult, dryRun: boolean, lang: Lang = 'sv'): string {
  const p = r.plan;
  const t = catalogue(lang).appNotices.gallring;
  const cases = count(p.cases.length, 'ärende', lang);
  const lines = [t.rule(p.cutoff.slice(0, 10), count(p.afterMonths, 'månad', lang))];
  if (r.gaveUp) lines.push(t.gaveUp(r.attempts ?? GALLRING_ATTEMPTS));
  else if (r.alreadyDone) lines.push(t.alreadyDone);
  else lines.push(dryRun ? t.dryRun(cases, p.docsDeleted, p.docsChanged) : t.done(cases, p.docsDeleted, p.docsChanged));
  if (r.verification) lines.push(r.verification.message);
  lines.push(t.time((r.ms / 1000).toFixed(1)));
  return lines.join('\n');
}
