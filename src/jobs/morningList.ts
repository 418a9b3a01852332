// The morning list of one group: what a team lead must see at 07:45, most urgent first. Pure: cases,
// organisation, absences, open handovers, the clock, calendar, rules and settings in; a view out
// (the card is src/cards/morningList.ts). No I/O, so it is tested with plain calls and benched.
import type { Calendar } from '../domain/calendar.js';
import { dueWithin, loadPerCaseworker, noContact, overdue, unassigned, type Load } from '../domain/queries.js';
import { ageBetween } from '../domain/age.js';
import { violenceRank } from '../domain/violence.js';
import { isAbsent } from '../domain/absence.js';
import type { RuleTable } from '../domain/rules.js';
import { actBy, deadlinesOf, nextDeadline, type Deadline } from '../domain/deadlines.js';
import { lvuLine } from './lvuWarnings.js';
import { DEFAULT_OFFICE_HOURS, isOfficeTime, type OfficeHours } from '../domain/officeHours.js';
import { protectionState } from '../domain/protection.js';
import type { Absence, Case, Group, LocalDate, Staff } from '../domain/schemas.js';
import { formatDate, stockholmDate, stockholmInstant, stockholmTime } from '../domain/time.js';
import { concernsText } from '../cards/labels.js';
import { protectionHeadlineIn } from '../cards/protectionAlarm.js';
import { ageWords, count, noun, texts, type Lang } from '../cards/text/index.js';
import type { AssignChoice, ListItem, ListSection, MorningListView, SectionKey } from '../views/morningList.js';

export type { AssignChoice, ListItem, ListSection, MorningListView, SectionKey } from '../views/morningList.js';

export interface ListSettings {
  /** "Due soon": within this many working days (the issue: 3). */
  dueWithinWorkingDays: number;
  /** Investigations with no contact with the family or the child for this many days (default 21). */
  noContactDays: number;
}

export const DEFAULT_LIST_SETTINGS: ListSettings = { dueWithinWorkingDays: 3, noContactDays: 21 };

/** An open handover item of an absent colleague (the absence feature's `openHandovers`). */
export interface HandoverItem {
  caseId: string;
  fromStaffId: string;
}

export interface ListInputs {
  group: Group;
  /** Open cases, and closed ones with an open återkoppling/uppföljning; other groups' are ignored. */
  cases: Iterable<Case>;
  staff: readonly Staff[];
  absences: readonly Absence[];
  handovers: readonly HandoverItem[];
  now: Date;
  calendar: Calendar;
  rules: RuleTable;
  settings: ListSettings;
  /** The deadlines of a case; pass one memo (`deadlineMemo`) to several builders of the same tick. */
  deadlines?: (c: Case) => Deadline[];
  /** Office hours (default weekdays 08:00–16:00): reports since the last working day's end outside them are marked. */
  officeHours?: OfficeHours;
  /** The reader's language (src/cards/text/): a list answered to one press; the posted list is Swedish. */
  lang?: Lang;
}

/**
 * deadlinesOf, remembered per case object for one run of the jobs: the lists, the reminders and the
 * escalation ask for the same cases' deadlines, and each answer is a few date computations.
 */
export function deadlineMemo(rules: RuleTable): (c: Case) => Deadline[] {
  const memo = new Map<Case, Deadline[]>();
  return (c) => {
    let ds = memo.get(c);
    if (!ds) memo.set(c, (ds = deadlinesOf(c, rules)));
    return ds;
  };
}

/** The sections in order of how bad the problem is: a case is listed once, under the first that applies. */
export const SECTION_ORDER: readonly SectionKey[] = [
  'protection',
  'lvu',
  // Reports since the last working day's end come before the other late ones: their skyddsbedömning
  // (done by the socialjour or not) is what the team lead checks first in the morning.
  'outOfHours',
  'overdue',
  'unassigned',
  'dueSoon',
  'noContact',
  'absent',
];

/** One problem of one case: its line in its section, its order there, and a few words for other rows. */
interface Problem {
  case: Case;
  key: SectionKey;
  text: string;
  color: ListItem['color'];
  /** The order within the section (earliest or longest-waiting first); ties go to violence first. */
  rank: string;
  /** "även …" on the row when another, worse problem is the case's headline. */
  also: string;
}

