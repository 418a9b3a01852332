// The handover checklist card: every open case of the absent person, most urgent first, with its next
// deadline, who took it over, the five checklist steps and the written status; per case the controls
// to reassign, tick and write. A long list falls back to one "Hantera" button per case so the card
// stays under the size limit with 60 cases. Pure: a view in, card JSON out.
import type { Calendar } from '../domain/calendar.js';
import { deadlineStatus } from '../domain/deadlines.js';
import { remainingCoOwners, STEP_LABEL, type Handover, type Note, type Step } from '../domain/handover.js';
import { type EntryState } from '../domain/handoverProgress.js';
import { formatSwedishDate, stockholmDate } from '../domain/time.js';
import { dueWord } from './text/index.js';

/** " · FÖRSENAD", " · i dag", " · om 3 dagar": the word beside the deadline's colour. */
const dueSuffix = (due: string, late: boolean, today: string) => {
  const w = late ? 'FÖRSENAD' : dueWord(due, today);
  return w ? ` · ${w}` : '';
};
import { PHASE_LABEL, STATUS_COLOR } from './labels.js';
import { cardSize, MAX_CARD_BYTES, renderCard, type Card } from './render.js';
import { progress as progressOf } from '../domain/handoverProgress.js';

export const HANDOVER_TEMPLATE = 'handover';

/** Above this many cases the list is compact (one row per case, opened one at a time). */
export const INLINE_MAX_CASES = 12;

export interface HandoverCardOptions {
  notice?: { text: string; tone: 'good' | 'attention' | 'warning' };
  /** Show one case only, with its controls (the answer to "Hantera" on a long list). */
  focusCaseId?: string;
  /**
   * The case whose written status is shown, to the one person who pressed "Visa status" (an invoke
   * answer). Otherwise the card says only that a status exists, who wrote it and when: it is posted
   * in channels, and free text about a child never is (docs/privacy.md).
   */
  revealStatusOf?: string;
  /** Bytes the card may take (default: the house limit with a margin for the Teams envelope). */
  maxBytes?: number;
}

export interface HandoverCardInput extends HandoverCardOptions {
  handover: Handover;
  /** The entries' states, most urgent first (domain `entryStates`). */
  states: EntryState[];
  now: Date;
  calendar: Calendar;
  nameOf: (staffId: string) => string;
  /** Who a case of this group can go to: present caseworkers with their load. */
  choicesFor: (groupId: string) => { title: string; value: string }[];
}

const SHORT_STEP: Record<Step, string> = {
  newOwnerNamed: 'Ny handläggare',
  deadlinesChecked: 'Tidsfrister',
  meetingsMoved: 'Möten flyttade',
  familyInformed: 'Familjen informerad',
  writtenStatus: 'Skriftlig status',
};

