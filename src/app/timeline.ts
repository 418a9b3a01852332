// A case's history read back from the audit log: who (a staff name), what (in the reader's language,
// src/app/timelineEvents.ts), when and why, oldest first, with the result of verifying the audit log's
// hash chain stated beside it, so a unit can show IVO what happened and that the record was not edited
// afterwards. The API and the CSV export are Swedish; a card follows its reader (docs/cards.md).
import type { Case } from '../domain/schemas.js';
import { formatDateTime, stockholmDate, stockholmTime, stockholmYear } from '../domain/time.js';
import type { AuditEntry, AuditVerification } from '../store/port.js';
import { ERASED_MARKER } from '../store/audit.js';
import { count, texts, type Lang } from '../cards/text/index.js';
import type { Timeline } from '../views/timeline.js';
import type { AppDeps } from './context.js';
import { describeEntry, textLabelOf } from './timelineEvents.js';

export { describeEntry } from './timelineEvents.js';

/** Events whose `why` is the bot's own explanation, not a person's text. */
const BOT_EXPLAINS = new Set(['CasesLinked']);
export type { Timeline, TimelineEntry } from '../views/timeline.js';

/**
 * The banner over a history, in the words of its reader: whether anything was changed afterwards,
 * with the history's own number of events (not the whole log's length; the check itself covers the
 * whole log, see docs/privacy.md).
 */
export function auditStatement(v: AuditVerification, events: number, lang: Lang = 'sv'): string {
  const t = texts(lang);
  const removed = Object.values(v.redacted ?? {}).reduce((n, k) => n + k, 0);
  return v.ok
    ? `${t.timeline.verified(count(events, 'händelse', lang))}${removed ? t.lifecycle.auditRedacted(removed) : ''}`
    : t.timeline.broken(String(v.firstBadSeq ?? '?'));
}

/**
 * The chain is read from the start at most every 15 minutes for timelines; between those, only what
 * was appended is checked (bench/soak.bench.ts: 50 timelines on a 24 MB journal no longer grow the
 * process by hundreds of MB). The first timeline after a start reads the whole chain.
 */
const AUDIT_CHECK = { maxAgeMs: 15 * 60_000 };

/** The timeline of one case in `lang` (Swedish by default: the API), or undefined when the case is not known. */
export async function caseTimeline(deps: AppDeps, caseId: string, lang: Lang = 'sv'): Promise<Timeline | undefined> {
  if (!(await deps.store.getCase(caseId))) return undefined;
  const [entries, audit] = await Promise.all([deps.store.auditFor(caseId), deps.store.verifyAudit(AUDIT_CHECK)]);
  return timelineOf(deps, caseId, entries, audit, lang);
}

/**
 * The timeline of the child (docs/family.md): every child-welfare case with this case's childRef
 * that `include` lets through (the viewer's), merged oldest first, each entry naming its case.
 * Reports closed and reopened read as one story.
 */
export async function childTimeline(
  deps: AppDeps,
  caseId: string,
  include: (c: Case) => boolean = () => true,
  lang: Lang = 'sv',
): Promise<(Timeline & { childRef: string; caseIds: string[]; notShown: number }) | undefined> {
  const c = await deps.store.getCase(caseId);
  if (!c) return undefined;
  const all = (await deps.store.casesByChild(c.childRef)).filter((x) => !x.sectionKind);
  const shown = all.filter((x) => x.id === c.id || include(x));
  const [lists, audit] = await Promise.all([
    Promise.all(shown.map((x) => deps.store.auditFor(x.id))),
    deps.store.verifyAudit(AUDIT_CHECK),
  ]);
  const entries = lists.flat().sort((a, b) => a.seq - b.seq);
  const t = timelineOf(deps, caseId, entries, audit, lang, true);
  return { ...t, childRef: c.childRef, caseIds: shown.map((x) => x.id), notShown: all.length - shown.length };
}

function timelineOf(
  deps: AppDeps,
  caseId: string,
  entries: AuditEntry[],
  audit: AuditVerification,
  lang: Lang,
  nameCase = false,
): Timeline {
  return {
    caseId,
    generatedAt: deps.now().toISOString(),
    ...(lang !== 'sv' ? { lang } : {}),
    entries: entries.map((e) => {
      const described = redactedView(deps, e, entries, lang) ?? describeEntry(deps, e, lang);
      const what = nameCase && e.caseId ? `${e.caseId}: ${described.what}` : described.what;
      const why = described.why;
      const who = e.actor === 'system' ? 'Ärendevakt' : deps.org.name(e.actor);
      return {
        seq: e.seq,
        at: e.at,
        when: `${stockholmDate(e.at)} ${stockholmTime(e.at)}`,
        who,
        whoId: e.actor,
        event: e.type,
        what,
        ...(nameCase && e.caseId ? { caseId: e.caseId } : {}),
        ...(why ? { why } : {}),
        ...(why && !BOT_EXPLAINS.has(e.type) && !('botExplains' in described)
          ? { textLabel: textLabelOf(e.type, lang) }
          : {}),
      };
    }),
    audit,
    auditStatement: auditStatement(audit, entries.length, lang),
  };
}

/**
 * An entry whose content gallring or an erasure removed, told honestly: what is left of it and who
 * removed the text, why (the category) and when; never the removed text, and no "Visa" (nothing a
 * person wrote is left to show).
 */
function redactedView(
  deps: AppDeps,
  e: AuditEntry,
  entries: AuditEntry[],
  lang: Lang,
): { what: string; why?: string; botExplains: true } | undefined {
  if (!e.redacted) return undefined;
  const t = texts(lang).lifecycle;
  const year = stockholmYear(deps.now());
  if (!e.redacted.fields) return { what: t.gallradEvent(formatDateTime(e.redacted.at, year, lang)), botExplains: true };
  const act = entries.find((x) => x.seq === e.redacted!.bySeq);
  const category = String(act?.data?.category ?? '');
  const who = act && act.actor !== 'system' ? deps.org.name(act.actor) : 'Ärendevakt';
  const described = describeEntry(deps, { ...e, ...(e.reason === ERASED_MARKER ? { reason: undefined } : {}) }, lang);
  return {
    what: described.what,
    why: t.erasedWhy(who, formatDateTime(e.redacted.at, year, lang), t.categories[category] ?? category),
    botExplains: true,
  };
}

export function csvCell(v: string): string {
  // A cell starting with = + - @ is neutralised so that a spreadsheet does not run it as a formula.
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV as Swedish Excel opens it: semicolons, CRLF, a BOM; the chain statement as the last line. */
export function timelineCsv(t: Timeline): string {
  const rows = [
    texts('sv').timeline.csv.columns.join(';'),
    ...t.entries.map((e) => [String(e.seq), e.when, e.who, e.event, e.what, e.why ?? ''].map(csvCell).join(';')),
    ['', '', '', texts('sv').timeline.csv.auditLog, t.auditStatement, ''].map(csvCell).join(';'),
  ];
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}
