// The family's buttons (docs/family.md): give the unassigned siblings the same owner as this case,
// and tell the other section's team lead from the samordning card. Every press is checked by the
// use case; the person who pressed gets the refreshed card with a line on top.
import { z } from 'zod';
import { assignSiblings } from '../../app/family.js';
import { caseCardFor } from '../../app/present.js';
import { samordningCard, tellOtherSection } from '../../app/samordning.js';
import { noticeCard } from '../../cards/simpleCards.js';
import { answerViewer, type CardAction } from '../types.js';
import { notInOrganisation } from './case.js';
import { refusalText } from '../../cards/text/index.js';

const CaseData = z.object({ caseId: z.string().min(1).max(64) });
const SamordningData = z.object({ samordningId: z.string().min(1).max(200), toSection: z.string().min(1).max(64) });

export const familyAssignSiblings: CardAction = {
  verb: 'family.assignSiblings',
  async handle(turn, data) {
    if (!turn.actor) return notInOrganisation(turn.lang);
    const d = CaseData.safeParse(data);
    if (!d.success)
      return noticeCard('Det gick inte', 'Kortet saknar ärendeuppgifter. Inget har ändrats.', 'Attention');
    const viewer = answerViewer(turn);
    const r = await assignSiblings(turn.deps, turn.actor, d.data.caseId, turn.lang);
    if (!r.ok)
      return r.case
        ? caseCardFor(turn.deps, r.case, {
            viewer,
            notice: { text: `${refusalText(r.refusal, turn.lang)} Inget har ändrats.`, tone: 'attention' },
          })
        : noticeCard('Det gick inte', refusalText(r.refusal, turn.lang), 'Attention');
    const owners = r.case.assignees.map((id) => turn.deps.org.name(id)).join(' och ');
    const text = [
      r.assigned.length ? `${owners} har fått även ${r.assigned.join(', ')}.` : '',
      r.failed.length ? `Inte fördelade: ${r.failed.map((f) => `${f.caseId} (${f.message})`).join('; ')}.` : '',
    ]
      .filter(Boolean)
      .join(' ');
    return caseCardFor(turn.deps, r.case, {
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
    const d = SamordningData.safeParse(data);
    if (!d.success) return noticeCard('Det gick inte', 'Kortet saknar uppgifter om samordningen.', 'Attention');
    const r = await tellOtherSection(turn.deps, turn.actor, { ...d.data, lang: turn.lang });
    if (!r.ok)
      return r.samordning && r.mine !== undefined
        ? samordningCard(turn.deps, r.samordning, r.mine, {
            text: refusalText(r.refusal, turn.lang),
            tone: 'attention',
          })
        : noticeCard('Det gick inte', refusalText(r.refusal, turn.lang), 'Attention');
    const other = r.samordning.sides[r.mine === 0 ? 1 : 0];
    return samordningCard(turn.deps, r.samordning, r.mine, {
      text: `Gruppledaren i ${other.name} har fått ett meddelande om att du vill samordna.`,
      tone: 'good',
    });
  },
};

export const FAMILY_ACTIONS: CardAction[] = [familyAssignSiblings, familyTellOtherSection];
