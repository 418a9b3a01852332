import { myCasesCard } from '../../app/lists.js';
import type { CardAction } from '../types.js';
import { notInOrganisation } from './case.js';

export const myCases: CardAction = {
  verb: 'list.mine',
  handle: (turn) => (turn.actor ? myCasesCard(turn.deps, turn.actor, turn.lang) : notInOrganisation(turn.lang)),
};
