// The case card: what a team lead needs to see first about one anmälan, and the buttons to act on it.
// Skyddsbedömning comes first and loudest; deadlines carry their status colour; no personnummer,
// no names of children or parents: only the case reference, categories, dates and staff names.
import type { Calendar } from '../domain/calendar.js';
import { actBy, deadlinesOf, deadlineStatus, type Deadline } from '../domain/deadlines.js';
import { caseHeadline, urgentFirst, type CaseHeadline } from '../views/caseHeadline.js';
import { lastContacts, type Load } from '../domain/queries.js';
import type { RuleTable } from '../domain/rules.js';
import type { Case, Role } from '../domain/schemas.js';
import { daysBetween, formatDate, formatDateTime, stockholmDate } from '../domain/time.js';
import { protectionState } from '../domain/protection.js';
import { decisionButtons } from './decisionForms.js';
import { withFamilySection, type FamilySectionView } from './familySection.js';
import { caseCardAlarm } from './protectionAlarm.js';
import { concernsText, STATUS_COLOR } from './labels.js';
import { renderCard, type Card } from './render.js';
import { count, noun, texts, type Lang } from './text/index.js';

export interface CaseCardInput {
  case: Case;
  now: Date;
  rules: RuleTable;
  calendar: Calendar;
  groupName: string;
  nameOf: (staffId: string) => string;
  /** Caseworkers of the group with their load, for the assign list. */
  loads: Load[];
  link?: string;
  /** Linked cases in other groups: reference and group name. */
  linked?: { id: string; groupName: string }[];
  /** A line on top: who changed the case, or a refusal shown to one person. */
  notice?: { text: string; tone: 'warning' | 'attention' | 'good' };
  /** Which buttons to show: 'all' in a channel (the server checks every press), or one role's view. */
  viewer?: Role | 'all' | 'none';
  /** Users whose cards Teams refreshes on open (at most 60, and not in team channels). */
  refreshUserIds?: string[];
  /** Siblings, other sections and the child's history (src/cards/familySection.ts). */
  family?: FamilySectionView;
  /** Preselected in the assign list of an unassigned case: a sibling's owner (docs/family.md). */
  suggestedOwner?: string;
  /**
   * What the watches say about the case, one line each (the VINR notice, the "genast" nudge, a
   * report out of hours): src/app/watchLines.ts.
   */
  watchLines?: { text: string; color: string }[];
  /** The reader's language (src/cards/text/); Swedish when absent, and always on a channel card. */
  lang?: Lang;
}

export interface DeadlineLine {
  label: string;
  text: string;
  color: string;
}

export function deadlineText(
  d: Deadline,
  now: Date,
  calendar: Calendar,
  doneAt?: string,
  lang: Lang = 'sv',
): DeadlineLine {
  const t = texts(lang).caseCard;
  const status = deadlineStatus(d, now, calendar);
  const today = stockholmDate(now);
  const year = Number(today.slice(0, 4));
  const fmt = (x: string) => formatDate(x, year, lang);
  const date = fmt(d.due);
  let text: string;
  switch (status) {
    case 'done':
      text = doneAt ? t.doneAt(formatDateTime(doneAt, undefined, lang)) : t.done;
      break;
    case 'overdue':
      text = t.overdue(date);
      break;
    case 'due_today':
      text = t.dueToday(date);
      break;
    default:
      text = t.left(date, count(daysBetween(today, d.due), 'dag', lang));
  }
  if (d.overrun) text = t.overrun(fmt(d.statutoryDue), date);
  else if (d.due !== d.statutoryDue && status !== 'done') text += ` · ${t.statutory(fmt(d.statutoryDue))}`;
  // LVU 7 § and 8 §: a weekend never gives more time, so the card says when to act.
  if (d.noWeekendGrace && status !== 'done' && status !== 'overdue' && !calendar.isWorkingDay(d.due))
    text += ` · ${t.noWeekendGrace(fmt(actBy(d, calendar)))}`;
  if (d.informational && status !== 'done') text += ` · ${t.courtInfo}`;
  return { label: texts(lang).deadline[d.kind], text, color: STATUS_COLOR[status] };
}

