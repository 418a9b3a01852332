// The case card: what a team lead needs to see first about one anmälan, and the buttons to act on it.
// Skyddsbedömning comes first and loudest; deadlines carry their status colour; no personnummer,
// no names of children or parents: only the case reference, categories, dates and staff names.
import type { Calendar } from '../domain/calendar.js';
import { actBy, deadlinesOf, deadlineStatus, type Deadline } from '../domain/deadlines.js';
import { lastContacts, type Load } from '../domain/queries.js';
import type { RuleTable } from '../domain/rules.js';
import type { Case, Role } from '../domain/schemas.js';
import { daysBetween, formatSwedishDate, formatSwedishDateTime, stockholmDate } from '../domain/time.js';
import { protectionState } from '../domain/protection.js';
import { decisionButtons } from './decisionForms.js';
import { withFamilySection, type FamilySectionView } from './familySection.js';
import { caseCardAlarm } from './protectionAlarm.js';
import { concernsText, DEADLINE_LABEL, PHASE_LABEL, REPORTER_LABEL, STATUS_COLOR } from './labels.js';
import { renderCard, type Card } from './render.js';

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
}

export interface DeadlineLine {
  label: string;
  text: string;
  color: string;
}

export function deadlineText(d: Deadline, now: Date, calendar: Calendar, doneAt?: string): DeadlineLine {
  const status = deadlineStatus(d, now, calendar);
  const today = stockholmDate(now);
  const year = Number(today.slice(0, 4));
  const date = formatSwedishDate(d.due, year);
  let text: string;
  switch (status) {
    case 'done':
      text = doneAt ? `klar ${formatSwedishDateTime(doneAt)}` : 'klar';
      break;
    case 'overdue':
      text = `FÖRSENAD – skulle vara klar ${date}`;
      break;
    case 'due_today':
      text = `i dag, ${date}`;
      break;
    default: {
      const left = daysBetween(today, d.due);
      text = `${date} (${left === 1 ? '1 dag' : `${left} dagar`} kvar)`;
    }
  }
  if (d.overrun)
    text = `FÖRSENAD – fristen gick ut ${formatSwedishDate(d.statutoryDue, year)}; förlängning beslutad i efterhand till ${date}`;
  else if (d.due !== d.statutoryDue && status !== 'done')
    text += ` · lagstadgat ${formatSwedishDate(d.statutoryDue, year)}`;
  // LVU 7 § and 8 §: a weekend never gives more time, so the card says when to act.
  if (d.noWeekendGrace && status !== 'done' && status !== 'overdue' && !calendar.isWorkingDay(d.due))
    text += ` · helg ger ingen extra tid: senast ${formatSwedishDate(actBy(d, calendar), year)}`;
  if (d.informational && status !== 'done') text += ' · rättens frist (information)';
  return { label: DEADLINE_LABEL[d.kind], text, color: STATUS_COLOR[status] };
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
function lvuPanel(c: Case, ds: Deadline[], now: Date, calendar: Calendar) {
  const t = c.lvu;
  if (!t || t.endedOn) return { hasLvu: false, lvu: { title: '', lines: [] as DeadlineLine[] } };
  const open = ds.filter((d) => d.kind.startsWith('lvu_') && !d.done).sort((a, b) => (a.due < b.due ? -1 : 1));
  const year = Number(stockholmDate(now).slice(0, 4));
  return {
    hasLvu: true,
    lvu: {
      title: `LVU: omedelbart omhändertagande ${formatSwedishDate(t.decidedOn, year)}${t.verkstalldOn ? `, verkställt ${formatSwedishDate(t.verkstalldOn, year)}` : ' – verkställighet ej registrerad'}`,
      lines: open.map((d) => deadlineText(d, now, calendar)),
    },
  };
}

export function caseCardView(input: CaseCardInput) {
  const c = input.case;
  const ds = deadlinesOf(c, input.rules);
  // A case outside child welfare (docs/family.md) has no deadlines, so no skyddsbedömning either.
  const skydd = ds.find((d) => d.kind === 'skyddsbedomning');
  const skyddLine = skydd
    ? deadlineText(skydd, input.now, input.calendar, c.skyddsbedomning?.at)
    : { label: '', text: 'Ärendet är registrerat för samordning med barn och unga.', color: 'Default' };
  const skyddStatus = skydd ? deadlineStatus(skydd, input.now, input.calendar) : 'done';
  const others = ds
    .filter((d) => d.kind !== 'skyddsbedomning' && !(d.kind.startsWith('lvu_') && !d.done && c.lvu && !c.lvu.endedOn))
    .map((d) => deadlineText(d, input.now, input.calendar, doneAtOf(c, d)));
  // A case outside child welfare has none of the child-welfare decisions (docs/family.md).
  const buttons = c.sectionKind
    ? { main: [], more: [], lvu: [] }
    : decisionButtons(c, input.viewer ?? 'all', input.rules, stockholmDate(input.now));
  const unassigned = c.assignees.length === 0;
  const viewer = input.viewer ?? 'all';
  const open = c.phase !== 'closed';
  const contacts = lastContacts(c);
  // Everyone in the group, those present first; absent people are listed (marked) so the team lead
  // sees why they are not an option, and the server refuses them with that reason.
  const choices = [...input.loads.filter((l) => !l.absent), ...input.loads.filter((l) => l.absent)].map((l) => ({
    title: `${l.staff.name} – ${l.open}${l.capacity !== undefined ? `/${l.capacity}` : ''} ärenden${l.absent ? ' (frånvarande)' : l.overCapacity ? ' (över kapacitet)' : ''}`,
    value: l.staff.aadObjectId,
  }));
  const absent = input.loads.filter((l) => l.absent).map((l) => l.staff.name);
  // Immediate protection without owner and measure is never "done": the alarm goes first, in red.
  const protection = protectionState(c);
  const alarmOn = protection.status === 'unmet';
  return {
    ...caseCardAlarm(protection, input.nameOf),
    watchLines: input.watchLines ?? [],
    hasWatchLines: (input.watchLines ?? []).length > 0,
    caseId: c.id,
    version: c.version,
    title: c.phase === 'skyddsbedomning' ? `Ny anmälan · ${c.id}` : `${PHASE_LABEL[c.phase]} · ${c.id}`,
    skydd: {
      text: !skydd
        ? 'Ärende utanför barn och unga: inga tidsfrister bevakas'
        : skyddStatus === 'done'
          ? `Skyddsbedömning gjord${c.skyddsbedomning?.immediateProtection ? ' – omedelbart skydd behövs' : ' – inget omedelbart skyddsbehov'}`
          : skyddStatus === 'overdue'
            ? 'Skyddsbedömning FÖRSENAD'
            : 'Skyddsbedömning ska göras i dag',
      // The header already says FÖRSENAD; the line under it says since when.
      detail: skyddLine.text.replace(/^FÖRSENAD – /, ''),
      color: alarmOn ? 'Attention' : skyddLine.color,
      style: skyddStatus === 'overdue' || alarmOn ? 'attention' : skyddStatus === 'done' ? 'good' : 'warning',
    },
    facts: [
      {
        title: 'Mottagen',
        value: `${formatSwedishDate(stockholmDate(c.receivedAt), Number(stockholmDate(input.now).slice(0, 4)))} kl. ${formatSwedishDateTime(c.receivedAt).slice(11)}`,
      },
      {
        title: 'Anmälare',
        value: `${REPORTER_LABEL[c.reporter.type]} (${c.reporter.professional ? 'yrkesverksam' : 'ej yrkesverksam'})`,
      },
      { title: 'Oro', value: concernsText(c.concerns) },
      { title: 'Grupp', value: input.groupName },
      { title: 'Fas', value: PHASE_LABEL[c.phase] },
    ],
    owner: unassigned ? 'Ej fördelad' : c.assignees.map(input.nameOf).join(' och '),
    ownerColor: unassigned && open ? 'Attention' : 'Default',
    deadlines: others,
    contactLine:
      c.phase === 'utredning'
        ? `Senaste kontakt med familjen: ${contacts.family ? formatSwedishDate(contacts.family) : 'ingen'} · med barnet: ${contacts.child ? formatSwedishDate(contacts.child) : 'inget barnsamtal'}`
        : '',
    linked: (input.linked ?? []).map((l) => ({ text: `Samma barn har ett öppet ärende i ${l.groupName}: ${l.id}` })),
    hasLinked: (input.linked ?? []).length > 0,
    notice: input.notice
      ? {
          text: input.notice.text,
          color: input.notice.tone === 'good' ? 'Good' : input.notice.tone === 'attention' ? 'Attention' : 'Warning',
        }
      : undefined,
    hasNotice: !!input.notice,
    canTake: open && unassigned && (viewer === 'all' || viewer === 'caseworker'),
    canAssign: open && (viewer === 'all' || viewer === 'team_lead' || viewer === 'unit_manager') && choices.length > 0,
    assignTitle: unassigned ? 'Tilldela' : 'Fördela om',
    choices,
    defaultChoice: c.assignees[0] ?? input.suggestedOwner ?? '',
    // The decision forms this viewer may open now, and the history (src/cards/decisionForms.ts).
    // (at most 5 per ActionSet in Teams' host config: the history button has its own set).
    decisions: buttons.main,
    moreDecisions: buttons.more,
    lvuDecisions: buttons.lvu,
    ...lvuPanel(c, ds, input.now, input.calendar),
    hasHistory: viewer !== 'none',
    absentLine: absent.length ? `Frånvarande i dag: ${absent.join(', ')}` : '',
    link: input.link ?? '',
    hasRefresh: (input.refreshUserIds ?? []).length > 0,
    refreshUserIds: (input.refreshUserIds ?? []).slice(0, 60),
  };
}

export type CaseCardView = ReturnType<typeof caseCardView>;

export function caseCard(input: CaseCardInput): Card {
  const view = caseCardView(input);
  const card = renderCard('case', view);
  if (!view.hasRefresh) delete card.refresh;
  return withFamilySection(card, input.family);
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
  return withFamilySection(card, input.family && { ...input.family, assignSiblings: undefined });
}
