// "Påminn mig i morgon" on a reminder row or the 1:1 assignment card (src/app/snooze.ts): the answer
// is the same card again, rebuilt now, with a line saying which morning is left out; a refusal (the
// deadline's last working day, a late deadline, not the person's case) says why and changes nothing.
import { z } from 'zod';
import { assignedToYouCardFor } from '../../outbox/caseCards.js';
import { renderCard, type Card } from '../../cards/render.js';
import { noticeCard } from '../../cards/simpleCards.js';
import { texts } from '../../cards/text/index.js';
import { formatDate, stockholmDate } from '../../domain/time.js';
import { reminderNow, snoozeReminder } from '../../app/snooze.js';
import { fittedReminder } from '../../cards/reminderCard.js';
import type { CardAction, Turn } from '../types.js';
import { notInOrganisation } from './case.js';
import { caseByRef } from '../../app/caseQueries.js';

const SnoozeData = z.object({
  caseId: z.string().min(1).max(64),
  kind: z.enum(['summary', 'tomorrow', 'assigned']).default('summary'),
});

/** The person's reminder card of that kind as it would be sent now, with a notice on top. */
async function reminderAgain(
  turn: Turn,
  kind: 'summary' | 'tomorrow',
  notice: { text: string; color: string },
): Promise<Card> {
  const data = (await reminderNow(turn.deps, turn.actor!.id, turn.lang ?? 'sv'))?.[kind];
  if (!data)
    return noticeCard(texts(turn.lang).reminder.title, notice.text, notice.color === 'Good' ? 'Good' : 'Attention');
  return renderCard('reminder', { ...fittedReminder(data), hasNotice: true, notice });
}

export const snoozeAction: CardAction = {
  verb: 'reminder.snooze',
  async handle(turn, data) {
    if (!turn.actor) return notInOrganisation(turn.lang);
    const d = SnoozeData.safeParse(data);
    const a = texts(turn.lang).actions;
    if (!d.success) return noticeCard(a.failedTitle, a.cardMissingCase, 'Attention');
    const r = await snoozeReminder(turn.deps, turn.actor, d.data.caseId, turn.lang);
    const year = Number(stockholmDate(turn.deps.now()).slice(0, 4));
    const date = (x: string) => formatDate(x, year, turn.lang);
    const notice = r.ok
      ? { text: texts(turn.lang).reminder.snoozeDone(d.data.caseId, date(r.quietOn), date(r.resumeOn)), color: 'Good' }
      : { text: r.message, color: 'Attention' };
    if (d.data.kind === 'assigned') {
      const c = await caseByRef(turn.deps, d.data.caseId);
      if (!c || !c.assignees.includes(turn.actor.id))
        return noticeCard(a.failedTitle, notice.text, r.ok ? 'Good' : 'Attention');
      return await assignedToYouCardFor(
        turn.deps,
        c,
        turn.actor.id,
        notice.text,
        r.ok ? 'good' : 'attention',
        turn.lang,
      );
    }
    return await reminderAgain(turn, d.data.kind, notice);
  },
};
