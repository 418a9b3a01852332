// What a case card leads with: the most urgent open obligation (docs/cards.md "The case card").
// The immediate-protection alarm (src/domain/protection.ts) leads while it is on; otherwise the
// overdue deadline that was due first, else the nearest open one. Relative words ("i dag",
// "i morgon", "om 3 dagar") are calendar days from today in Sweden and appear only when true; what is
// done is never the headline. Pure: the case's deadlines, its protection state and the clock in.
import type { Calendar } from '../domain/calendar.js';
import { deadlineStatus, type Deadline, type DeadlineStatus } from '../domain/deadlines.js';
import type { ProtectionState } from '../domain/protection.js';
import { daysBetween, formatDate, stockholmDate } from '../domain/time.js';
import { count, texts, type Lang } from '../cards/text/index.js';

export interface CaseHeadline {
  /** What leads the card: the alarm, a deadline, or nothing open. */
  lead: 'protection' | 'deadline' | 'none';
  /** The deadline the headline speaks of (also when the alarm leads: the line under it). */
  deadline?: Deadline;
  status?: DeadlineStatus;
  text: string;
  detail: string;
  /** TextBlock colour and Container style, never the only sign: the text says it too. */
  color: 'Attention' | 'Warning' | 'Good' | 'Default';
  style: 'attention' | 'warning' | 'good' | 'default';
}

// What has to happen and what is late, in words, per kind of deadline: the text catalogue's
// `headline.due` and `headline.lateNoun` (src/cards/text/).

/** "i dag", "i morgon", "om 3 dagar": calendar days from today to the date (never negative). */
export function relativeDay(today: string, due: string, lang: Lang = 'sv'): string {
  const t = texts(lang).status;
  const n = daysBetween(today, due);
  if (n <= 0) return t.today;
  if (n === 1) return t.tomorrow;
  return t.inDays(count(n, 'dag', lang));
}

/** "i går", "för 3 dagar sedan": how long ago an overdue date was. */
export function daysAgo(today: string, due: string, lang: Lang = 'sv'): string {
  const t = texts(lang).headline;
  const n = daysBetween(due, today);
  return n === 1 ? t.yesterday : t.daysAgo(count(n, 'dag', lang));
}

const byDue = (a: Deadline, b: Deadline) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0);

/**
 * The open deadlines in the order a card shows them: the late ones first (the one missed first on
 * top), then the rest by date; deadlines that are only information (the court's time) last.
 */
export function urgentFirst(ds: readonly Deadline[], now: Date, calendar: Calendar): Deadline[] {
  const open = ds.filter((d) => !d.done);
  const late = open.filter((d) => !d.informational && deadlineStatus(d, now, calendar) === 'overdue').sort(byDue);
  const rest = open.filter((d) => !d.informational && !late.includes(d)).sort(byDue);
  const info = open.filter((d) => d.informational).sort(byDue);
  return [...late, ...rest, ...info];
}

export function caseHeadline(input: {
  deadlines: readonly Deadline[];
  protection: ProtectionState;
  now: Date;
  calendar: Calendar;
  /** The case is closed: nothing open is the normal end, said as such. */
  closed?: boolean;
  /** The reader's language (src/cards/text/); Swedish when absent. */
  lang?: Lang;
}): CaseHeadline {
  const { now, calendar } = input;
  const lang = input.lang ?? 'sv';
  const t = texts(lang).headline;
  // In Swedish the rule table's own label (it may be configured); in another language the catalogue's.
  const label = (x: Deadline) => (lang === 'sv' ? x.label : texts(lang).deadline[x.kind]);
  const today = stockholmDate(now);
  const year = Number(today.slice(0, 4));
  const fmt = (x: string) => formatDate(x, year, lang);
  const alarm = input.protection.status === 'unmet';
  const d = urgentFirst(input.deadlines, now, calendar).find((x) => !x.informational);
  if (!d)
    return {
      lead: alarm ? 'protection' : 'none',
      text: input.closed ? t.closed : t.noDeadlines,
      detail: '',
      color: 'Default',
      style: 'default',
    };
  const status = deadlineStatus(d, now, calendar);
  const date = fmt(d.due);
  const lead = alarm ? 'protection' : 'deadline';
  if (status === 'overdue') {
    const when = d.overrun ? t.lapsed(fmt(d.statutoryDue)) : t.wasDue(date, daysAgo(today, d.due, lang));
    return {
      lead,
      deadline: d,
      status,
      text: t.late(t.lateNoun[d.kind] ?? label(d)),
      detail: when,
      color: 'Attention',
      style: 'attention',
    };
  }
  const phrase = t.due[d.kind] ?? t.by(label(d));
  const tc = texts(lang).caseCard;
  const extras: string[] = [];
  if (d.due !== d.statutoryDue) extras.push(tc.statutory(fmt(d.statutoryDue)));
  if (d.noWeekendGrace && !calendar.isWorkingDay(d.due))
    extras.push(tc.noWeekendGrace(fmt(calendar.previousWorkingDay(d.due))));
  const urgent = status === 'due_today' || status === 'soon';
  return {
    lead,
    deadline: d,
    status,
    text: `${phrase} ${relativeDay(today, d.due, lang)}`,
    detail: [date, ...extras].join(' · '),
    // Dark text on the warning background: the host's warning text colour on it is too pale to read
    // (issue 15: 1.47:1); the background and the words say it is near.
    color: 'Default',
    style: urgent ? 'warning' : 'default',
  };
}
