// The way of one action on a case: load, ask the domain, commit with the version check, audit every
// event with before/after, queue the channel card, the new owners' notices and the protection alarm
// in the same commit. Nothing is written when the
// domain refuses or someone else changed the case first.
import { decideCase, type CaseIntent } from '../domain/commands.js';
import { guardIntentText } from '../domain/secrecy.js';
import type { Actor, Case, DomainEvent, Refusal } from '../domain/schemas.js';
import type { DocWrite } from '../store/port.js';
import { caseCardUpdates } from './caseCardUpdates.js';
import { domainContext, type AppDeps } from './context.js';
import { addedOwners, newOwnerNotices } from './newOwners.js';
import { staffLangs } from './recipientLang.js';
import { protectionEffects } from './protection.js';
import { texts, type Lang } from '../cards/text/index.js';

export type CaseResult =
  | { ok: true; case: Case; before: Case | undefined; events: DomainEvent[] }
  | { ok: false; refusal: Refusal; case?: Case; changedBy?: { id: string; name: string; at: string } };

export interface CaseCommand {
  caseId: string;
  /** The version the person saw (from the card); null for a new case; undefined skips the check. */
  expectedVersion?: number | null;
  intent: CaseIntent;
  actor: Actor;
  /** The language of the person's answer (the activity's locale); Swedish when not given. */
  lang?: Lang;
}

export async function executeCaseCommand(deps: AppDeps, cmd: CaseCommand): Promise<CaseResult> {
  const now = deps.now();
  const current = await deps.store.getCase(cmd.caseId);
  if (
    cmd.expectedVersion !== undefined &&
    current &&
    cmd.expectedVersion !== null &&
    current.version !== cmd.expectedVersion
  ) {
    return stale(deps, current, cmd.lang);
  }
  // The secrecy guard (every entrance): a personnummer in a motivation, note or reason is refused.
  const secrecy = guardIntentText(cmd.intent);
  if (secrecy) return { ok: false, refusal: secrecy, ...(current ? { case: current } : {}) };
  const decision = decideCase(await domainContext(deps), current, cmd.intent, cmd.actor, now);
  if (!decision.ok) return { ok: false, refusal: decision, ...(current ? { case: current } : {}) };
  const after = decision.state;
  // Whoever the change made an owner hears of it, whichever entrance made it (src/app/newOwners.ts).
  const docs = [
    ...(await channelCards(deps, current, after)),
    ...newOwnerNotices(now, cmd.actor, current, after, await staffLangs(deps, addedOwners(current, after))),
    // The immediate-protection alarm goes on, changes or ends with whatever change caused it.
    ...(await protectionEffects(deps, current, after)),
  ];
  const result = await deps.store.commit({
    cases: [{ case: after, expectedVersion: current ? current.version : null }],
    docs,
    audit: decision.events.map((e) => ({
      at: now.toISOString(),
      actor: cmd.actor.id,
      type: e.type,
      caseId: e.caseId ?? after.id,
      before: current ?? null,
      after,
      ...(e.reason ? { reason: e.reason } : {}),
      ...(e.data ? { data: e.data } : {}),
    })),
  });
  if (!result.ok) {
    const latest = await deps.store.getCase(cmd.caseId);
    return latest
      ? stale(deps, latest, cmd.lang)
      : { ok: false, refusal: { ok: false, code: 'conflict', message: texts(cmd.lang).caseAnswers.conflict } };
  }
  if (docs.length) deps.onOutbox?.();
  return { ok: true, case: (await deps.store.getCase(after.id))!, before: current, events: decision.events };
}

/**
 * Every change redraws the case's channel card for everyone, in the same commit. A change of owner
 * redraws the open siblings' cards too: they show who has the family and suggest the same owner.
 */
async function channelCards(deps: AppDeps, before: Case | undefined, after: Case): Promise<DocWrite[]> {
  const ownersChanged = before !== undefined && before.assignees.join() !== after.assignees.join();
  const siblings =
    ownersChanged && after.familyRef
      ? (await deps.store.casesByFamily(after.familyRef)).filter((x) => x.id !== after.id && x.phase !== 'closed')
      : [];
  return caseCardUpdates(deps.now(), after, siblings);
}

function stale(deps: AppDeps, current: Case, lang: Lang = 'sv'): CaseResult {
  const name = deps.org.name(current.updatedBy, lang);
  return {
    ok: false,
    refusal: {
      ok: false,
      code: 'stale',
      message: texts(lang).caseAnswers.stale(name),
    },
    case: current,
    changedBy: { id: current.updatedBy, name, at: current.updatedAt },
  };
}
