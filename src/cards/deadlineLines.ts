// A deadline as the case card writes it: its name, "ska göras senast …", "gjord …", "försenad",
// with the statutory date beside an extended one and LVU's no-weekend rule; and the LVU panel.
import type { Calendar } from '../domain/calendar.js';
import { actBy, deadlineStatus, type Deadline } from '../domain/deadlines.js';
import type { Case } from '../domain/schemas.js';
import { daysBetween, formatDate, formatDateTime, stockholmDate } from '../domain/time.js';
import { STATUS_COLOR } from './labels.js';
import { count, texts, type Lang } from './text/index.js';

export interface DeadlineLine {
  label: string;
  text: string;
  color: string;
}

export function deadlineText(
  d: Deadline,
  now: Date,
  calendar: Calendar,
  doneAt?: string,
  lang: Lang = 'sv',
): DeadlineLine {
  const t = texts(lang).caseCard;
  const status = deadlineStatus(d, now, calendar);
  const today = stockholmDate(now);
  const year = Number(today.slice(0, 4));
  const fmt = (x: string) => formatDate(x, year, lang);
  const date = fmt(d.due);
  let text: string;
  switch (status) {
    case 'done':
      text = doneAt ? t.doneAt(formatDateTime(doneAt, undefined, lang)) : t.done;
      break;
    case 'overdue':
      text = t.overdue(date);
      break;
    case 'due_today':
      text = t.dueToday(date);
      break;
    default:
      text = t.left(date, count(daysBetween(today, d.due), 'dag', lang));
  }
  if (d.overrun) text = t.overrun(fmt(d.statutoryDue), date);
  else if (d.due !== d.statutoryDue && status !== 'done') text += ` · ${t.statutory(fmt(d.statutoryDue))}`;
  // LVU 7 § and 8 §: a weekend never gives more time, so the card says when to act.
  if (d.noWeekendGrace && status !== 'done' && status !== 'overdue' && !calendar.isWorkingDay(d.due))
    text += ` · ${t.noWeekendGrace(fmt(actBy(d, calendar)))}`;
  if (d.informational && status !== 'done') text += ` · ${t.courtInfo}`;
  return { label: texts(lang).deadline[d.kind], text, color: STATUS_COLOR[status] };
}

export function doneAtOf(c: Case, d: Deadline): string | undefined {
  if (d.kind === 'skyddsbedomning') return c.skyddsbedomning?.at;
  if (d.kind === 'forhandsbedomning') return c.forhandsbedomning?.decidedAt;
  if (d.kind === 'aterkoppling') return c.aterkoppling?.doneAt;
  if (d.kind === 'utredning') return c.closure?.at;
  if (d.kind === 'utredning_information') return c.utredning?.information?.at;
  if (d.kind === 'uppfoljning_information') return c.uppfoljning?.informedAt;
  if (d.kind.startsWith('lvu_')) return undefined;
  return c.uppfoljning?.doneAt;
}

/** The LVU panel on top of the card: the open deadlines where being late ends the protection. */
export function lvuPanel(c: Case, ds: Deadline[], now: Date, calendar: Calendar, lang: Lang) {
  const t = c.lvu;
  if (!t || t.endedOn) return { hasLvu: false, lvu: { title: '', lines: [] as DeadlineLine[] } };
  const open = ds.filter((d) => d.kind.startsWith('lvu_') && !d.done).sort((a, b) => (a.due < b.due ? -1 : 1));
  const year = Number(stockholmDate(now).slice(0, 4));
  return {
    hasLvu: true,
    lvu: {
      title: texts(lang).caseCard.lvuTitle(
        formatDate(t.decidedOn, year, lang),
        t.verkstalldOn ? formatDate(t.verkstalldOn, year, lang) : undefined,
      ),
      lines: open.map((d) => deadlineText(d, now, calendar, undefined, lang)),
    },
  };
}
