// The channel card of a case, refreshed for everyone in the same commit as the change
// (docs/cards.md): one outbox message per card, keyed so that the card is updated in place.
import type { Case } from '../domain/schemas.js';
import { enqueue } from '../outbox/messages.js';
import type { DocWrite } from '../store/port.js';

export const caseCardKey = (caseId: string, groupId: string) => `case:${caseId}:group:${groupId}`;

/** The outbox message that refreshes a case's card in its group channel (and in linked groups). */
export function caseCardUpdates(now: Date, c: Case, linked: Case[] = []): DocWrite[] {
  const out = [
    enqueue(
      now,
      { kind: 'group', groupId: c.groupId },
      { kind: 'caseCard', caseId: c.id },
      caseCardKey(c.id, c.groupId),
    ),
  ];
  for (const l of linked)
    out.push(
      enqueue(
        now,
        { kind: 'group', groupId: l.groupId },
        { kind: 'caseCard', caseId: l.id },
        caseCardKey(l.id, l.groupId),
      ),
    );
  return out;
}
