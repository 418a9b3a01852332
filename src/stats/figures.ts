// The compliance figures of a month (docs/stats.md): for each group and for the unit, how many clocks
// that ran out in the month were met, computed from the stored cases with the rule row in force for
// each case (the same functions the cards and lists use). Pure: no I/O, a fixed `now`.
//
// One pass over the cases yields every observation of every requested month at once, so the card's
// thirteen months cost about as much as one (bench/stats.bench.ts: 50,000 stored cases).
import type { Calendar } from '../domain/calendar.js';
import { dueFrom, skyddsbedomningDueOn, utredningDue } from '../domain/deadlines.js';
import { addPeriod } from '../domain/deadlineRow.js';
import { FAMILY_CONTACTS } from '../domain/queries.js';
import { referenceText, ruleFor, type DeadlineKind, type RuleTable } from '../domain/rules.js';
import type { Case, Group, LocalDate } from '../domain/schemas.js';
import { addDays, addMonths, daysBetween, stockholmDate, stockholmTime } from '../domain/time.js';

/** 'ÅÅÅÅ-MM', e.g. 2026-11. */
export type Month = string;

export const FIGURE_IDS = [
  'skyddsbedomning',
  'forhandsbedomning_14',
  'forhandsbedomning_i_kraft',
  'utredning_4_manader',
  'utredning_i_kraft',
  'forlangning_i_tid',
  'aterkoppling',
  'kontakt',
  'lvu',
] as const;
export type FigureId = (typeof FIGURE_IDS)[number];

/** A new investigation about the same child opened within this many days of a closed one continues its clock. */
export const DEFAULT_CONTINUATION_DAYS = 30;

export interface Figure {
  id: FigureId;
  /** Swedish, as the card and the export show it. */
  label: string;
  /** The contact figure's limit in days (the rule table's noContactDays), for its name in another language. */
  limitDays?: number;
  /** The legal basis (the rule row's reference text). */
  reference: string;
  /** Clocks judged (their deadline fell in the month and has passed). */
  total: number;
  met: number;
  late: number;
  /** Share met, 0–1, or null when nothing was judged. */
  share: number | null;
  /** Clocks of the month still running (deadline today or later): not yet judged. */
  pending: number;
  /** The cases behind `late` (pseudonymous references), sorted. Continuing clocks list every case. */
  lateCases: string[];
}

export interface DaysSummary {
  median: number | null;
  p90: number | null;
  max: number | null;
}

export interface UnassignedFigure {
  /** Reports received in the month. */
  received: number;
  /** Of these, still without an owner today (counted up to today). */
  stillUnassigned: number;
  workingDays: DaysSummary;
  calendarDays: DaysSummary;
  /** The reports that waited longest (working days), at most ten, longest first. */
  longest: { caseId: string; workingDays: number }[];
}

export interface ScopeStats {
  /** null for the whole unit. */
  groupId: string | null;
  name: string;
  figures: Figure[];
  unassigned: UnassignedFigure;
}

export interface MonthStats {
  month: Month;
  from: LocalDate;
  to: LocalDate;
  /** The day the figures were computed for ("as of"): a clock still running then is pending. */
  asOf: LocalDate;
  /** The month has ended. */
  complete: boolean;
  unit: ScopeStats;
  groups: ScopeStats[];
}

export interface StatsOptions {
  now: Date;
  rules: RuleTable;
  calendar: Calendar;
  /** The organisation's groups, in the order they are shown. */
  groups: readonly Group[];
  continuationDays?: number;
}

export const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const isMonth = (s: string): boolean => MONTH_PATTERN.test(s);
export const monthOf = (d: LocalDate): Month => d.slice(0, 7);
export const firstDayOf = (m: Month): LocalDate => `${m}-01`;
export const lastDayOf = (m: Month): LocalDate => addDays(addMonths(firstDayOf(m), 1), -1);
export const addMonthsTo = (m: Month, n: number): Month => monthOf(addMonths(firstDayOf(m), n));

/** The month and the `n - 1` months before it, oldest first. */
export function monthsEndingWith(m: Month, n: number): Month[] {
  return Array.from({ length: n }, (_, i) => addMonthsTo(m, i - (n - 1)));
}

