// A case's history read back from the audit log: who (a staff name), what (in Swedish), when and
// why, oldest first, with the result of verifying the audit log's hash chain stated beside it, so a
// unit can show IVO what happened and that the record was not edited afterwards. The summary of the
// anmälan is never part of it; motivations and reasons are (they passed the secrecy guard).
import { CONCERN_LABEL, CONTACT_LABEL, REPORTER_LABEL } from '../cards/labels.js';
import { MEASURE_LABEL } from '../domain/protection.js';
import type { Case, Concern, ContactKind, ProtectiveMeasureKind } from '../domain/schemas.js';
import {
  formatDate,
  formatDateTime,
  isValidLocalDate,
  stockholmDate,
  stockholmTime,
  stockholmYear,
} from '../domain/time.js';
import type { AuditEntry, AuditVerification } from '../store/port.js';
import { ERASED_MARKER } from '../store/audit.js';
import { texts } from '../cards/text/index.js';
import type { Timeline } from '../views/timeline.js';
import type { AppDeps } from './context.js';

export type { Timeline, TimelineEntry } from '../views/timeline.js';

/** What the written text of each event is called; an event not listed calls it "Motivering". */
const TEXT_LABEL: Record<string, string> = {
  InvestigationExtended: 'Skäl',
  ContactRecorded: 'Anteckning',
  BarnsamtalNotHeldRecorded: 'Skäl',
};
/** Events whose `why` is the bot's own explanation, not a person's text. */
const BOT_EXPLAINS = new Set(['CasesLinked']);

type Data = Record<string, unknown>;
const asCase = (v: unknown) => (v && typeof v === 'object' ? (v as Partial<Case>) : undefined);
const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);

const LVU_DECIDER: Record<string, string> = {
  namnd: 'nämnden',
  ordforande: 'ordföranden',
  ledamot: 'förordnad ledamot',
};
const LVU_REVIEW: Record<string, string> = {
  overvagande: 'övervägande enligt 13 §',
  provning: 'prövning enligt 13 §',
  begransning: 'övervägande av begränsning enligt 14 §',
};

