// `ny anmälan`: the form for registering an anmälan by hand (same checks as the intake API), in the
// writer's language.
import { newReportCard } from '../../cards/newReportForm.js';
import { newReportForm } from '../../app/reportForm.js';
import { noticeCard } from '../../cards/simpleCards.js';
import { texts } from '../../cards/text/index.js';
import type { ChatCommand } from '../types.js';

export const newReport: ChatCommand = {
  name: 'ny anmälan',
  pattern: /^ny\s+anm(ä|a)lan$/i,
  handle(t) {
    if (!t.actor) {
      const n = texts(t.lang).newReport;
      return { card: noticeCard(n.notRegisteredTitle, n.notRegisteredText, 'Warning') };
    }
    return {
      card: newReportCard(
        newReportForm(t.deps, t.actor, t.channelGroups[0] ? { groupId: t.channelGroups[0] } : {}, t.lang),
      ),
    };
  },
};