function doneAtOf(c: Case, d: Deadline): string | undefined {
  if (d.kind === 'skyddsbedomning') return c.skyddsbedomning?.at;
  if (d.kind === 'forhandsbedomning') return c.forhandsbedomning?.decidedAt;
  if (d.kind === 'aterkoppling') return c.aterkoppling?.doneAt;
  if (d.kind === 'utredning') return c.closure?.at;
  if (d.kind === 'utredning_information') return c.utredning?.information?.at;
  if (d.kind === 'uppfoljning_information') return c.uppfoljning?.informedAt;
  if (d.kind.startsWith('lvu_')) return undefined;
  return c.uppfoljning?.doneAt;
}

/** The LVU panel on top of the card: the open deadlines where being late ends the protection. */
function lvuPanel(c: Case, ds: Deadline[], now: Date, calendar: Calendar, lang: Lang) {
  const t = c.lvu;
  if (!t || t.endedOn) return { hasLvu: false, lvu: { title: '', lines: [] as DeadlineLine[] } };
  const open = ds.filter((d) => d.kind.startsWith('lvu_') && !d.done).sort((a, b) => (a.due < b.due ? -1 : 1));
  const year = Number(stockholmDate(now).slice(0, 4));
  return {
    hasLvu: true,
    lvu: {
      title: texts(lang).caseCard.lvuTitle(
        formatDate(t.decidedOn, year, lang),
        t.verkstalldOn ? formatDate(t.verkstalldOn, year, lang) : undefined,
      ),
      lines: open.map((d) => deadlineText(d, now, calendar, undefined, lang)),
    },
  };
}

/** One button of the case card: Action.Execute with the case's reference and version. */
interface CaseButton {
  title: string;
  verb: string;
  style: 'positive' | 'default';
}

/**
 * At most three primary buttons, and only as many as fit side by side at phone width (340 px, the
 * test/cards/phoneWidth.browser.test.ts check), with "Mer" after them: an Action.ShowCard that lists
 * the rest one per row. The width is estimated from the title: 8 px a character and 34 px padding
 * and spacing; "Mer" takes 70 px.
 */
export const PHONE_BUTTON_ROW_PX = 308;
const buttonPx = (title: string) => title.length * 8 + 34;
const MORE_PX = 70;

function primaryCount(titles: string[]): number {
  const fits = (n: number, more: boolean) =>
    titles.slice(0, n).reduce((w, t) => w + buttonPx(t), more ? MORE_PX : 0) <= PHONE_BUTTON_ROW_PX;
  if (titles.length <= 3 && fits(titles.length, false)) return titles.length;
  let n = Math.min(3, titles.length);
  while (n > 1 && !fits(n, true)) n -= 1;
  return n;
}

/** Decision buttons every role may press: what a channel card shows (the server checks anyway). */
function everyoneButtons(c: Case, rules: RuleTable, today: string, lang: Lang) {
  const per = (['caseworker', 'team_lead', 'unit_manager'] as const).map((r) =>
    decisionButtons(c, r, rules, today, lang),
  );
  const all = (k: 'main' | 'more' | 'lvu') =>
    per[0]![k].filter((b) => per.every((p) => [...p.main, ...p.more, ...p.lvu].some((x) => x.verb === b.verb)));
  return { main: [...all('main'), ...all('more')], lvu: all('lvu') };
}