export function describeEntry(deps: AppDeps, e: AuditEntry): { what: string; why?: string } {
  // Dates as on every card, "tors 12 nov" (docs/cards.md); with the year when it is not this one.
  const year = stockholmYear(deps.now());
  const day = (v: unknown) => (typeof v === 'string' && isValidLocalDate(v) ? formatDate(v, year) : String(v));
  const d = (e.data ?? {}) as Data;
  const after = asCase(e.after);
  const before = asCase(e.before);
  const names = (ids: string[]) => ids.map((id) => deps.org.name(id)).join(' och ') || 'ingen';
  const why = e.reason;
  switch (e.type) {
    case 'ReportRegistered': {
      const reporter = after?.reporter
        ? `${REPORTER_LABEL[after.reporter.type]}${after.reporter.professional ? ' (yrkesverksam anmälare)' : ''}`
        : 'okänd anmälare';
      const concerns = list(d.concerns ?? after?.concerns)
        .map((c) => CONCERN_LABEL[c as Concern] ?? c)
        .join(', ');
      const group = deps.org.group(String(d.groupId ?? after?.groupId ?? ''))?.name ?? String(d.groupId ?? '');
      const received = after?.receivedAt ? `, mottagen ${formatDateTime(after.receivedAt, year)}` : '';
      return { what: `Anmälan registrerad från ${reporter}${received}; oro: ${concerns}; grupp: ${group}.` };
    }
    case 'CaseTaken':
      return { what: `${names(list(d.to))} tog ärendet.` };
    case 'CaseAssigned':
      return { what: `Ärendet fördelat till ${names(list(d.to))}.` };
    case 'CaseReassigned':
      return { what: `Ärendet flyttat från ${names(list(d.from))} till ${names(list(d.to))}.` };
    case 'SkyddsbedomningRecorded':
      return {
        what: d.immediateProtection
          ? 'Skyddsbedömning gjord: barnet behöver omedelbart skydd. Larm till gruppledarna och enhetschefen.'
          : 'Skyddsbedömning gjord: inget omedelbart skyddsbehov.',
        ...(why ? { why } : {}),
      };
    case 'ProtectiveMeasureRecorded':
      return {
        what: `Skyddsåtgärd registrerad: ${MEASURE_LABEL[d.kind as ProtectiveMeasureKind] ?? 'skyddsåtgärd'} ${day(d.on)}${d.time ? ` kl. ${String(d.time)}` : ''}, gjord av ${names(list([d.doneBy]))}.`,
        ...(why ? { why } : {}),
      };
    case 'ProtectionRenoticeSent':
      return {
        what: `Ingen skyddsåtgärd registrerad ${String(d.minutes ?? '')} minuter efter skyddsbedömningen: ${names(list(d.to))} påmind.`,
      };
    case 'GenastNudgeSent':
      return {
        what: `Skyddsbedömningen inte gjord ${String(d.officeHours ?? '')} kontorstimmar efter anmälan: ${names(list(d.to))} påmind.`,
      };
    case 'OutOfHoursNoticeSent':
      return {
        what: `Anmälan kom in utanför kontorstid: kortet skickat till ${deps.org.group(String(d.groupId ?? ''))?.name ?? 'socialjouren'}.`,
      };
    case 'ForhandsbedomningDecided': {
      const f = after?.forhandsbedomning;
      const special = f?.synnerligaSkal ? ` Synnerliga skäl: ${f.synnerligaSkal}` : '';
      const whyAll = `${why ?? ''}${special}`.trim();
      const reason = whyAll ? { why: whyAll } : {};
      if (d.outcome === 'open') {
        const inv = list(d.investigators);
        const u = after?.utredning;
        return {
          what: `Förhandsbedömning: utredning inleds ${day(d.openedOn ?? u?.openedOn ?? '')}, ska vara klar senast ${day(d.deadline ?? u?.deadline ?? '')}; utredare: ${inv.length ? names(inv) : 'ingen utsedd'}.`,
          ...reason,
        };
      }
      if (d.outcome === 'already_ongoing')
        return { what: 'Förhandsbedömning: en utredning pågår redan; ärendet avslutas.', ...reason };
      return { what: 'Förhandsbedömning: utredning inleds inte; ärendet avslutas.', ...reason };
    }
    case 'InvestigationExtended':
      return {
        what: `Utredningen förlängd från ${day(d.from)} till ${day(d.to)} (lagstadgad tid ${after?.utredning?.statutoryDeadline ? day(after.utredning.statutoryDeadline) : 'okänd'})${d.overrun ? '; beslutat efter att fristen gått ut: överskriden frist' : ''}.`,
        ...(why ? { why } : {}),
      };
    case 'ContactRecorded': {
      const kind = String(d.kind) as ContactKind;
      // The child's reference stays out (cards never show it; one case is one child anyway).
      const c = after?.contacts?.at(-1);
      const note = c?.note ? { why: c.note } : {};
      return { what: `Kontakt: ${(CONTACT_LABEL[kind] ?? 'kontakt').toLowerCase()} ${day(d.date)}.`, ...note };
    }
    case 'BarnsamtalNotHeldRecorded':
      return { what: 'Barnsamtal hålls inte; skälet är registrerat.', ...(why ? { why } : {}) };
    case 'AterkopplingCompleted':
      return { what: 'Återkoppling till anmälaren gjord.' };
    case 'CaseClosed': {
      const outcome = d.outcome === 'insats' ? 'insats' : 'ingen insats';
      const upp = d.uppfoljningUntil ? `; uppföljning till ${day(d.uppfoljningUntil)}` : '';
      return { what: `Utredningen avslutad med ${outcome}${upp}.`, ...(why ? { why } : {}) };
    }
    case 'ForhandsbedomningExtended':
      return {
        what: `Förhandsbedömningen förlängd från ${day(d.from)} till ${day(d.to)}; beslut ${day(d.decidedOn)} av ${names(list([d.decidedBy]))}.`,
        ...(why ? { why: `Synnerliga skäl: ${why}` } : {}),
      };
    case 'UtredningInformationRecorded':
      return d.givenOn
        ? { what: `De berörda informerades ${day(d.givenOn)} om att utredningen inletts.` }
        : { what: 'De berörda informeras inte om utredningen; skälet är registrerat.', ...(why ? { why } : {}) };
    case 'AterkopplingRequested':
      return {
        what: `Anmälaren har begärt återkoppling (${day(d.requestedOn)})${d.due ? `; senast ${day(d.due)}` : ''}.`,
      };
    case 'UppfoljningInformationRecorded':
      return { what: 'Vårdnadshavarna (och barnet om det fyllt 15 år) informerade om uppföljningen.' };
    case 'UppfoljningEnded':
      return {
        what: `Uppföljningen upphörde ${day(d.on)}: ny utredning inledd i ärende ${String(d.newInvestigation)}.`,
      };
    case 'LvuOmhandertagandeRecorded':
      return {
        what: `LVU: omedelbart omhändertagande beslutat ${day(d.decidedOn)} av ${LVU_DECIDER[String(d.decidedBy)] ?? 'okänd'} (${String(d.ground)} § LVU)${d.verkstalldOn ? `, verkställt ${day(d.verkstalldOn)}` : ''}.`,
      };
    case 'LvuVerkstalld':
      return { what: `LVU: omhändertagandet verkställt ${day(d.on)}.` };
    case 'LvuNamndReported':
      return { what: `LVU 6 §: beslutet anmält vid nämndens sammanträde ${day(d.on)}.` };
    case 'LvuUnderstalld':
      return { what: `LVU 7 §: underställt förvaltningsrätten ${day(d.on)}.` };
    case 'LvuAnsokan':
      return { what: `LVU 8 §: ansökan om vård gjord ${day(d.on)}.` };
    case 'LvuCourtExtended':
      return { what: `LVU 9 §: rätten medgav ansökan senast ${day(d.until)}.` };
    case 'LvuCourtDecision':
      return {
        what: `LVU: rättens beslut ${day(d.on)}: ${d.outcome === 'vard' ? 'vård beslutad' : 'ansökan avslogs'}${d.finalOn ? `, laga kraft ${day(d.finalOn)}` : ''}.`,
      };
    case 'LvuDecisionFinal':
      return { what: `LVU: beslutet om vård vann laga kraft ${day(d.on)}.` };
    case 'LvuVardBegun':
      return { what: `LVU 5 §: vården påbörjad ${day(d.on)}.` };
    case 'LvuReviewed':
      return { what: `LVU: ${LVU_REVIEW[String(d.kind)] ?? 'övervägande'} ${day(d.on)}.` };
    case 'LvuRestrictionDecided':
      return {
        what: `LVU 14 §: ${d.kind === 'umgange' ? 'umgänget begränsat' : 'vistelseorten hålls hemlig'} ${day(d.on)}.`,
      };
    case 'LvuEnded':
      return { what: `LVU: omhändertagandet eller vården upphörde ${day(d.on)}.` };
    case 'CasesLinked':
      return {
        what: `Kopplat till ärende ${String(d.with)} om samma barn.`,
        ...(typeof d.why === 'string' ? { why: d.why } : {}),
      };
    case 'HandoverNewOwner':
      return {
        what: `Överlämning vid frånvaro: ny handläggare ${names(list([d.newOwnerId]))} (tidigare ${names(before?.assignees ?? [])}).`,
      };
    case 'HandoverStatusWritten':
      return { what: 'Överlämning vid frånvaro: skriftlig status lämnad.' };
    case 'HandoverCaseHandedBack':
      return { what: 'Överlämning avslutad: ärendet tillbaka till den ordinarie handläggaren.' };
    case 'UppfoljningCompleted': {
      const how =
        d.outcome === 'new_investigation'
          ? 'ny utredning inleds'
          : d.outcome === 'insats'
            ? 'familjen får insats'
            : 'utan vidare åtgärd';
      return { what: `Uppföljningen avslutad (${how}); slutdatum var ${day(d.due)}.`, ...(why ? { why } : {}) };
    }
    case 'FreeTextErased': {
      const t = texts('sv').lifecycle;
      return { what: t.erasedEvent(Number(d.seq), t.categories[String(d.category)] ?? String(d.category)) };
    }
    case 'ReminderNotSent':
      return {
        what: `Påminnelsen till ${names(list([d.staffId]))} ${day(d.date)} skickades inte: personen räknades som frånvarande när morgonkörningen gick men var inte frånvarande den dagen.`,
      };
    default:
      return { what: `Händelse: ${e.type}.`, ...(why ? { why } : {}) };
  }
}

