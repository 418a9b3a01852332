// "Visa alla" on a morning list that was too long for one card: the next page, rebuilt from the
// store as it is now (a page from a list of an earlier day says so and shows today's).
import { z } from 'zod';
import { morningListCard } from '../../cards/morningList.js';
import { noticeCard } from '../../cards/simpleCards.js';
import { stockholmDate } from '../../domain/time.js';
import type { CardAction } from '../types.js';
import { notInOrganisation } from './case.js';
import { currentMorningList } from './listRows.js';

const PageData = z.object({
  groupId: z.string().min(1).max(63),
  date: z.string().optional(),
  offset: z.coerce.number().int().nonnegative().max(1_000_000),
});

export const morningPage: CardAction = {
  verb: 'morning.page',
  async handle(turn, data) {
    if (!turn.actor) return notInOrganisation(turn.lang);
    const d = PageData.safeParse(data);
    const group = d.success ? turn.deps.org.group(d.data.groupId) : undefined;
    if (!d.success || !group) return noticeCard('Det gick inte', 'Kortet saknar uppgifter.', 'Attention');
    const { deps } = turn;
    const now = deps.now();
    const view = await currentMorningList(turn, group);
    // A button on an older list opens today's list from the start.
    const offset = d.data.date && d.data.date !== stockholmDate(now) ? 0 : d.data.offset;
    return morningListCard(view, offset);
  },
};
