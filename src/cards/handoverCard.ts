// The handover checklist card: every open case of the absent person, most urgent first, with its next
// deadline, who took it over, the five checklist steps and the written status; per case the controls
// to reassign, tick and write. A long list falls back to one "Hantera" button per case so the card
// stays under the size limit with 60 cases. Pure: a view in, card JSON out.
import { deadlineStatus } from '../domain/deadlines.js';
import { remainingCoOwners, STEP_LABEL, type Note, type Step } from '../domain/handover.js';
import { progress as progressOf, type EntryState } from '../domain/handoverProgress.js';
import { formatDate, stockholmDate } from '../domain/time.js';
import type { HandoverCardInput } from '../views/handoverChecklist.js';
import { STATUS_COLOR } from './labels.js';
import { cardSize, MAX_CARD_BYTES, renderCard, type Card } from './render.js';
import { count, deadlineLabel, dueWord, noun, texts, type Lang } from './text/index.js';

/** " · FÖRSENAD", " · i dag", " · om 3 dagar": the word beside the deadline's colour. */
const dueSuffix = (due: string, late: boolean, today: string, lang: Lang) => {
  const w = late ? texts(lang).status.overdue : dueWord(due, today, lang);
  return w ? ` · ${w}` : '';
};

export const HANDOVER_TEMPLATE = 'handover';

/** Above this many cases the list is compact (one row per case, opened one at a time). */
export const INLINE_MAX_CASES = 12;

function caseView(input: HandoverCardInput, s: EntryState, i: number, inline: boolean) {
  /** Pressed on a single opened case: the answer keeps that case open (a long list is compact). */
  const focus = input.focusCaseId === s.caseId;
  const h = input.handover;
  const lang = input.lang ?? 'sv';
  const all = texts(lang);
  const t = all.handover;
  const year = Number(stockholmDate(input.now).slice(0, 4));
  const entry = h.entries.find((e) => e.caseId === s.caseId)!;
  const status = s.next ? deadlineStatus(s.next, input.now, input.calendar) : 'done';
  const deadline = s.closed
    ? t.closed
    : s.next
      ? `${deadlineLabel(s.next, lang)}: ${formatDate(s.next.due, year, lang)}${dueSuffix(s.next.due, status === 'overdue', stockholmDate(input.now), lang)}`
      : t.noDeadlines;
  const returned = !!h.returnedAt;
  const co = remainingCoOwners(h, entry, s.case).map(input.nameOf);
  const coLine = co.length ? t.coLeft(co.join(` ${all.and} `)) : '';
  const owner = s.closed
    ? t.caseClosed
    : entry.handedBackAt
      ? t.backWith(input.nameOf(h.staffId))
      : s.newOwnerId
        ? t.newOwner(input.nameOf(s.newOwnerId))
        : returned
          ? t.with(input.nameOf(h.staffId))
          : `${t.noNewOwner}${coLine}`;
  const checklist = (Object.keys(STEP_LABEL) as Step[])
    .map((k) => `${s.steps[k] ? '☑' : '☐'} ${t.steps[k]}`)
    .join('  ');
  const last = s.status;
  // A co-investigator is a choice too: choosing them is the decision that they carry the case alone.
  const choices = (s.case ? input.choicesFor(s.case.groupId) : []).map((ch) =>
    entry.coOwners?.includes(ch.value) && s.newOwnerId !== ch.value ? { ...ch, title: t.continuesAlone(ch.title) } : ch,
  );
  return {
    i,
    focus,
    handoverId: h.id,
    caseId: s.caseId,
    version: s.case?.version ?? 0,
    headline: `**${s.caseId}** · ${s.case ? all.phase[s.case.phase] : t.closed}${siblingsLine(input, s)}`,
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
    reassignTitle: s.newOwnerId ? t.reassign : t.assign,
    choices,
    defaultOwner: s.newOwnerId ?? '',
    canTick: !returned && !s.closed,
    deadlinesChecked: String(s.steps.deadlinesChecked),
    meetingsMoved: String(s.steps.meetingsMoved),
    familyInformed: String(s.steps.familyInformed),
    canHandBack: returned && !s.closed && !!s.newOwnerId && !entry.handedBackAt,
    handBackTitle: t.handBack(input.nameOf(h.staffId)),
  };
}

/** The other cases of the same family on this list (docs/family.md): they are handed over together. */
function siblingsLine(input: HandoverCardInput, s: EntryState): string {
  const f = s.closed ? undefined : s.case?.familyRef;
  if (!f) return '';
  const others = input.states.filter((x) => x.caseId !== s.caseId && !x.closed && x.case?.familyRef === f);
  return others.length ? texts(input.lang).handover.siblings(others.map((x) => x.caseId).join(', ')) : '';
}

function statusLine(input: HandoverCardInput, last: Note, notes: number, reveal: boolean): string {
  const lang = input.lang ?? 'sv';
  const t = texts(lang).handover;
  const year = Number(stockholmDate(input.now).slice(0, 4));
  const by = `${input.nameOf(last.by)}, ${formatDate(stockholmDate(last.at), year, lang)}`;
  const earlier = notes > 1 ? t.earlier(count(notes - 1, 'tidigare anteckning', lang)) : '';
  return reveal ? `${t.statusShown(by, last.text)}${earlier}` : `${t.statusBy(by)}${earlier}`;
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
    steps: texts(input.lang).handover.stepsDone(done),
  };
}

export function handoverCardData(input: HandoverCardInput, inlineOverride?: boolean) {
  const h = input.handover;
  const lang = input.lang ?? 'sv';
  const t = texts(lang).handover;
  const date = (d: string) => formatDate(d, Number(stockholmDate(input.now).slice(0, 4)), lang);
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
  const period = t.period(h.from <= stockholmDate(input.now), date(h.from));
  const progress = t.progress(p.handedOver, p.total, noun(p.total, 'ärende', lang), p.withNewOwner);
  return {
    handoverId: h.id,
    ...(lang === 'sv' ? {} : { lang }),
    title: returned ? t.titleReturned(name) : t.titleAbsent(name),
    subtitle: returned
      ? t.subtitleReturned
      : t.subtitleAbsent(period, h.to ? date(h.to) : '', input.nameOf(h.createdBy)),
    headerStyle: returned ? 'good' : p.withNewOwner === p.total ? 'good' : 'attention',
    // Red says "not yet": so does the text (docs/cards.md, never colour alone).
    progress: p.handedOver === p.total ? progress : `${progress}${t.left(p.total - p.handedOver)}`,
    progressColor: p.handedOver === p.total ? 'Good' : 'Attention',
    intro: returned ? (handBackable ? t.introReturned : '') : focus ? '' : t.intro,
    cases: inline ? ordered.map((s, i) => caseView(input, s, i, true)) : [],
    rows: inline ? [] : ordered.map((s, i) => rowView(input, s, i)),
    more: 0,
    empty: t.empty,
    hasNotice: !!input.notice,
    notice: input.notice
      ? {
          text: input.notice.text,
          color: input.notice.tone === 'good' ? 'Good' : input.notice.tone === 'attention' ? 'Attention' : 'Warning',
        }
      : { text: '', color: 'Default' },
    canHandBackAll: returned && !focus && handBackable > 1,
    handBackAllTitle: t.handBackAll(handBackable, name),
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