/**
 * The banner over a history, in the words of its reader: whether anything was changed afterwards,
 * with the history's own number of events (not the whole log's length; the check itself covers the
 * whole log, see docs/privacy.md).
 */
export function auditStatement(v: AuditVerification, events: number): string {
  const count = `${events} ${events === 1 ? 'händelse' : 'händelser'}`;
  const removed = Object.values(v.redacted ?? {}).reduce((n, k) => n + k, 0);
  return v.ok
    ? `Historiken är kontrollerad: inget har ändrats i efterhand (${count}).${removed ? texts('sv').lifecycle.auditRedacted(removed) : ''}`
    : `Varning: historiken kan ha ändrats i efterhand. Kontrollen stämmer inte från post ${v.firstBadSeq ?? '?'} i loggen; kontakta den som förvaltar Ärendevakt innan historiken används.`;
}

/**
 * The chain is read from the start at most every 15 minutes for timelines; between those, only what
 * was appended is checked (bench/soak.bench.ts: 50 timelines on a 24 MB journal no longer grow the
 * process by hundreds of MB). The first timeline after a start reads the whole chain.
 */
const AUDIT_CHECK = { maxAgeMs: 15 * 60_000 };

/** The timeline of one case, or undefined when the case is not known. */
export async function caseTimeline(deps: AppDeps, caseId: string): Promise<Timeline | undefined> {
  if (!deps.store.getCase(caseId)) return undefined;
  const [entries, audit] = await Promise.all([deps.store.auditFor(caseId), deps.store.verifyAudit(AUDIT_CHECK)]);
  return timelineOf(deps, caseId, entries, audit);
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
): Promise<(Timeline & { childRef: string; caseIds: string[]; notShown: number }) | undefined> {
  const c = deps.store.getCase(caseId);
  if (!c) return undefined;
  const all = deps.store.casesByChild(c.childRef).filter((x) => !x.sectionKind);
  const shown = all.filter((x) => x.id === c.id || include(x));
  const [lists, audit] = await Promise.all([
    Promise.all(shown.map((x) => deps.store.auditFor(x.id))),
    deps.store.verifyAudit(AUDIT_CHECK),
  ]);
  const entries = lists.flat().sort((a, b) => a.seq - b.seq);
  const t = timelineOf(deps, caseId, entries, audit, true);
  return { ...t, childRef: c.childRef, caseIds: shown.map((x) => x.id), notShown: all.length - shown.length };
}