/** The group's caseworkers by load for a row's Tilldela: present ones with the fewest open cases first, absent last. */
export function assignChoices(loads: readonly Load[], lang: Lang = 'sv'): AssignChoice[] {
  const byLoad = (a: Load, b: Load) => a.open - b.open || a.staff.name.localeCompare(b.staff.name, 'sv');
  const t = texts(lang).caseCard;
  return [...loads.filter((l) => !l.absent).sort(byLoad), ...loads.filter((l) => l.absent).sort(byLoad)].map((l) => ({
    title: t.choice(
      l.staff.name,
      l.capacity !== undefined ? `${l.open}/${l.capacity} ${noun(2, 'ärende', lang)}` : count(l.open, 'ärende', lang),
      l.absent,
      !!l.overCapacity,
    ),
    value: l.staff.aadObjectId,
  }));
}

export function buildMorningList(input: ListInputs): MorningListView {
  const { group, now, calendar, rules, settings } = input;
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
  const allCases = [...input.cases];
  const cases = allCases.filter((c) => c.groupId === group.id);
  const open = cases.filter((c) => c.phase !== 'closed');
  const owners = (c: Case) => (c.assignees.length ? c.assignees.map(nameOf).join(` ${all.and} `) : all.unassigned);
  // Many cases share a date: each age (and its words) computed once per run.
  const ageMemo = new Map<LocalDate, ReturnType<typeof ageBetween> & { text: string }>();
  const age = (from: LocalDate) => {
    let a = ageMemo.get(from);
    if (!a) {
      const x = ageBetween(from, today, calendar);
      ageMemo.set(from, (a = { ...x, text: ageWords(x, lang) }));
    }
    return a;
  };
  const problems: Problem[] = [];
  const add = (p: Problem) => problems.push(p);

  // The domain's queries say what is overdue, soon due and unassigned; one deadline memo per tick
  // means each case's deadlines are computed once for every list, reminder and escalation.
  const deadlinesFor = input.deadlines ?? ((c: Case) => deadlinesOf(c, rules));

  // Immediate protection without an owner and a recorded measure: first, whatever else is late.
  for (const c of open) {
    const state = protectionState(c);
    if (state.status !== 'unmet') continue;
    add({
      case: c,
      key: 'protection',
      text: m.protection(
        c.id,
        protectionHeadlineIn(state, nameOf, lang) ?? '',
        date(stockholmDate(state.since!)),
        stockholmTime(state.since!),
      ),
      color: 'Attention',
      rank: state.since ?? '',
      also: m.alsoProtection,
    });
  }
  // LVU 7 § and 8 §: listed every morning from the first day, in their own section on top.
  for (const c of cases)
    for (const d of deadlinesFor(c)) {
      if (!d.remindFromStart || d.done || d.overrun || d.due < today) continue;
      const line = lvuLine({ case: c, deadline: d, actBy: actBy(d, calendar) }, now, nameOf, lang);
      add({
        case: c,
        key: 'lvu',
        text: line.text.replace(/ · [^·]*$/, ''),
        color: line.color,
        rank: d.due,
        also: m.alsoLvu(date(d.due)),
      });
    }
  for (const { case: c, deadline: d } of overdue(cases, now, rules, calendar, deadlinesFor)) {
    const late = age(d.due);
    add({
      case: c,
      key: 'overdue',
      text: m.overdue(c.id, label(d), date(d.due), late.text),
      color: 'Attention',
      rank: d.due,
      also: m.alsoOverdue(label(d)),
    });
  }
  // Out of hours since the last working day's end (a Friday 17:30 report on Monday's list), with
  // whether the socialjour recorded the skyddsbedömning.
  const oh = input.officeHours ?? DEFAULT_OFFICE_HOURS;
  const since = stockholmInstant(calendar.previousWorkingDay(today), oh.end).getTime();
  for (const c of cases) {
    const t = Date.parse(c.receivedAt);
    if (t < since || t > now.getTime() || isOfficeTime(c.receivedAt, calendar, oh)) continue;
    add({
      case: c,
      key: 'outOfHours',
      text: m.outOfHours(
        c.id,
        date(stockholmDate(c.receivedAt)),
        stockholmTime(c.receivedAt),
        c.skyddsbedomning ? m.skyddDone(c.skyddsbedomning.immediateProtection) : m.skyddMissing,
      ),
      color: c.skyddsbedomning ? 'Default' : 'Attention',
      rank: c.receivedAt,
      also: m.alsoOutOfHours,
    });
  }
  const unassignedList = unassigned(cases, now, calendar);
  const waitingDays = new Map(unassignedList.map((u) => [u.case.id, u.ageWorkingDays]));
  for (const { case: c, ageWorkingDays } of unassignedList) {
    const next = deadlinesFor(c)
      .filter((d) => !d.done)
      .reduce<Deadline | undefined>((m, d) => (!m || d.due < m.due ? d : m), undefined);
    const waited = age(stockholmDate(c.receivedAt));
    add({
      case: c,
      key: 'unassigned',
      text: `**${c.id}** · ${all.phase[c.phase]} · ${m.unassignedFor(waited.days === 0 ? m.sinceToday : waited.text)}${next ? ` · ${label(next)} ${date(next.due)}` : ''}`,
      color: ageWorkingDays > 1 ? 'Attention' : 'Warning',
      rank: c.receivedAt,
      also: m.unassignedFor(waited.days === 0 ? m.sinceToday : waited.text),
    });
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
    const when = d.due === today ? all.status.today : date(d.due);
    add({
      case: c,
      key: 'dueSoon',
      text: m.dueSoon(c.id, label(d), when),
      color: d.due === today ? 'Warning' : 'Default',
      rank: d.due,
      also: m.alsoDueSoon(label(d), when),
    });
  }
  for (const n of noContact(open, now, settings.noContactDays))
    add({
      case: n.case,
      key: 'noContact',
      text: m.noContact(
        n.case.id,
        n.daysWithout,
        n.lastContact ? date(n.lastContact) : undefined,
        !!n.lastChildContact,
      ),
      color: 'Warning',
      rank: String(1e6 - n.daysWithout).padStart(7, '0'),
      also: m.alsoNoContact(n.daysWithout),
    });
  const pendingHandover = new Set(input.handovers.map((h) => h.caseId));
  for (const c of open) {
    const awayIds = c.assignees.filter((id) => isAbsent(input.absences, id, today));
    if (!awayIds.length) continue;
    const away = awayIds.map(nameOf).join(` ${all.and} `);
    const next = nextDeadline(c, rules);
    add({
      case: c,
      key: 'absent',
      text: m.absent(c.id, away, pendingHandover.has(c.id), next ? `${label(next)} ${date(next.due)}` : ''),
      color: pendingHandover.has(c.id) ? 'Attention' : 'Warning',
      rank: next?.due ?? '9999-12-31',
      also: m.alsoAbsent(away),
    });
  }

  // Each case once, under its worst problem; its other problems in a few words on the same row.
  const order = new Map(SECTION_ORDER.map((k, i) => [k, i]));
  const byCase = new Map<string, Problem[]>();
  for (const p of problems) {
    const list = byCase.get(p.case.id) ?? [];
    list.push(p);
    byCase.set(p.case.id, list);
  }
  const rows = new Map<SectionKey, { item: ListItem; rank: string; violence: number; seq: number }[]>();
  let seq = 0;
  for (const list of byCase.values()) {
    // Stable: within one section the first problem (the earliest deadline) is the headline.
    const sorted = [...list].sort(
      (a, b) => order.get(a.key)! - order.get(b.key)! || (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0),
    );
    const worst = sorted[0];
    const c = worst.case;
    // The other problems, also a second deadline of the same kind ("även LVU-frist fre 6 feb").
    const others = [...new Set(sorted.slice(1).map((p) => p.also))];
    const concerns = concernsText(c.concerns, lang);
    const detail = [concerns, owners(c), ...(others.length ? [m.also(others.join('; '))] : [])]
      .filter(Boolean)
      .join(' · ');
    const unassignedOpen = c.assignees.length === 0 && c.phase !== 'closed' && !c.sectionKind;
    const section = rows.get(worst.key) ?? [];
    section.push({
      item: {
        caseId: c.id,
        version: c.version,
        text: worst.text,
        detail,
        color: worst.color,
        unassigned: unassignedOpen,
        ...(waitingDays.has(c.id) ? { waitingWorkingDays: waitingDays.get(c.id)! } : {}),
      },
      rank: worst.rank,
      violence: violenceRank(c),
      seq: seq++,
    });
    rows.set(worst.key, section);
  }
  const itemsOf = (key: SectionKey) =>
    (rows.get(key) ?? [])
      .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0) || a.violence - b.violence || a.seq - b.seq)
      .map((r) => r.item);

  const titles: Record<SectionKey, { title: string; color: ListSection['color'] }> = {
    protection: { title: m.sections.protection, color: 'Attention' },
    lvu: { title: m.sections.lvu, color: 'Attention' },
    overdue: { title: m.sections.overdue, color: 'Attention' },
    outOfHours: { title: m.sections.outOfHours, color: 'Warning' },
    unassigned: { title: m.sections.unassigned, color: 'Attention' },
    dueSoon: { title: m.dueSoonTitle(settings.dueWithinWorkingDays), color: 'Warning' },
    noContact: { title: m.noContactTitle(settings.noContactDays), color: 'Warning' },
    absent: { title: m.sections.absent, color: 'Warning' },
  };
  const sections: ListSection[] = SECTION_ORDER.map((key) => ({ key, ...titles[key], items: itemsOf(key) })).filter(
    (s) => s.items.length > 0,
  );

  // The summary counts the cases with each problem, whichever row they are listed under.
  const withProblem = new Map<SectionKey, Set<string>>();
  for (const p of problems) {
    const ids = withProblem.get(p.key) ?? new Set<string>();
    ids.add(p.case.id);
    withProblem.set(p.key, ids);
  }
  const n = (key: SectionKey) => withProblem.get(key)?.size ?? 0;
  const parts: string[] = [];
  const sum = m.summary;
  if (n('protection')) parts.push(sum.protection(n('protection')));
  // LVU: the deadlines are counted, each ends the child's protection if missed.
  const lvuCount = problems.filter((p) => p.key === 'lvu').length;
  if (lvuCount) parts.push(sum.lvu(lvuCount));
  if (n('overdue')) parts.push(sum.overdue(n('overdue')));
  if (n('outOfHours')) parts.push(sum.outOfHours(n('outOfHours')));
  if (unassignedList.length) {
    const oldest = age(stockholmDate(unassignedList[0].case.receivedAt));
    parts.push(sum.unassigned(unassignedList.length, oldest.days > 0 ? oldest.text : ''));
  }
  if (n('dueSoon')) parts.push(sum.dueSoon(n('dueSoon'), settings.dueWithinWorkingDays));
  if (n('noContact')) parts.push(sum.noContact(n('noContact')));
  if (n('absent')) parts.push(sum.absent(n('absent')));
  const summary = parts.length ? `${parts.join(', ')}.` : sum.nothing;
  return {
    groupId: group.id,
    groupName: group.name,
    date: today,
    title: m.title(group.name, formatDate(today, undefined, lang)),
    summary,
    sections,
    total: sections.reduce((k, s) => k + s.items.length, 0),
    choices: assignChoices(loadPerCaseworker(allCases, { staff: input.staff }, input.absences, now, group.id), lang),
    ...(lang !== 'sv' ? { lang } : {}),
  };
}

/** The cases the lists look at: open ones, and closed ones with an open återkoppling, uppföljning or LVU track. */
export function listCases(all: Iterable<Case>): Case[] {
  const out: Case[] = [];
  for (const c of all) {
    if (
      c.phase !== 'closed' ||
      (c.aterkoppling && !c.aterkoppling.doneAt) ||
      (c.uppfoljning && !c.uppfoljning.doneAt && !c.uppfoljning.endedEarly) ||
      (c.lvu && !c.lvu.endedOn)
    )
      out.push(c);
  }
  return out;
}
