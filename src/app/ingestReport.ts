// One anmälan arrives (API, import or the Teams form): validated, guarded for personnummer, stored
// once per externalId, linked to open cases about the same child in other groups, and announced:
// the case card in the group's channel and, by the routing table, a short card to VINR.
import { decideCase } from '../domain/commands.js';
import { LINK_SAME_CHILD } from '../domain/routing.js';
import { guardAllStrings } from '../domain/secrecy.js';
import { said } from '../domain/refusals.js';
import {
  fieldWords,
  ReportInput,
  refuse,
  type Actor,
  type Case,
  type FieldWords,
  type Refusal,
} from '../domain/schemas.js';
import type { AuditInput, DocWrite } from '../store/port.js';
import { caseCardKey, caseCardUpdates } from './caseCardUpdates.js';
import { domainContext, type AppDeps } from './context.js';
import type { DomainContext } from '../domain/domainContext.js';
import { vinrNotices } from './vinrNotices.js';
import { familyNoticeWrites } from './samordning.js';
import { outOfHoursNotices } from './outOfHours.js';
import { refusalText, texts, type Lang } from '../cards/text/index.js';

export const INTAKE_ACTOR: Actor = {
  id: 'system:intake',
  name: 'Intag',
  role: 'unit_manager',
  groups: [],
  system: true,
};

export type IngestResult =
  | { status: 201 | 200; case: Case }
  | { status: 409; message: string; case?: Case }
  | { status: 400; refusal: Refusal }
  | { status: 403; refusal: Refusal };

export interface Issue {
  path: string;
  message: string;
}

/** Zod issues as { path, message } with Swedish messages and never the rejected value. */
export function issuesOf(refusal: Refusal): Issue[] {
  return Object.entries(refusal.fields ?? {}).map(([path, message]) => ({ path, message }));
}

/** The fields that decide "same content" for idempotency (what the sender sent, nothing we added). */
const sameReport = (c: Case, r: ReportInput) =>
  c.groupId === r.groupId &&
  c.childRef === r.childRef &&
  Date.parse(c.receivedAt) === Date.parse(r.receivedAt) &&
  c.reporter.type === r.reporter.type &&
  c.reporter.professional === r.reporter.professional &&
  JSON.stringify([...c.concerns].sort()) === JSON.stringify([...r.concerns].sort()) &&
  (c.summary ?? '') === (r.summary ?? '') &&
  (c.familyRef ?? '') === (r.familyRef ?? '');

/** Unknown fields are refused (nothing unexpected is stored); built once (zod compiles it). */
const STRICT_REPORT = ReportInput.strict();

export const DEFAULT_SUMMARY_MAX_CHARS = 2000;

/**
 * Parse a report; a failure names each field with a message (Swedish, or the Teams form's reader's
 * language: `lang`) and never repeats its value. `summaryMaxChars` (REPORT_SUMMARY_MAX_CHARS) limits
 * the summary; 0: a summary is not stored at all.
 */
export function parseReport(
  body: unknown,
  opts: { summaryMaxChars?: number; lang?: Lang } = {},
): { ok: true; report: ReportInput } | { ok: false; refusal: Refusal } {
  const t = texts(opts.lang).appNotices.report;
  const maxSummary = opts.summaryMaxChars ?? DEFAULT_SUMMARY_MAX_CHARS;
  const fields: FieldWords = {};
  const parsed = STRICT_REPORT.safeParse(body);
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      const path = i.path.map(String).join('.') || '(kroppen)';
      const custom =
        i.code === 'custom' || (i.code === 'invalid_format' && i.message && !i.message.startsWith('Invalid'));
      fields[path] ??= custom ? i.message : (t.zod[i.code] ?? t.invalidValue);
      if (i.code === 'invalid_format' && path === 'receivedAt') fields[path] = t.receivedAtFormat;
      if (path === '(kroppen)' && i.code === 'invalid_type') fields[path] = t.notAnObject;
    }
  }
  // The secrecy guard looks at the text fields even when something else is wrong, so that the
  // sender learns every problem at once.
  // Every string of the body, known field or not (a field added later is covered too).
  const secrecy = guardAllStrings(typeof body === 'object' && body !== null ? body : {});
  if (secrecy) Object.assign(fields, fieldWords(secrecy));
  let tooLong = false;
  if (parsed.success && maxSummary > 0 && (parsed.data.summary?.length ?? 0) > maxSummary) {
    fields.summary ??= t.summaryTooLong(maxSummary);
    tooLong = true;
  }
  if (!parsed.success || secrecy || tooLong) {
    return {
      ok: false,
      refusal: refuse('invalid', secrecy && parsed.success ? refusalText(secrecy, opts.lang) : t.invalid, fields),
    };
  }
  const report: ReportInput = { ...parsed.data, concerns: [...new Set(parsed.data.concerns)] };
  // Summaries turned off: the report is taken in with its categories only.
  if (maxSummary === 0) delete report.summary;
  return { ok: true, report };
}

