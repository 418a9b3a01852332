// The family's buttons (docs/family.md): give the unassigned siblings the same owner as this case,
// and tell the other section's team lead from the samordning card. Every press is checked by the
// use case; the person who pressed gets the refreshed card with a line on top, in their language (the
// samordning card itself is Swedish still: src/app/samordning.ts).
import { z } from 'zod';
import { assignSiblings } from '../../app/family.js';
import { caseCardFor } from '../../outbox/caseCards.js';
import { SAMORDNING_TEMPLATE, samordningCardData, tellOtherSection, type Samordning } from '../../app/samordning.js';
import { renderCard, type Card } from '../../cards/render.js';
import { noticeCard } from '../../cards/simpleCards.js';
import { refusalText, texts } from '../../cards/text/index.js';
import { answerViewer, type CardAction, type Turn } from '../types.js';
import { notInOrganisation } from './case.js';

const CaseData = z.object({ caseId: z.string().min(1).max(64) });
const SamordningData = z.object({ samordningId: z.string().min(1).max(200), toSection: z.string().min(1).max(64) });

export const familyAssignSiblings: CardAction = {
  verb: 'family.assignSiblings',
  async handle(turn, data) {
    if (!turn.actor) return notInOrganisation(turn.lang);
    const a = texts(turn.lang).actions;
    const t = texts(turn.lang).familyActions;
    const d = CaseData.safeParse(data);
    if (!d.success) return noticeCard(a.failedTitle, a.cardMissingCase, 'Attention');
    const viewer = answerViewer(turn);
    const r = await assignSiblings(turn.deps, turn.actor, d.data.caseId, turn.lang);
    if (!r.ok)
      return r.case
        ? await caseCardFor(turn.deps, r.case, {
            lang: turn.lang,
            viewer,
            notice: { text: a.nothingChanged(refusalText(r.refusal, turn.lang)), tone: 'attention' },
          })
        : noticeCard(a.failedTitle, refusalText(r.refusal, turn.lang), 'Attention');
    const owners = r.case.assignees.map((id) => turn.deps.org.name(id)).join(` ${texts(turn.lang).and} `);
    const text = [
      r.assigned.length ? t.siblingsAssigned(owners, r.assigned.join(', ')) : '',
      r.failed.length ? t.notAssigned(r.failed.map((f) => `${f.caseId} (${f.message})`).join('; ')) : '',
    ]
      .filter(Boolean)
      .join(' ');
    return await caseCardFor(turn.deps, r.case, {
      lang: turn.lang,
      viewer,
      notice: { text, tone: r.failed.length ? 'attention' : 'good' },
    });
  },
};

export const familyTellOtherSection: CardAction = {
  verb: 'family.tellOtherSection',
  async handle(turn, data) {
    if (!turn.actor) return notInOrganisation(turn.lang);
    const a = texts(turn.lang).actions;
    const d = SamordningData.safeParse(data);
    if (!d.success) return noticeCard(a.failedTitle, texts(turn.lang).familyActions.samordningMissing, 'Attention');
    const r = await tellOtherSection(turn.deps, turn.actor, { ...d.data, lang: turn.lang });
    if (!r.ok)
      return r.samordning && r.mine !== undefined
        ? samordningCard(turn, r.samordning, r.mine, {
            text: refusalText(r.refusal, turn.lang),
            tone: 'attention',
          })
        : noticeCard(a.failedTitle, refusalText(r.refusal, turn.lang), 'Attention');
    const other = r.samordning.sides[r.mine === 0 ? 1 : 0];
    return samordningCard(turn, r.samordning, r.mine, {
      text: texts(turn.lang).familyActions.otherSectionTold(other.name),
      tone: 'good',
    });
  },
};

export const FAMILY_ACTIONS: CardAction[] = [familyAssignSiblings, familyTellOtherSection];

/** The samordning card as this presser sees it, with what just happened on top. */
function samordningCard(
  turn: Turn,
  s: Samordning,
  mine: 0 | 1,
  notice: { text: string; tone: 'good' | 'attention' },
): Card {
  return renderCard(SAMORDNING_TEMPLATE, samordningCardData(turn.deps, s, mine, turn.deps.now(), notice, turn.lang));
}
