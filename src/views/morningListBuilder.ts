// The morning list of one group: what a team lead must see at 07:45, most urgent first. Pure: cases,
// organisation, absences, open handovers, the clock, calendar, rules and settings in; a view out
// (the card is src/cards/morningList.ts). No I/O, so it is tested with plain calls and benched.
// The problems are found in ./morningProblems.ts; here each case is listed once, under its worst.
import { loadPerCaseworker, type Load } from '../domain/queries.js';
import type { Case } from '../domain/schemas.js';
import { formatDate, stockholmDate } from '../domain/time.js';
import { count, noun, texts, type Lang } from '../cards/text/index.js';
import type { AssignChoice, ListItem, ListSection, MorningListView, SectionKey } from './morningList.js';
import { concernsOf, factsOf, groupsOf, SECTION_ORDER, type ListInputs } from './morningInputs.js';
import { collectProblems, type Problem } from './morningProblems.js';

export type { AssignChoice, ListItem, ListSection, MorningListView, SectionKey } from './morningList.js';
export {
  DEFAULT_LIST_SETTINGS,
  deadlineMemo,
  listCases,
  SECTION_ORDER,
  type HandoverItem,
  type ListInputs,
  type ListSettings,
} from './morningInputs.js';

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

const compareRank = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Worst section first; within one, the first problem (the earliest deadline). Stable. */
const byWorst = (a: Problem, b: Problem) => a.order - b.order || compareRank(a.rank, b.rank);

interface Row {
  item: ListItem;
  rank: string;
  violence: number;
  seq: number;
}

export function buildMorningList(input: ListInputs): MorningListView {
  const { group, now, settings } = input;
  const lang = input.lang ?? 'sv';
  const all = texts(lang);
  const m = all.morning;
  const today = stockholmDate(now);
  const { all: allCases, cases, open, counts } = groupsOf(input.cases, group.id);
  const found = collectProblems(input, cases, open);
  const { nameOf } = found;
  const owners = (c: Case) => (c.assignees.length ? c.assignees.map(nameOf).join(` ${all.and} `) : all.unassigned);
  const waitingDays = new Map(found.unassigned.map((u) => [u.case.id, u.age.workingDays]));

  // Each case once, under its worst problem; its other problems in a few words on the same row.
  const rows = new Map<SectionKey, Row[]>();
  let seq = 0;
  for (const list of found.byCase.values()) {
    // Most cases have one or two problems: those need no sort and no set.
    const sorted =
      list.length === 1 ? list : list.length === 2 && byWorst(list[0], list[1]) <= 0 ? list : [...list].sort(byWorst);
    const worst = sorted[0];
    const c = worst.case;
    // The other problems, also a second deadline of the same kind ("även LVU-frist fre 6 feb").
    const others =
      sorted.length === 1
        ? []
        : sorted.length === 2
          ? [found.also(sorted[1])]
          : [...new Set(sorted.slice(1).map(found.also))];
    const concerns = concernsOf(c, lang);
    const owner = owners(c);
    let detail = concerns ? (owner ? `${concerns} · ${owner}` : concerns) : owner;
    if (others.length) {
      const also = m.also(others.join('; '));
      if (also) detail = detail ? `${detail} · ${also}` : also;
    }
    const unassignedOpen = c.assignees.length === 0 && c.phase !== 'closed' && !c.sectionKind;
    const waited = waitingDays.get(c.id);
    let section = rows.get(worst.key);
    if (!section) rows.set(worst.key, (section = []));
    section.push({
      item: {
        caseId: c.id,
        version: c.version,
        text: found.text(worst),
        detail,
        color: worst.color,
        unassigned: unassignedOpen,
        ...(waited !== undefined ? { waitingWorkingDays: waited } : {}),
      },
      rank: worst.rank,
      violence: factsOf(c).violence,
      seq: seq++,
    });
  }
  const itemsOf = (key: SectionKey) =>
    (rows.get(key) ?? [])
      .sort((a, b) => compareRank(a.rank, b.rank) || a.violence - b.violence || a.seq - b.seq)
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
  const n = (key: SectionKey) => found.casesWith.get(key) ?? 0;
  const parts: string[] = [];
  const sum = m.summary;
  if (n('protection')) parts.push(sum.protection(n('protection')));
  // LVU: the deadlines are counted, each ends the child's protection if missed.
  if (found.lvuDeadlines) parts.push(sum.lvu(found.lvuDeadlines));
  if (n('overdue')) parts.push(sum.overdue(n('overdue')));
  if (n('outOfHours')) parts.push(sum.outOfHours(n('outOfHours')));
  if (found.unassigned.length) {
    const oldest = found.age(stockholmDate(found.unassigned[0].case.receivedAt));
    parts.push(sum.unassigned(found.unassigned.length, oldest.days > 0 ? oldest.text : ''));
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
    choices: assignChoices(
      loadPerCaseworker(allCases, { staff: input.staff }, input.absences, now, group.id, counts),
      lang,
    ),
    ...(lang !== 'sv' ? { lang } : {}),
  };
}
