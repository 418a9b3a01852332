// `fördelning`: the distribution-meeting card for the channel's group (or the team lead's own group).
import { distributionCard, distributionKey } from '../../app/distribution.js';
import { stockholmDate } from '../../domain/time.js';
import { noticeCard } from '../../cards/simpleCards.js';
import { can, forbiddenMessage } from '../../domain/permissions.js';
import { groupsInScope, type ChatCommand } from '../types.js';

export const distribution: ChatCommand = {
  name: 'fördelning',
  pattern: /^f(ö|o)rdelning(?:\s+(\S+))?$/i,
  handle(t, m) {
    if (!t.actor)
      return {
        card: noticeCard('Du finns inte i organisationsfilen', 'Be din gruppledare lägga till dig.', 'Warning'),
      };
    if (!can(t.actor.role, 'distribution'))
      return {
        card: noticeCard(
          'Fördelningen är för gruppledare',
          forbiddenMessage('distribution', t.actor.role),
          'Attention',
        ),
      };
    const scope = m[2] ? [m[2].toLowerCase()] : groupsInScope(t);
    const groupId = scope.find((g) => t.deps.org.group(g));
    if (!groupId)
      return {
        card: noticeCard(
          'Vilken grupp?',
          `Skriv fördelning <grupp-id>. Grupper: ${t.deps.org.org.groups.map((g) => g.id).join(', ')}.`,
          'Warning',
        ),
      };
    if (t.actor.role === 'team_lead' && !t.actor.groups.includes(groupId)) {
      return { card: noticeCard('Inte din grupp', 'Du kan bara fördela ärenden i dina egna grupper.', 'Attention') };
    }
    // In the group's own channel the card is updated for everyone as cases are assigned.
    const home = t.conversationKind === 'channel' && t.channelGroups.includes(groupId);
    return {
      card: distributionCard(t.deps, groupId),
      ...(home ? { upsertKey: distributionKey(groupId, stockholmDate(t.deps.now())) } : {}),
    };
  },
};
