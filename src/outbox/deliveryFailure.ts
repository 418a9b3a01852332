// Nothing is dropped silently: when the outbox cannot deliver a message (no linked channel, no 1:1,
// blocked, gone, retries exhausted) the message is kept as 'dead' and, in the SAME commit, a
// delivery-failure card is queued to whoever can fix it and act on the case: the group's team leads
// (1:1) and the management channel (**koppla ledning**); without team leads, the unit manager. A
// failure card that itself cannot be delivered climbs one step: team lead → unit manager →
// management channel; only when that fails too is it left for /healthz and `leveranser`.
// See docs/deliveries.md.
import { type DocWrite, docWrite } from '../store/port.js';
import { texts, type Lang } from '../cards/text/index.js';
import type { AppDeps } from '../app/context.js';
import { GROUP_CHANNELS } from '../app/conversations.js';
import { langOfTarget } from '../app/recipientLang.js';
import { skyddsbedomningDue } from '../domain/deadlines.js';
import { formatDate, formatDateTime, stockholmYear } from '../domain/time.js';
import { OUTBOX, enqueue, type OutboxMessage } from './messages.js';

/** The reserved group id of the unit's management channel. */
export const MANAGEMENT = 'ledning';
export const FAILURE_TEMPLATE = 'delivery-failure';

export type FailureReason =
  'no_channel' | 'no_chat' | 'blocked' | 'gone' | 'disabled' | 'retries_exhausted' | 'nothing_to_render';

export type FailureLevel = 'team_lead' | 'unit_manager' | 'management';

/** What a failure card carries (cards/delivery-failure.json), plus how far up the chain it is. */
export interface FailureData {
  /** The reader's language when not Swedish (renderCard reads it): src/app/recipientLang.ts. */
  lang?: Lang;
  level: FailureLevel;
  /** The outbox id of the undelivered message (kept as 'dead' for retry). */
  failedId: string;
  title: string;
  text: string;
  fix: string;
  caseId: string;
  facts: { title: string; value: string }[];
  at: string;
}

/** A Teams error code or our own reason as one of the reasons a person can act on. */
export function reasonOf(code: string | undefined): FailureReason {
  switch (code) {
    case 'no_channel':
    case 'no_chat':
    case 'retries_exhausted':
    case 'nothing_to_render':
    case 'blocked':
    case 'gone':
    case 'disabled':
      return code;
    case 'ConversationBlockedByUser':
      return 'blocked';
    case 'BotDisabledByAdmin':
    case 'MessageWritesBlocked':
      return 'disabled';
    default:
      return 'gone';
  }
}

/** "VINR-underrättelsen", "Ärendekortet"...: what the message was, in a person's words. */
export function whatOf(msg: OutboxMessage, lang: Lang = 'sv'): string {
  const c = msg.content;
  const w = texts(lang).deliveries;
  if (c.kind === 'caseCard') return c.view === 'assignedToYou' ? w.assignedCard : w.caseCard;
  if (c.kind === 'handoverCard') return w.what.handover ?? w.aCard;
  if (c.kind === 'card') return w.what[c.template] ?? w.aCard;
  return w.aMessage;
}

export function caseIdOf(msg: OutboxMessage): string | undefined {
  const c = msg.content;
  if (c.kind === 'caseCard') return c.caseId;
  if (c.kind === 'card') {
    const d = c.data as { caseId?: unknown; failedCaseId?: unknown } | undefined;
    if (typeof d?.caseId === 'string' && d.caseId) return d.caseId;
  }
  return undefined;
}

/** The groups a message concerns: the target group, the case's group, or the person's groups. */
export async function groupsOf(deps: AppDeps, msg: OutboxMessage): Promise<string[]> {
  const t = msg.target;
  if (t.kind === 'group') return t.groupId === MANAGEMENT ? [] : [t.groupId];
  const caseId = caseIdOf(msg);
  const c = caseId ? await deps.store.getCase(caseId) : undefined;
  if (c) return [c.groupId];
  if (t.kind === 'user') return deps.org.staff(t.staffId)?.groups ?? [];
  return [];
}

/** Whom the message was for, in a person's words. */
function recipientOf(deps: AppDeps, msg: OutboxMessage, lang: Lang): string {
  const t = msg.target;
  const w = texts(lang).deliveryFailure;
  if (t.kind === 'user') return deps.org.name(t.staffId);
  if (t.kind === 'group')
    return t.groupId === MANAGEMENT
      ? w.managementChannel
      : w.groupChannel(deps.org.group(t.groupId)?.name ?? t.groupId);
  return w.aChat;
}

