// Nothing is dropped silently: when the outbox cannot deliver a message (no linked channel, no 1:1,
// blocked, gone, retries exhausted) the message is kept as 'dead' and, in the SAME commit, a
// delivery-failure card is queued to whoever can fix it and act on the case: the group's team leads
// (1:1) and the management channel (**koppla ledning**); without team leads, the unit manager. A
// failure card that itself cannot be delivered climbs one step: team lead → unit manager →
// management channel; only when that fails too is it left for /healthz and `leveranser`.
// See docs/deliveries.md.
import type { DocWrite } from '../store/port.js';
import { texts, type Lang } from '../cards/text/index.js';
import type { AppDeps } from '../app/context.js';
import { GROUP_CHANNELS } from '../app/conversations.js';
import { OUTBOX, enqueue, type OutboxMessage } from './messages.js';

/** The reserved group id of the unit's management channel. */
export const MANAGEMENT = 'ledning';
export const FAILURE_TEMPLATE = 'delivery-failure';

export type FailureReason =
  'no_channel' | 'no_chat' | 'blocked' | 'gone' | 'disabled' | 'retries_exhausted' | 'nothing_to_render';

export type FailureLevel = 'team_lead' | 'unit_manager' | 'management';

/** What a failure card carries (cards/delivery-failure.json), plus how far up the chain it is. */
export interface FailureData {
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
export function groupsOf(deps: AppDeps, msg: OutboxMessage): string[] {
  const t = msg.target;
  if (t.kind === 'group') return t.groupId === MANAGEMENT ? [] : [t.groupId];
  const caseId = caseIdOf(msg);
  const c = caseId ? deps.store.getCase(caseId) : undefined;
  if (c) return [c.groupId];
  if (t.kind === 'user') return deps.org.staff(t.staffId)?.groups ?? [];
  return [];
}

/** Whom the message was for, in a person's words. */
function recipientOf(deps: AppDeps, msg: OutboxMessage): string {
  const t = msg.target;
  if (t.kind === 'user') return deps.org.name(t.staffId);
  if (t.kind === 'group')
    return t.groupId === MANAGEMENT
      ? 'ledningens kanal'
      : `gruppens kanal (${deps.org.group(t.groupId)?.name ?? t.groupId})`;
  return 'en chatt';
}

function explain(deps: AppDeps, msg: OutboxMessage, reason: FailureReason): { why: string; fix: string } {
  const t = msg.target;
  const who = recipientOf(deps, msg);
  if (t.kind === 'group' && reason === 'no_channel') {
    if (t.groupId === MANAGEMENT)
      return {
        why: 'ledningen har ingen kopplad kanal',
        fix: 'Koppla ledningens kanal med **koppla ledning**.',
      };
    const group = deps.org.group(t.groupId);
    const name = group?.name ?? t.groupId;
    // A channel named in the organisation file is bound when the bot is installed in its team.
    if (group?.channel)
      return {
        why: `gruppen ${name} har en kanal i organisationsfilen, men Ärendevakt är inte installerad i det teamet än`,
        fix: `Lägg till Ärendevakt i teamet (${group.channel.teamId}). Det som väntar skickas till kanalen när appen är installerad; **koppla ${t.groupId}** i en annan kanal går också.`,
      };
    return {
      why: `gruppen ${name} har ingen kopplad kanal`,
      fix: `Koppla en kanal med **koppla ${t.groupId}**. Det som väntar skickas dit när kanalen är kopplad.`,
    };
  }
  const person = t.kind === 'user' ? deps.org.name(t.staffId) : undefined;
  switch (reason) {
    case 'no_chat':
      return {
        why: `Ärendevakt når inte ${who}: personen har ingen chatt med Ärendevakt och finns inte i något teams medlemslista`,
        fix: `Be ${person ?? 'personen'} skriva hjälp till Ärendevakt i en chatt, eller lägg till personen i ett team där Ärendevakt finns.`,
      };
    case 'blocked':
      return {
        why: `Ärendevakt når inte ${who} i Teams: chatten med Ärendevakt är blockerad`,
        fix: `Be ${person ?? 'ägaren'} häva blockeringen av Ärendevakt i Teams.`,
      };
    case 'disabled':
      return {
        why: `Ärendevakt når inte ${who} i Teams: boten är avstängd av administratören`,
        fix: 'Be IT-förvaltningen aktivera Ärendevakt i Teams igen.',
      };
    case 'retries_exhausted':
      return {
        why: `Teams tog inte emot meddelandet till ${who} trots upprepade försök`,
        fix: 'Tryck Försök igen. Om det inte hjälper, kontakta IT-förvaltningen.',
      };
    case 'nothing_to_render':
      return {
        why: 'ärendet finns inte längre i Ärendevakt',
        fix: 'Kontrollera ärendet i verksamhetssystemet.',
      };
    default:
      return {
        why: `Ärendevakt når inte ${who} i Teams: ${t.kind === 'user' ? 'chatten' : 'kanalen'} finns inte längre eller boten är borttagen`,
        fix:
          t.kind === 'group'
            ? `Lägg till Ärendevakt i teamet igen och skriv **koppla ${t.groupId}** i kanalen.`
            : `Be ${person ?? 'personen'} öppna chatten med Ärendevakt igen.`,
      };
  }
}

/** The failure card's content for an undelivered message. */
export function failureData(deps: AppDeps, msg: OutboxMessage, reason: FailureReason, level: FailureLevel) {
  const original = isFailureReport(msg) ? (msg.content as { data: FailureData }).data : undefined;
  const caseId = original?.caseId || caseIdOf(msg) || '';
  const what = whatOf(msg);
  const { why, fix } = explain(deps, msg, reason);
  const facts: { title: string; value: string }[] = [];
  if (caseId) facts.push({ title: 'Ärende', value: caseId });
  const d = msg.content.kind === 'card' ? (msg.content.data as Record<string, unknown>) : {};
  if (typeof d.concerns === 'string') facts.push({ title: 'Oro', value: d.concerns });
  if (typeof d.received === 'string') facts.push({ title: 'Mottagen', value: d.received });
  if (typeof d.skydd === 'string') facts.push({ title: 'Skyddsbedömning', value: d.skydd });
  facts.push({ title: 'Till', value: recipientOf(deps, msg) });
  const data: FailureData = {
    level,
    failedId: msg.id,
    title: original ? `Kunde inte levereras: ${original.title}` : `${what} kunde inte levereras`,
    text: original
      ? `${original.text} Rapporten om det kunde inte heller levereras: ${why}.`
      : `${what}${caseId ? ` för ${caseId}` : ''} kunde inte levereras: ${why}.`,
    fix: original ? `${original.fix} ${fix}` : fix,
    caseId,
    facts,
    at: deps.now().toISOString(),
  };
  return data;
}

export const isFailureReport = (msg: OutboxMessage) =>
  msg.content.kind === 'card' && msg.content.template === FAILURE_TEMPLATE;

const managementLinked = (deps: AppDeps) => !!deps.store.getDoc(GROUP_CHANNELS, MANAGEMENT);

/**
 * The messages that report `msg` as undelivered: one per recipient at the next step of the chain.
 * Empty only when the chain is exhausted (a report to the management channel that failed).
 */
export function failureReports(deps: AppDeps, msg: OutboxMessage, reason: FailureReason): DocWrite[] {
  const now = deps.now();
  const t = msg.target;
  const self = t.kind === 'user' ? t.staffId : undefined;
  const level = isFailureReport(msg) ? (msg.content as { data: FailureData }).data.level : undefined;
  const out: { target: OutboxMessage['target']; level: FailureLevel }[] = [];
  const toUsers = (ids: string[], lvl: FailureLevel) => {
    for (const id of new Set(ids)) if (id !== self) out.push({ target: { kind: 'user', staffId: id }, level: lvl });
  };
  const managers = () => deps.org.unitManagers().map((s) => s.aadObjectId);
  const toManagement = () => {
    if (!(t.kind === 'group' && t.groupId === MANAGEMENT) && managementLinked(deps))
      out.push({ target: { kind: 'group', groupId: MANAGEMENT }, level: 'management' });
  };
  if (level === 'team_lead') {
    toUsers(managers(), 'unit_manager');
    if (!out.length) toManagement();
  } else if (level === 'unit_manager') {
    toManagement();
  } else if (level === 'management') {
    // The last step: left for /healthz and `leveranser`.
  } else {
    const leads = groupsOf(deps, msg).flatMap((g) => deps.org.teamLeadsOf(g).map((s) => s.aadObjectId));
    toUsers(leads, 'team_lead');
    if (!out.length) toUsers(managers(), 'unit_manager');
    toManagement();
  }
  // Nobody at all (no team lead, no unit manager, no linked management channel): queued for the
  // management channel anyway, where it waits for **koppla ledning**, so it is never lost.
  if (!out.length && level !== 'management' && !(t.kind === 'group' && t.groupId === MANAGEMENT))
    out.push({ target: { kind: 'group', groupId: MANAGEMENT }, level: 'management' });
  return out.map((r) =>
    enqueue(
      now,
      r.target,
      { kind: 'card', template: FAILURE_TEMPLATE, data: failureData(deps, msg, reason, r.level) },
      // One card per failed message and recipient, however often it is reported.
      `failure:${msg.id}:${r.target.kind === 'user' ? r.target.staffId : MANAGEMENT}`,
    ),
  );
}

/**
 * THE dead-letter point: the writes that mark `msg` undeliverable and report it. Every path of the
 * drain that stops trying goes through here, so no message is ever dead without its report queued.
 */
export function deadLetter(deps: AppDeps, msg: OutboxMessage, code: string | undefined, detail?: string): DocWrite[] {
  const reason = reasonOf(code);
  const dead: OutboxMessage = {
    ...msg,
    status: 'dead',
    lastError: detail ? `${reason}: ${detail}` : reason,
    deadAt: deps.now().toISOString(),
    version: msg.version + 1,
  };
  return [
    {
      collection: OUTBOX,
      id: msg.id,
      expectedVersion: msg.version,
      value: dead as unknown as Record<string, unknown>,
    },
    ...failureReports(deps, msg, reason),
  ];
}

/** The reason stored on a dead message. */
export const deadReason = (msg: OutboxMessage): FailureReason => reasonOf(msg.lastError?.split(':')[0]);
