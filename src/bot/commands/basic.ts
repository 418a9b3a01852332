// hjälp, koppla, mina, ofördelade, försenade: answered in the reader's language (the activity's
// locale, src/cards/text/), Swedish by default.
import { connectChannel } from '../../app/connectChannel.js';
import { MANAGEMENT } from '../../outbox/deliveryFailure.js';
import { myCasesView, overdueView, unassignedView } from '../../app/lists.js';
import { helpCard, noticeCard, caseListCard } from '../../cards/simpleCards.js';
import { count, refusalText, texts, type Lang } from '../../cards/text/index.js';
import { groupsInScope, type ChatCommand, type Reply } from '../types.js';

const notRegistered = (lang: Lang = 'sv'): Reply => {
  const t = texts(lang).notice;
  return { card: noticeCard(t.notRegisteredTitle, t.notRegisteredText, 'Warning') };
};

export const help: ChatCommand = {
  name: 'hjälp',
  pattern: /^(hjälp|hjalp|help|\?)$/i,
  handle: (t) => ({ card: helpCard(t.actor, t.conversationKind === 'channel', t.lang) }),
};

export const connect: ChatCommand = {
  name: 'koppla',
  pattern: /^koppla(?:\s+(\S+))?$/i,
  async handle(t, m) {
    const n = texts(t.lang).notice;
    if (!t.actor) return notRegistered(t.lang);
    if (t.conversationKind !== 'channel')
      return { card: noticeCard(n.connectInChannelTitle, n.connectInChannelText, 'Warning') };
    if (!m[1]) {
      const ids = t.deps.org.org.groups.map((g) => `${g.id} (${g.name})`).join(', ');
      return { card: noticeCard(n.whichGroupTitle, n.whichGroupText(ids), 'Warning') };
    }
    const r = await connectChannel(t.deps, {
      actor: t.actor,
      groupId: m[1].toLowerCase(),
      conversationKey: t.conversationKey,
      lang: t.lang,
    });
    if (!r.ok) return { card: noticeCard(n.notConnectedTitle, refusalText(r, t.lang), 'Attention') };
    const what = m[1].toLowerCase() === MANAGEMENT ? n.connectedManagement : n.connectedGroup;
    const waiting = r.waiting ? n.waiting(count(r.waiting, 'kort', t.lang)) : '';
    return { card: noticeCard(n.connectedTitle(r.groupName), `${what}${waiting}`, 'Good') };
  },
};

export const mine: ChatCommand = {
  name: 'mina',
  pattern: /^mina(\s+ärenden)?$/i,
  handle: async (t) =>
    t.actor ? { card: caseListCard(await myCasesView(t.deps, t.actor, t.lang)) } : notRegistered(t.lang),
};

export const unassignedList: ChatCommand = {
  name: 'ofördelade',
  pattern: /^of(ö|o)rdelade$/i,
  handle: async (t) =>
    t.actor ? { card: caseListCard(await unassignedView(t.deps, groupsInScope(t), t.lang)) } : notRegistered(t.lang),
};

export const overdueList: ChatCommand = {
  name: 'försenade',
  pattern: /^f(ö|o)rsenade$/i,
  handle: async (t) =>
    t.actor ? { card: caseListCard(await overdueView(t.deps, groupsInScope(t), t.lang)) } : notRegistered(t.lang),
};
