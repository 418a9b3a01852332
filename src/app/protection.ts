// The immediate-protection alarm in the daily work (src/domain/protection.ts): the moment a case
// becomes an alarm, each team lead of its group and each unit manager gets a 1:1 alarm card, in the
// same commit as the change; whenever the alarm changes (an owner, a measure, the LVU track) those
// cards are updated in place; without a protective measure after PROTECTION_RENOTICE_MINUTES (2 h)
// the unit manager is told again, once, and the timeline says so (src/jobs/watches.ts).
import { ALARM_TEMPLATE, protectionAlarmData } from '../views/protectionAlarm.js';
import {
  DEFAULT_PROTECTION_RENOTICE_MINUTES,
  protectionHeadline,
  protectionState,
  renoticeAt,
} from '../domain/protection.js';
import type { Case } from '../domain/schemas.js';
import type { DocWrite } from '../store/port.js';
import type { Lang } from '../cards/text/index.js';
import type { AppDeps } from './context.js';
import { staffLangs } from './recipientLang.js';
import { enqueue } from '../outbox/messages.js';

/** One alarm card per case and person, updated in place as the alarm changes. */
export const alarmKey = (caseId: string, staffId: string) => `protection-alarm:${caseId}:${staffId}`;

export const renoticeMinutes = (deps: AppDeps) =>
  deps.config.protectionRenoticeMinutes ?? DEFAULT_PROTECTION_RENOTICE_MINUTES;

/** Who gets the alarm: the team leads of the case's group and every unit manager. */
export function alarmRecipients(deps: AppDeps, c: Case): string[] {
  return [
    ...new Set([
      ...deps.org.teamLeadsOf(c.groupId).map((s) => s.aadObjectId),
      ...deps.org.unitManagers().map((s) => s.aadObjectId),
    ]),
  ];
}

export function alarmCardData(deps: AppDeps, c: Case, opts: { renoticeAfterMinutes?: number; lang?: Lang } = {}) {
  const state = protectionState(c);
  const at = renoticeAt(state, renoticeMinutes(deps));
  return protectionAlarmData({
    case: c,
    state,
    groupName: deps.org.group(c.groupId)?.name ?? c.groupId,
    nameOf: (id) => deps.org.name(id),
    now: deps.now(),
    ...(at ? { renoticeAt: at } : {}),
    ...opts,
  });
}

/**
 * The alarm's outbox writes for one change of a case: the alarm cards when it goes on, their update
 * when it changes or ends. Nothing when the change did not touch it.
 */
export async function protectionEffects(deps: AppDeps, before: Case | undefined, after: Case): Promise<DocWrite[]> {
  const was = before ? protectionState(before) : undefined;
  const is = protectionState(after);
  const raised = is.status === 'unmet' && was?.status !== 'unmet';
  const changed =
    was?.status === 'unmet' &&
    is.status !== 'not_needed' &&
    protectionHeadline(was, String) !== protectionHeadline(is, String);
  if (!raised && !changed) return [];
  const now = deps.now();
  const data = perLang((lang) => alarmCardData(deps, after, { lang }));
  const recipients = alarmRecipients(deps, after);
  const langOf = await staffLangs(deps, recipients);
  return recipients.map((id) =>
    enqueue(
      now,
      { kind: 'user', staffId: id },
      { kind: 'card', template: ALARM_TEMPLATE, data: data(langOf(id)) },
      alarmKey(after.id, id),
    ),
  );
}

/** f once per language asked for: the same card for everyone who reads that language. */
export function perLang<T>(f: (lang: Lang) => T): (lang: Lang) => T {
  const made = new Map<Lang, T>();
  return (lang) => {
    if (!made.has(lang)) made.set(lang, f(lang));
    return made.get(lang)!;
  };
}
