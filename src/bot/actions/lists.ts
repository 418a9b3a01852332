import { myCasesCard } from '../../app/lists.js';
import type { CardAction } from '../types.js';
import { notInOrganisation } from './case.js';

export const myCases: CardAction = {
  verb: 'list.mine',
  handle: async (turn) =>
    turn.actor ? await myCasesCard(turn.deps, turn.actor, turn.lang) : notInOrganisation(turn.lang),
};
