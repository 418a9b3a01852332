// The distribution card's buttons: Tilldela (through the one assign use case) and Uppdatera. The
// answer is the card as it is now, with a line saying what happened, so the meeting goes on in one pass.
import { z } from 'zod';
import { assignFromDistribution, distributionCard } from '../../app/distribution.js';
import { noticeCard } from '../../cards/simpleCards.js';
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
    if (!turn.actor) return notInOrganisation();
    const d = AssignData.safeParse(data);
    if (!d.success || !turn.deps.org.group(d.data.groupId))
      return noticeCard('Det gick inte', 'Kortet saknar uppgifter. Skriv fördelning för ett nytt kort.', 'Attention');
    const assignee = typeof data[d.data.input] === 'string' ? (data[d.data.input] as string) : '';
    if (!assignee)
      return distributionCard(turn.deps, d.data.groupId, {
        text: `Välj en handläggare för ${d.data.caseId}.`,
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
          text: `${r.case.id} har gått till ${r.case.assignees.map((id) => turn.deps.org.name(id)).join(' och ')}.`,
          color: 'Good',
        }
      : { text: `${d.data.caseId}: ${r.refusal.message}`, color: 'Attention' };
    return distributionCard(turn.deps, d.data.groupId, notice);
  },
};

export const distributionRefresh: CardAction = {
  verb: 'distribution.refresh',
  handle(turn, data) {
    if (!turn.actor) return notInOrganisation();
    const d = GroupData.safeParse(data);
    if (!d.success || !turn.deps.org.group(d.data.groupId))
      return noticeCard('Det gick inte', 'Kortet saknar uppgifter.', 'Attention');
    return distributionCard(turn.deps, d.data.groupId);
  },
};
