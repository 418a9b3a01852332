// The audit log is a hash chain: each entry carries the hash of the one before it, so an edited,
// removed or reordered entry is found by recomputing the chain.
//
// Gallring and erasure (docs/privacy.md) take content out of entries without breaking the chain: a
// redacted entry keeps seq, prevHash, hash, at, actor, type and caseId, loses its content (all of
// it, or the named free-text fields), and says which rule removed it and the seq of the entry that
// recorded the act. Its own hash can no longer be recomputed, so it is checked by its links (its
// prevHash is the previous hash, the next entry's prevHash pins its hash, seq is continuous) and
// by that act: a later entry, whose hash still verifies, must name this entry's case or seq under
// the same rule. A redaction without its recorded act is a broken chain.
import { createHash } from 'node:crypto';
import type { AuditEntry, AuditInput, AuditRedaction, AuditVerification, Redaction } from './port.js';

/** JSON with sorted keys, so the hash does not depend on property order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value as Record<string, unknown>)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

export function hashEntry(entry: Omit<AuditEntry, 'hash'>): string {
  return createHash('sha256').update(entry.prevHash).update(canonicalJson(entry)).digest('hex');
}

export function chainEntry(input: AuditInput, seq: number, prevHash: string): AuditEntry {
  const base = { ...input, seq, prevHash };
  return { ...base, hash: hashEntry(base) };
}

/** What replaces an erased free-text field. */
export const ERASED_MARKER = '[raderad]';

/** The content an act of removal names (in its entry's data.redacts): its hash pins the list. */
export interface RedactsRecord {
  rule: string;
  /** Cases whose every entry before the act lost its content. */
  cases?: string[];
  /** Single entries whose named fields were erased. */
  seqs?: number[];
}

/**
 * A commit's audit inputs with the redaction's record written into its act (the last input), as
 * both stores commit it: the chain then pins what was removed under which rule. Refuses a
 * redaction without an act, and a case written and removed in the same commit.
 */
export function withRedactionAct(
  inputs: readonly AuditInput[],
  redact: Redaction,
  writtenCaseIds: string[],
): AuditInput[] {
  if (inputs.length === 0) throw new Error('A redaction needs the audit entry that records it');
  if ((redact.cases ?? []).some((id) => writtenCaseIds.includes(id)))
    throw new Error('A case cannot be written and removed in one commit');
  const act = inputs[inputs.length - 1];
  const record: RedactsRecord = {
    rule: redact.rule,
    ...(redact.cases?.length ? { cases: redact.cases } : {}),
    ...(redact.entries?.length ? { seqs: redact.entries.map((e) => e.seq) } : {}),
  };
  return [...inputs.slice(0, -1), { ...act, data: { ...act.data, redacts: record } }];
}

/**
 * The entry with its content removed: `paths` 'all' keeps only the chain fields; otherwise each
 * dotted path (e.g. 'after.motivation', 'reason') that holds a string is replaced by the marker.
 */
export function redactEntry(
  e: AuditEntry,
  redaction: Omit<AuditRedaction, 'fields'>,
  paths: string[] | 'all',
): AuditEntry {
  if (paths === 'all') {
    return {
      seq: e.seq,
      prevHash: e.prevHash,
      hash: e.hash,
      at: e.at,
      actor: e.actor,
      type: e.type,
      ...(e.caseId !== undefined ? { caseId: e.caseId } : {}),
      redacted: { rule: redaction.rule, at: redaction.at, bySeq: redaction.bySeq },
    };
  }
  const copy = structuredClone(e) as unknown as Record<string, unknown>;
  const done = new Set(e.redacted?.fields ?? []);
  for (const path of paths) {
    const keys = path.split('.');
    let node: unknown = copy;
    for (const k of keys.slice(0, -1))
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[k] : undefined;
    const last = keys[keys.length - 1];
    if (node && typeof node === 'object' && typeof (node as Record<string, unknown>)[last] === 'string') {
      (node as Record<string, unknown>)[last] = ERASED_MARKER;
      done.add(path);
    }
  }
  // An entry already emptied whole stays so (erasing a field of it removes nothing more).
  if (e.redacted && !e.redacted.fields) return e;
  return {
    ...(copy as unknown as AuditEntry),
    redacted: { rule: redaction.rule, at: redaction.at, bySeq: redaction.bySeq, fields: [...done].sort() },
  };
}

/** Dotted paths to every string in the entry's content under one of `keys` (its free text). */
export function freeTextPaths(e: AuditEntry, keys: ReadonlySet<string>): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (node: unknown, path: string[]) => {
    if (Array.isArray(node)) node.forEach((v, i) => walk(v, [...path, String(i)]));
    else if (node && typeof node === 'object')
      for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
        if (typeof v === 'string' && keys.has(k) && v !== ERASED_MARKER && v.length > 0)
          out.push({ path: [...path, k].join('.'), text: v });
        else walk(v, [...path, k]);
      }
  };
  for (const top of ['before', 'after', 'data'] as const) walk(e[top], [top]);
  if (typeof e.reason === 'string' && e.reason.length > 0 && e.reason !== ERASED_MARKER)
    out.push({ path: 'reason', text: e.reason });
  return out;
}

interface Claim {
  rule: string;
  seqs: number[];
  caseIds: (string | undefined)[];
}

