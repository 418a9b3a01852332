// The tally of one computation of the figures (./figures.ts): per month and group, how many clocks
// were judged, met, still running and which cases were late, and the days reports waited for an
// owner; summed per scope (a group, or the whole unit) at the end.
import type { RuleTable } from '../domain/rules.js';
import type { LocalDate } from '../domain/schemas.js';
import {
  FIGURE_IDS,
  figureLabel,
  figurePeriod,
  figureReference,
  type DaysSummary,
  type Figure,
  type FigureId,
  type Month,
  type ScopeStats,
} from './model.js';

interface Acc {
  total: number;
  met: number;
  pending: number;
  late: string[];
}

interface UnassignedAcc {
  received: number;
  still: number;
  working: number[];
  calendar: number[];
  longest: { caseId: string; workingDays: number }[];
}

type Bucket = { figures: Map<FigureId, Acc>; unassigned: UnassignedAcc };

function summary(values: number[]): DaysSummary {
  if (!values.length) return { median: null, p90: null, max: null };
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  // Nearest rank: the smallest value that at least 90 % of the reports are at or below.
  const p90 = s[Math.ceil(0.9 * s.length) - 1];
  return { median, p90, max: s[s.length - 1] };
}

export class Tally {
  private readonly buckets = new Map<string, Bucket>(); // `${month}|${groupId}`

  constructor(
    private readonly wanted: ReadonlySet<Month>,
    private readonly today: LocalDate,
  ) {}

  private bucket(month: Month, groupId: string): Bucket {
    const key = `${month}|${groupId}`;
    let b = this.buckets.get(key);
    if (!b) {
      b = { figures: new Map(), unassigned: { received: 0, still: 0, working: [], calendar: [], longest: [] } };
      this.buckets.set(key, b);
    }
    return b;
  }

  private acc(id: FigureId, month: Month, groupId: string): Acc {
    const figures = this.bucket(month, groupId).figures;
    let a = figures.get(id);
    if (!a) figures.set(id, (a = { total: 0, met: 0, pending: 0, late: [] }));
    return a;
  }

  /** One clock: its deadline, the day it was met (if it was), and the cases to list when late. */
  judge(id: FigureId, groupId: string, due: LocalDate, doneOn: LocalDate | undefined, refs: readonly string[]): void {
    const month = due.slice(0, 7);
    if (!this.wanted.has(month)) return;
    const a = this.acc(id, month, groupId);
    if (doneOn === undefined && due >= this.today) {
      a.pending++;
      return;
    }
    a.total++;
    if (doneOn !== undefined && doneOn <= due) a.met++;
    else a.late.push(...refs);
  }

  /** Judged in the statutory month's cohort, against the date in force; pending while that runs. */
  judgeInForce(
    id: FigureId,
    groupId: string,
    cohortDue: LocalDate,
    inForce: LocalDate,
    doneOn: LocalDate | undefined,
    overrun: boolean,
    refs: readonly string[],
  ): void {
    const month = cohortDue.slice(0, 7);
    if (!this.wanted.has(month)) return;
    const a = this.acc(id, month, groupId);
    if (doneOn === undefined && inForce >= this.today && !overrun) {
      a.pending++;
      return;
    }
    a.total++;
    if (doneOn !== undefined && doneOn <= inForce && !overrun) a.met++;
    else a.late.push(...refs);
  }

  /** An observation judged as it is made (an extension, a month of contact): met or late. */
  count(id: FigureId, month: Month, groupId: string, met: boolean, ref: string): void {
    if (!this.wanted.has(month)) return;
    const a = this.acc(id, month, groupId);
    a.total++;
    if (met) a.met++;
    else a.late.push(ref);
  }

  /** A report received in the month, with the days it waited for its first owner. */
  unassigned(
    month: Month,
    groupId: string,
    r: { caseId: string; still: boolean; workingDays: number; calendarDays: number },
  ): void {
    const u = this.bucket(month, groupId).unassigned;
    u.received++;
    if (r.still) u.still++;
    u.working.push(r.workingDays);
    u.calendar.push(r.calendarDays);
    u.longest.push({ caseId: r.caseId, workingDays: r.workingDays });
  }

  /** The figures of one month for the groups named (null: every group, the unit). */
  scope(month: Month, groupIds: string[] | null, groupId: string | null, name: string, rules: RuleTable): ScopeStats {
    const parts = [...this.buckets.entries()]
      .filter(([k]) => k.startsWith(`${month}|`) && (groupIds === null || groupIds.includes(k.slice(8))))
      .map(([, b]) => b);
    const figures = FIGURE_IDS.map((id): Figure => {
      let total = 0;
      let met = 0;
      let pending = 0;
      const late: string[] = [];
      for (const p of parts) {
        const a = p.figures.get(id);
        if (!a) continue;
        total += a.total;
        met += a.met;
        pending += a.pending;
        late.push(...a.late);
      }
      return {
        id,
        label: figureLabel(id, rules),
        ...(id === 'kontakt' ? { limitDays: rules.noContactDays } : {}),
        ...(figurePeriod(id, rules) ? { period: figurePeriod(id, rules) } : {}),
        reference: figureReference(id, rules),
        total,
        met,
        late: total - met,
        share: total ? met / total : null,
        pending,
        lateCases: [...new Set(late)].sort(),
      };
    });
    const working = parts.flatMap((p) => p.unassigned.working);
    const cal = parts.flatMap((p) => p.unassigned.calendar);
    const longest = parts
      .flatMap((p) => p.unassigned.longest)
      .filter((l) => l.workingDays > 0)
      .sort((a, b) => b.workingDays - a.workingDays || (a.caseId < b.caseId ? -1 : 1))
      .slice(0, 10);
    return {
      groupId,
      name,
      figures,
      unassigned: {
        received: parts.reduce((n, p) => n + p.unassigned.received, 0),
        stillUnassigned: parts.reduce((n, p) => n + p.unassigned.still, 0),
        workingDays: summary(working),
        calendarDays: summary(cal),
        longest,
      },
    };
  }
}
