// LVU 7 § and 8 §: a missed deadline ends the child's protection, so the team lead of the case's group
// and the unit manager are told from two working days before the statutory date (never later for a
// weekend: the count is in working days up to the date itself, see docs/rules.md). Pure, like the
// other builders: cases and the clock in, one card's data per person out.
import type { Calendar } from '../domain/calendar.js';
import { actBy, deadlinesOf, type Deadline } from '../domain/deadlines.js';
import type { RuleTable } from '../domain/rules.js';
import type { Case, LocalDate, Staff } from '../domain/schemas.js';
import { formatSwedishDate, stockholmDate } from '../domain/time.js';

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
export function lvuLine(w: LvuWarning, now: Date, nameOf: (id: string) => string): LvuItem {
  const today = stockholmDate(now);
  const year = Number(today.slice(0, 4));
  const d = w.deadline;
  const owner = w.case.assignees.length ? w.case.assignees.map(nameOf).join(' och ') : 'Ej fördelad';
  const when =
    d.due < today
      ? `FÖRSENAD – skulle vara klar ${formatSwedishDate(d.due, year)}`
      : d.due === today
        ? 'i dag'
        : `${formatSwedishDate(d.due, year)}${w.actBy !== d.due ? ` (helg ger ingen extra tid: senast ${formatSwedishDate(w.actBy, year)})` : ''}`;
  return {
    caseId: w.case.id,
    text: `**${w.case.id}** · ${d.label} ${when} · annars upphör omhändertagandet · ${owner}`,
    color: d.due <= today ? 'Attention' : 'Warning',
  };
}

/** Each team lead of the cases' groups, with that group's warnings (the reminder card's data). */
export function teamLeadLvuCards(
  warnings: readonly LvuWarning[],
  staff: readonly Staff[],
  now: Date,
): { staffId: string; data: object }[] {
  const nameOf = (id: string) => staff.find((s) => s.aadObjectId === id)?.name ?? 'okänd person';
  const out: { staffId: string; data: object }[] = [];
  for (const lead of staff.filter((s) => s.role === 'team_lead')) {
    const mine = warnings.filter((w) => lead.groups.includes(w.case.groupId));
    if (!mine.length) continue;
    out.push({
      staffId: lead.aadObjectId,
      data: {
        title: 'LVU: frister som avslutar barnets skydd',
        summary: `${mine.length === 1 ? 'En LVU-frist' : `${mine.length} LVU-frister`} inom två arbetsdagar eller passerade. Underställning (7 §) och ansökan (8 §) kan inte vänta på en helg.`,
        color: 'Attention',
        items: mine.map((w) => lvuLine(w, now, nameOf)),
        more: 0,
      },
    });
  }
  return out;
}
