// `ny anmälan`: the form for registering an anmälan by hand (same checks as the intake API).
import { newReportForm } from '../../app/reportForm.js';
import { noticeCard } from '../../cards/simpleCards.js';
import type { ChatCommand } from '../types.js';

export const newReport: ChatCommand = {
  name: 'ny anmälan',
  pattern: /^ny\s+anm(ä|a)lan$/i,
  handle(t) {
    if (!t.actor) {
      return {
        card: noticeCard(
          'Du finns inte i organisationsfilen',
          'Bara personal i organisationsfilen kan registrera anmälningar.',
          'Warning',
        ),
      };
    }
    return { card: newReportForm(t.deps, t.actor, t.channelGroups[0] ? { groupId: t.channelGroups[0] } : {}) };
  },
};
