// `frånvaro @person [från ÅÅÅÅ-MM-DD] [till ÅÅÅÅ-MM-DD] [semester]`, `åter @person` and
// `överlämning @person` (the running checklist shown again). The person is
// found from the @mention entity (its aadObjectId; Teams sometimes leaves it out, then the Teams user
// id remembered from the roster, then the name in the organisation file). Without a mention: oneself.
import { endAbsence, registerAbsence } from '../../app/absence.js';
import { channelOfGroup, memberByTeamsId } from '../../app/conversations.js';
import { handoverOf, noOpenCasesText } from '../../app/handover.js';
import { handoverCardFor } from '../../outbox/handoverCards.js';
import { noticeCard } from '../../cards/simpleCards.js';
import { count, fieldTexts, texts, type Lang, refusalText } from '../../cards/text/index.js';
import type { Staff } from '../../domain/schemas.js';
import { formatDate, stockholmDate } from '../../domain/time.js';
import type { ChatCommand, CommandTurn, Reply } from '../types.js';

const notRegistered = (lang?: Lang): Reply => ({
  card: noticeCard(texts(lang).notice.notRegisteredTitle, texts(lang).absence.notRegisteredText, 'Warning'),
});

/** The person a command is about: the first @mention other than the bot, else the sender. */
export async function personOf(turn: CommandTurn): Promise<Staff | undefined | 'unknown'> {
  const m = turn.mentions[0];
  const org = turn.deps.org;
  if (!m) return turn.actor ? org.staff(turn.actor.id) : undefined;
  const byAad = m.aadObjectId ? org.staff(m.aadObjectId) : undefined;
  if (byAad) return byAad;
  const member = await memberByTeamsId(turn.deps, m.teamsId);
  const byMember = member ? org.staff(member.aadObjectId) : undefined;
  if (byMember) return byMember;
  const byName = org.org.staff.filter((s) => s.name.toLowerCase() === m.name.trim().toLowerCase());
  return byName.length === 1 ? byName[0] : 'unknown';
}

const DATE = /(\d{4}-\d{2}-\d{2})/;

export function parseAbsenceArgs(
  rest: string,
  lang: Lang = 'sv',
): {
  from?: string;
  to?: string;
  kind?: 'sick' | 'planned' | 'other';
  problem?: string;
} {
  const text = rest.toLowerCase();
  const to = text.match(new RegExp(`\\btill\\s+${DATE.source}`))?.[1];
  const from = text.match(new RegExp(`\\bfr(?:å|a)n\\s+(?:och\\s+med\\s+)?${DATE.source}`))?.[1];
  // The kind only when it was said; it is stored, never shown in a channel.
  const kind = /\b(semester|ledig|ledighet|planerad)\b/.test(text)
    ? 'planned'
    : /\bsjuk/.test(text)
      ? 'sick'
      : /\b(annat|övrigt|kurs|vab|tjänstledig)\b/.test(text)
        ? 'other'
        : undefined;
  const problem = /\btill\b/.test(text) && !to ? texts(lang).absence.endDate : undefined;
  return {
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(kind ? { kind } : {}),
    ...(problem ? { problem } : {}),
  };
}

function unknownPerson(lang?: Lang): Reply {
  return { card: noticeCard(texts(lang).absence.whoTitle, texts(lang).absence.whoText, 'Warning') };
}

