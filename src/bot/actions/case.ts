// The case card's buttons: take, assign/reassign, "Åtgärder" (the presser's own view in a channel)
// and the per-user refresh. Every press is checked on
// the server (role, group, version), whatever the card that sent it showed.
import { z } from 'zod';
import { assignCase, takeCase } from '../../app/assignCase.js';
import type { CaseResult } from '../../app/executeCaseCommand.js';
import { caseCardFor } from '../../app/present.js';
import { noticeCard } from '../../cards/simpleCards.js';
import { formatSwedishDateTime } from '../../domain/time.js';
import { answerViewer, type CardAction, type Turn } from '../types.js';
import { maySee } from './access.js';

const CaseRefData = z.object({ caseId: z.string().min(1).max(64), version: z.coerce.number().int().nonnegative() });
const AssignData = CaseRefData.extend({ assignee: z.string().min(1, 'Välj en handläggare.').max(100) });

export const notInOrganisation = () =>
  noticeCard(
    'Du finns inte i organisationsfilen',
    'Bara personal i organisationsfilen kan ändra ärenden. Inget har ändrats.',
    'Attention',
  );

function answer(turn: Turn, r: CaseResult, success: string) {
  const viewer = answerViewer(turn);
  if (r.ok) return caseCardFor(turn.deps, r.case, { lang: turn.lang, viewer, notice: { text: success, tone: 'good' } });
  if (!r.case) return noticeCard('Det gick inte', r.refusal.message, 'Attention');
  const text = r.changedBy
    ? `Ärendet ändrades av ${r.changedBy.name} ${formatSwedishDateTime(r.changedBy.at)}; inget har ändrats.`
    : `${r.refusal.message} Inget har ändrats.`;
  return caseCardFor(turn.deps, r.case, { lang: turn.lang, viewer, notice: { text, tone: 'attention' } });
}

function badData(turn: Turn, caseId: unknown, message: string) {
  const c = typeof caseId === 'string' ? turn.deps.store.getCase(caseId) : undefined;
  return c
    ? caseCardFor(turn.deps, c, {
        lang: turn.lang,
        viewer: answerViewer(turn),
        notice: { text: message, tone: 'attention' },
      })
    : noticeCard('Det gick inte', message, 'Attention');
}

export const take: CardAction = {
  verb: 'case.take',
  async handle(turn, data) {
    if (!turn.actor) return notInOrganisation();
    const d = CaseRefData.safeParse(data);
    if (!d.success) return badData(turn, data.caseId, 'Kortet saknar ärendeuppgifter. Inget har ändrats.');
    const r = await takeCase(turn.deps, { caseId: d.data.caseId, version: d.data.version, actor: turn.actor });
    return answer(turn, r, `Du har tagit ärendet, ${turn.actor.name}.`);
  },
};

export const assign: CardAction = {
  verb: 'case.assign',
  async handle(turn, data) {
    if (!turn.actor) return notInOrganisation();
    const d = AssignData.safeParse(data);
    if (!d.success)
      return badData(
        turn,
        data.caseId,
        d.error.issues.find((i) => i.path[0] === 'assignee')?.message ??
          'Kortet saknar ärendeuppgifter. Inget har ändrats.',
      );
    const r = await assignCase(turn.deps, {
      caseId: d.data.caseId,
      version: d.data.version,
      assignees: [d.data.assignee],
      actor: turn.actor,
    });
    return answer(
      turn,
      r,
      r.ok ? `${r.case.assignees.map((id) => turn.deps.org.name(id)).join(' och ')} har fått ärendet.` : '',
    );
  },
};

/** Teams asks for a person's own view of the card (where per-user refresh works): never a permission. */
export const refresh: CardAction = {
  verb: 'case.refresh',
  handle(turn, data) {
    const c = typeof data.caseId === 'string' ? turn.deps.store.getCase(data.caseId) : undefined;
    if (!c) return noticeCard('Ärendet finns inte längre');
    return caseCardFor(turn.deps, c, { lang: turn.lang, viewer: turn.actor?.role ?? 'none' });
  },
};

/**
 * "Åtgärder" on a channel card: the presser's own view of the card, with the buttons their role
 * allows. Teams shows an Action.Execute answer to the presser alone (the channel keeps the shared
 * card), so a caseworker never sees Tilldela and a team lead gets it (docs/cards.md "Buttons by role").
 */
export const actions: CardAction = {
  verb: 'case.actions',
  handle(turn, data) {
    if (!turn.actor) return notInOrganisation();
    const c = typeof data.caseId === 'string' ? turn.deps.store.getCase(data.caseId) : undefined;
    if (!c) return noticeCard('Ärendet finns inte', 'Kortet hänvisar till ett ärende som inte finns.', 'Attention');
    const a = turn.actor;
    if (a.role !== 'unit_manager' && !a.groups.includes(c.groupId) && !c.assignees.includes(a.id))
      return noticeCard('Det gick inte', 'Ärendet tillhör en grupp som du inte är med i.', 'Attention');
    return caseCardFor(turn.deps, c, { lang: turn.lang, viewer: a.role });
  },
};

export const show: CardAction = {
  verb: 'case.show',
  handle(turn, data) {
    const c = typeof data.caseId === 'string' ? turn.deps.store.getCase(data.caseId) : undefined;
    if (!c) return noticeCard('Ärendet finns inte');
    if (!turn.actor) return notInOrganisation();
    // Öppna on a list row, a reminder or the escalation: only people who may see the case get its card.
    if (!maySee(turn, c))
      return noticeCard('Det gick inte', 'Ärendet tillhör en grupp som du inte är med i.', 'Attention');
    return caseCardFor(turn.deps, c, { lang: turn.lang, viewer: answerViewer(turn) });
  },
};
