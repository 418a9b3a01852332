import { myCasesView } from '../../app/lists.js';
import { caseListCard } from '../../cards/simpleCards.js';
import type { CardAction } from '../types.js';
import { notInOrganisation } from './case.js';

export const myCases: CardAction = {
  verb: 'list.mine',
  handle: async (turn) =>
    turn.actor ? caseListCard(await myCasesView(turn.deps, turn.actor, turn.lang)) : notInOrganisation(turn.lang),
};
