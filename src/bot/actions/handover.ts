// The checklist card's buttons: give a case a new owner, tick items, write a status, hand back after
// the return, open one case of a long list, show the whole list. Every press is checked by the use
// case (role, group, version); the person who pressed gets the refreshed list with a line on top, and
// the channel copy is updated through the outbox.
import { z } from 'zod';
import {
  getHandover,
  handBack,
  reassignFromHandover,
  saveHandoverChecks,
  writeHandoverStatus,
} from '../../app/handover.js';
import { noticeCard } from '../../cards/simpleCards.js';
import { handoverCardFor } from '../../outbox/handoverCards.js';
import { texts, refusalText } from '../../cards/text/index.js';
import type { Handover } from '../../domain/handover.js';
import type { CardAction, Turn } from '../types.js';
import { notInOrganisation } from './case.js';
import { maySee } from './decisions.js';
import { caseByRef } from '../../app/caseQueries.js';

const Ref = z.object({ handoverId: z.string().min(1).max(200) });
const CaseRef = Ref.extend({
  caseId: z.string().min(1).max(64),
  i: z.coerce.number().int().nonnegative().max(1000).optional(),
});
const flag = (v: unknown) => v === true || v === 'true';

async function answer(
  turn: Turn,
  h: Handover | undefined,
  text: string,
  tone: 'good' | 'attention',
  data: Record<string, unknown> = {},
) {
  const focusCaseId = flag(data.focus) && typeof data.caseId === 'string' ? data.caseId : undefined;
  if (!h) return noticeCard('Det gick inte', text, 'Attention');
  return await handoverCardFor(turn.deps, h, {
    notice: { text, tone },
    lang: turn.lang,
    ...(focusCaseId ? { focusCaseId } : {}),
  });
}

const missingData = async (turn: Turn, data: Record<string, unknown>) =>
  await answer(
    turn,
    typeof data.handoverId === 'string' ? await getHandover(turn.deps, data.handoverId) : undefined,
    texts(turn.lang).handoverAnswers.missingData,
    'attention',
  );

export const handoverReassign: CardAction = {
  verb: 'handover.reassign',
  async handle(turn, data) {
    if (!turn.actor) return notInOrganisation(turn.lang);
    const d = CaseRef.extend({ version: z.coerce.number().int().nonnegative() }).safeParse(data);
    if (!d.success) return await missingData(turn, data);
    const owner = data[`owner${d.data.i ?? ''}`] ?? data.owner;
    if (typeof owner !== 'string' || !owner)
      return await answer(
        turn,
        await getHandover(turn.deps, d.data.handoverId),
        texts(turn.lang).handoverAnswers.pick,
        'attention',
        data,
      );
    const r = await reassignFromHandover(turn.deps, {
      actor: turn.actor,
      handoverId: d.data.handoverId,
      caseId: d.data.caseId,
      version: d.data.version,
      newOwnerId: owner,
      lang: turn.lang,
    });
    if (!r.ok)
      return await answer(
        turn,
        await getHandover(turn.deps, d.data.handoverId),
        `${d.data.caseId}: ${refusalText(r.refusal, turn.lang)}${r.refusal.code === 'stale' ? '' : texts(turn.lang).handoverAnswers.nothingChanged}`,
        'attention',
        data,
      );
    return await answer(
      turn,
      r.handover,
      texts(turn.lang).handoverAnswers.newOwner(
        [d.data.caseId, ...(r.siblings ?? [])].join(', '),
        turn.deps.org.name(owner),
      ),
      'good',
      data,
    );
  },
};

export const handoverTick: CardAction = {
  verb: 'handover.tick',
  async handle(turn, data) {
    if (!turn.actor) return notInOrganisation(turn.lang);
    const d = CaseRef.safeParse(data);
    if (!d.success) return await missingData(turn, data);
    const i = d.data.i ?? '';
    const values: Record<string, boolean> = {};
    if (`deadlines${i}` in data) values.deadlinesChecked = flag(data[`deadlines${i}`]);
    if (`meetings${i}` in data) values.meetingsMoved = flag(data[`meetings${i}`]);
    if (`family${i}` in data) values.familyInformed = flag(data[`family${i}`]);
    const r = await saveHandoverChecks(turn.deps, {
      actor: turn.actor,
      handoverId: d.data.handoverId,
      caseId: d.data.caseId,
      values,
      lang: turn.lang,
    });
    if (!r.ok)
      return await answer(
        turn,
        await getHandover(turn.deps, d.data.handoverId),
        `${d.data.caseId}: ${refusalText(r.refusal, turn.lang)}`,
        'attention',
        data,
      );
    return await answer(turn, r.handover, texts(turn.lang).handoverAnswers.checksSaved(d.data.caseId), 'good', data);
  },
};

