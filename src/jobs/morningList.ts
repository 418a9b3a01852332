// The morning list of one group: what a team lead must see at 07:45, most urgent first. Pure: cases,
// organisation, absences, open handovers, the clock, calendar, rules and settings in; a view out
// (the card is src/cards/morningList.ts). No I/O, so it is tested with plain calls and benched.
import type { Calendar } from '../domain/calendar.js';
import { dueWithin, noContact, overdue, unassigned } from '../domain/queries.js';
import { isAbsent } from '../domain/absence.js';
import type { RuleTable } from '../domain/rules.js';
import { actBy, deadlinesOf, nextDeadline, type Deadline } from '../domain/deadlines.js';
import { lvuLine } from './lvuWarnings.js';
import { DEFAULT_OFFICE_HOURS, isOfficeTime, type OfficeHours } from '../domain/officeHours.js';
import { protectionFirst, protectionHeadline, protectionState } from '../domain/protection.js';
import type { Absence, Case, Group, LocalDate, Staff } from '../domain/schemas.js';
import { formatSwedishDate, stockholmDate, stockholmInstant, stockholmTime } from '../domain/time.js';
import { concernsText, PHASE_LABEL } from '../cards/labels.js';
import type { ListSection, MorningListView } from '../views/morningList.js';

export type { ListItem, ListSection, MorningListView, SectionKey } from '../views/morningList.js';

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

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function buildMorningList(input: ListInputs): MorningListView {
  const { group, now, calendar, rules, settings } = input;
  const today = stockholmDate(now);
  const year = Number(today.slice(0, 4));
  const dateMemo = new Map<LocalDate, string>();
  const date = (d: LocalDate) => {
    let t = dateMemo.get(d);
    if (t === undefined) dateMemo.set(d, (t = formatSwedishDate(d, year)));
    return t;
  };
  const names = new Map(input.staff.map((s) => [s.aadObjectId, s.name]));
  const nameOf = (id: string) => names.get(id) ?? 'okänd person';
  const cases = [...input.cases].filter((c) => c.groupId === group.id);
  const open = cases.filter((c) => c.phase !== 'closed');
  const owners = (c: Case) => (c.assignees.length ? c.assignees.map(nameOf).join(' och ') : 'Ej fördelad');

  // The domain's queries say what is overdue, soon due and unassigned; one deadline memo per tick
  // means each case's deadlines are computed once for every list, reminder and escalation.
  const wd = (a: LocalDate, b: LocalDate) => calendar.workingDaysBetween(a, b);
  const deadlinesFor = input.deadlines ?? ((c: Case) => deadlinesOf(c, rules));
  const lateList = overdue(cases, now, rules, calendar, deadlinesFor);
  // LVU 7 § and 8 §: listed every morning from the first day, in their own section on top.
  const lvuList = cases.flatMap((c) =>
    deadlinesFor(c)
      .filter((d) => d.remindFromStart && !d.done && !d.overrun && d.due >= today)
      .map((d) => ({ case: c, deadline: d, actBy: actBy(d, calendar) })),
  );
  const soonList = dueWithin(cases, now, settings.dueWithinWorkingDays, rules, calendar, deadlinesFor).filter(
    (x) => !x.deadline.remindFromStart,
  );
  const unassignedList = unassigned(cases, now, calendar).map((u) => {
    const next = deadlinesFor(u.case)
      .filter((d) => !d.done)
      .reduce<Deadline | undefined>((m, d) => (!m || d.due < m.due ? d : m), undefined);
    return { ...u, ...(next ? { next } : {}) };
  });
  const late = lateList.map(({ case: c, deadline: d }) => ({
    caseId: c.id,
    text: `**${c.id}** · ${d.label} skulle vara klar ${date(d.due)} (för ${plural(wd(d.due, today), 'arbetsdag', 'arbetsdagar')} sedan) · ${owners(c)}`,
    color: 'Attention' as const,
  }));
  const waiting = unassignedList.map(({ case: c, ageWorkingDays, next }) => ({
    caseId: c.id,
    text: `**${c.id}** · ${concernsText(c.concerns)} · ${PHASE_LABEL[c.phase]} · ofördelad ${ageWorkingDays === 0 ? 'sedan i dag' : plural(ageWorkingDays, 'arbetsdag', 'arbetsdagar')}${next ? ` · ${next.label} ${date(next.due)}` : ''}`,
    color: ageWorkingDays > 1 ? ('Attention' as const) : ('Warning' as const),
  }));
  const soon = soonList.map(({ case: c, deadline: d }) => ({
    caseId: c.id,
    text: `**${c.id}** · ${d.label} ${d.due === today ? 'i dag' : date(d.due)} · ${owners(c)}`,
    color: d.due === today ? ('Warning' as const) : ('Default' as const),
  }));
  const silent = noContact(open, now, settings.noContactDays).map((n) => ({
    caseId: n.case.id,
    text: `**${n.case.id}** · ${n.daysWithout} dagar utan kontakt med familjen${n.lastContact ? ` (senast ${date(n.lastContact)})` : ' (ingen sedan utredningen inleddes)'}${n.lastChildContact ? '' : ', inget barnsamtal'} · ${owners(n.case)}`,
    color: 'Warning' as const,
  }));
  const pendingHandover = new Set(input.handovers.map((h) => h.caseId));
  const absentOwned = open
    .filter((c) => c.assignees.some((id) => isAbsent(input.absences, id, today)))
    .map((c) => {
      const away = c.assignees
        .filter((id) => isAbsent(input.absences, id, today))
        .map(nameOf)
        .join(' och ');
      const next = nextDeadline(c, rules);
      return {
        caseId: c.id,
        text: `**${c.id}** · ${away} är frånvarande${pendingHandover.has(c.id) ? ' · överlämning ej klar' : ''}${next ? ` · ${next.label} ${date(next.due)}` : ''}`,
        color: pendingHandover.has(c.id) ? ('Attention' as const) : ('Warning' as const),
        due: next?.due ?? '9999-12-31',
      };
    })
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0))
    .map(({ due: _due, ...item }) => item);

  // Immediate protection without an owner and a recorded measure: first, whatever else is late.
  const alarms = protectionFirst(
    open.filter((c) => protectionState(c).status === 'unmet'),
    (c) => c,
  ).map((c) => {
    const state = protectionState(c);
    return {
      caseId: c.id,
      text: `**${c.id}** · ${protectionHeadline(state, nameOf)} · bedömt ${date(stockholmDate(state.since!))} kl. ${stockholmTime(state.since!)} · ${owners(c)}`,
      color: 'Attention' as const,
    };
  });
  // Out of hours since the last working day's end (a Friday 17:30 report on Monday's list), with
  // whether the socialjour recorded the skyddsbedömning.
  const oh = input.officeHours ?? DEFAULT_OFFICE_HOURS;
  const since = stockholmInstant(calendar.previousWorkingDay(today), oh.end).getTime();
  const outOfHours = cases
    .filter((c) => {
      const t = Date.parse(c.receivedAt);
      return t >= since && t <= now.getTime() && !isOfficeTime(c.receivedAt, calendar, oh);
    })
    .sort((a, b) => (a.receivedAt < b.receivedAt ? -1 : 1))
    .map((c) => ({
      caseId: c.id,
      text: `**${c.id}** · kom in utanför kontorstid ${date(stockholmDate(c.receivedAt))} kl. ${stockholmTime(c.receivedAt)} · ${
        c.skyddsbedomning
          ? `skyddsbedömning gjord${c.skyddsbedomning.immediateProtection ? ' – omedelbart skydd behövs' : ''}`
          : 'skyddsbedömning inte registrerad'
      } · ${owners(c)}`,
      color: c.skyddsbedomning ? ('Default' as const) : ('Attention' as const),
    }));
  const lvuItems = lvuList
    .sort((a, b) => (a.deadline.due < b.deadline.due ? -1 : 1))
    .map((w) => lvuLine(w, now, nameOf));
  const sections: ListSection[] = [
    {
      key: 'protection' as const,
      title: 'Omedelbart skyddsbehov utan skyddsåtgärd eller handläggare',
      color: 'Attention' as const,
      items: alarms,
    },
    { key: 'lvu' as const, title: 'LVU: omedelbart omhändertagna barn', color: 'Attention' as const, items: lvuItems },
    {
      key: 'outOfHours' as const,
      title: 'Kom in utanför kontorstid',
      color: 'Warning' as const,
      items: outOfHours,
    },
    { key: 'overdue' as const, title: 'Försenade tidsfrister', color: 'Attention' as const, items: late },
    { key: 'unassigned' as const, title: 'Ofördelade ärenden', color: 'Attention' as const, items: waiting },
    {
      key: 'dueSoon' as const,
      title: `Frister inom ${settings.dueWithinWorkingDays} arbetsdagar`,
      color: 'Warning' as const,
      items: soon,
    },
    {
      key: 'noContact' as const,
      title: `Utredningar utan kontakt med familj eller barn i ${settings.noContactDays} dagar eller mer`,
      color: 'Warning' as const,
      items: silent,
    },
    {
      key: 'absent' as const,
      title: 'Ärenden hos frånvarande kollegor',
      color: 'Warning' as const,
      items: absentOwned,
    },
  ].filter((s) => s.items.length > 0);

  const parts: string[] = [];
  if (alarms.length)
    parts.push(plural(alarms.length, 'larm om omedelbart skyddsbehov', 'larm om omedelbart skyddsbehov'));
  if (lvuItems.length) parts.push(plural(lvuItems.length, 'LVU-frist', 'LVU-frister'));
  if (outOfHours.length)
    parts.push(plural(outOfHours.length, 'anmälan utanför kontorstid', 'anmälningar utanför kontorstid'));
  if (late.length) parts.push(plural(late.length, 'försenad frist', 'försenade frister'));
  if (waiting.length)
    parts.push(
      `${plural(waiting.length, 'ofördelat ärende', 'ofördelade ärenden')} (äldsta ${plural(unassignedList[0].ageWorkingDays, 'arbetsdag', 'arbetsdagar')})`,
    );
  if (soon.length)
    parts.push(`${plural(soon.length, 'frist', 'frister')} inom ${settings.dueWithinWorkingDays} arbetsdagar`);
  if (silent.length) parts.push(plural(silent.length, 'utredning utan kontakt', 'utredningar utan kontakt'));
  if (absentOwned.length) parts.push(plural(absentOwned.length, 'ärende hos frånvarande', 'ärenden hos frånvarande'));
  const summary = parts.length
    ? `${parts.join(', ')}.`
    : 'Inget att bevaka i dag: inga försenade, ofördelade eller nära frister.';
  return {
    groupId: group.id,
    groupName: group.name,
    date: today,
    title: `Morgonlista ${group.name}, ${formatSwedishDate(today)}`,
    summary,
    sections,
    total: sections.reduce((n, s) => n + s.items.length, 0),
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