function explain(deps: AppDeps, msg: OutboxMessage, reason: FailureReason, lang: Lang): { why: string; fix: string } {
  const t = msg.target;
  const w = texts(lang).deliveryFailure;
  const who = recipientOf(deps, msg, lang);
  if (t.kind === 'group' && reason === 'no_channel') {
    if (t.groupId === MANAGEMENT) return w.managementNoChannel;
    const group = deps.org.group(t.groupId);
    const name = group?.name ?? t.groupId;
    // A channel named in the organisation file is bound when the bot is installed in its team.
    if (group?.channel)
      return { why: w.notInstalledWhy(name), fix: w.notInstalledFix(group.channel.teamId, t.groupId) };
    return { why: w.noChannelWhy(name), fix: w.noChannelFix(t.groupId) };
  }
  const person = t.kind === 'user' ? deps.org.name(t.staffId) : undefined;
  switch (reason) {
    case 'no_chat':
      return { why: w.noChatWhy(who), fix: w.noChatFix(person ?? w.thePerson) };
    case 'blocked':
      return { why: w.blockedWhy(who), fix: w.blockedFix(person ?? w.theOwner) };
    case 'disabled':
      return { why: w.disabledWhy(who), fix: w.disabledFix };
    case 'retries_exhausted':
      return { why: w.exhaustedWhy(who), fix: w.exhaustedFix };
    case 'nothing_to_render':
      return { why: w.nothingWhy, fix: w.nothingFix };
    default:
      return {
        why: w.goneWhy(who, t.kind === 'user'),
        fix: t.kind === 'group' ? w.goneFixChannel(t.groupId) : w.goneFixChat(person ?? w.thePerson),
      };
  }
}

/**
 * What the undelivered message showed, quoted as facts. In Swedish the message's own words (a card's
 * `concerns`, `received`, `skydd`); in another language the same facts from the case itself, since the
 * quoted words are the channel card's Swedish.
 */
async function quotedFacts(deps: AppDeps, msg: OutboxMessage, caseId: string, lang: Lang) {
  const w = texts(lang).deliveryFailure;
  const d = msg.content.kind === 'card' ? (msg.content.data as Record<string, unknown>) : {};
  const facts: { title: string; value: string }[] = [];
  const c = lang !== 'sv' && caseId ? await deps.store.getCase(caseId) : undefined;
  if (c) {
    const year = stockholmYear(deps.now());
    const L = texts(lang);
    if (typeof d.concerns === 'string')
      facts.push({ title: w.facts.concerns, value: c.concerns.map((k) => L.concern[k]).join(', ') });
    if (typeof d.received === 'string')
      facts.push({ title: w.facts.received, value: formatDateTime(c.receivedAt, year, lang) });
    if (typeof d.skydd === 'string')
      facts.push({
        title: w.facts.skydd,
        value: w.skyddBy(formatDate(skyddsbedomningDue(c.receivedAt, deps.rules), year, lang)),
      });
    return facts;
  }
  if (typeof d.concerns === 'string') facts.push({ title: w.facts.concerns, value: d.concerns });
  if (typeof d.received === 'string') facts.push({ title: w.facts.received, value: d.received });
  if (typeof d.skydd === 'string') facts.push({ title: w.facts.skydd, value: d.skydd });
  return facts;
}

/**
 * A report one step up the chain quotes the report that failed: in its reader's language, made again
 * from the message it was about when the first report was written in another.
 */
async function originalIn(deps: AppDeps, original: FailureData, lang: Lang): Promise<FailureData> {
  if ((original.lang ?? 'sv') === lang) return original;
  const failed = await deps.store.getDoc(OUTBOX, original.failedId);
  return failed ? await failureData(deps, failed, deadReason(failed), original.level, lang) : original;
}

