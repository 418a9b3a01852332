// What one commit of the embedded store writes (docs/embedded-store.md "The files"): the version checks
// against the state in memory, the redaction's act and record, the audit entries chained on the
// last hash, all as one journal line. Pure: the store appends the line and then applies it.
import type { Case } from '../domain/schemas.js';
import { chainEntry, withRedactionAct } from './audit.js';
import type { JournalLine, LineRedaction } from './journal.js';
import type { Doc } from './memoryCopy.js';
import type { CommitResult, Transaction } from './port.js';

export interface ChainState {
  cases: ReadonlyMap<string, Case>;
  docs: ReadonlyMap<string, ReadonlyMap<string, Doc>>;
  /** The last journal line's seq. */
  seq: number;
  auditSeq: number;
  lastHash: string;
}

export type PreparedLine =
  | { ok: true; line: JournalLine; versions: Record<string, number>; redact?: LineRedaction }
  | Extract<CommitResult, { ok: false }>;

export function prepareLine(state: ChainState, tx: Transaction): PreparedLine {
  const versions: Record<string, number> = {};
  const cases: Case[] = [];
  for (const w of tx.cases ?? []) {
    const current = state.cases.get(w.case.id);
    const currentVersion = current ? current.version : null;
    if (currentVersion !== w.expectedVersion)
      return { ok: false, conflict: { kind: 'case', id: w.case.id, currentVersion } };
    const version = (w.expectedVersion ?? 0) + 1;
    cases.push({ ...w.case, version });
    versions[w.case.id] = version;
  }
  for (const d of tx.docs ?? []) {
    if (d.expectedVersion === undefined) continue;
    const current = state.docs.get(d.collection)?.get(d.id);
    const currentVersion = current ? (current.version ?? 0) : null;
    if (currentVersion !== d.expectedVersion)
      return { ok: false, conflict: { kind: 'doc', collection: d.collection, id: d.id, currentVersion } };
  }
  const expected = tx.redact?.expectedVersions ?? {};
  for (const id of tx.redact?.cases ?? []) {
    if (expected[id] === undefined) continue;
    const currentVersion = state.cases.get(id)?.version ?? null;
    if (currentVersion !== expected[id]) return { ok: false, conflict: { kind: 'case', id, currentVersion } };
  }
  let inputs = [...(tx.audit ?? [])];
  let redact: LineRedaction | undefined;
  if (tx.redact) {
    const r = tx.redact;
    inputs = withRedactionAct(
      inputs,
      r,
      cases.map((c) => c.id),
    );
    redact = {
      rule: r.rule,
      at: inputs[inputs.length - 1].at,
      bySeq: state.auditSeq + inputs.length,
      ...(r.cases?.length ? { cases: r.cases } : {}),
      ...(r.entries?.length ? { entries: r.entries } : {}),
    };
  }
  let prev = state.lastHash;
  let auditSeq = state.auditSeq;
  const audit = inputs.map((input) => {
    const e = chainEntry(input, ++auditSeq, prev);
    prev = e.hash;
    return e;
  });
  const line: JournalLine = {
    v: 1,
    seq: state.seq + 1,
    cases,
    audit,
    docs: (tx.docs ?? []).map((d) => ({ c: d.collection, id: d.id, value: d.value })),
    ...(redact ? { del: redact.cases ?? [], redact } : {}),
  };
  return { ok: true, line, versions, ...(redact ? { redact } : {}) };
}
