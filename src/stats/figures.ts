// The compliance figures of a month (docs/stats.md): for each group and for the unit, how many clocks
// that ran out in the month were met, computed from the stored cases with the rule row in force for
// each case (the same functions the cards and lists use). Pure: no I/O, a fixed `now`.
//
// One pass over the cases yields every observation of every requested month at once, so the card's
// thirteen months cost about as much as one (bench/stats.bench.ts: 50,000 stored cases).
import { dueFrom, skyddsbedomningDueOn, utredningDue } from '../domain/deadlines.js';
import { addPeriod } from '../domain/deadlineRow.js';
import { FAMILY_CONTACTS } from '../domain/queries.js';
import { ruleFor, type DeadlineKind } from '../domain/rules.js';
import type { Case, LocalDate } from '../domain/schemas.js';
import { addDays, daysBetween, stockholmDate, stockholmTime } from '../domain/time.js';
import {
  DEFAULT_CONTINUATION_DAYS,
  firstDayOf,
  lastDayOf,
  monthOf,
  type Month,
  type MonthStats,
  type StatsOptions,
} from './model.js';
import { Tally } from './tally.js';

export * from './model.js';

const dateOf = (instant: string | undefined, entered?: LocalDate): LocalDate | undefined =>
  entered ?? (instant ? stockholmDate(instant) : undefined);

/** The day an investigation (or a case) was closed: the entered date when there is one. */
export function closedOn(c: Case): LocalDate | undefined {
  if (!c.closure) return undefined;
  return c.closure.closedOn ?? c.uppfoljning?.startedOn ?? stockholmDate(c.closure.at);
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
  const tally = new Tally(wanted, today);
  const judge = tally.judge.bind(tally);

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
      tally.count('forlangning_i_tid', monthOf(on), g, !e.overrun, c.id);
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
    tally.judgeInForce('forhandsbedomning_i_kraft', g, statutory, inForce, fDone, !!f?.late, [c.id]);

    // Days unassigned, for the reports received in the month.
    const rm = monthOf(received);
    if (wanted.has(rm)) {
      const end = c.firstAssignedAt
        ? stockholmDate(c.firstAssignedAt)
        : c.assignees.length
          ? undefined
          : (closedDay ?? today);
      if (end !== undefined) {
        const stop = end > today ? today : end;
        tally.unassigned(rm, g, {
          caseId: c.id,
          still: !c.firstAssignedAt && !closedDay,
          workingDays: calendar.workingDaysBetween(received, stop),
          calendarDays: Math.max(0, daysBetween(received, stop)),
        });
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
      tally.judgeInForce('utredning_i_kraft', last.groupId, due, inForce, finished, overrun, refs);
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
      tally.count('kontakt', m, c.groupId, !silent, c.id);
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

  return months.map((month) => ({
    month,
    from: firstDayOf(month),
    to: lastDayOf(month),
    asOf: today,
    complete: lastDayOf(month) < today,
    unit: tally.scope(month, null, null, 'Hela enheten', rules),
    groups: opts.groups.map((g) => tally.scope(month, [g.id], g.id, g.name, rules)),
  }));
}

/** One month's figures (the same computation as the card's thirteen). */
export function computeMonth(cases: Iterable<Case>, month: Month, opts: StatsOptions): MonthStats {
  return computeMonths(cases, [month], opts)[0];
}