export const FIGURE_LABELS: Record<FigureId, string> = {
  skyddsbedomning: 'Skyddsbedömning samma dag',
  forhandsbedomning_14: 'Förhandsbedömning inom 14 dagar',
  forhandsbedomning_i_kraft: 'Förhandsbedömning inom frist (med förlängning)',
  utredning_4_manader: 'Utredning klar inom 4 månader',
  utredning_i_kraft: 'Utredning klar inom frist (med förlängning)',
  forlangning_i_tid: 'Förlängning beslutad före fristen',
  aterkoppling: 'Återkoppling i tid',
  kontakt: 'Utredning med kontakt med familj eller barn',
  lvu: 'LVU-frister (6 §, 7 §, 8 §) hållna',
};

const KIND_OF: Record<FigureId, DeadlineKind> = {
  skyddsbedomning: 'skyddsbedomning',
  forhandsbedomning_14: 'forhandsbedomning',
  forhandsbedomning_i_kraft: 'forhandsbedomning',
  utredning_4_manader: 'utredning',
  utredning_i_kraft: 'utredning',
  forlangning_i_tid: 'utredning',
  aterkoppling: 'aterkoppling',
  kontakt: 'utredning',
  lvu: 'lvu_understallning',
};

/** The label of a figure (the contact figure names the limit in days). */
export function figureLabel(id: FigureId, noContactDays: number): string {
  return id === 'kontakt'
    ? `Utredning med kontakt med familj eller barn minst var ${noContactDays}:e dag`
    : FIGURE_LABELS[id];
}

function figureReference(id: FigureId, rules: RuleTable): string {
  if (id === 'lvu') return 'LVU (1990:52) 6 §, 7 § och 8 §';
  if (id === 'kontakt')
    return `${referenceText(ruleFor(rules, 'utredning'))}; gränsen ${rules.noContactDays} dagar är kommunens inställning`;
  return referenceText(ruleFor(rules, KIND_OF[id]));
}

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

const dateOf = (instant: string | undefined, entered?: LocalDate): LocalDate | undefined =>
  entered ?? (instant ? stockholmDate(instant) : undefined);

/** The day an investigation (or a case) was closed: the entered date when there is one. */
export function closedOn(c: Case): LocalDate | undefined {
  if (!c.closure) return undefined;
  return c.closure.closedOn ?? c.uppfoljning?.startedOn ?? stockholmDate(c.closure.at);
}

function summary(values: number[]): DaysSummary {
  if (!values.length) return { median: null, p90: null, max: null };
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  // Nearest rank: the smallest value that at least 90 % of the reports are at or below.
  const p90 = s[Math.ceil(0.9 * s.length) - 1];
  return { median, p90, max: s[s.length - 1] };
}

/**
 * The figures of each requested month (docs/stats.md has every definition). A case counts in the
 * group it belongs to now; the unit is every case, in a group of the organisation or not.
 */
