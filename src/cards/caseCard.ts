// The case card: what a team lead needs to see first about one anmälan, and the buttons to act on it.
// Skyddsbedömning comes first and loudest; deadlines carry their status colour; no personnummer,
// no names of children or parents: only the case reference, categories, dates and staff names.
import { deadlinesOf, type Deadline } from '../domain/deadlines.js';
import { caseHeadline, urgentFirst, type CaseHeadline } from '../views/caseHeadline.js';
import { lastContacts } from '../domain/queries.js';
import { formatDate, formatDateTime, stockholmDate } from '../domain/time.js';
import { protectionState } from '../domain/protection.js';
import { caseButtons } from './caseButtons.js';
import { deadlineText, doneAtOf, lvuPanel } from './deadlineLines.js';
import { withFamilySection } from './familySection.js';
import type { AssignedToYouInput, CaseCardInput } from '../views/caseCard.js';
import { caseCardAlarm } from './protectionAlarm.js';
import { concernsText } from './labels.js';
import { renderCard, type Card } from './render.js';
import { count, noun, texts } from './text/index.js';

export function caseCardView(input: CaseCardInput) {
  const c = input.case;
  const lang = input.lang ?? 'sv';
  const t = texts(lang);
  const tc = t.caseCard;
  const ds = deadlinesOf(c, input.rules);
  const today = stockholmDate(input.now);
  const viewer = input.viewer ?? 'all';
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
      if (d.kind === 'skyddsbedomning' && d.done && c.skyddsbedomning) {
        line.text += c.skyddsbedomning.immediateProtection ? tc.skyddNeeded : tc.skyddNotNeeded;
        // Done, but what it found is the most dangerous state there is: never in the colour of "done".
        if (c.skyddsbedomning.immediateProtection) line.color = 'Attention';
      }
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
  const link = input.link ?? '';
  const buttons = caseButtons({
    case: c,
    viewer,
    rules: input.rules,
    today,
    lang,
    hasChoices: choices.length > 0,
    link,
  });
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
    ...buttons,
    choices,
    defaultChoice: c.assignees[0] ?? input.suggestedOwner ?? '',
    ...lvuPanel(c, ds, input.now, input.calendar, lang),
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
export function assignedToYouCard(input: AssignedToYouInput): Card {
  const view = caseCardView({ ...input, viewer: 'none' });
  // Registrera kontakt and "Påminn mig i morgon" (src/app/snooze.ts) when they apply to the case now.
  const card = renderCard('assigned-to-you', {
    ...view,
    myOpen: input.myOpen,
    canContact: !!input.canContact,
    canSnooze: !!input.canSnooze,
  });
  return withFamilySection(card, input.family && { ...input.family, assignSiblings: undefined }, input.lang);
}
