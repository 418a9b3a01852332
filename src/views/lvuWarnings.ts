// LVU 7 § and 8 §: a missed deadline ends the child's protection, so the team lead of the case's group
// and the unit manager are told from two working days before the statutory date (never later for a
// weekend: the count is in working days up to the date itself, see docs/rules.md). Pure, like the
// other builders: cases and the clock in, one card's data per person out.
import type { Calendar } from '../domain/calendar.js';
import { actBy, deadlinesOf, type Deadline } from '../domain/deadlines.js';
import type { RuleTable } from '../domain/rules.js';
import type { Case, LocalDate, Staff } from '../domain/schemas.js';
import { formatDate, stockholmDate } from '../domain/time.js';
import { deadlineLabel, texts, type Lang } from '../cards/text/index.js';

/** A list line (the same shape as the morning list's items). */
export interface LvuItem {
  caseId: string;
  text: string;
  color: 'Attention' | 'Warning' | 'Default';
}

export interface LvuWarning {
  case: Case;
  deadline: Deadline;
  /** The last working day on or before the statutory date. */
  actBy: LocalDate;
}

/** Open deadlines whose row asks for an escalation, from that many working days before (or late). */
export function lvuWarnings(
  cases: Iterable<Case>,
  now: Date,
  calendar: Calendar,
  rules: RuleTable,
  deadlines: (c: Case) => Deadline[] = (c) => deadlinesOf(c, rules),
): LvuWarning[] {
  const today = stockholmDate(now);
  const out: LvuWarning[] = [];
  for (const c of cases) {
    for (const d of deadlines(c)) {
      if (d.done || d.informational || !d.escalateWorkingDaysBefore) continue;
      if (d.due < today || calendar.workingDaysBetween(today, d.due) <= d.escalateWorkingDaysBefore)
        out.push({ case: c, deadline: d, actBy: actBy(d, calendar) });
    }
  }
  return out.sort((a, b) => (a.deadline.due < b.deadline.due ? -1 : 1));
}

/** One line: the case, the step, the statutory date and the day to act by. */
export function lvuLine(w: LvuWarning, now: Date, nameOf: (id: string) => string, lang: Lang = 'sv'): LvuItem {
  const today = stockholmDate(now);
  const year = Number(today.slice(0, 4));
  const d = w.deadline;
  const all = texts(lang);
  const t = all.lvu;
  const date = (x: string) => formatDate(x, year, lang);
  const owner = w.case.assignees.length ? w.case.assignees.map(nameOf).join(` ${all.and} `) : all.unassigned;
  const when =
    d.due < today
      ? t.late(date(d.due))
      : d.due === today
        ? all.status.today
        : `${date(d.due)}${w.actBy !== d.due ? t.grace(date(w.actBy)) : ''}`;
  return {
    caseId: w.case.id,
    text: t.line(w.case.id, deadlineLabel(d, lang), when, owner),
    color: d.due <= today ? 'Attention' : 'Warning',
  };
}

/** Each team lead of the cases' groups, with that group's warnings (the reminder card's data). */
export function teamLeadLvuCards(
  warnings: readonly LvuWarning[],
  staff: readonly Staff[],
  now: Date,
  langOf: (staffId: string) => Lang = () => 'sv',
): { staffId: string; data: object }[] {
  const out: { staffId: string; data: object }[] = [];
  for (const lead of staff.filter((s) => s.role === 'team_lead')) {
    const mine = warnings.filter((w) => lead.groups.includes(w.case.groupId));
    if (!mine.length) continue;
    const lang = langOf(lead.aadObjectId);
    const t = texts(lang).lvu;
    const nameOf = (id: string) => staff.find((s) => s.aadObjectId === id)?.name ?? t.unknownPerson;
    out.push({
      staffId: lead.aadObjectId,
      data: {
        title: t.leadTitle,
        summary: t.leadSummary(mine.length),
        color: 'Attention',
        items: mine.map((w) => lvuLine(w, now, nameOf, lang)),
        more: 0,
        ...(lang === 'sv' ? {} : { lang }),
      },
    });
  }
  return out;
}
