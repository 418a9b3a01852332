// hjälp, koppla, mina, ofördelade, försenade.
import { connectChannel } from '../../app/connectChannel.js';
import { MANAGEMENT } from '../../app/deliveryFailure.js';
import { myCasesCard, overdueCard, unassignedCard } from '../../app/lists.js';
import { helpCard, noticeCard } from '../../cards/simpleCards.js';
import { groupsInScope, type ChatCommand } from '../types.js';

const notRegistered = {
  card: noticeCard(
    'Du finns inte i organisationsfilen',
    'Du kan läsa hjälpen (skriv hjälp) men inte se eller ändra ärenden. Be din gruppledare lägga till dig.',
    'Warning',
  ),
};

export const help: ChatCommand = {
  name: 'hjälp',
  pattern: /^(hjälp|hjalp|help|\?)$/i,
  handle: (t) => ({ card: helpCard(t.actor, t.conversationKind === 'channel') }),
};

export const connect: ChatCommand = {
  name: 'koppla',
  pattern: /^koppla(?:\s+(\S+))?$/i,
  async handle(t, m) {
    if (!t.actor) return notRegistered;
    if (t.conversationKind !== 'channel')
      return {
        card: noticeCard(
          'Koppla i en kanal',
          'Skriv koppla <grupp-id> i den kanal som ska få gruppens kort och listor.',
          'Warning',
        ),
      };
    if (!m[1]) {
      const ids = t.deps.org.org.groups.map((g) => `${g.id} (${g.name})`).join(', ');
      return { card: noticeCard('Vilken grupp?', `Skriv koppla <grupp-id>. Grupper: ${ids}.`, 'Warning') };
    }
    const r = await connectChannel(t.deps, {
      actor: t.actor,
      groupId: m[1].toLowerCase(),
      conversationKey: t.conversationKey,
    });
    if (!r.ok) return { card: noticeCard('Kanalen kopplades inte', r.message, 'Attention') };
    const what =
      m[1].toLowerCase() === MANAGEMENT
        ? 'Det som inte kan levereras till gruppledare eller enhetschef rapporteras här.'
        : 'Nya anmälningar, morgonlistor och överlämningar för gruppen postas här.';
    const waiting = r.waiting ? ` ${r.waiting} kort som väntade på kanalen skickas nu.` : '';
    return { card: noticeCard(`Kanalen är kopplad till ${r.groupName}`, `${what}${waiting}`, 'Good') };
  },
};

export const mine: ChatCommand = {
  name: 'mina',
  pattern: /^mina(\s+ärenden)?$/i,
  handle: (t) => (t.actor ? { card: myCasesCard(t.deps, t.actor) } : notRegistered),
};

export const unassignedList: ChatCommand = {
  name: 'ofördelade',
  pattern: /^of(ö|o)rdelade$/i,
  handle: (t) => (t.actor ? { card: unassignedCard(t.deps, groupsInScope(t)) } : notRegistered),
};

export const overdueList: ChatCommand = {
  name: 'försenade',
  pattern: /^f(ö|o)rsenade$/i,
  handle: (t) => (t.actor ? { card: overdueCard(t.deps, groupsInScope(t)) } : notRegistered),
};
