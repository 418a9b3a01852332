// The decision forms' buttons: `decision.<kind>.open-form` (from the case card) shows the form,
// `decision.<kind>.submit` records the decision through its use case and answers with the updated
// case card (and the reminder to document it), or the form again with the messages by field, or the
// current card when the press was stale or not allowed. `decision.timeline.show` shows the history.
import { z } from 'zod';
import {
  DECISION_KINDS,
  decisionFormView,
  refusedFormView,
  submitDecision,
  type DecisionKind,
} from '../../app/decisions.js';
import { caseCardFor } from '../../outbox/caseCards.js';
import { caseTimeline } from '../../app/timeline.js';
import { decisionForm, FORM_META, openFormVerb, submitVerb } from '../../cards/decisionForms.js';
import { noticeCard } from '../../cards/simpleCards.js';
import { texts, refusalText, saidText } from '../../cards/text/index.js';
import { REVEAL_VERB, timelineCard } from '../../cards/timelineCard.js';
import { can, forbidden } from '../../domain/permissions.js';
import type { Case } from '../../domain/schemas.js';
import { formatDateTime } from '../../domain/time.js';
import { answerViewer, type CardAction, type Turn } from '../types.js';
import { notInOrganisation } from './case.js';
import { maySee } from './access.js';
import { caseByRef } from '../../app/caseQueries.js';

const CaseRefData = z.object({
  caseId: z.string().min(1).max(64),
  version: z.coerce.number().int().nonnegative().optional(),
});

const viewerOf = answerViewer;

async function withNotice(turn: Turn, c: Case, text: string, tone: 'good' | 'attention' | 'warning') {
  return await caseCardFor(turn.deps, c, { lang: turn.lang, viewer: viewerOf(turn), notice: { text, tone } });
}

export { maySee } from './access.js';

function openForm(kind: DecisionKind): CardAction {
  return {
    verb: openFormVerb(kind),
    async handle(turn, data) {
      if (!turn.actor) return notInOrganisation(turn.lang);
      const d = CaseRefData.safeParse(data);
      const c = d.success ? await caseByRef(turn.deps, d.data.caseId) : undefined;
      if (!d.success || !c)
        return noticeCard(texts(turn.lang).actions.noCaseTitle, texts(turn.lang).actions.noCaseText, 'Attention');
      if (!maySee(turn, c))
        return noticeCard(texts(turn.lang).actions.failedTitle, texts(turn.lang).actions.otherGroup, 'Attention');
      const settings = { extendRoles: turn.deps.rules.extendRoles };
      if (!can(turn.actor.role, FORM_META[kind].command, settings)) {
        return await withNotice(
          turn,
          c,
          texts(turn.lang).actions.nothingChanged(
            saidText(forbidden(FORM_META[kind].command, turn.actor.role, settings), turn.lang),
          ),
          'attention',
        );
      }
      if (d.data.version !== undefined && d.data.version !== c.version) {
        const who = turn.deps.org.name(c.updatedBy);
        return await withNotice(
          turn,
          c,
          texts(turn.lang).actions.changedShowing(who, formatDateTime(c.updatedAt, undefined, turn.lang)),
          'attention',
        );
      }
      return decisionForm(await decisionFormView(turn.deps, c, kind, { lang: turn.lang }));
    },
  };
}

function submit(kind: DecisionKind): CardAction {
  return {
    verb: submitVerb(kind),
    async handle(turn, data) {
      if (!turn.actor) return notInOrganisation(turn.lang);
      const d = CaseRefData.safeParse(data);
      if (!d.success || d.data.version === undefined)
        return noticeCard(texts(turn.lang).actions.failedTitle, texts(turn.lang).actions.cardMissingCase, 'Attention');
      const r = await submitDecision(turn.deps, kind, {
        caseId: d.data.caseId,
        version: d.data.version,
        actor: turn.actor,
        data,
        lang: turn.lang,
      });
      if (r.ok) return await withNotice(turn, r.case, `${r.message} ${r.reminder.text}`, 'good');
      // Someone outside the case's group sees the refusal only, not the case.
      if (!r.case || !maySee(turn, r.case))
        return noticeCard(
          texts(turn.lang).actions.failedTitle,
          texts(turn.lang).actions.nothingChanged(refusalText(r.refusal, turn.lang)),
          'Attention',
        );
      if (r.changedBy)
        return await withNotice(
          turn,
          r.case,
          texts(turn.lang).actions.changedNotSaved(
            r.changedBy.name,
            formatDateTime(r.changedBy.at, undefined, turn.lang),
          ),
          'attention',
        );
      if (r.refusal.code === 'invalid' && r.refusal.fields && Object.keys(r.refusal.fields).length)
        return decisionForm(await refusedFormView(turn.deps, r.case, kind, data, r.refusal, turn.lang));
      return await withNotice(
        turn,
        r.case,
        texts(turn.lang).actions.nothingChanged(refusalText(r.refusal, turn.lang)),
        'attention',
      );
    },
  };
}

export const showTimeline: CardAction = {
  verb: 'decision.timeline.show',
  async handle(turn, data) {
    if (!turn.actor) return notInOrganisation(turn.lang);
    const c = await caseByRef(turn.deps, data.caseId);
    if (!c) return noticeCard(texts(turn.lang).actions.noCaseTitle);
    if (!maySee(turn, c))
      return noticeCard(texts(turn.lang).actions.failedTitle, texts(turn.lang).actions.otherGroup, 'Attention');
    return timelineCard((await caseTimeline(turn.deps, c.id, turn.lang))!, { audience: audienceOf(turn) });
  },
};

/** Where text a person wrote may be shown: a 1:1 chat; anywhere else it waits behind "Visa". */
export const audienceOf = (turn: Turn) => (turn.conversationKind === 'personal' ? 'private' : 'channel');

/**
 * "Visa" on a timeline entry: its text, to the person who pressed only (the invoke answer), after
 * the check that they may see the case. Someone of another group gets a refusal and nothing else.
 */
export const revealTimelineText: CardAction = {
  verb: REVEAL_VERB,
  async handle(turn, data) {
    if (!turn.actor) return notInOrganisation(turn.lang);
    const d = z
      .object({ caseId: z.string().min(1).max(64), seq: z.coerce.number().int().nonnegative() })
      .safeParse(data);
    const c = d.success ? await caseByRef(turn.deps, d.data.caseId) : undefined;
    if (!d.success || !c) return noticeCard(texts(turn.lang).actions.noCaseTitle);
    if (!maySee(turn, c))
      return noticeCard(
        texts(turn.lang).actions.failedTitle,
        texts(turn.lang).actions.otherGroupNothingShown,
        'Attention',
      );
    return timelineCard((await caseTimeline(turn.deps, c.id, turn.lang))!, { audience: 'channel', reveal: d.data.seq });
  },
};

export const DECISION_ACTIONS: CardAction[] = [
  ...DECISION_KINDS.flatMap((k) => [openForm(k), submit(k)]),
  showTimeline,
  revealTimelineText,
];