/** The failure card's content for an undelivered message, in the reader's language (Swedish by default). */
export async function failureData(
  deps: AppDeps,
  msg: OutboxMessage,
  reason: FailureReason,
  level: FailureLevel,
  lang: Lang = 'sv',
): Promise<FailureData> {
  const w = texts(lang).deliveryFailure;
  const reported = isFailureReport(msg) ? (msg.content as { data: FailureData }).data : undefined;
  const original = reported ? await originalIn(deps, reported, lang) : undefined;
  const caseId = original?.caseId || caseIdOf(msg) || '';
  const what = whatOf(msg, lang);
  const { why, fix } = explain(deps, msg, reason, lang);
  const facts: { title: string; value: string }[] = [];
  if (caseId) facts.push({ title: w.facts.caseId, value: caseId });
  facts.push(...(await quotedFacts(deps, msg, caseId, lang)));
  facts.push({ title: w.facts.to, value: recipientOf(deps, msg, lang) });
  return {
    ...(lang !== 'sv' ? { lang } : {}),
    level,
    failedId: msg.id,
    title: original ? w.titleAgain(original.title) : w.title(what),
    text: original ? w.textAgain(original.text, why) : w.text(what, caseId, why),
    fix: original ? `${original.fix} ${fix}` : fix,
    caseId,
    facts,
    at: deps.now().toISOString(),
  };
}

export const isFailureReport = (msg: OutboxMessage) =>
  msg.content.kind === 'card' && msg.content.template === FAILURE_TEMPLATE;

const managementLinked = async (deps: AppDeps) => !!(await deps.store.getDoc(GROUP_CHANNELS, MANAGEMENT));

/**
 * The messages that report `msg` as undelivered: one per recipient at the next step of the chain.
 * Empty only when the chain is exhausted (a report to the management channel that failed).
 */
export async function failureReports(deps: AppDeps, msg: OutboxMessage, reason: FailureReason): Promise<DocWrite[]> {
  const now = deps.now();
  const t = msg.target;
  const self = t.kind === 'user' ? t.staffId : undefined;
  const level = isFailureReport(msg) ? (msg.content as { data: FailureData }).data.level : undefined;
  const out: { target: OutboxMessage['target']; level: FailureLevel }[] = [];
  const toUsers = (ids: string[], lvl: FailureLevel) => {
    for (const id of new Set(ids)) if (id !== self) out.push({ target: { kind: 'user', staffId: id }, level: lvl });
  };
  const managers = () => deps.org.unitManagers().map((s) => s.aadObjectId);
  const toManagement = async () => {
    if (!(t.kind === 'group' && t.groupId === MANAGEMENT) && (await managementLinked(deps)))
      out.push({ target: { kind: 'group', groupId: MANAGEMENT }, level: 'management' });
  };
  if (level === 'team_lead') {
    toUsers(managers(), 'unit_manager');
    if (!out.length) await toManagement();
  } else if (level === 'unit_manager') {
    await toManagement();
  } else if (level === 'management') {
    // The last step: left for /healthz and `leveranser`.
  } else {
    const leads = (await groupsOf(deps, msg)).flatMap((g) => deps.org.teamLeadsOf(g).map((s) => s.aadObjectId));
    toUsers(leads, 'team_lead');
    if (!out.length) toUsers(managers(), 'unit_manager');
    await toManagement();
  }
  // Nobody at all (no team lead, no unit manager, no linked management channel): queued for the
  // management channel anyway, where it waits for **koppla ledning**, so it is never lost.
  if (!out.length && level !== 'management' && !(t.kind === 'group' && t.groupId === MANAGEMENT))
    out.push({ target: { kind: 'group', groupId: MANAGEMENT }, level: 'management' });
  const writes: DocWrite[] = [];
  for (const r of out)
    writes.push(
      enqueue(
        now,
        r.target,
        {
          kind: 'card',
          template: FAILURE_TEMPLATE,
          data: await failureData(deps, msg, reason, r.level, await langOfTarget(deps, r.target)),
        },
        // One card per failed message and recipient, however often it is reported.
        `failure:${msg.id}:${r.target.kind === 'user' ? r.target.staffId : MANAGEMENT}`,
      ),
    );
  return writes;
}

/**
 * THE dead-letter point: the writes that mark `msg` undeliverable and report it. Every path of the
 * drain that stops trying goes through here, so no message is ever dead without its report queued.
 */
export async function deadLetter(
  deps: AppDeps,
  msg: OutboxMessage,
  code: string | undefined,
  detail?: string,
): Promise<DocWrite[]> {
  const reason = reasonOf(code);
  const dead: OutboxMessage = {
    ...msg,
    status: 'dead',
    lastError: detail ? `${reason}: ${detail}` : reason,
    deadAt: deps.now().toISOString(),
    version: msg.version + 1,
  };
  return [docWrite(OUTBOX, msg.id, dead, msg.version), ...(await failureReports(deps, msg, reason))];
}

/** The reason stored on a dead message. */
export const deadReason = (msg: OutboxMessage): FailureReason => reasonOf(msg.lastError?.split(':')[0]);