function caseView(input: HandoverCardInput, s: EntryState, i: number, inline: boolean) {
  /** Pressed on a single opened case: the answer keeps that case open (a long list is compact). */
  const focus = input.focusCaseId === s.caseId;
  const h = input.handover;
  const year = Number(stockholmDate(input.now).slice(0, 4));
  const entry = h.entries.find((e) => e.caseId === s.caseId)!;
  const status = s.next ? deadlineStatus(s.next, input.now, input.calendar) : 'done';
  const deadline = s.closed
    ? 'Avslutat'
    : s.next
      ? `${s.next.label}: ${formatSwedishDate(s.next.due, year)}${dueSuffix(s.next.due, status === 'overdue', stockholmDate(input.now))}`
      : 'Inga öppna tidsfrister';
  const returned = !!h.returnedAt;
  const co = remainingCoOwners(h, entry, s.case).map(input.nameOf);
  const coLine = co.length ? ` · medutredare ${co.join(' och ')} kvar` : '';
  const owner = s.closed
    ? 'Ärendet är avslutat'
    : entry.handedBackAt
      ? `Tillbaka hos ${input.nameOf(h.staffId)}`
      : s.newOwnerId
        ? `Ny handläggare: ${input.nameOf(s.newOwnerId)}`
        : returned
          ? `Hos ${input.nameOf(h.staffId)}`
          : `Ingen ny handläggare${coLine}`;
  const checklist = (Object.keys(STEP_LABEL) as Step[])
    .map((k) => `${s.steps[k] ? '☑' : '☐'} ${SHORT_STEP[k]}`)
    .join('  ');
  const last = s.status;
  // A co-investigator is a choice too: choosing them is the decision that they carry the case alone.
  const choices = (s.case ? input.choicesFor(s.case.groupId) : []).map((ch) =>
    entry.coOwners?.includes(ch.value) && s.newOwnerId !== ch.value
      ? { ...ch, title: `${ch.title} – fortsätter ensam (medutredare)` }
      : ch,
  );
  return {
    i,
    focus,
    handoverId: h.id,
    caseId: s.caseId,
    version: s.case?.version ?? 0,
    headline: `**${s.caseId}** · ${s.case ? PHASE_LABEL[s.case.phase] : 'Avslutat'}${siblingsLine(input, s)}`,
    deadline,
    deadlineColor: s.closed ? 'Good' : STATUS_COLOR[status],
    owner,
    ownerColor: !s.closed && !s.newOwnerId && !returned ? 'Attention' : s.handedOver ? 'Good' : 'Default',
    checklist,
    status: last ? statusLine(input, last, entry.notes.length, input.revealStatusOf === s.caseId) : '',
    canRevealStatus: !!last && input.revealStatusOf !== s.caseId,
    inline,
    canReassign: !returned && !s.closed && choices.length > 0,
    // Short enough for three buttons side by side at phone width (340 px).
    reassignTitle: s.newOwnerId ? 'Tilldela om' : 'Tilldela',
    choices,
    defaultOwner: s.newOwnerId ?? '',
    canTick: !returned && !s.closed,
    deadlinesChecked: String(s.steps.deadlinesChecked),
    meetingsMoved: String(s.steps.meetingsMoved),
    familyInformed: String(s.steps.familyInformed),
    canHandBack: returned && !s.closed && !!s.newOwnerId && !entry.handedBackAt,
    handBackTitle: `Lämna tillbaka till ${input.nameOf(h.staffId)}`,
  };
}

/** The other cases of the same family on this list (docs/family.md): they are handed over together. */
function siblingsLine(input: HandoverCardInput, s: EntryState): string {
  const f = s.closed ? undefined : s.case?.familyRef;
  if (!f) return '';
  const others = input.states.filter((x) => x.caseId !== s.caseId && !x.closed && x.case?.familyRef === f);
  return others.length ? ` · syskon: ${others.map((x) => x.caseId).join(', ')}` : '';
}

function statusLine(input: HandoverCardInput, last: Note, notes: number, reveal: boolean): string {
  const year = Number(stockholmDate(input.now).slice(0, 4));
  const by = `${input.nameOf(last.by)}, ${formatSwedishDate(stockholmDate(last.at), year)}`;
  const earlier = notes > 1 ? ` · ${notes - 1} tidigare anteckningar sparade` : '';
  return reveal ? `Status (${by}, visas bara för dig): ${last.text}${earlier}` : `Status skriven av ${by}${earlier}`;
}

/** One line per case on a long list; the row opens the case with its controls. */
function rowView(input: HandoverCardInput, s: EntryState, i: number) {
  const v = caseView(input, s, i, false);
  const done = Object.values(s.steps).filter(Boolean).length;
  return {
    handoverId: v.handoverId,
    caseId: v.caseId,
    headline: v.headline,
    deadline: v.deadline,
    deadlineColor: v.deadlineColor,
    owner: v.owner,
    ownerColor: v.ownerColor,
    steps: `${done} av 5 steg klara`,
  };
}

