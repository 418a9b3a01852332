// `leveranser`: what could not be delivered (and what is being retried), for team leads and the unit
// manager, with a button to retry each failure.
import { deliveriesFor } from '../../app/deliveries.js';
import { deliveriesCard } from '../../cards/deliveriesCard.js';
import type { ChatCommand } from '../types.js';
import { onlyLeads } from '../actions/deliveries.js';

export const deliveries: ChatCommand = {
  name: 'leveranser',
  pattern: /^leveranser$/i,
  async handle(t) {
    if (!t.actor || t.actor.role === 'caseworker') return { card: onlyLeads(t.lang) };
    return { card: deliveriesCard(await deliveriesFor(t.deps, t.actor, t.lang), undefined, t.lang) };
  },
};
