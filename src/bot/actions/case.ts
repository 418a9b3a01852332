// The case card's buttons: take, assign/reassign, "Åtgärder" (the presser's own view in a channel)
// and the per-user refresh. Every press is checked on
// the server (role, group, version), whatever the card that sent it showed.
import { z } from 'zod';
import { assignCase, takeCase } from '../../app/assignCase.js';
import type { CaseResult } from '../../app/executeCaseCommand.js';
import { caseCardFor } from '../../outbox/caseCards.js';
import { noticeCard } from '../../cards/simpleCards.js';
import { formatDateTime } from '../../domain/time.js';
import { texts, type Lang, refusalText } from '../../cards/text/index.js';
import { answerViewer, type CardAction, type Turn } from '../types.js';
import { maySee } from './access.js';
import { caseByRef } from '../../app/caseQueries.js';

const CaseRefData = z.object({ caseId: z.string().min(1).max(64), version: z.coerce.number().int().nonnegative() });
const AssignData = CaseRefData.extend({ assignee: z.string().max(100) });

export const notInOrganisation = (lang?: Lang) =>
  noticeCard(texts(lang).actions.notRegisteredTitle, texts(lang).actions.notRegisteredText, 'Attention');

async function answer(turn: Turn, r: CaseResult, success: string) {
  const viewer = answerViewer(turn);
  if (r.ok)
    return await caseCardFor(turn.deps, r.case, { lang: turn.lang, viewer, notice: { text: success, tone: 'good' } });
  const t = texts(turn.lang).actions;
  if (!r.case) return noticeCard(t.failedTitle, refusalText(r.refusal, turn.lang), 'Attention');
  const text = r.changedBy
    ? t.changedNothingChanged(r.changedBy.name, formatDateTime(r.changedBy.at, undefined, turn.lang))
    : t.nothingChanged(refusalText(r.refusal, turn.lang));
  return await caseCardFor(turn.deps, r.case, { lang: turn.lang, viewer, notice: { text, tone: 'attention' } });
}

async function badData(turn: Turn, caseId: unknown, message: string) {
  const c = await caseByRef(turn.deps, caseId);
  return c
    ? await caseCardFor(turn.deps, c, {
        lang: turn.lang,
        viewer: answerViewer(turn),
        notice: { text: message, tone: 'attention' },
      })
    : noticeCard(texts(turn.lang).actions.failedTitle, message, 'Attention');
}

export const take: CardAction = {
  verb: 'case.take',
  async handle(turn, data) {
    if (!turn.actor) return notInOrganisation(turn.lang);
    const d = CaseRefData.safeParse(data);
    if (!d.success) return await badData(turn, data.caseId, texts(turn.lang).actions.cardMissingCase);
    const r = await takeCase(turn.deps, {
      caseId: d.data.caseId,
      version: d.data.version,
      actor: turn.actor,
      lang: turn.lang,
    });
    return await answer(turn, r, texts(turn.lang).actions.taken(turn.actor.name));
  },
};

export const assign: CardAction = {
  verb: 'case.assign',
  async handle(turn, data) {
    if (!turn.actor) return notInOrganisation(turn.lang);
    const d = AssignData.safeParse(data);
    if (!d.success) return await badData(turn, data.caseId, texts(turn.lang).actions.cardMissingCase);
    if (!d.data.assignee) return await badData(turn, data.caseId, texts(turn.lang).actions.pickCaseworker);
    const r = await assignCase(turn.deps, {
      caseId: d.data.caseId,
      version: d.data.version,
      assignees: [d.data.assignee],
      actor: turn.actor,
      lang: turn.lang,
    });
    return await answer(
      turn,
      r,
      r.ok
        ? texts(turn.lang).actions.assigned(
            r.case.assignees.map((id) => turn.deps.org.name(id)).join(` ${texts(turn.lang).and} `),
          )
        : '',
    );
  },
};

/** Teams asks for a person's own view of the card (where per-user refresh works): never a permission. */
export const refresh: CardAction = {
  verb: 'case.refresh',
  async handle(turn, data) {
    const c = await caseByRef(turn.deps, data.caseId);
    if (!c) return noticeCard(texts(turn.lang).actions.caseGone);
    return await caseCardFor(turn.deps, c, { lang: turn.lang, viewer: turn.actor?.role ?? 'none' });
  },
};

/**
 * "Åtgärder" on a channel card: the presser's own view of the card, with the buttons their role
 * allows. Teams shows an Action.Execute answer to the presser alone (the channel keeps the shared
 * card), so a caseworker never sees Tilldela and a team lead gets it (docs/cards.md "Buttons by role").
 */
export const actions: CardAction = {
  verb: 'case.actions',
  async handle(turn, data) {
    if (!turn.actor) return notInOrganisation(turn.lang);
    const c = await caseByRef(turn.deps, data.caseId);
    if (!c)
      return noticeCard(texts(turn.lang).actions.noCaseTitle, texts(turn.lang).actions.noSuchCaseText, 'Attention');
    const a = turn.actor;
    if (a.role !== 'unit_manager' && !a.groups.includes(c.groupId) && !c.assignees.includes(a.id))
      return noticeCard(texts(turn.lang).actions.failedTitle, texts(turn.lang).actions.otherGroup, 'Attention');
    return await caseCardFor(turn.deps, c, { lang: turn.lang, viewer: a.role });
  },
};

export const show: CardAction = {
  verb: 'case.show',
  async handle(turn, data) {
    const c = await caseByRef(turn.deps, data.caseId);
    if (!c) return noticeCard(texts(turn.lang).actions.noCaseTitle);
    if (!turn.actor) return notInOrganisation(turn.lang);
    // Öppna on a list row, a reminder or the escalation: only people who may see the case get its card.
    if (!maySee(turn, c))
      return noticeCard(texts(turn.lang).actions.failedTitle, texts(turn.lang).actions.otherGroup, 'Attention');
    return await caseCardFor(turn.deps, c, { lang: turn.lang, viewer: answerViewer(turn) });
  },
};