/**
 * The chain checked one entry at a time, oldest first (memory grows with the redacted entries whose
 * act is still ahead, not with the chain). `push` returns the seq of the first bad entry once one
 * is found; `finish` checks the last hash and that every redaction met its act.
 */
export class ChainVerifier {
  entries = 0;
  prev = '';
  expectedSeq: number | undefined;
  firstBadSeq: number | undefined;
  readonly redacted: Record<string, number> = {};
  /** bySeq → the redacted entries that name it. */
  private readonly claims = new Map<number, Claim>();

  push(e: AuditEntry): number | undefined {
    this.entries++;
    if (this.firstBadSeq !== undefined) return this.firstBadSeq;
    const bad = () => (this.firstBadSeq = e.seq);
    if (e.prevHash !== this.prev || (this.expectedSeq !== undefined && e.seq !== this.expectedSeq)) return bad();
    if (e.redacted) {
      const r = e.redacted;
      if (!(Number.isInteger(r.bySeq) && r.bySeq > e.seq && typeof r.rule === 'string')) return bad();
      const claim = this.claims.get(r.bySeq) ?? { rule: r.rule, seqs: [], caseIds: [] };
      if (claim.rule !== r.rule) return bad();
      claim.seqs.push(e.seq);
      claim.caseIds.push(e.caseId);
      this.claims.set(r.bySeq, claim);
      this.redacted[r.rule] = (this.redacted[r.rule] ?? 0) + 1;
    } else {
      const { hash, ...rest } = e;
      if (hashEntry(rest) !== hash) return bad();
    }
    const claim = this.claims.get(e.seq);
    if (claim) {
      this.claims.delete(e.seq);
      const record = e.redacted ? undefined : (e.data?.redacts as RedactsRecord | undefined);
      const cases = new Set(record?.cases ?? []);
      const seqs = new Set(record?.seqs ?? []);
      for (let i = 0; i < claim.seqs.length; i++) {
        const covered =
          record?.rule === claim.rule &&
          (seqs.has(claim.seqs[i]) || (claim.caseIds[i] !== undefined && cases.has(claim.caseIds[i]!)));
        if (!covered) return (this.firstBadSeq = claim.seqs[i]);
      }
    }
    this.prev = e.hash;
    this.expectedSeq = e.seq + 1;
    return undefined;
  }

  /** The seq of the first bad entry, given the head hash the store keeps; undefined when whole. */
  finish(lastHash: string): number | undefined {
    if (this.firstBadSeq !== undefined) return this.firstBadSeq;
    if (this.claims.size > 0) {
      this.firstBadSeq = Math.min(...[...this.claims.values()].map((c) => c.seqs[0]));
      return this.firstBadSeq;
    }
    if (this.prev !== lastHash) this.firstBadSeq = this.entries;
    return this.firstBadSeq;
  }

  /** A copy to resume from (the embedded store's check goes on where the last one ended). */
  clone(): ChainVerifier {
    const c = new ChainVerifier();
    c.entries = this.entries;
    c.prev = this.prev;
    c.expectedSeq = this.expectedSeq;
    c.firstBadSeq = this.firstBadSeq;
    Object.assign(c.redacted, this.redacted);
    for (const [k, v] of this.claims) c.claims.set(k, { rule: v.rule, seqs: [...v.seqs], caseIds: [...v.caseIds] });
    return c;
  }

  /** The result in the port's terms, with the Swedish sentence the timeline shows. */
  result(lastHash: string): AuditVerification {
    const bad = this.finish(lastHash);
    const redacted = Object.keys(this.redacted).length ? { redacted: { ...this.redacted } } : {};
    if (bad !== undefined)
      return {
        ok: false,
        entries: this.entries,
        firstBadSeq: bad,
        ...redacted,
        message: `Granskningsloggen är ändrad: kedjan bryts vid post ${bad}.`,
      };
    return {
      ok: true,
      entries: this.entries,
      ...redacted,
      message: `Granskningsloggen är hel: ${this.entries} poster, kedjan stämmer.${redactedSentence(this.redacted)}`,
    };
  }
}

const RULE_LABEL: Record<string, string> = { gallring: 'gallring', radering: 'radering av fritext' };

/** " Innehållet i 1 234 poster är borttaget (gallring: 1 230, radering av fritext: 4)." or "". */
export function redactedSentence(redacted: Record<string, number>): string {
  const rules = Object.entries(redacted).filter(([, n]) => n > 0);
  if (rules.length === 0) return '';
  const total = rules.reduce((n, [, k]) => n + k, 0);
  const parts = rules.map(([rule, n]) => `${RULE_LABEL[rule] ?? rule}: ${n}`).join(', ');
  return ` Innehållet i ${total} ${total === 1 ? 'post' : 'poster'} är borttaget enligt regel (${parts}); deras plats i kedjan är kvar och kontrollerad.`;
}

/** The seq of the first entry that does not match its hash or its predecessor, or undefined. */
export function findBrokenLink(entries: Iterable<AuditEntry>, lastHash?: string): number | undefined {
  const v = new ChainVerifier();
  for (const e of entries) if (v.push(e) !== undefined) return v.firstBadSeq;
  return v.finish(lastHash ?? v.prev);
}
