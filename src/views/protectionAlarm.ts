// The immediate-protection alarm (src/domain/protection.ts) as a view: the data of the 1:1 alarm
// card to the group's team leads and the unit manager (cards/protection-alarm.json, rendered at send
// time), and the alarm's headline in the reader's language, which the lists and the case card show.
// Both read protectionState() only, so they always say what the lists say. Pure.
import { protectionHeadline, type ProtectionState } from '../domain/protection.js';
import type { Case } from '../domain/schemas.js';
import { formatDate, formatDateTime, formatSwedishDateTime, stockholmDate } from '../domain/time.js';
import { concernsText } from '../cards/labels.js';
import { count, texts, type Lang } from '../cards/text/index.js';

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
  /** The reader's language (src/app/recipientLang.ts); Swedish when absent. */
  lang?: Lang;
}

const duration = (minutes: number, lang: Lang) =>
  minutes % 60 === 0 ? count(minutes / 60, 'timme', lang) : count(minutes, 'minut', lang);

/** The data of cards/protection-alarm.json (also what a failure report quotes: caseId, concerns, received). */
export function protectionAlarmData(input: AlarmCardInput) {
  const { case: c, state, now } = input;
  const year = Number(stockholmDate(now).slice(0, 4));
  const unmet = state.status === 'unmet';
  const s = c.skyddsbedomning;
  const lang = input.lang ?? 'sv';
  const all = texts(lang);
  const t = all.alarm;
  const when = (iso: string) => formatDateTime(iso, year, lang);
  const facts = [
    { title: t.case, value: c.id },
    { title: t.concerns, value: concernsText(c.concerns, lang) },
    { title: t.received, value: when(c.receivedAt) },
    ...(s ? [{ title: t.skydd, value: `${when(s.at)}, ${input.nameOf(s.by)}` }] : []),
    { title: t.owner, value: c.assignees.length ? c.assignees.map(input.nameOf).join(` ${all.and} `) : all.unassigned },
  ];
  const text = input.renoticeAfterMinutes
    ? t.renotice(duration(input.renoticeAfterMinutes, lang))
    : unmet
      ? t.unmet
      : t.done;
  return {
    caseId: c.id,
    ...(lang === 'sv' ? {} : { lang }),
    title: protectionHeadlineIn(state, input.nameOf, lang) ?? '',
    subtitle: `${c.id} · ${input.groupName}`,
    style: unmet ? 'attention' : 'good',
    color: unmet ? 'Attention' : 'Good',
    text,
    facts,
    next:
      unmet && state.needsMeasure && input.renoticeAt && !input.renoticeAfterMinutes
        ? t.next(when(input.renoticeAt.toISOString()))
        : '',
    needsMeasure: unmet && state.needsMeasure,
    // What a delivery-failure report quotes (src/outbox/deliveryFailure.ts), to a channel: Swedish.
    concerns: concernsText(c.concerns),
    received: formatSwedishDateTime(c.receivedAt),
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
