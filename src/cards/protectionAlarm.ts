// The immediate-protection alarm's red block on top of the case card (the 1:1 alarm card's data and
// the headline are a view: src/views/protectionAlarm.ts). Pure.
import type { ProtectionState } from '../domain/protection.js';
import { protectionHeadlineIn } from '../views/protectionAlarm.js';
import { texts, type Lang } from './text/index.js';

/**
 * The alarm's block on the case card: on top, in red, while the alarm is on (`hasAlarm`); once the
 * case has an owner and a measure it is done, and what is done moves down: a green line under the
 * deadlines (`hasAlarmDone`). Neither flag means nothing is drawn.
 */
export function caseCardAlarm(state: ProtectionState, nameOf: (staffId: string) => string, lang: Lang = 'sv') {
  const headline = protectionHeadlineIn(state, nameOf, lang);
  const unmet = state.status === 'unmet';
  if (!headline)
    return {
      hasAlarm: false,
      hasAlarmDone: false,
      alarm: { text: '', detail: '', style: 'default', color: 'Default' },
    };
  return {
    hasAlarm: unmet,
    hasAlarmDone: !unmet,
    alarm: {
      text: headline,
      detail: unmet ? texts(lang).caseCard.alarmDetail : '',
      style: unmet ? 'attention' : 'good',
      color: unmet ? 'Attention' : 'Good',
    },
  };
}
