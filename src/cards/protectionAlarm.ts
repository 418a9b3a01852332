// The immediate-protection alarm (src/domain/protection.ts) as cards: the 1:1 alarm card to the
// group's team leads and the unit manager (cards/protection-alarm.json), and the red block on top of
// the case card. Both read protectionState() only, so they always say what the lists say. Pure.
import { protectionHeadline, type ProtectionState } from '../domain/protection.js';
import type { Case } from '../domain/schemas.js';
import { formatDate, formatSwedishDate, formatSwedishDateTime, stockholmDate, stockholmTime } from '../domain/time.js';
import { concernsText } from './labels.js';
import { texts, type Lang } from './text/index.js';

export const ALARM_TEMPLATE = 'protection-alarm';

export interface AlarmCardInput {
  case: Case;
  state: ProtectionState;
  groupName: string;
  nameOf: (staffId: string) => string;
  now: Date;
  /** When the unit manager is told again without a measure (shown on the first alarm). */
  renoticeAt?: Date;
  /** The second notice: this long has passed without a protective measure. */
  renoticeAfterMinutes?: number;
}

const duration = (minutes: number) =>
  minutes % 60 === 0
    ? `${minutes / 60} ${minutes === 60 ? 'timme' : 'timmar'}`
    : `${minutes} ${minutes === 1 ? 'minut' : 'minuter'}`;

/** The data of cards/protection-alarm.json (also what a failure report quotes: caseId, concerns, received). */
export function protectionAlarmData(input: AlarmCardInput) {
  const { case: c, state, now } = input;
  const year = Number(stockholmDate(now).slice(0, 4));
  const unmet = state.status === 'unmet';
  const s = c.skyddsbedomning;
  const when = (iso: string) => `${formatSwedishDate(stockholmDate(iso), year)} kl. ${stockholmTime(iso)}`;
  const facts = [
    { title: 'Ärende', value: c.id },
    { title: 'Oro', value: concernsText(c.concerns) },
    { title: 'Mottagen', value: when(c.receivedAt) },
    ...(s ? [{ title: 'Skyddsbedömning', value: `${when(s.at)}, ${input.nameOf(s.by)}` }] : []),
    { title: 'Handläggare', value: c.assignees.length ? c.assignees.map(input.nameOf).join(' och ') : 'Ej fördelad' },
  ];
  const text = input.renoticeAfterMinutes
    ? `Påminnelse: ${duration(input.renoticeAfterMinutes)} efter skyddsbedömningen är ingen skyddsåtgärd registrerad. Barnet behöver omedelbart skydd.`
    : unmet
      ? 'Skyddsbedömningen säger att barnet behöver omedelbart skydd. Ärendet ligger först i alla listor tills det har en handläggare och en registrerad skyddsåtgärd.'
      : 'Ärendet har en handläggare och en registrerad skyddsåtgärd. Larmet är avslutat.';
  return {
    caseId: c.id,
    title: protectionHeadline(state, input.nameOf) ?? '',
    subtitle: `${c.id} · ${input.groupName}`,
    style: unmet ? 'attention' : 'good',
    color: unmet ? 'Attention' : 'Good',
    text,
    facts,
    next:
      unmet && state.needsMeasure && input.renoticeAt && !input.renoticeAfterMinutes
        ? `Enhetschefen påminns igen ${when(input.renoticeAt.toISOString())} om ingen skyddsåtgärd är registrerad då.`
        : '',
    needsMeasure: unmet && state.needsMeasure,
    // What a delivery-failure report quotes (src/outbox/deliveryFailure.ts).
    concerns: concernsText(c.concerns),
    received: formatSwedishDateTime(c.receivedAt),
  };
}

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

/**
 * The alarm's headline in the reader's language: in Swedish the domain's own (src/domain/protection.ts),
 * in another the catalogue's, with the measure's date and time in the one format (docs/cards.md).
 */
export function protectionHeadlineIn(
  state: ProtectionState,
  nameOf: (staffId: string) => string,
  lang: Lang = 'sv',
): string | undefined {
  if (lang === 'sv' || state.status === 'not_needed') return protectionHeadline(state, nameOf);
  const t = texts(lang).protection;
  if (state.status === 'unmet')
    return t.unmet(
      [...(state.needsMeasure ? [t.noMeasure] : []), ...(state.needsOwner ? [t.noOwner] : [])].join(
        ` ${texts(lang).and} `,
      ),
    );
  const m = state.measure!;
  const when = `${formatDate(m.on, undefined, lang)}${m.time ? ` ${texts(lang).time.at} ${m.time}` : ''}`;
  return t.met(t.measure[m.kind] ?? m.kind, when, nameOf(m.doneBy));
}
