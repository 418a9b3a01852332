// Escalation to the unit manager: cases unassigned for more than 1 working day, and overdue
// deadlines, in ONE summary per day (not one message per case). Pure, like the morning list: it
// reuses that builder's sections so both say the same thing in the same words. The card, fitted to
// Teams' size, is src/cards/escalationCard.ts. Each row opens its
// case, and an unassigned one can be assigned from the card (list.assign, src/bot/actions/listRows.ts):
// the enhetschef may not be in the group's channel.
import type { Calendar } from '../domain/calendar.js';
import type { RuleTable } from '../domain/rules.js';
import type { Absence, Case, Group, Staff } from '../domain/schemas.js';
import { formatDate, stockholmDate } from '../domain/time.js';
import { count, texts, type Lang } from '../cards/text/index.js';
import { lvuLine, lvuWarnings } from './lvuWarnings.js';
import {
  buildMorningList,
  DEFAULT_LIST_SETTINGS,
  type AssignChoice,
  type ListSection,
  type MorningListView,
} from './morningListBuilder.js';

export interface EscalationInputs {
  groups: readonly Group[];
  cases: Iterable<Case>;
  staff: readonly Staff[];
  now: Date;
  calendar: Calendar;
  rules: RuleTable;
  /** The groups' morning lists when already built (the scheduler builds them once for both). */
  views?: ReadonlyMap<string, MorningListView>;
  /** Who is absent today (the choices in Tilldela mark them); none when not given. */
  absences?: readonly Absence[];
  /** The unit manager's language (src/app/recipientLang.ts); `views` are used only for Swedish. */
  lang?: Lang;
}

export interface EscalationView {
  title: string;
  summary: string;
  /** A group's sections name it: its rows' Tilldela offers that group's caseworkers. */
  sections: (ListSection & { groupId?: string })[];
  total: number;
  /** Per group: its caseworkers by load. */
  choices: Record<string, AssignChoice[]>;
  /** Absent for Swedish: the template's words follow it. */
  lang?: Lang;
}

/** What the unit manager must hear today, or undefined when nothing is overdue or waiting too long. */
export function buildEscalation(input: EscalationInputs): EscalationView | undefined {
  const cases = [...input.cases];
  const today = stockholmDate(input.now);
  const lang = input.lang ?? 'sv';
  const t = texts(lang).escalation;
  const sections: EscalationView['sections'] = [];
  const choices: Record<string, AssignChoice[]> = {};
  let overdue = 0;
  let waiting = 0;
  let protection = 0;
  // LVU 7 § and 8 §: two working days before, for every group (src/views/lvuWarnings.ts).
  const names = new Map(input.staff.map((s) => [s.aadObjectId, s.name]));
  const lvu = lvuWarnings(cases, input.now, input.calendar, input.rules).filter((w) => w.deadline.due >= today);
  if (lvu.length)
    sections.push({
      key: 'lvu',
      title: t.lvuTitle,
      color: 'Attention',
      items: lvu.map((w) => lvuLine(w, input.now, (id) => names.get(id) ?? texts(lang).lvu.unknownPerson, lang)),
    });
  for (const group of input.groups) {
    const view =
      (lang === 'sv' ? input.views?.get(group.id) : undefined) ??
      buildMorningList({
        group,
        cases,
        staff: input.staff,
        absences: input.absences ?? [],
        handovers: [],
        now: input.now,
        calendar: input.calendar,
        rules: input.rules,
        settings: DEFAULT_LIST_SETTINGS,
        lang,
      });
    choices[group.id] = view.choices;
    const alarms = view.sections.find((s) => s.key === 'protection')?.items ?? [];
    if (alarms.length)
      sections.push({
        key: 'protection',
        groupId: group.id,
        title: t.protectionTitle(group.name),
        color: 'Attention',
        items: alarms,
      });
    protection += alarms.length;
    const late = view.sections.find((s) => s.key === 'overdue')?.items ?? [];
    // "more than 1 working day"; each case is listed once, so one unassigned for long may be listed
    // under its overdue deadline: counted here wherever it is, shown as a row only once.
    const waitingLong = (i: { waitingWorkingDays?: number }) => (i.waitingWorkingDays ?? 0) > 1;
    const stale = (view.sections.find((s) => s.key === 'unassigned')?.items ?? []).filter(waitingLong);
    const staleAnywhere = view.sections.flatMap((s) => s.items).filter(waitingLong).length;
    if (stale.length)
      sections.push({
        key: 'unassigned',
        groupId: group.id,
        title: t.unassignedTitle(group.name),
        color: 'Attention',
        items: stale,
      });
    if (late.length)
      sections.push({
        key: 'overdue',
        groupId: group.id,
        title: t.overdueTitle(group.name),
        color: 'Attention',
        items: late,
      });
    overdue += late.length;
    waiting += staleAnywhere;
  }
  if (sections.length === 0) return undefined;
  // The immediate-protection alarms are the most urgent thing: first, before the LVU deadlines.
  sections.sort((a, b) => Number(b.key === 'protection') - Number(a.key === 'protection'));
  const parts = [
    ...(protection ? [t.alarms(count(protection, 'larm', lang))] : []),
    ...(lvu.length ? [t.lvu(count(lvu.length, 'LVU-frist', lang))] : []),
    ...(waiting ? [t.waiting(count(waiting, 'ärende ofördelat', lang))] : []),
    ...(overdue ? [count(overdue, 'försenad tidsfrist', lang)] : []),
  ];
  return {
    title: t.title(formatDate(today, undefined, lang)),
    summary: `${parts.join(` ${texts(lang).and} `)}.`,
    sections,
    total: sections.reduce((n, s) => n + s.items.length, 0),
    choices,
    ...(lang === 'sv' ? {} : { lang }),
  };
}
