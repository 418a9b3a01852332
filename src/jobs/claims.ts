// Claims: "this job for this day has been done", recorded in the store through the Store port as an
// insert-if-absent document (expectedVersion null) in the SAME commit as the outbox messages it
// causes. Either both are durable or neither: a crash can never leave a claimed list unsent or an
// unclaimed list sent, and a second instance (or a restart) sees the claim and does nothing. A shared
// database behind the same port makes the claim hold across several instances.
import { type DocWrite, type Store, collection, docWrite } from '../store/port.js';

export const CLAIMS = collection<Claim>('claims');

export interface Claim {
  id: string;
  at: string;
  /** How many outbox messages were queued with the claim. */
  messages: number;
  version: number;
}

export const morningClaimId = (groupId: string, date: string) => `morning:${groupId}:${date}`;
export const distributionClaimId = (groupId: string, date: string) => `distribution:${groupId}:${date}`;
export const reminderClaimId = (staffId: string, date: string) => `reminders:${staffId}:${date}`;
export const lvuClaimId = (staffId: string, date: string) => `lvu:${staffId}:${date}`;
export const escalationClaimId = (managerId: string, date: string) => `escalation:${managerId}:${date}`;

export async function hasClaim(store: Store, id: string): Promise<boolean> {
  return (await store.getDoc(CLAIMS, id)) !== undefined;
}

export function claimWrite(id: string, now: Date, messages: number): DocWrite {
  const value: Claim = { id, at: now.toISOString(), messages, version: 1 };
  return docWrite(CLAIMS, id, value, null);
}

/**
 * Claim `id` and queue `messages` atomically. 'already' when someone (this process before a restart,
 * or another instance) claimed it first: then nothing is written.
 */
export async function claimAndEnqueue(
  store: Store,
  id: string,
  now: Date,
  messages: DocWrite[],
): Promise<'claimed' | 'already'> {
  if (await hasClaim(store, id)) return 'already';
  const r = await store.commit({ docs: [claimWrite(id, now, messages.length), ...messages] });
  if (r.ok) return 'claimed';
  if (r.conflict.kind === 'doc' && r.conflict.collection === CLAIMS) return 'already';
  throw new Error(`claim ${id} failed on a conflict with ${r.conflict.kind} ${r.conflict.id}`);
}
