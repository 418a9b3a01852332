// `ärende <ref>`: the case's own card (with the decision buttons); `historik <ref>`: its timeline.
// Only people of the case's group, its owners and unit managers see a case.
import { caseCardFor } from '../../outbox/caseCards.js';
import { caseTimeline, childTimeline } from '../../app/timeline.js';
import { noticeCard } from '../../cards/simpleCards.js';
import { timelineCard } from '../../cards/timelineCard.js';
import { audienceOf, maySee } from '../actions/decisions.js';
import { count, texts } from '../../cards/text/index.js';
import type { ChatCommand, CommandTurn } from '../types.js';
import { caseByRef } from '../../app/caseQueries.js';

async function lookup(t: CommandTurn, ref: string | undefined) {
  const n = texts(t.lang).caseCommand;
  if (!t.actor) return { card: noticeCard(n.notRegisteredTitle, n.notRegisteredText, 'Warning') };
  if (!ref) return { card: noticeCard(n.whichTitle, n.whichText, 'Warning') };
  const c = await caseByRef(t.deps, ref);
  // Never the argument itself: it could be a number typed by mistake.
  if (!c) return { card: noticeCard(n.notFoundTitle, n.notFoundText, 'Warning') };
  if (!maySee(t, c)) return { card: noticeCard(n.otherGroupTitle, n.otherGroupText, 'Attention') };
  return c;
}

export const showCase: ChatCommand = {
  name: 'ärende',
  pattern: /^(?:ä|a)rende(?:\s+(\S+))?$/i,
  async handle(t, m) {
    const c = await lookup(t, m[1]);
    if ('card' in c) return c;
    return {
      card: await caseCardFor(t.deps, c, {
        viewer: t.conversationKind === 'channel' ? 'all' : t.actor!.role,
        lang: t.lang,
      }),
    };
  },
};

export const history: ChatCommand = {
  name: 'historik',
  pattern: /^historik(?:\s+(\S+))?(\s+barn)?$/i,
  async handle(t, m) {
    const c = await lookup(t, m[1]);
    if ('card' in c) return c;
    // `historik <ref> barn`: every case about the child that the person may see, as one story.
    if (m[2]) {
      const ct = (await childTimeline(t.deps, c.id, (x) => maySee(t, x), t.lang))!;
      return {
        card: timelineCard(ct, {
          audience: audienceOf(t),
          title: texts(t.lang).caseCommand.childTitle(
            count(ct.caseIds.length, 'ärende', t.lang),
            ct.notShown ? count(ct.notShown, 'ärende', t.lang) : '',
          ),
        }),
      };
    }
    // Posted in a channel it is read by everyone there: written text waits behind "Visa".
    return { card: timelineCard((await caseTimeline(t.deps, c.id, t.lang))!, { audience: audienceOf(t) }) };
  },
};
