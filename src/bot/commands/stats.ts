// `statistik [ÅÅÅÅ-MM] [grupp]`: the month's compliance figures (default: the month before) for the
// channel's group, the person's own group, or (for the unit manager) the whole unit; `enheten` asks for
// the unit. A bad month or a group the person may not see gets a Swedish answer that repeats nothing.
import { noticeCard } from '../../cards/simpleCards.js';
import { texts } from '../../cards/text/index.js';
import { statsCard } from '../../cards/statsCard.js';
import { cardMonths, checkStatsQuery, monthStats } from '../../stats/query.js';
import type { ChatCommand, CommandTurn, Reply } from '../types.js';

const UNIT = 'enheten';

function parseArgs(rest: string | undefined): { month?: string; group?: string; extra: boolean } {
  const out: { month?: string; group?: string; extra: boolean } = { extra: false };
  for (const token of (rest ?? '').split(/\s+/).filter(Boolean)) {
    // Anything that starts with digits is a month attempt (so 2026-13 is a bad month, not a group).
    if (/^\d/.test(token) && out.month === undefined) out.month = token;
    else if (out.group === undefined) out.group = token.toLowerCase();
    else out.extra = true;
  }
  return out;
}

async function handle(t: CommandTurn, rest: string | undefined): Promise<Reply> {
  const actor = t.actor;
  const w = texts(t.lang).stats;
  if (!actor) return { card: noticeCard(texts(t.lang).notice.notRegisteredTitle, w.notRegisteredText, 'Warning') };
  const args = parseArgs(rest);
  if (args.extra) return { card: noticeCard(w.commandTitle, w.usage, 'Warning') };
  const manager = actor.role === 'unit_manager';
  let groupId: string | null;
  if (args.group === UNIT) groupId = null;
  else if (args.group !== undefined) groupId = args.group;
  else if (t.channelGroups.length) groupId = t.channelGroups[0];
  else groupId = manager ? null : (actor.groups[0] ?? null);
  const q = checkStatsQuery(t.deps, {
    ...(args.month !== undefined ? { month: args.month } : {}),
    ...(groupId !== null ? { groupId } : {}),
  });
  if (!q.ok) return { card: noticeCard(w.notShown, q.issues.map((i) => i.message).join(' '), 'Warning') };
  if (groupId === null && !manager) return { card: noticeCard(w.commandTitle, w.unitForManager, 'Attention') };
  if (groupId !== null && !manager && !actor.groups.includes(groupId))
    return { card: noticeCard(w.commandTitle, w.ownGroups, 'Attention') };
  return { card: statsCard({ history: await monthStats(t.deps, cardMonths(q.month)), groupId, lang: t.lang }) };
}

export const stats: ChatCommand = {
  name: 'statistik',
  pattern: /^statistik(?:\s+(.+))?$/i,
  handle: async (t, m) => await handle(t, m[1]),
};
