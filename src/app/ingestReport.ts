// One anmälan arrives (API, import or the Teams form): validated, guarded for personnummer, stored
// once per externalId, linked to open cases about the same child in other groups, and announced:
// the case card in the group's channel and, by the routing table, a short card to VINR.
import { deadlinesOf, skyddsbedomningDue } from '../domain/deadlines.js';
import { decideCase } from '../domain/commands.js';
import { groupsToNotify } from '../domain/routing.js';
import { guardFreeText } from '../domain/secrecy.js';
import { ReportInput, refuse, type Actor, type Case, type Refusal } from '../domain/schemas.js';
import { formatSwedishDate, formatSwedishDateTime } from '../domain/time.js';
import { concernsText } from '../cards/labels.js';
import type { DocWrite } from '../store/port.js';
import { caseCardUpdates } from './assignCase.js';
import { domainContext, type AppDeps } from './context.js';
import { enqueue } from './outbox.js';

export const INTAKE_ACTOR: Actor = { id: 'system:intake', name: 'Intag', role: 'unit_manager', groups: [], system: true };

export type IngestResult =
  | { status: 201 | 200; case: Case }
  | { status: 409; message: string; case: Case }
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
  c.groupId === r.groupId && c.childRef === r.childRef && Date.parse(c.receivedAt) === Date.parse(r.receivedAt) &&
  c.reporter.type === r.reporter.type && c.reporter.professional === r.reporter.professional &&
  JSON.stringify([...c.concerns].sort()) === JSON.stringify([...r.concerns].sort()) && (c.summary ?? '') === (r.summary ?? '');

const SWEDISH_ZOD: Record<string, string> = {
  invalid_type: 'Fel typ eller saknas.',
  invalid_value: 'Ogiltigt värde.',
  invalid_format: 'Fel format.',
  too_small: 'För kort eller för få.',
  too_big: 'För långt eller för många.',
  unrecognized_keys: 'Okänt fält.',
};

/** Parse a report; a failure names each field with a Swedish message. */
export function parseReport(body: unknown): { ok: true; report: ReportInput } | { ok: false; refusal: Refusal } {
  const parsed = ReportInput.strict().safeParse(body);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const i of parsed.error.issues) {
      const path = i.path.join('.') || '(kroppen)';
      const custom = i.code === 'custom' || (i.code === 'invalid_format' && i.message && !i.message.startsWith('Invalid'));
      fields[path] ??= custom ? i.message : (SWEDISH_ZOD[i.code] ?? 'Ogiltigt värde.');
      if (i.code === 'invalid_format' && path === 'receivedAt') fields[path] = 'Tid som ISO 8601 med tidszon, t.ex. 2026-11-20T09:15:00+01:00.';
    }
    return { ok: false, refusal: refuse('invalid', 'Anmälan är ogiltig.', fields) };
  }
  const secrecy = guardFreeText({ summary: parsed.data.summary }, { childRef: parsed.data.childRef, externalId: parsed.data.externalId });
  if (secrecy) return { ok: false, refusal: secrecy };
  return { ok: true, report: parsed.data };
}

export async function ingestReport(deps: AppDeps, body: unknown, actor: Actor = INTAKE_ACTOR): Promise<IngestResult> {
  const parsed = parseReport(body);
  if (!parsed.ok) return { status: 400, refusal: parsed.refusal };
  const report = parsed.report;
  if (!deps.org.group(report.groupId)) {
    return { status: 400, refusal: refuse('invalid', 'Anmälan är ogiltig.', { groupId: 'Gruppen finns inte i organisationen.' }) };
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    const existing = deps.store.getCase(report.externalId);
    if (existing) {
      return sameReport(existing, report)
        ? { status: 200, case: existing }
        : { status: 409, message: `Ärendet ${report.externalId} finns redan med annat innehåll.`, case: existing };
    }
    const now = deps.now();
    const d = decideCase(domainContext(deps), undefined, { type: 'registerReport', report }, actor, now);
    if (!d.ok) return { status: d.code === 'forbidden' ? 403 : 400, refusal: d };
    // Open cases about the same child in other groups are linked both ways, and both cards say so.
    const others = deps.store.casesByChild(report.childRef).filter((c) => c.phase !== 'closed' && c.id !== report.externalId);
    const created: Case = { ...d.state, linkedCaseIds: others.map((o) => o.id) };
    const linked = others.map((o) => ({ ...o, linkedCaseIds: [...new Set([...o.linkedCaseIds, created.id])], updatedAt: now.toISOString() }));
    const docs: DocWrite[] = [...caseCardUpdates(now, created, linked), ...vinrNotices(deps, created, now)];
    const at = now.toISOString();
    const r = await deps.store.commit({
      cases: [{ case: created, expectedVersion: null }, ...linked.map((l, i) => ({ case: l, expectedVersion: others[i].version }))],
      docs,
      audit: [
        ...d.events.map((e) => ({ at, actor: actor.id, type: e.type, caseId: created.id, before: null, after: created, ...(e.data ? { data: e.data } : {}) })),
        ...linked.map((l, i) => ({ at, actor: actor.id, type: 'CasesLinked', caseId: l.id, before: others[i], after: l, data: { with: created.id } })),
      ],
    });
    if (r.ok) {
      deps.onOutbox?.();
      return { status: 201, case: deps.store.getCase(created.id)! };
    }
    // Someone registered the same report or changed a linked case at the same moment: look again.
  }
  return { status: 409, message: 'Ärendet ändrades samtidigt; försök igen.', case: deps.store.getCase(report.externalId)! };
}

function vinrNotices(deps: AppDeps, c: Case, now: Date): DocWrite[] {
  const receiving = deps.org.group(c.groupId)?.name ?? c.groupId;
  return groupsToNotify(c.concerns, c.groupId, deps.org.org.groups).map(({ group, why }) =>
    enqueue(now, { kind: 'group', groupId: group.id }, {
      kind: 'card',
      template: 'vinr-notice',
      data: {
        groupName: receiving, why, caseId: c.id, received: formatSwedishDateTime(c.receivedAt),
        concerns: concernsText(c.concerns), skydd: `senast ${formatSwedishDate(skyddsbedomningDue(c.receivedAt, deps.rules))}`,
      },
    }),
  );
}

/** The case as the API returns it: phase, owners, deadlines, version, last contact. Never the summary text. */
export function caseForApi(deps: AppDeps, c: Case) {
  const contacts = c.contacts.map((k) => k.date).sort();
  return {
    externalId: c.id,
    groupId: c.groupId,
    childRef: c.childRef,
    receivedAt: c.receivedAt,
    reporter: c.reporter,
    concerns: c.concerns,
    ...(c.summary ? { summary: c.summary } : {}),
    phase: c.phase,
    version: c.version,
    owners: c.assignees.map((id) => ({ aadObjectId: id, name: deps.org.name(id) })),
    deadlines: deadlinesOf(c, deps.rules).map((d) => ({ kind: d.kind, due: d.due, statutoryDue: d.statutoryDue, done: d.done })),
    lastContact: contacts.length ? contacts[contacts.length - 1] : null,
    linkedCaseIds: c.linkedCaseIds,
    ...(c.closure ? { closure: { outcome: c.closure.outcome, at: c.closure.at } } : {}),
  };
}
