// `radera fritext <ref> <nr> <skäl>`: a unit manager erases a mistaken free text (a child's name in
// a motivation) of one event, numbered as in the history. The reason is a category, never text of
// one's own: a reason could itself hold what is to be removed. Refused, with nothing changed, for
// every other role, before the case is even looked up (src/app/lifecycle.ts does the erasure).
import { ERASE_REASONS, eraseFreeText } from '../../app/lifecycle.js';
import { noticeCard } from '../../cards/simpleCards.js';
import { saidText, texts } from '../../cards/text/index.js';
import { forbidden } from '../../domain/permissions.js';
import { maySee } from '../actions/decisions.js';
import type { ChatCommand } from '../types.js';
import { caseByRef } from '../../app/caseQueries.js';

/** What a person may type for a category: fel-ärende with or without its ä. */
function category(word: string | undefined): string | undefined {
  const w = (word ?? '').toLowerCase().replace(/ä/g, 'a');
  return (ERASE_REASONS as readonly string[]).includes(w) ? w : undefined;
}

export const eraseText: ChatCommand = {
  name: 'radera fritext',
  pattern: /^radera\s+fritext\b\s*(\S+)?\s*(\S+)?\s*(\S+)?\s*([\s\S]*)$/i,
  async handle(t, m) {
    const l = texts(t.lang).lifecycle;
    const n = texts(t.lang).caseCommand;
    if (!t.actor) return { card: noticeCard(n.notRegisteredTitle, n.notRegisteredText, 'Warning') };
    if (t.actor.role !== 'unit_manager')
      return {
        card: noticeCard(l.forbiddenTitle, saidText(forbidden('eraseFreeText', t.actor.role), t.lang), 'Attention'),
      };
    const [, ref, nr, why, rest] = m;
    if (rest.trim()) return { card: noticeCard(l.extraTextTitle, l.extraText, 'Warning') };
    const reason = category(why);
    const seq = Number(nr);
    if (!ref || !Number.isInteger(seq) || seq <= 0 || !reason)
      return { card: noticeCard(l.usageTitle, l.usageText, 'Warning') };
    const c = await caseByRef(t.deps, ref);
    if (!c) return { card: noticeCard(n.notFoundTitle, n.notFoundText, 'Warning') };
    if (!maySee(t, c)) return { card: noticeCard(n.otherGroupTitle, n.otherGroupText, 'Attention') };
    const r = await eraseFreeText(t.deps, { actor: t.actor, caseId: c.id, seq, reason, now: t.deps.now() });
    if (r.ok) return { card: noticeCard(l.doneTitle, l.done(seq, r.entries, l.categories[reason]), 'Good') };
    switch (r.reason) {
      case 'unknown-entry':
        return { card: noticeCard(l.unknownEntryTitle, l.unknownEntry(seq, c.id), 'Warning') };
      case 'no-text':
        return { card: noticeCard(l.noTextTitle, l.noText(seq), 'Warning') };
      case 'conflict':
        return { card: noticeCard(l.conflictTitle, l.conflict, 'Warning') };
      default:
        return { card: noticeCard(l.usageTitle, l.usageText, 'Warning') };
    }
  },
};