export const absence: ChatCommand = {
  name: 'frånvaro',
  pattern: /^fr(?:å|a)nvaro\b(.*)$/i,
  async handle(turn, m) {
    const t = texts(turn.lang).absence;
    if (!turn.actor) return notRegistered(turn.lang);
    const person = await personOf(turn);
    if (!person || person === 'unknown') return unknownPerson(turn.lang);
    const args = parseAbsenceArgs(m[1] ?? '', turn.lang);
    if (args.problem) return { card: noticeCard(t.notRegisteredAbsence, args.problem, 'Attention') };
    const r = await registerAbsence(turn.deps, {
      actor: turn.actor,
      staffId: person.aadObjectId,
      ...args,
      lang: turn.lang,
    });
    if (!r.ok) {
      const fields = Object.values(fieldTexts(r.refusal, turn.lang));
      return {
        card: noticeCard(t.notRegisteredAbsence, [refusalText(r.refusal, turn.lang), ...fields].join(' '), 'Attention'),
      };
    }
    const deps = turn.deps;
    const year = Number(stockholmDate(deps.now()).slice(0, 4));
    const h = r.handover!;
    const date = (d: string) => formatDate(d, year, turn.lang);
    const and = ` ${texts(turn.lang).and} `;
    const period = t.period(date(r.absence.from), r.absence.to ? date(r.absence.to) : '');
    const channels = await Promise.all(
      h.groupIds.map(async (g) => ({
        g,
        name: deps.org.group(g)?.name ?? g,
        linked: !!(await channelOfGroup(deps, g)),
      })),
    );
    const missing = channels.filter((c) => !c.linked).map((c) => c.name);
    const where = channels.filter((c) => c.linked).map((c) => c.name);
    let text: string;
    if (!h.activatedAt) {
      text = t.postedLater(date(h.startsOn), deps.config.plannedLeaveHandoverDays ?? 3);
    } else if (h.entries.length === 0) {
      text = t.noOpenCases(person.name);
    } else {
      text = t.listMade(count(h.entries.length, 'öppet ärende', turn.lang), where.join(and));
      if (missing.length) text += t.noChannel(missing.join(and));
    }
    const notice = noticeCard(t.registered(person.name, period), text, 'Good');
    // In a channel that does not get the list, and in a 1:1, the person who wrote sees the list at once.
    const inListChannel = turn.conversationKind === 'channel' && h.groupIds.some((g) => turn.channelGroups.includes(g));
    if (h.activatedAt && h.entries.length && !inListChannel) {
      return {
        card: await handoverCardFor(deps, h, {
          notice: { text: `${t.registered(person.name, period)}.`, tone: 'good' },
          lang: turn.lang,
        }),
      };
    }
    return { card: notice };
  },
};

export const back: ChatCommand = {
  name: 'åter',
  pattern: /^(?:å|a)ter\b(.*)$/i,
  async handle(turn) {
    const t = texts(turn.lang).absence;
    if (!turn.actor) return notRegistered(turn.lang);
    const person = await personOf(turn);
    if (!person || person === 'unknown') return unknownPerson(turn.lang);
    const r = await endAbsence(turn.deps, { actor: turn.actor, staffId: person.aadObjectId, lang: turn.lang });
    if (!r.ok) return { card: noticeCard(t.notEnded, refusalText(r.refusal, turn.lang), 'Attention') };
    const h = r.handover;
    if (!h || !h.activatedAt || h.entries.length === 0) {
      return { card: noticeCard(t.welcomeBack(person.name), t.ended, 'Good') };
    }
    return {
      card: await handoverCardFor(turn.deps, h, {
        notice: { text: t.back(person.name), tone: 'good' },
        lang: turn.lang,
      }),
    };
  },
};

export const showHandover: ChatCommand = {
  name: 'överlämning',
  pattern: /^(?:ö|o)verl(?:ä|a)mning(?:slista)?\b(.*)$/i,
  async handle(turn) {
    const t = texts(turn.lang).absence;
    if (!turn.actor) return notRegistered(turn.lang);
    const person = await personOf(turn);
    if (!person || person === 'unknown') return unknownPerson(turn.lang);
    const deps = turn.deps;
    // The checklist is posted in the person's group channels: shown to the same people.
    const actor = turn.actor;
    const maySee =
      actor.role !== 'caseworker' ||
      actor.id === person.aadObjectId ||
      person.groups.some((g) => actor.groups.includes(g));
    if (!maySee)
      return {
        card: noticeCard(t.notAllowedTitle, t.notAllowedText(person.name), 'Warning'),
      };
    const h = await handoverOf(deps, person.aadObjectId);
    if (!h)
      return {
        card: noticeCard(t.noHandoverTitle(person.name), t.noHandoverText(person.name), 'Default'),
      };
    if (!h.activatedAt) {
      const year = Number(stockholmDate(deps.now()).slice(0, 4));
      return {
        card: noticeCard(
          t.handoverTitle(person.name),
          t.postedBefore(formatDate(h.startsOn, year, turn.lang), formatDate(h.from, year, turn.lang)),
          'Default',
        ),
      };
    }
    if (h.entries.length === 0) {
      const { title, text } = noOpenCasesText(deps, h, turn.lang);
      return { card: noticeCard(title, text, 'Good') };
    }
    return { card: await handoverCardFor(deps, h, { lang: turn.lang }) };
  },
};
