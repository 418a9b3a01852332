// The problems of a group's cases for its morning list (src/views/morningListBuilder.ts): each section's
// question asked of the cases. A problem is data (which case, which section, which deadline); its
// line and its "även …" words are written only when the list shows them, and most problems of a
// case are never shown (docs/architecture.md, "Derived values").
import { ageBetween, type Age } from '../domain/age.js';
import { coversDate } from '../domain/absence.js';
import { actBy, deadlinesOf, nextDeadline, type Deadline } from '../domain/deadlines.js';
import { DEFAULT_OFFICE_HOURS, isOfficeTime } from '../domain/officeHours.js';
import { protectionState, type ProtectionState } from '../domain/protection.js';
import { dueWithin, noContact, overdue, unassigned, type NoContact, type UnassignedCase } from '../domain/queries.js';
import type { Case, LocalDate } from '../domain/schemas.js';
import { formatDate, stockholmDate, stockholmInstant, stockholmTime } from '../domain/time.js';
import { protectionHeadlineIn } from './protectionAlarm.js';
import { ageWords, texts } from '../cards/text/index.js';
import type { ListItem, SectionKey } from './morningList.js';
import { lvuLine } from './lvuWarnings.js';
import { factsOf, SECTION_ORDER, type ListInputs } from './morningInputs.js';

/** One problem of one case: its section, its order there, and what its line and "även …" words are written from. */
export interface Problem {
  case: Case;
  key: SectionKey;
  /** The section's place in SECTION_ORDER (worst first). */
  order: number;
  color: ListItem['color'];
  /** The order within the section (earliest or longest-waiting first); ties go to violence first. */
  rank: string;
  /** The deadline the problem is about (LVU, overdue, due soon; unassigned and absent: the next one). */
  deadline?: Deadline;
  protection?: ProtectionState;
  /** The LVU line (src/views/lvuWarnings.ts) without its owner. */
  line?: string;
  waited?: AgeWords;
  noContact?: NoContact;
  /** The absent owners' names. */
  away?: string;
}

type AgeWords = Age & { text: string };

export interface Problems {
  /** Per case, in the order its first problem was found, its problems in the order they were found. */
  byCase: Map<string, Problem[]>;
  /** The cases with each problem (the summary counts them whichever row they are listed under). */
  casesWith: Map<SectionKey, number>;
  /** LVU deadlines (not cases): each ends the child's protection if missed. */
  lvuDeadlines: number;
  /** The group's unassigned cases, longest-waiting first, with the working days each has waited. */
  unassigned: UnassignedCase[];
  /** Age words ("10 dagar, 6 arbetsdagar") from a date to today, once per date. */
  age: (from: LocalDate) => AgeWords;
  nameOf: (id: string) => string;
  /** The problem's line, when it is the case's headline. */
  text: (p: Problem) => string;
  /** "även …" words for the problem on a row headed by a worse one. */
  also: (p: Problem) => string;
}

const ORDER = new Map(SECTION_ORDER.map((k, i) => [k, i]));

