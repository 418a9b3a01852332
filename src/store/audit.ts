// The audit log is a hash chain: each entry carries the hash of the one before it, so an edited,
// removed or reordered entry is found by recomputing the chain.
import { createHash } from 'node:crypto';
import type { AuditEntry, AuditInput } from './port.js';

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

/** The seq of the first entry that does not match its hash or its predecessor, or undefined. */
export function findBrokenLink(entries: Iterable<AuditEntry>): number | undefined {
  let prev = '';
  let expectedSeq: number | undefined;
  for (const e of entries) {
    const { hash, ...rest } = e;
    if (e.prevHash !== prev || hashEntry(rest) !== hash || (expectedSeq !== undefined && e.seq !== expectedSeq))
      return e.seq;
    prev = hash;
    expectedSeq = e.seq + 1;
  }
  return undefined;
}
