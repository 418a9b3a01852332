// What a chat command or a card action handler gets and returns: plain data, no Teams types, so that
// adding a feature is a new file and one line in an index, and the handlers survive an SDK change.
import type { AppDeps } from '../app/context.js';
import type { Card } from '../cards/render.js';
import type { Lang } from '../cards/text/index.js';
import type { Actor } from '../domain/schemas.js';

export interface Mention {
  name: string;
  teamsId: string;
  aadObjectId?: string;
}

export interface Turn {
  deps: AppDeps;
  /** The person, from the organisation file; undefined for someone not in it. */
  actor?: Actor;
  conversationKey: string;
  conversationKind: 'channel' | 'personal' | 'groupChat';
  /** Groups whose home is this channel (`koppla`). */
  channelGroups: string[];
  /** The language the person reads, from the activity's `locale` (src/cards/text/); Swedish when absent. */
  lang?: Lang;
}

export interface CommandTurn extends Turn {
  text: string;
  /** People @mentioned in the message, the bot itself excluded. */
  mentions: Mention[];
}

/**
 * A command's answer. With `upsertKey` the posted card is remembered like an outbox card with that
 * key, so that later outbox messages with the same key update it in place for everyone.
 */
export type Reply = { card: Card; upsertKey?: string } | { text: string };

export interface ChatCommand {
  name: string;
  /** Matched against the message text with the bot mention removed, trimmed. */
  pattern: RegExp;
  handle(turn: CommandTurn, match: RegExpMatchArray): Promise<Reply> | Reply;
}

export interface CardAction {
  verb: string;
  /** Returns the card that replaces the pressed one for the person who pressed. */
  handle(turn: Turn, data: Record<string, unknown>): Promise<Card> | Card;
}

/** The groups a list command is about: the channel's groups, else the person's own. */
export function groupsInScope(turn: Turn): string[] {
  if (turn.channelGroups.length) return turn.channelGroups;
  if (turn.actor?.role === 'unit_manager') return turn.deps.org.org.groups.map((g) => g.id);
  return turn.actor?.groups ?? [];
}

/**
 * Whose view a card action's answer is. Teams shows an Action.Execute answer to the person who
 * pressed alone (also in a channel, where everyone else keeps the shared card), so it is always that
 * person's own role's view (docs/cards.md "Buttons by role"); a posted channel card is 'all'.
 */
export const answerViewer = (turn: Turn) => turn.actor?.role ?? 'none';
