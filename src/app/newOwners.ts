// The one way a new owner of a case hears of it: whatever command puts a person on a case (Tilldela,
// Ta ärendet, the förhandsbedömning form's investigators, the handover checklist, a hand-back, any
// later entrance) gets the personal 1:1 card, queued in the same commit as the change. It is applied
// by executeCaseCommand to every case change, so no entrance can forget it. Someone who put
// themselves on the case is not told.
import { texts, type Lang } from '../cards/text/index.js';
import type { Actor, Case } from '../domain/schemas.js';
import type { DocWrite } from '../store/port.js';
import { enqueue } from '../outbox/messages.js';

/** The people on the case after the change who were not on it before. */
export function addedOwners(before: Case | undefined, after: Case): string[] {
  const had = new Set(before?.assignees ?? []);
  return after.assignees.filter((id) => !had.has(id));
}

export function newOwnerNotices(
  now: Date,
  actor: Actor,
  before: Case | undefined,
  after: Case,
  /** The new owner's language (src/app/recipientLang.ts): the note is written when queued. */
  langOf: (staffId: string) => Lang = () => 'sv',
): DocWrite[] {
  return addedOwners(before, after)
    .filter((id) => id !== actor.id)
    .map((id) =>
      enqueue(
        now,
        { kind: 'user', staffId: id },
        {
          kind: 'caseCard',
          caseId: after.id,
          view: 'assignedToYou',
          note: texts(langOf(id)).assignedNote(actor.name, after.id),
        },
      ),
    );
}