export function caseCardView(input: CaseCardInput) {
  const c = input.case;
  const lang = input.lang ?? 'sv';
  const t = texts(lang);
  const tc = t.caseCard;
  const ds = deadlinesOf(c, input.rules);
  const today = stockholmDate(input.now);
  const viewer = input.viewer ?? 'all';
  const channel = viewer === 'all';
  // Immediate protection without owner and measure is never "done": the alarm goes first, in red.
  const protection = protectionState(c);
  const alarmOn = protection.status === 'unmet';
  // The headline: the alarm, else the most urgent open deadline (src/views/caseHeadline.ts).
  const head: CaseHeadline = c.sectionKind
    ? {
        lead: 'none',
        text: tc.outsideTitle,
        detail: tc.outsideDetail,
        color: 'Default',
        style: 'default',
      }
    : caseHeadline({
        deadlines: ds,
        protection,
        now: input.now,
        calendar: input.calendar,
        closed: c.phase === 'closed',
        lang,
      });
  // The other deadlines under it: open ones by urgency, then what is done (done moves down). The
  // open LVU deadlines have their own panel.
  const inLvuPanel = (d: Deadline) => d.kind.startsWith('lvu_') && !d.done && !!c.lvu && !c.lvu.endedOn;
  const ordered = [...urgentFirst(ds, input.now, input.calendar), ...ds.filter((d) => d.done)];
  const others = ordered
    .filter((d) => d !== head.deadline && !inLvuPanel(d))
    .map((d) => {
      const line = deadlineText(d, input.now, input.calendar, doneAtOf(c, d), lang);
      if (d.kind === 'skyddsbedomning' && d.done && c.skyddsbedomning)
        line.text += c.skyddsbedomning.immediateProtection ? tc.skyddNeeded : tc.skyddNotNeeded;
      return line;
    });
  const unassigned = c.assignees.length === 0;
  const open = c.phase !== 'closed';
  const contacts = lastContacts(c);
  // Everyone in the group, those present first; absent people are listed (marked) so the team lead
  // sees why they are not an option, and the server refuses them with that reason.
  const choices = [...input.loads.filter((l) => !l.absent), ...input.loads.filter((l) => l.absent)].map((l) => ({
    // "3/5 ärenden" against the capacity, else "1 ärende", "3 ärenden" (never "1 ärenden").
    title: tc.choice(
      l.staff.name,
      l.capacity !== undefined ? `${l.open}/${l.capacity} ${noun(2, 'ärende', lang)}` : count(l.open, 'ärende', lang),
      l.absent,
      !!l.overCapacity,
    ),
    value: l.staff.aadObjectId,
  }));
  const absent = input.loads.filter((l) => l.absent).map((l) => l.staff.name);
  // Which buttons (docs/cards.md "Buttons by role"). A channel card is the same for every member
  // (Teams refreshes no card per user there): only what every role may do, and "Åtgärder", which
  // answers the presser alone with their own role's card. A role's own view has that role's buttons.
  // Every press is checked on the server whatever the card showed.
  const decisions = c.sectionKind
    ? { main: [], lvu: [] }
    : channel
      ? everyoneButtons(c, input.rules, today, lang)
      : (() => {
          const b = decisionButtons(c, viewer, input.rules, today, lang);
          return { main: [...b.main, ...b.more], lvu: b.lvu };
        })();
  const canTake = open && unassigned && (channel || viewer === 'caseworker');
  const canAssign = open && !channel && (viewer === 'team_lead' || viewer === 'unit_manager') && choices.length > 0;
  const hasHistory = viewer !== 'none';
  const assignTitle = unassigned ? tc.assign : tc.reassign;
  const btn = (title: string, verb: string, style: CaseButton['style'] = 'default'): CaseButton => ({
    title,
    verb,
    style,
  });
  const lead = canTake ? [btn(tc.take, 'case.take', 'positive')] : [];
  const rest = [
    ...(channel ? [btn(tc.actions, 'case.actions')] : []),
    ...(channel && hasHistory ? [btn(tc.history, 'decision.timeline.show')] : []),
    ...[...decisions.main, ...decisions.lvu].map((d) => btn(d.title, d.verb)),
    ...(!channel && hasHistory ? [btn(tc.history, 'decision.timeline.show')] : []),
  ];
  const link = input.link ?? '';
  // Take or assign first (never both: take is the caseworker's, assign the lead's), then the rest.
  const firstTitles = [...lead.map((b) => b.title), ...(canAssign ? [assignTitle] : [])];
  const titles = [...firstTitles, ...rest.map((b) => b.title), ...(link ? [tc.openInSystem] : [])];
  const primary = Math.max(primaryCount(titles), firstTitles.length);
  const restPrimary = Math.max(0, primary - firstTitles.length);
  const primaryActions = rest.slice(0, restPrimary);
  const moreActions = rest.slice(restPrimary);
  const linkPrimary = !!link && moreActions.length === 0 && primary === titles.length;
  return {
    lang,
    ...caseCardAlarm(protection, input.nameOf, lang),
    watchLines: input.watchLines ?? [],
    hasWatchLines: (input.watchLines ?? []).length > 0,
    caseId: c.id,
    version: c.version,
    // The reference first: a line then breaks after it, never inside it (phone width).
    title: `${c.id} · ${c.phase === 'skyddsbedomning' ? tc.newReport : t.phase[c.phase]}`,
    headline: {
      text: head.text,
      detail: head.detail,
      color: head.color,
      style: head.style,
      // Under a red alarm, the deadline is the second thing: a size smaller.
      size: alarmOn ? 'Medium' : 'Large',
    },
    facts: [
      {
        title: tc.received,
        value: formatDateTime(c.receivedAt, Number(today.slice(0, 4)), lang),
      },
      {
        title: tc.reporter,
        value: `${t.reporter[c.reporter.type]} (${c.reporter.professional ? tc.professional : tc.notProfessional})`,
      },
      { title: tc.concerns, value: concernsText(c.concerns, lang) },
      { title: tc.group, value: input.groupName },
      { title: tc.phase, value: t.phase[c.phase] },
    ],
    owner: unassigned ? t.unassigned : c.assignees.map(input.nameOf).join(` ${t.and} `),
    ownerColor: unassigned && open ? 'Attention' : 'Default',
    deadlines: others,
    contactLine:
      c.phase === 'utredning'
        ? tc.lastContact(
            contacts.family ? formatDate(contacts.family, undefined, lang) : tc.noContact,
            contacts.child ? formatDate(contacts.child, undefined, lang) : tc.noChildTalk,
          )
        : '',
    linked: (input.linked ?? []).map((l) => ({ text: tc.linked(l.groupName), id: l.id })),
    hasLinked: (input.linked ?? []).length > 0,
    notice: input.notice
      ? {
          text: input.notice.text,
          color: input.notice.tone === 'good' ? 'Good' : input.notice.tone === 'attention' ? 'Attention' : 'Warning',
        }
      : undefined,
    hasNotice: !!input.notice,
    canTake,
    canAssign,
    assignTitle,
    choices,
    defaultChoice: c.assignees[0] ?? input.suggestedOwner ?? '',
    leadActions: lead,
    primaryActions,
    moreActions,
    hasMore: moreActions.length > 0 || (!!link && !linkPrimary),
    linkPrimary,
    ...lvuPanel(c, ds, input.now, input.calendar, lang),
    hasHistory,
    absentLine: absent.length ? tc.absentToday(absent.join(', ')) : '',
    link,
    hasRefresh: (input.refreshUserIds ?? []).length > 0,
    refreshUserIds: (input.refreshUserIds ?? []).slice(0, 60),
  };
}

export type CaseCardView = ReturnType<typeof caseCardView>;

export function caseCard(input: CaseCardInput): Card {
  const view = caseCardView(input);
  const card = renderCard('case', view);
  if (!view.hasRefresh) delete card.refresh;
  return withFamilySection(card, input.family, input.lang);
}

/** The personal 1:1 card for a new owner: the case, its deadlines, skyddsbedömning first. */
export function assignedToYouCard(
  input: CaseCardInput & { myOpen: number; canContact?: boolean; canSnooze?: boolean },
): Card {
  const view = caseCardView({ ...input, viewer: 'none' });
  // Registrera kontakt and "Påminn mig i morgon" (src/jobs/snooze.ts) when they apply to the case now.
  const card = renderCard('assigned-to-you', {
    ...view,
    myOpen: input.myOpen,
    canContact: !!input.canContact,
    canSnooze: !!input.canSnooze,
  });
  return withFamilySection(card, input.family && { ...input.family, assignSiblings: undefined }, input.lang);
}