export function collectProblems(input: ListInputs, cases: readonly Case[], open: readonly Case[]): Problems {
  const { now, calendar, rules, settings } = input;
  const lang = input.lang ?? 'sv';
  const all = texts(lang);
  const m = all.morning;
  // In Swedish the rule table's own label (it may be configured); in another language the catalogue's.
  const label = (d: Deadline) => (lang === 'sv' ? d.label : all.deadline[d.kind]);
  const today = stockholmDate(now);
  const year = Number(today.slice(0, 4));
  const dateMemo = new Map<LocalDate, string>();
  const date = (d: LocalDate) => {
    let t = dateMemo.get(d);
    if (t === undefined) dateMemo.set(d, (t = formatDate(d, year, lang)));
    return t;
  };
  const names = new Map(input.staff.map((s) => [s.aadObjectId, s.name]));
  const nameOf = (id: string) => names.get(id) ?? m.unknownPerson;
  // Many cases share a date: each age (and its words) computed once per run.
  const ageMemo = new Map<LocalDate, AgeWords>();
  const age = (from: LocalDate) => {
    let a = ageMemo.get(from);
    if (!a) {
      const x = ageBetween(from, today, calendar);
      ageMemo.set(from, (a = { ...x, text: ageWords(x, lang) }));
    }
    return a;
  };
  const pendingHandover = new Set(input.handovers.map((h) => h.caseId));
  const waitedFor = (w: AgeWords) => m.unassignedFor(w.days === 0 ? m.sinceToday : w.text);
  const when = (d: Deadline) => (d.due === today ? all.status.today : date(d.due));
  const text = (p: Problem): string => {
    const c = p.case;
    const d = p.deadline!;
    switch (p.key) {
      case 'protection':
        return m.protection(
          c.id,
          protectionHeadlineIn(p.protection!, nameOf, lang) ?? '',
          date(stockholmDate(p.protection!.since!)),
          stockholmTime(p.protection!.since!),
        );
      case 'lvu':
        return p.line!;
      case 'overdue':
        return m.overdue(c.id, label(d), date(d.due), age(d.due).text);
      case 'outOfHours':
        return m.outOfHours(
          c.id,
          date(stockholmDate(c.receivedAt)),
          stockholmTime(c.receivedAt),
          c.skyddsbedomning ? m.skyddDone(c.skyddsbedomning.immediateProtection) : m.skyddMissing,
        );
      case 'unassigned':
        return `**${c.id}** · ${all.phase[c.phase]} · ${waitedFor(p.waited!)}${p.deadline ? ` · ${label(d)} ${date(d.due)}` : ''}`;
      case 'dueSoon':
        return m.dueSoon(c.id, label(d), when(d));
      case 'noContact': {
        const n = p.noContact!;
        return m.noContact(c.id, n.daysWithout, n.lastContact ? date(n.lastContact) : undefined, !!n.lastChildContact);
      }
      case 'absent':
        return m.absent(c.id, p.away!, pendingHandover.has(c.id), p.deadline ? `${label(d)} ${date(d.due)}` : '');
    }
  };
  const also = (p: Problem): string => {
    const d = p.deadline!;
    switch (p.key) {
      case 'protection':
        return m.alsoProtection;
      case 'lvu':
        return m.alsoLvu(date(d.due));
      case 'overdue':
        return m.alsoOverdue(label(d));
      case 'outOfHours':
        return m.alsoOutOfHours;
      case 'unassigned':
        return waitedFor(p.waited!);
      case 'dueSoon':
        return m.alsoDueSoon(label(d), when(d));
      case 'noContact':
        return m.alsoNoContact(p.noContact!.daysWithout);
      case 'absent':
        return m.alsoAbsent(p.away!);
    }
  };

  const byCase = new Map<string, Problem[]>();
  const casesWith = new Map<SectionKey, number>();
  let lvuDeadlines = 0;
  const add = (p: Problem) => {
    let list = byCase.get(p.case.id);
    if (!list) byCase.set(p.case.id, (list = []));
    if (!list.some((q) => q.key === p.key)) casesWith.set(p.key, (casesWith.get(p.key) ?? 0) + 1);
    if (p.key === 'lvu') lvuDeadlines++;
    list.push(p);
  };
  // Every problem has every field (one object shape for the code that reads them).
  const problem = (c: Case, key: SectionKey, color: ListItem['color'], rank: string, deadline?: Deadline): Problem => ({
    case: c,
    key,
    order: ORDER.get(key)!,
    color,
    rank,
    deadline,
    protection: undefined,
    line: undefined,
    waited: undefined,
    noContact: undefined,
    away: undefined,
  });

  // The domain's queries say what is overdue, soon due and unassigned; deadlinesOf remembers each
  // case's deadlines, so every list, reminder and escalation of a tick reads the same ones.
  const deadlinesFor = input.deadlines ?? ((c: Case) => deadlinesOf(c, rules));

  // Immediate protection without an owner and a recorded measure: first, whatever else is late.
  for (const c of open) {
    const state = protectionState(c);
    if (state.status !== 'unmet') continue;
    const p = problem(c, 'protection', 'Attention', state.since ?? '');
    p.protection = state;
    add(p);
  }
  // LVU 7 § and 8 §: listed every morning from the first day, in their own section on top.
  for (const c of cases)
    for (const d of deadlinesFor(c)) {
      if (!d.remindFromStart || d.done || d.overrun || d.due < today) continue;
      const line = lvuLine({ case: c, deadline: d, actBy: actBy(d, calendar) }, now, nameOf, lang);
      const p = problem(c, 'lvu', line.color, d.due, d);
      p.line = line.text.replace(/ · [^·]*$/, '');
      add(p);
    }
  for (const { case: c, deadline: d } of overdue(cases, now, rules, calendar, deadlinesFor))
    add(problem(c, 'overdue', 'Attention', d.due, d));
  // Out of hours since the last working day's end (a Friday 17:30 report on Monday's list), with
  // whether the socialjour recorded the skyddsbedömning.
  const oh = input.officeHours ?? DEFAULT_OFFICE_HOURS;
  const since = stockholmInstant(calendar.previousWorkingDay(today), oh.end).getTime();
  const nowMs = now.getTime();
  for (const c of cases) {
    const t = factsOf(c).receivedMs;
    if (t < since || t > nowMs || isOfficeTime(c.receivedAt, calendar, oh)) continue;
    add(problem(c, 'outOfHours', c.skyddsbedomning ? 'Default' : 'Attention', c.receivedAt));
  }
  const unassignedList = unassigned(cases, now, calendar);
  for (const { case: c, age: waited } of unassignedList) {
    const next = deadlinesFor(c)
      .filter((d) => !d.done)
      .reduce<Deadline | undefined>((m, d) => (!m || d.due < m.due ? d : m), undefined);
    const p = problem(c, 'unassigned', waited.workingDays > 1 ? 'Attention' : 'Warning', c.receivedAt, next);
    p.waited = age(stockholmDate(c.receivedAt));
    add(p);
  }
  for (const { case: c, deadline: d } of dueWithin(
    cases,
    now,
    settings.dueWithinWorkingDays,
    rules,
    calendar,
    deadlinesFor,
  )) {
    if (d.remindFromStart) continue;
    add(problem(c, 'dueSoon', d.due === today ? 'Warning' : 'Default', d.due, d));
  }
  for (const n of noContact(open, now, settings.noContactDays)) {
    const p = problem(n.case, 'noContact', 'Warning', String(1e6 - n.daysWithout).padStart(7, '0'));
    p.noContact = n;
    add(p);
  }
  // Who is away today (src/domain/absence.ts isAbsent, asked once per person instead of per case).
  const away = new Set(input.absences.filter((a) => coversDate(a, today)).map((a) => a.staffId));
  if (away.size)
    for (const c of open) {
      const awayIds = c.assignees.filter((id) => away.has(id));
      if (!awayIds.length) continue;
      const next = nextDeadline(c, rules);
      const p = problem(
        c,
        'absent',
        pendingHandover.has(c.id) ? 'Attention' : 'Warning',
        next?.due ?? '9999-12-31',
        next,
      );
      p.away = awayIds.map(nameOf).join(` ${all.and} `);
      add(p);
    }
  return { byCase, casesWith, lvuDeadlines, unassigned: unassignedList, age, nameOf, text, also };
}
