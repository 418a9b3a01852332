// Ta and Tilldela on the rows of the morning list and the escalation: the one assign use case
// (src/app/assignCase.ts) with the version the row was built from, so of two presses at once one
// wins and the other is told who changed the case, nothing changed. The answer is the same list
// again, rebuilt from the store as it is now, with a line on top saying what happened.
import { z } from 'zod';
import { absences } from '../../app/context.js';
import { assignCase, takeCase } from '../../app/assignCase.js';
import type { CaseResult } from '../../app/executeCaseCommand.js';
import { openHandovers } from '../../app/handover.js';
import { morningListCard, type ListNotice } from '../../cards/morningList.js';
import type { Card } from '../../cards/render.js';
import { renderCard } from '../../cards/render.js';
import { noticeCard } from '../../cards/simpleCards.js';
import type { Group } from '../../domain/schemas.js';
import { formatDateTime, stockholmDate } from '../../domain/time.js';
import { texts, type Lang, refusalText } from '../../cards/text/index.js';
import { buildEscalation } from '../../views/escalation.js';
import { escalationCardData } from '../../cards/escalationCard.js';
import { buildMorningList, DEFAULT_LIST_SETTINGS } from '../../views/morningListBuilder.js';
import { casesForLists } from '../../app/lists.js';
import type { CardAction, Turn } from '../types.js';
import { notInOrganisation } from './case.js';

const From = z.union([
  z.object({
    list: z.literal('morning'),
    groupId: z.string().min(1).max(63),
    date: z.string().max(10).optional(),
    offset: z.coerce.number().int().nonnegative().max(1_000_000).default(0),
  }),
  z.object({ list: z.literal('escalation') }),
]);
const RowData = z.object({
  caseId: z.string().min(1).max(64),
  version: z.coerce.number().int().nonnegative(),
  from: From,
});

/** Today's morning list of a group as the store is now (also "Visa alla": src/bot/actions/morningList.ts). */
export async function currentMorningList(turn: Turn, group: Group) {
  const { deps } = turn;
  const now = deps.now();
  return buildMorningList({
    group,
    cases: await casesForLists(deps),
    staff: deps.org.org.staff,
    absences: await absences(deps),
    handovers: await openHandovers(deps, now),
    now,
    calendar: deps.calendar,
    rules: deps.rules,
    settings: { ...DEFAULT_LIST_SETTINGS, noContactDays: deps.rules.noContactDays },
    lang: turn.lang,
  });
}

async function listAgain(turn: Turn, from: z.infer<typeof From>, notice: ListNotice): Promise<Card> {
  const { deps } = turn;
  const a = turn.actor!;
  if (from.list === 'escalation') {
    const t = texts(turn.lang);
    if (a.role !== 'unit_manager') return noticeCard(t.actions.failedTitle, notice.text, 'Attention');
    const view = buildEscalation({
      groups: deps.org.org.groups,
      cases: await casesForLists(deps),
      staff: deps.org.org.staff,
      now: deps.now(),
      calendar: deps.calendar,
      rules: deps.rules,
      absences: await absences(deps),
      lang: turn.lang,
    });
    if (!view) return noticeCard(t.escalation.nothingLeftTitle, t.escalation.nothingLeftText(notice.text), 'Good');
    return renderCard('escalation', escalationCardData(view, notice));
  }
  const group = deps.org.group(from.groupId);
  // The list of a group the presser is not in is not shown to them: the answer alone.
  if (!group || (a.role !== 'unit_manager' && !a.groups.includes(group.id)))
    return noticeCard(texts(turn.lang).actions.failedTitle, notice.text, notice.tone === 'good' ? 'Good' : 'Attention');
  // A press on an older list answers with today's list from the start.
  const offset = from.date && from.date !== stockholmDate(deps.now()) ? 0 : from.offset;
  return morningListCard(await currentMorningList(turn, group), offset, undefined, notice);
}

function noticeOf(turn: Turn, caseId: string, r: CaseResult): ListNotice {
  const t = texts(turn.lang);
  if (r.ok)
    return {
      text: t.morning.gotCase(caseId, r.case.assignees.map((id) => turn.deps.org.name(id)).join(` ${t.and} `)),
      tone: 'good',
    };
  if (r.changedBy)
    return {
      text: t.morning.changedBy(caseId, r.changedBy.name, formatDateTime(r.changedBy.at, undefined, turn.lang)),
      tone: 'attention',
    };
  // The refusal's reason is the use case's own words (Swedish).
  return { text: t.morning.refused(caseId, refusalText(r.refusal, turn.lang)), tone: 'attention' };
}

const BAD_DATA = (lang: Lang | undefined) =>
  noticeCard(texts(lang).actions.failedTitle, texts(lang).actions.cardMissingCase, 'Attention');

export const listTake: CardAction = {
  verb: 'list.take',
  async handle(turn, data) {
    if (!turn.actor) return notInOrganisation(turn.lang);
    const d = RowData.safeParse(data);
    if (!d.success) return BAD_DATA(turn.lang);
    const r = await takeCase(turn.deps, {
      caseId: d.data.caseId,
      version: d.data.version,
      actor: turn.actor,
      lang: turn.lang,
    });
    return await listAgain(turn, d.data.from, noticeOf(turn, d.data.caseId, r));
  },
};

export const listAssign: CardAction = {
  verb: 'list.assign',
  async handle(turn, data) {
    if (!turn.actor) return notInOrganisation(turn.lang);
    const d = RowData.extend({ input: z.string().min(1).max(80) }).safeParse(data);
    if (!d.success) return BAD_DATA(turn.lang);
    const chosen = data[d.data.input];
    if (typeof chosen !== 'string' || !chosen || chosen.length > 100)
      return await listAgain(turn, d.data.from, {
        text: texts(turn.lang).morning.pickFirst(d.data.caseId),
        tone: 'attention',
      });
    const r = await assignCase(turn.deps, {
      caseId: d.data.caseId,
      version: d.data.version,
      assignees: [chosen],
      actor: turn.actor,
      lang: turn.lang,
    });
    return await listAgain(turn, d.data.from, noticeOf(turn, d.data.caseId, r));
  },
};