export const handoverStatus: CardAction = {
  verb: 'handover.status',
  async handle(turn, data) {
    if (!turn.actor) return notInOrganisation(turn.lang);
    const d = CaseRef.safeParse(data);
    if (!d.success) return await missingData(turn, data);
    const text = data[`status${d.data.i ?? ''}`] ?? data.status;
    const r = await writeHandoverStatus(turn.deps, {
      actor: turn.actor,
      handoverId: d.data.handoverId,
      caseId: d.data.caseId,
      text: typeof text === 'string' ? text : '',
      lang: turn.lang,
    });
    // A refusal never repeats the text (it may hold a personnummer).
    if (!r.ok)
      return await answer(
        turn,
        await getHandover(turn.deps, d.data.handoverId),
        `${d.data.caseId}: ${refusalText(r.refusal, turn.lang)}${texts(turn.lang).handoverAnswers.statusNotSaved}`,
        'attention',
        data,
      );
    return await answer(turn, r.handover, texts(turn.lang).handoverAnswers.statusSaved(d.data.caseId), 'good', data);
  },
};

export const handoverHandBack: CardAction = {
  verb: 'handover.handBack',
  async handle(turn, data) {
    if (!turn.actor) return notInOrganisation(turn.lang);
    const d = Ref.extend({ caseId: z.string().min(1).max(64).optional(), all: z.unknown().optional() }).safeParse(data);
    if (!d.success || (!d.data.caseId && !flag(d.data.all))) return await missingData(turn, data);
    const r = await handBack(turn.deps, {
      actor: turn.actor,
      handoverId: d.data.handoverId,
      caseIds: d.data.caseId ? [d.data.caseId] : 'all',
      lang: turn.lang,
    });
    if (!r.ok)
      return await answer(
        turn,
        r.handover ?? (await getHandover(turn.deps, d.data.handoverId)),
        refusalText(r.refusal, turn.lang),
        'attention',
      );
    const done = r.outcomes.filter((o) => o.ok).map((o) => o.caseId);
    const failed = r.outcomes.filter((o) => !o.ok);
    const name = turn.deps.org.name(r.handover.staffId);
    const t = texts(turn.lang).handoverAnswers;
    const text =
      [
        done.length ? t.handedBack(name, done.join(', ')) : '',
        failed.length ? t.notHandedBack(failed.map((f) => `${f.caseId} (${f.message})`).join('; ')) : '',
      ]
        .filter(Boolean)
        .join(' ') || t.nothingToHandBack;
    return await answer(turn, r.handover, text, failed.length ? 'attention' : 'good');
  },
};

export const handoverOpen: CardAction = {
  verb: 'handover.open',
  async handle(turn, data) {
    if (!turn.actor) return notInOrganisation(turn.lang);
    const d = CaseRef.safeParse(data);
    const h = d.success ? await getHandover(turn.deps, d.data.handoverId) : undefined;
    if (!d.success || !h) return noticeCard(texts(turn.lang).handoverAnswers.notFound);
    return await handoverCardFor(turn.deps, h, { focusCaseId: d.data.caseId, lang: turn.lang });
  },
};

export const handoverShow: CardAction = {
  verb: 'handover.show',
  async handle(turn, data) {
    if (!turn.actor) return notInOrganisation(turn.lang);
    const d = Ref.safeParse(data);
    const h = d.success ? await getHandover(turn.deps, d.data.handoverId) : undefined;
    if (!h) return noticeCard(texts(turn.lang).handoverAnswers.notFound);
    return await handoverCardFor(turn.deps, h, { lang: turn.lang });
  },
};

/**
 * "Visa status": the written status of one case, to the person who pressed only (the invoke answer),
 * when they may see the case (its group, its owners, a unit manager).
 */
export const handoverShowStatus: CardAction = {
  verb: 'handover.showStatus',
  async handle(turn, data) {
    if (!turn.actor) return notInOrganisation(turn.lang);
    const d = CaseRef.safeParse(data);
    const h = d.success ? await getHandover(turn.deps, d.data.handoverId) : undefined;
    const c = d.success ? await caseByRef(turn.deps, d.data.caseId) : undefined;
    if (!d.success || !h || !c || !h.entries.some((e) => e.caseId === c.id))
      return noticeCard(texts(turn.lang).handoverAnswers.notFound);
    if (!maySee(turn, c))
      return noticeCard(texts(turn.lang).actions.failedTitle, texts(turn.lang).handoverAnswers.otherGroup, 'Attention');
    return await handoverCardFor(turn.deps, h, {
      revealStatusOf: c.id,
      lang: turn.lang,
      ...(flag(data.focus) ? { focusCaseId: c.id } : {}),
    });
  },
};

export const HANDOVER_ACTIONS: CardAction[] = [
  handoverShowStatus,
  handoverReassign,
  handoverTick,
  handoverStatus,
  handoverHandBack,
  handoverOpen,
  handoverShow,
];