/**
 * The writes of one or more new reports that go into ONE commit: the new cases, the open cases they
 * are linked to (with the version they were read at), audit entries and outbox messages. Used by
 * the API and the Teams form (a batch of one) and by the file import (a batch of thousands).
 */
export class ReportBatch {
  private readonly cases = new Map<string, { case: Case; expectedVersion: number | null; before: Case | null }>();
  private readonly newByChild = new Map<string, string[]>();
  private readonly newByFamily = new Map<string, string[]>();
  private readonly docs = new Map<string, DocWrite>();
  private readonly audit: AuditInput[] = [];

  constructor(
    private readonly deps: AppDeps,
    private readonly actor: Actor,
    private readonly now: Date,
    /** Which cases get their card posted (the import posts only recent open ones). */
    private readonly postCard: (c: Case) => boolean = () => true,
  ) {}

  /** How many new cases the batch holds. */
  get size(): number {
    let n = 0;
    for (const ids of this.newByChild.values()) n += ids.length;
    return n;
  }

  /** Plan one report (already parsed and guarded). A refusal leaves the batch unchanged. */
  async add(
    report: ReportInput,
    context?: DomainContext,
  ): Promise<{ ok: true; case: Case } | { ok: false; refusal: Refusal }> {
    const ctx = context ?? (await domainContext(this.deps));
    if (this.cases.get(report.externalId)?.expectedVersion === null) {
      return {
        ok: false,
        refusal: refuse('conflict', texts('sv').appNotices.report.twice, {
          externalId: texts('sv').appNotices.report.twiceField,
        }),
      };
    }
    const d = decideCase(ctx, undefined, { type: 'registerReport', report }, this.actor, this.now);
    if (!d.ok)
      return d.code === 'invalid' && d.fields?.groupId
        ? { ok: false, refusal: refuse('invalid', said('unknownGroup'), { groupId: said('groupNotInOrg') }) }
        : { ok: false, refusal: d };
    const at = this.now.toISOString();
    // Open cases about the same child in other groups are linked both ways, and both cards say so.
    const others = await this.linkable(report);
    const created: Case = { ...d.state, linkedCaseIds: others.map((o) => o.id) };
    this.cases.set(created.id, { case: created, expectedVersion: null, before: null });
    this.newByChild.set(created.childRef, [...(this.newByChild.get(created.childRef) ?? []), created.id]);
    for (const e of d.events) {
      this.audit.push({
        at,
        actor: this.actor.id,
        type: e.type,
        caseId: created.id,
        before: null,
        after: created,
        ...(e.data ? { data: { ...e.data, linkedCaseIds: created.linkedCaseIds } } : {}),
      });
    }
    for (const o of others) {
      const entry = this.cases.get(o.id);
      const updated: Case = {
        ...o,
        linkedCaseIds: [...new Set([...o.linkedCaseIds, created.id])],
        updatedAt: at,
        updatedBy: this.actor.id,
      };
      if (entry) entry.case = updated;
      else this.cases.set(o.id, { case: updated, expectedVersion: o.version, before: o });
      this.audit.push({
        at,
        actor: this.actor.id,
        type: 'CasesLinked',
        caseId: o.id,
        before: o,
        after: updated,
        data: { with: created.id, why: LINK_SAME_CHILD.why },
      });
      if (this.postCard(updated)) this.card(updated);
    }
    if (this.postCard(created)) {
      this.card(created);
      for (const doc of vinrNotices(this.deps, created, this.now)) this.docs.set(doc.id, doc);
      // Out of hours: the socialjour's channel is told at once (src/app/outOfHours.ts).
      const ooh = outOfHoursNotices(this.deps, created, this.now);
      for (const doc of ooh.docs) this.docs.set(doc.id, doc);
      this.audit.push(...ooh.audit);
    }
    if (created.familyRef) await this.family(created);
    return { ok: true, case: created };
  }