export function handoverCardData(input: HandoverCardInput, inlineOverride?: boolean) {
  const h = input.handover;
  const year = Number(stockholmDate(input.now).slice(0, 4));
  const name = input.nameOf(h.staffId);
  const p = progressOf(input.states);
  const focus = input.focusCaseId ? input.states.filter((s) => s.caseId === input.focusCaseId) : undefined;
  const states = focus ?? input.states;
  const inline = inlineOverride ?? true;
  // On a compact (long) list the cases still to hand over come first; the handed-over ones are cut first.
  const ordered = inline ? states : [...states.filter((s) => !s.handedOver), ...states.filter((s) => s.handedOver)];
  const returned = !!h.returnedAt;
  const handBackable = input.states.filter(
    (s) => !s.closed && s.newOwnerId && !h.entries.find((e) => e.caseId === s.caseId)?.handedBackAt,
  ).length;
  const period = `${h.from <= stockholmDate(input.now) ? 'från' : 'från och med'} ${formatSwedishDate(h.from, year)}`;
  return {
    handoverId: h.id,
    title: returned ? `Överlämning: ${name} är åter` : `Överlämning: ${name} är frånvarande`,
    subtitle: returned
      ? `Frånvaron är avslutad. Anteckningarna från frånvaron finns kvar på varje ärende.`
      : `Frånvarande ${period}${h.to ? ` till ${formatSwedishDate(h.to, year)}` : ', tills vidare'} · registrerat av ${input.nameOf(h.createdBy)}`,
    headerStyle: returned ? 'good' : p.withNewOwner === p.total ? 'good' : 'attention',
    // Red says "not yet": so does the text (docs/cards.md, never colour alone).
    progress: p.handedOver === p.total ? p.text : `${p.text} · ${p.total - p.handedOver} kvar att lämna över`,
    progressColor: p.handedOver === p.total ? 'Good' : 'Attention',
    intro: returned
      ? handBackable
        ? 'Lämna tillbaka ärenden ett och ett eller alla på en gång.'
        : ''
      : focus
        ? ''
        : 'Varje ärende ska få en ny handläggare i dag och en skriftlig status inom två arbetsdagar. Det som saknar handläggare nästa arbetsdag går till enhetschefen.',
    cases: inline ? ordered.map((s, i) => caseView(input, s, i, true)) : [],
    rows: inline ? [] : ordered.map((s, i) => rowView(input, s, i)),
    more: 0,
    empty: 'Inga öppna ärenden att lämna över.',
    hasNotice: !!input.notice,
    notice: input.notice
      ? {
          text: input.notice.text,
          color: input.notice.tone === 'good' ? 'Good' : input.notice.tone === 'attention' ? 'Attention' : 'Warning',
        }
      : { text: '', color: 'Default' },
    canHandBackAll: returned && !focus && handBackable > 1,
    handBackAllTitle: `Lämna tillbaka alla (${handBackable}) till ${name}`,
    showAll: !!focus,
  };
}

export type HandoverCardData = ReturnType<typeof handoverCardData>;

/**
 * The data that fits: controls on every case when they fit, else one "Hantera" button per case,
 * and as a last resort the least urgent cases counted instead of shown.
 */
export function fittedHandoverCardData(input: HandoverCardInput): HandoverCardData {
  const max = input.maxBytes ?? MAX_CARD_BYTES - 2_048;
  const full = handoverCardData(input, true);
  if (input.focusCaseId) return full;
  // Controls on every case take about 3 KB a case: past a dozen or so they cannot fit; do not try.
  if (input.states.length <= INLINE_MAX_CASES && cardSize(renderCard(HANDOVER_TEMPLATE, full)) <= max) return full;
  const compact = handoverCardData(input, false);
  let shown = compact.rows.length;
  let data = compact;
  while (cardSize(renderCard(HANDOVER_TEMPLATE, data)) > max && shown > 1) {
    shown = Math.floor(shown * 0.9);
    data = { ...compact, rows: compact.rows.slice(0, shown), more: compact.rows.length - shown };
  }
  return data;
}

export function handoverCard(input: HandoverCardInput): Card {
  return renderCard(HANDOVER_TEMPLATE, fittedHandoverCardData(input));
}
