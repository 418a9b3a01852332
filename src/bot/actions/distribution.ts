// The distribution card's buttons: Tilldela (through the one assign use case) and Uppdatera. The
// answer is the card as it is now, with a line saying what happened, so the meeting goes on in one pass.
import { z } from 'zod';
import { assignFromDistribution, buildDistributionView } from '../../app/distribution.js';
import { distributionCard } from '../../cards/distributionCard.js';
import { noticeCard } from '../../cards/simpleCards.js';
import { texts, refusalText } from '../../cards/text/index.js';
import type { CardAction } from '../types.js';
import { notInOrganisation } from './case.js';

const GroupData = z.object({ groupId: z.string().min(1).max(63) });
const AssignData = GroupData.extend({
  caseId: z.string().min(1).max(64),
  version: z.coerce.number().int().nonnegative(),
  input: z.string().regex(/^assignee\d{1,4}$/),
});

export const distributionAssign: CardAction = {
  verb: 'distribution.assign',
  async handle(turn, data) {
    if (!turn.actor) return notInOrganisation(turn.lang);
    const all = texts(turn.lang);
    const d = AssignData.safeParse(data);
    if (!d.success || !turn.deps.org.group(d.data.groupId))
      return noticeCard(all.actions.failedTitle, all.distribution.missingData, 'Attention');
    const assignee = typeof data[d.data.input] === 'string' ? (data[d.data.input] as string) : '';
    if (!assignee)
      return distributionCard(await buildDistributionView(turn.deps, d.data.groupId, turn.lang), {
        text: all.distribution.pick(d.data.caseId),
        color: 'Attention',
      });
    const r = await assignFromDistribution(turn.deps, {
      caseId: d.data.caseId,
      version: d.data.version,
      assignee,
      groupId: d.data.groupId,
      actor: turn.actor,
    });
    const notice = r.ok
      ? {
          text: all.distribution.assigned(
            r.case.id,
            r.case.assignees.map((id) => turn.deps.org.name(id)).join(` ${all.and} `),
          ),
          color: 'Good',
        }
      : { text: `${d.data.caseId}: ${refusalText(r.refusal, turn.lang)}`, color: 'Attention' };
    return distributionCard(await buildDistributionView(turn.deps, d.data.groupId, turn.lang), notice);
  },
};

export const distributionRefresh: CardAction = {
  verb: 'distribution.refresh',
  async handle(turn, data) {
    if (!turn.actor) return notInOrganisation(turn.lang);
    const d = GroupData.safeParse(data);
    if (!d.success || !turn.deps.org.group(d.data.groupId))
      return noticeCard(
        texts(turn.lang).actions.failedTitle,
        texts(turn.lang).distribution.missingDataShort,
        'Attention',
      );
    return distributionCard(await buildDistributionView(turn.deps, d.data.groupId, turn.lang));
  },
};
