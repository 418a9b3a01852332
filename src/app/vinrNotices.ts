// The notice to the violence group (VINR) when a report concerns violence or honour, in its own
// module because both the intake (src/app/ingestReport.ts) and the family coordination
// (src/app/samordning.ts) send it.
import { concernsText } from '../cards/labels.js';
import { skyddsbedomningDue } from '../domain/deadlines.js';
import { groupsToNotify } from '../domain/routing.js';
import type { Case } from '../domain/schemas.js';
import { formatDate, formatDateTime } from '../domain/time.js';
import { texts } from '../cards/text/index.js';
import type { DocWrite } from '../store/port.js';
import type { AppDeps } from './context.js';
import { enqueue } from '../outbox/messages.js';

export const vinrKey = (caseId: string, groupId: string) => `vinr:${caseId}:${groupId}`;

/**
 * The short card to VINR for a report with a violence concern; with `familyWhy`, for a child case
 * whose family has violence in another case (docs/family.md).
 */
export function vinrNotices(deps: AppDeps, c: Case, now: Date, familyWhy?: string): DocWrite[] {
  // Posted in VINR's channel, which has no one language: Swedish (docs/cards.md).
  const t = texts('sv').appNotices.vinr;
  const receiving = deps.org.group(c.groupId)?.name ?? c.groupId;
  const targets = familyWhy
    ? groupsToNotify(['violence'], c.groupId, deps.org.org.groups).map((t) => ({ ...t, why: familyWhy }))
    : groupsToNotify(c.concerns, c.groupId, deps.org.org.groups);
  return targets.map(({ group, why }) =>
    enqueue(
      now,
      { kind: 'group', groupId: group.id },
      {
        kind: 'card',
        template: 'vinr-notice',
        data: {
          groupName: receiving,
          why,
          caseId: c.id,
          received: formatDateTime(c.receivedAt),
          concerns: concernsText(c.concerns),
          skydd: c.sectionKind
            ? t.skyddNotApplicable
            : t.skyddBy(formatDate(skyddsbedomningDue(c.receivedAt, deps.rules))),
        },
      },
      // Keyed, so that the drain records its delivery and the case card can say VINR was told.
      vinrKey(c.id, group.id),
    ),
  );
}