  /**
   * A case with a familyRef (docs/family.md): the family's other open cards are redrawn (they list
   * siblings and sections), violence in the family reaches VINR for every child case, and two
   * sections with open cases get the samordning card once.
   */
  private async family(created: Case): Promise<void> {
    const ref = created.familyRef!;
    this.newByFamily.set(ref, [...(this.newByFamily.get(ref) ?? []), created.id]);
    const byId = new Map<string, Case>();
    for (const c of await this.deps.store.casesByFamily(ref)) byId.set(c.id, this.cases.get(c.id)?.case ?? c);
    for (const id of this.newByFamily.get(ref) ?? []) byId.set(id, this.cases.get(id)!.case);
    const family = [...byId.values()];
    if (!this.postCard(created)) return;
    for (const c of family) if (c.id !== created.id && c.phase !== 'closed' && this.postCard(c)) this.card(c);
    const pending = (collection: string, id: string) => this.docs.has(`${collection}:${id}`);
    for (const doc of await familyNoticeWrites(this.deps, created, family, this.now, pending))
      this.docs.set(`${doc.collection}:${doc.id}`, doc);
  }

  private card(c: Case): void {
    for (const doc of caseCardUpdates(this.now, c)) this.docs.set(caseCardKey(c.id, c.groupId), doc);
  }

  private async linkable(report: ReportInput): Promise<Case[]> {
    if (!LINK_SAME_CHILD.acrossGroups) return [];
    const byId = new Map<string, Case>();
    for (const c of await this.deps.store.casesByChild(report.childRef))
      byId.set(c.id, this.cases.get(c.id)?.case ?? c);
    for (const id of this.newByChild.get(report.childRef) ?? []) byId.set(id, this.cases.get(id)!.case);
    return [...byId.values()].filter(
      (c) => c.phase !== 'closed' && c.id !== report.externalId && c.groupId !== report.groupId,
    );
  }

  /** Commit everything at once; false when a case changed meanwhile (nothing was written). */
  async commit(): Promise<boolean> {
    if (this.cases.size === 0) return true;
    const r = await this.deps.store.commit({
      cases: [...this.cases.values()].map((e) => ({ case: e.case, expectedVersion: e.expectedVersion })),
      docs: [...this.docs.values()],
      audit: this.audit,
    });
    if (r.ok && this.docs.size) this.deps.onOutbox?.();
    return r.ok;
  }

  /** How many outbox messages the batch would queue. */
  get messages(): number {
    return this.docs.size;
  }
}

/** Compare a new report with the stored case of the same externalId. */
export function duplicateStatus(existing: Case, report: ReportInput): 200 | 409 {
  return sameReport(existing, report) ? 200 : 409;
}

/** `lang`: the language of the messages (the Teams form's reader's); the API answers in Swedish. */
export async function ingestReport(
  deps: AppDeps,
  body: unknown,
  actor: Actor = INTAKE_ACTOR,
  lang: Lang = 'sv',
): Promise<IngestResult> {
  const t = texts(lang).appNotices.report;
  const parsed = parseReport(body, { summaryMaxChars: deps.config.summaryMaxChars, lang });
  if (!parsed.ok) return { status: 400, refusal: parsed.refusal };
  const report = parsed.report;
  if (!deps.org.group(report.groupId)) {
    return { status: 400, refusal: refuse('invalid', t.invalid, { groupId: t.noGroup }) };
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    const existing = await deps.store.getCase(report.externalId);
    if (existing) {
      return sameReport(existing, report)
        ? { status: 200, case: existing }
        : { status: 409, message: t.otherContent, case: existing };
    }
    const batch = new ReportBatch(deps, actor, deps.now());
    const planned = await batch.add(report);
    if (!planned.ok) return { status: planned.refusal.code === 'forbidden' ? 403 : 400, refusal: planned.refusal };
    if (await batch.commit()) return { status: 201, case: (await deps.store.getCase(planned.case.id))! };
    // Someone registered the same report or changed a linked case at the same moment: look again.
  }
  const latest = await deps.store.getCase(report.externalId);
  return { status: 409, message: t.conflict, ...(latest ? { case: latest } : {}) };
}
