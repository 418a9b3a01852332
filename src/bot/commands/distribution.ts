// `fördelning`: the distribution-meeting card for the channel's group (or the team lead's own group).
import { buildDistributionView, distributionKey } from '../../app/distribution.js';
import { distributionCard } from '../../cards/distributionCard.js';
import { stockholmDate } from '../../domain/time.js';
import { noticeCard } from '../../cards/simpleCards.js';
import { saidText, texts } from '../../cards/text/index.js';
import { can, forbidden } from '../../domain/permissions.js';
import { groupsInScope, type ChatCommand } from '../types.js';

export const distribution: ChatCommand = {
  name: 'fördelning',
  pattern: /^f(ö|o)rdelning(?:\s+(\S+))?$/i,
  async handle(t, m) {
    const all = texts(t.lang);
    const w = all.distribution;
    if (!t.actor) return { card: noticeCard(all.notice.notRegisteredTitle, w.notRegisteredText, 'Warning') };
    if (!can(t.actor.role, 'distribution'))
      return {
        card: noticeCard(w.forLeadsTitle, saidText(forbidden('distribution', t.actor.role), t.lang), 'Attention'),
      };
    const scope = m[2] ? [m[2].toLowerCase()] : groupsInScope(t);
    const groupId = scope.find((g) => t.deps.org.group(g));
    if (!groupId)
      return {
        card: noticeCard(
          all.notice.whichGroupTitle,
          w.whichGroupText(t.deps.org.org.groups.map((g) => g.id).join(', ')),
          'Warning',
        ),
      };
    if (t.actor.role === 'team_lead' && !t.actor.groups.includes(groupId)) {
      return { card: noticeCard(w.notYourGroupTitle, w.notYourGroupText, 'Attention') };
    }
    // In the group's own channel the card is updated for everyone as cases are assigned (in Swedish,
    // like every card the channel gets): there it is Swedish; elsewhere in the asker's language.
    const home = t.conversationKind === 'channel' && t.channelGroups.includes(groupId);
    return {
      card: distributionCard(await buildDistributionView(t.deps, groupId, home ? 'sv' : t.lang)),
      ...(home ? { upsertKey: distributionKey(groupId, stockholmDate(t.deps.now())) } : {}),
    };
  },
};
