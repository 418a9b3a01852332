// Teams' notification text for a card (the activity's `summary`: the toast, the activity feed and the
// chat list show it instead of "Card"): what the card is about, with case references only. Never a
// summary of the report, a name or any other free text: a toast is read over a shoulder.
import { deadlinesOf, type Deadline } from '../domain/deadlines.js';
import type { RuleTable } from '../domain/rules.js';
import type { Case } from '../domain/schemas.js';
import { addDays, formatDate, stockholmDate } from '../domain/time.js';
import { count, texts, type Lang } from '../cards/text/index.js';
import type { OutboxContent } from '../outbox/messages.js';

const MAX = 150;

/** "skyddsbedömning" from "Skyddsbedömning"; "LVU 6 § …" stays as it is. */
function lowerFirst(s: string): string {
  return /^\p{Lu}\p{Ll}/u.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}

/** When, in the words a notification has room for: försenad, i dag, i morgon, senast tors 12 nov. */
function when(d: Deadline, today: string, lang: Lang): string {
  const all = texts(lang);
  if (d.overrun || d.due < today) return all.notification.late;
  if (d.due === today) return all.status.today;
  if (d.due === addDays(today, 1)) return all.status.tomorrow;
  return all.notification.by(formatDate(d.due, Number(today.slice(0, 4)), lang));
}

/** The open obligation that matters most: overdue first, then the earliest. */
export function mostUrgent(c: Case, rules: RuleTable, now: Date): Deadline | undefined {
  const today = stockholmDate(now);
  const open = deadlinesOf(c, rules).filter((d) => !d.done && !d.informational);
  const late = (d: Deadline) => d.overrun || d.due < today;
  return open.sort((a, b) => Number(late(b)) - Number(late(a)) || (a.due < b.due ? -1 : a.due > b.due ? 1 : 0))[0];
}

/**
 * "Ny anmälan IFO-2026-000123 – skyddsbedömning i dag", "Ärende IFO-… – förhandsbedömning i morgon",
 * "Du har fått ärendet IFO-… – …".
 */
export function caseSummary(
  c: Case,
  rules: RuleTable,
  now: Date,
  view: 'case' | 'assignedToYou' = 'case',
  lang: Lang = 'sv',
): string {
  const all = texts(lang);
  const t = all.notification;
  const lead =
    view === 'assignedToYou'
      ? t.assignedToYou
      : c.phase === 'closed'
        ? t.closed
        : !c.assignees.length && (c.phase === 'skyddsbedomning' || c.phase === 'forhandsbedomning')
          ? t.newReport
          : t.case;
  const next = c.phase === 'closed' ? undefined : mostUrgent(c, rules, now);
  const label = (all.deadline as Record<string, string>)[next?.kind ?? ''] ?? next?.label ?? '';
  const text = next
    ? `${lead} ${c.id} – ${lowerFirst(label)} ${when(next, stockholmDate(now), lang)}`
    : `${lead} ${c.id}`;
  return text.slice(0, MAX);
}

/** Every `caseId` in a card's data, in order, once each. */
function caseIdsIn(data: unknown): string[] {
  const out = new Set<string>();
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        if (k === 'caseId' && typeof x === 'string' && x) out.add(x);
        else walk(x);
      }
  };
  walk(data);
  return [...out];
}

/** A template card's notification: its topic and its one reference, or how many cases it holds. */
export function templateSummary(template: string, data: unknown): string {
  // In the card's own language (its data's `lang`, absent for Swedish: src/cards/render.ts).
  const lang: Lang = (data as { lang?: unknown } | undefined)?.lang === 'en' ? 'en' : 'sv';
  const topic = texts(lang).notification.topic[template] ?? 'Ärendevakt';
  const ids = caseIdsIn(data);
  const text =
    ids.length === 1
      ? `${topic} ${ids[0]}`
      : ids.length > 1
        ? `${topic} – ${count(ids.length, 'ärende', lang)}`
        : topic;
  return text.slice(0, MAX);
}

/** The notification text for an outbox message's content; a text message is its own. */
export function summaryOf(
  content: OutboxContent,
  found: Case | undefined,
  rules: RuleTable,
  now: Date,
  /** The reader's language, for a case card rendered at send time (a template card has its own). */
  lang: Lang = 'sv',
): string | undefined {
  if (content.kind === 'text') return undefined;
  if (content.kind === 'card') return templateSummary(content.template, content.data);
  if (content.kind === 'handoverCard') return undefined; // drawn at send time: src/outbox/render.ts
  return found ? caseSummary(found, rules, now, content.view ?? 'case', lang) : undefined;
}