export function computeMonths(cases: Iterable<Case>, months: readonly Month[], opts: StatsOptions): MonthStats[] {
  const today = stockholmDate(opts.now);
  const wanted = new Set(months);
  const continuation = opts.continuationDays ?? DEFAULT_CONTINUATION_DAYS;
  const { rules, calendar } = opts;
  const buckets = new Map<string, Bucket>(); // `${month}|${groupId}`
  const bucket = (month: Month, groupId: string): Bucket => {
    const key = `${month}|${groupId}`;
    let b = buckets.get(key);
    if (!b) {
      b = {
        figures: new Map(),
        unassigned: { received: 0, still: 0, working: [], calendar: [], longest: [] },
      };
      buckets.set(key, b);
    }
    return b;
  };
  /** One clock: its deadline, the day it was met (if it was), and the cases to list when late. */
  const judge = (
    id: FigureId,
    groupId: string,
    due: LocalDate,
    doneOn: LocalDate | undefined,
    refs: readonly string[],
    extraLate = false,
  ) => {
    const month = monthOf(due);
    if (!wanted.has(month)) return;
    const figures = bucket(month, groupId).figures;
    let a = figures.get(id);
    if (!a) figures.set(id, (a = { total: 0, met: 0, pending: 0, late: [] }));
    if (doneOn === undefined && due >= today) {
      a.pending++;
      return;
    }
    a.total++;
    if (doneOn !== undefined && doneOn <= due && !extraLate) a.met++;
    else a.late.push(...refs);
  };

  // Memoised by date: the rule row for a date never changes during one computation.
  const memo = <T>(f: (k: string) => T) => {
    const m = new Map<string, T>();
    return (k: string) => {
      let v = m.get(k);
      if (v === undefined) m.set(k, (v = f(k)));
      return v;
    };
  };
  const forhandDue = memo((day) => dueFrom(rules, 'forhandsbedomning', day) ?? day);
  const utrDue = memo((day) => utredningDue(day, rules));
  const skyddMemo = memo((key) => skyddsbedomningDueOn(key.slice(0, 10), key.slice(11), rules));
  const skyddDue = (day: LocalDate, hhmm: string) => skyddMemo(`${day} ${hhmm}`);
  const flagFrom = memo((day) => addDays(day, rules.noContactDays));
  const monthRange = new Map(months.map((m) => [m, { from: firstDayOf(m), to: lastDayOf(m) }]));

  const closedMemo = new Map<Case, LocalDate | undefined>();
  const closed = (c: Case): LocalDate | undefined => {
    if (closedMemo.has(c)) return closedMemo.get(c);
    const d = closedOn(c);
    closedMemo.set(c, d);
    return d;
  };
  const withUtredning: Case[] = [];
  const sortedMonths = [...wanted].sort();
  const nearFrom = addDays(firstDayOf(sortedMonths[0] ?? monthOf(today)), -16);
  const nearTo = addDays(lastDayOf(sortedMonths[sortedMonths.length - 1] ?? monthOf(today)), 1);
  for (const c of cases) {
    // A case in a section outside child welfare (docs/family.md) has no child-welfare deadlines.
    if (c.sectionKind) continue;
    const g = c.groupId;
    // The clocks that start at receipt end within 14 days (plus a day for the offset in the instant):
    // a report far from every requested month is not converted to Swedish time at all.
    const raw = c.receivedAt.slice(0, 10);
    if (raw >= nearFrom && raw <= nearTo) receipt(c, g);
    const ak = c.aterkoppling;
    // (The month is checked before the instant is converted: most cases are far from the months asked for.)
    if (ak?.due && wanted.has(monthOf(ak.due))) judge('aterkoppling', g, ak.due, dateOf(ak.doneAt), [c.id]);
    // Extensions of the investigation decided in the month: before the deadline, or after it (an overrun).
    for (const e of c.utredning?.extensions ?? []) {
      const on = dateOf(e.at, e.decidedOn)!;
      const month = monthOf(on);
      if (!wanted.has(month)) continue;
      const figures = bucket(month, g).figures;
      let a = figures.get('forlangning_i_tid');
      if (!a) figures.set('forlangning_i_tid', (a = { total: 0, met: 0, pending: 0, late: [] }));
      a.total++;
      if (e.overrun) a.late.push(c.id);
      else a.met++;
    }
    if (c.utredning) {
      withUtredning.push(c);
      // Contact is judged in each month the investigation ran: none of them when it opened after the
      // last month asked for, or was closed (entered or stored, at most a day apart) before the first.
      const u = c.utredning;
      const closedRaw = c.closure
        ? (c.closure.closedOn ?? c.uppfoljning?.startedOn ?? c.closure.at.slice(0, 10))
        : undefined;
      if (u.openedOn <= nearTo && (closedRaw === undefined || closedRaw >= nearFrom)) contact(c, closed(c));
    }
    if (c.lvu) lvu(c);
  }

  /** Skyddsbedömning, förhandsbedömning and the days unassigned: the clocks that start at receipt. */
  function receipt(c: Case, g: string) {
    const received = stockholmDate(c.receivedAt);
    const closedDay = closed(c);

    // Skyddsbedömning: on the day of receipt, or the next day after the cut-off.
    const skydd = c.skyddsbedomning;
    judge('skyddsbedomning', g, skyddDue(received, stockholmTime(c.receivedAt)), dateOf(skydd?.at, skydd?.decidedOn), [
      c.id,
    ]);

    // Förhandsbedömning: 14 days from receipt; and the date in force after an extension for synnerliga skäl.
    const f = c.forhandsbedomning;
    const fDone = f ? dateOf(f.decidedAt, f.decidedOn) : undefined;
    const statutory = forhandDue(received);
    // The date in force: the last extension's (as forhandsbedomningDueInForce), else the statutory one.
    const inForce = c.forhandsExtensions?.at(-1)?.newDeadline ?? statutory;
    judge('forhandsbedomning_14', g, statutory, fDone, [c.id]);
    // The cohort is the statutory month for both figures, so that they compare.
    judgeInForce('forhandsbedomning_i_kraft', g, statutory, inForce, fDone, !!f?.late, [c.id]);

    // Days unassigned, for the reports received in the month.
    const rm = monthOf(received);
    if (wanted.has(rm)) {
      const end = c.firstAssignedAt
        ? stockholmDate(c.firstAssignedAt)
        : c.assignees.length
          ? undefined
          : (closedDay ?? today);
      if (end !== undefined) {
        const u = bucket(rm, g).unassigned;
        const stop = end > today ? today : end;
        const wd = calendar.workingDaysBetween(received, stop);
        u.received++;
        if (!c.firstAssignedAt && !closedDay) u.still++;
        u.working.push(wd);
        u.calendar.push(Math.max(0, daysBetween(received, stop)));
        u.longest.push({ caseId: c.id, workingDays: wd });
      }
    }
  }

  // Investigations: a new one about the same child within `continuation` days of a closed one continues
  // its clock (both are listed), so closing and reopening cannot hide an overrun.
  const byChild = new Map<string, Case[]>();
  for (const c of withUtredning) {
    const list = byChild.get(c.childRef);
    if (list) list.push(c);
    else byChild.set(c.childRef, [c]);
  }
  for (const list of byChild.values()) {
    if (list.length > 1) list.sort((a, b) => (a.utredning!.openedOn < b.utredning!.openedOn ? -1 : 1));
    let chain: Case[] = [];
    const flush = () => {
      if (!chain.length) return;
      const first = chain[0].utredning!;
      const last = chain[chain.length - 1];
      const due = chain.length === 1 ? first.statutoryDeadline : utrDue(first.openedOn);
      // Both figures judge the clock in its statutory month's cohort: other months owe nothing here.
      if (!wanted.has(monthOf(due))) {
        chain = [];
        return;
      }
      let inForce = due;
      let overrun = false;
      for (const k of chain) {
        const u = k.utredning!;
        if (u.extensions.length && u.deadline > inForce) inForce = u.deadline;
        if (u.extensions.some((e) => e.overrun)) overrun = true;
      }
      const finished = last.phase === 'closed' ? closed(last) : undefined;
      const refs = chain.map((k) => k.id);
      judge('utredning_4_manader', last.groupId, due, finished, refs);
      judgeInForce('utredning_i_kraft', last.groupId, due, inForce, finished, overrun, refs);
      chain = [];
    };
    for (const c of list) {
      const prev = chain[chain.length - 1];
      const prevClosed = prev?.phase === 'closed' ? closed(prev) : undefined;
      const continues =
        prev !== undefined &&
        prev.phase === 'closed' &&
        prevClosed !== undefined &&
        c.utredning!.openedOn >= prevClosed &&
        daysBetween(prevClosed, c.utredning!.openedOn) <= continuation;
      if (!continues) flush();
      chain.push(c);
    }
    flush();
  }

  /** Judged in the statutory month's cohort, against the date in force; pending while that runs. */
  function judgeInForce(
    id: FigureId,
    groupId: string,
    cohortDue: LocalDate,
    inForce: LocalDate,
    doneOn: LocalDate | undefined,
    overrun: boolean,
    refs: readonly string[],
  ) {
    const month = monthOf(cohortDue);
    if (!wanted.has(month)) return;
    const figures = bucket(month, groupId).figures;
    let a = figures.get(id);
    if (!a) figures.set(id, (a = { total: 0, met: 0, pending: 0, late: [] }));
    if (doneOn === undefined && inForce >= today && !overrun) {
      a.pending++;
      return;
    }
    a.total++;
    if (doneOn !== undefined && doneOn <= inForce && !overrun) a.met++;
    else a.late.push(...refs);
  }

  /** Each month the investigation ran in: was there a stretch of more than the limit without contact? */
  function contact(c: Case, closed: LocalDate | undefined) {
    const u = c.utredning!;
    const limit = rules.noContactDays;
    const end = closed && closed < today ? closed : today;
    if (u.openedOn > end) return;
    const first = monthOf(u.openedOn);
    const last = monthOf(end);
    let starts: LocalDate[] | undefined;
    let flags: LocalDate[] = [];
    for (const m of months) {
      if (m < first || m > last) continue;
      if (!starts) {
        // Silences: from the opening and from each contact with the family or the child. A silence
        // starting at s is flagged from s + limit up to the day before the next contact (or the end).
        starts = [u.openedOn];
        const dates: LocalDate[] = [];
        for (const k of c.contacts)
          if (FAMILY_CONTACTS.includes(k.kind) && k.date > u.openedOn && k.date <= end) dates.push(k.date);
        dates.sort();
        for (const d of dates) if (d !== starts[starts.length - 1]) starts.push(d);
        flags = starts.map(flagFrom);
      }
      const range = monthRange.get(m)!;
      const from = range.from > u.openedOn ? range.from : u.openedOn;
      const to = range.to < end ? range.to : end;
      let silent = false;
      for (let i = 0; i < starts.length && !silent; i++) {
        const next = i + 1 < starts.length ? starts[i + 1] : undefined;
        // Flagged days [flags[i], next - 1] (or up to `end`) overlap [from, to].
        if (next === undefined ? flags[i] <= end && flags[i] <= to : flags[i] < next && flags[i] <= to && next > from)
          silent = true;
      }
      const figures = bucket(m, c.groupId).figures;
      let a = figures.get('kontakt');
      if (!a) figures.set('kontakt', (a = { total: 0, met: 0, pending: 0, late: [] }));
      a.total++;
      if (silent) a.late.push(c.id);
      else a.met++;
    }
  }

  /** LVU 7 § (underställning), 8 § (ansökan, or the court's date) and 6 § (the nämnd's next meeting). */
  function lvu(c: Case) {
    const t = c.lvu!;
    const step = (kind: DeadlineKind, start: LocalDate, done: LocalDate | undefined, override?: LocalDate) => {
      const row = ruleFor(rules, kind, start);
      const due = override ?? (row.period ? addPeriod(start, row.period) : undefined);
      if (!due) return;
      // A track that ended before the step was due (the court said no, or it was lifted) owes nothing.
      if (!done && t.endedOn && t.endedOn <= due) return;
      judge('lvu', c.groupId, due, done, [c.id]);
    };
    step('lvu_understallning', t.decidedOn, t.understalld?.on);
    if (t.verkstalldOn) step('lvu_ansokan', t.verkstalldOn, t.ansokan?.on, t.courtExtendedTo);
    if (t.decidedBy !== 'namnd' && t.namndMeetingOn)
      step('lvu_namnd', t.decidedOn, t.namndReported?.on, t.namndMeetingOn);
  }

  const scopeOf = (month: Month, groupIds: string[] | null, groupId: string | null, name: string): ScopeStats => {
    const parts = [...buckets.entries()]
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
        label: figureLabel(id, rules.noContactDays),
        ...(id === 'kontakt' ? { limitDays: rules.noContactDays } : {}),
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
  };

  return months.map((month) => ({
    month,
    from: firstDayOf(month),
    to: lastDayOf(month),
    asOf: today,
    complete: lastDayOf(month) < today,
    unit: scopeOf(month, null, null, 'Hela enheten'),
    groups: opts.groups.map((g) => scopeOf(month, [g.id], g.id, g.name)),
  }));
}

/** One month's figures (the same computation as the card's thirteen). */
export function computeMonth(cases: Iterable<Case>, month: Month, opts: StatsOptions): MonthStats {
  return computeMonths(cases, [month], opts)[0];
}