function timelineOf(
  deps: AppDeps,
  caseId: string,
  entries: AuditEntry[],
  audit: AuditVerification,
  nameCase = false,
): Timeline {
  return {
    caseId,
    generatedAt: deps.now().toISOString(),
    entries: entries.map((e) => {
      const described = redactedView(deps, e, entries) ?? describeEntry(deps, e);
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
          ? { textLabel: TEXT_LABEL[e.type] ?? 'Motivering' }
          : {}),
      };
    }),
    audit,
    auditStatement: auditStatement(audit, entries.length),
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
): { what: string; why?: string; botExplains: true } | undefined {
  if (!e.redacted) return undefined;
  const t = texts('sv').lifecycle;
  const year = stockholmYear(deps.now());
  if (!e.redacted.fields) return { what: t.gallradEvent(formatDateTime(e.redacted.at, year)), botExplains: true };
  const act = entries.find((x) => x.seq === e.redacted!.bySeq);
  const category = String(act?.data?.category ?? '');
  const who = act && act.actor !== 'system' ? deps.org.name(act.actor) : 'Ärendevakt';
  const described = describeEntry(deps, { ...e, ...(e.reason === ERASED_MARKER ? { reason: undefined } : {}) });
  return {
    what: described.what,
    why: t.erasedWhy(who, formatDateTime(e.redacted.at, year), t.categories[category] ?? category),
    botExplains: true,
  };
}

const CSV_COLUMNS = ['nr', 'tid', 'vem', 'händelse', 'vad', 'varför'] as const;

export function csvCell(v: string): string {
  // A cell starting with = + - @ is neutralised so that a spreadsheet does not run it as a formula.
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV as Swedish Excel opens it: semicolons, CRLF, a BOM; the chain statement as the last line. */
export function timelineCsv(t: Timeline): string {
  const rows = [
    CSV_COLUMNS.join(';'),
    ...t.entries.map((e) => [String(e.seq), e.when, e.who, e.event, e.what, e.why ?? ''].map(csvCell).join(';')),
    ['', '', '', 'Granskningslogg', t.auditStatement, ''].map(csvCell).join(';'),
  ];
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}
