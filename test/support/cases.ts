// Cases for the e2e tests that need owned cases fast: registered through the intake use case,
// assigned through the one assign use case, skyddsbedömning recorded by the owner. Synthetic references.
import { assignCase } from '../../src/app/assignCase.js';
import { executeCaseCommand } from '../../src/app/executeCaseCommand.js';
import type { Case, Staff } from '../../src/domain/schemas.js';
import { addDays } from '../../src/domain/time.js';
import type { TestBot } from './bot.js';
import { actorOf } from './deps.js';

/** `n` cases of the owners (one or two), received on successive days from `firstDay`, prefix-numbered. */
export async function ownedCases(
  bot: TestBot,
  owners: Staff[],
  n: number,
  opts: { firstDay?: string; prefix?: string; lead?: Staff } = {},
): Promise<string[]> {
  const ids: string[] = [];
  const lead = opts.lead ?? bot.who('karin');
  for (let i = 0; i < n; i++) {
    const id = `IFO-2026-${opts.prefix ?? '0055'}${String(i + 1).padStart(2, '0')}`;
    const r = await bot.registerReport({
      externalId: id,
      childRef: `B-2026-${700 + i}`,
      receivedAt: `${addDays(opts.firstDay ?? '2026-11-10', i)}T09:00:00+01:00`,
    });
    if (!r.ok) throw new Error(r.refusal.message);
    const a = await assignCase(bot.deps, {
      caseId: id,
      version: r.case.version,
      assignees: owners.map((o) => o.aadObjectId),
      actor: actorOf(lead),
    });
    if (!a.ok) throw new Error(a.refusal.message);
    const s = await executeCaseCommand(bot.deps, {
      caseId: id,
      expectedVersion: a.case.version,
      actor: actorOf(owners[0]),
      intent: { type: 'recordSkyddsbedomning', immediateProtection: false, motivation: 'Inget akut skyddsbehov.' },
    });
    if (!s.ok) throw new Error(s.refusal.message);
    ids.push(id);
  }
  await bot.drained();
  return ids;
}

/** Open an utredning on a case through the domain (as a team lead's förhandsbedömning would). */
export async function openInvestigation(bot: TestBot, caseId: string, investigators: Staff[]): Promise<Case> {
  const c = (await bot.deps.store.getCase(caseId))!;
  const r = await executeCaseCommand(bot.deps, {
    caseId,
    expectedVersion: c.version,
    actor: actorOf(bot.who('karin')),
    intent: {
      type: 'decideForhandsbedomning',
      outcome: 'open',
      motivation: 'Oron kräver utredning.',
      investigators: investigators.map((s) => s.aadObjectId),
    },
  });
  if (!r.ok) throw new Error(r.refusal.message);
  return r.case;
}

type Card = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The data of an Action.Execute with this verb (and case) on a card, as Teams would send it back. */
export function actionData(card: Card, verb: string, caseId?: string): Record<string, unknown> {
  let found: Record<string, unknown> | undefined;
  const walk = (v: unknown) => {
    if (found || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach(walk);
    const o = v as Card;
    if (o.type === 'Action.Execute' && o.verb === verb && (!caseId || o.data?.caseId === caseId)) found = o.data;
    Object.values(o).forEach(walk);
  };
  walk(card);
  if (!found) throw new Error(`no ${verb}${caseId ? ` for ${caseId}` : ''} on the card`);
  return found;
}

/** What reached one person's 1:1 chat(s) with the bot, as card/text strings in order. */
export function personalTexts(bot: TestBot, who: Staff, cardText: (c: unknown) => string): string[] {
  const created = new Set(
    bot.connector.calls
      .filter((c) => c.kind === 'createConversation' && c.body?.members?.[0]?.id === `29:${who.aadObjectId}`)
      .map((c) => c.conversationId),
  );
  created.add(`a:personal-${who.aadObjectId}`);
  return bot.connector
    .cards((c) => created.has(c.conversationId))
    .map((c) => (c.card ? cardText(c.card) : String(c.text ?? '')));
}
