// One audit entry as a line of a case's history: what happened (in the reader's language, from the
// text catalogue, src/cards/text/sv/timeline.ts) and why. The summary of the anmälan is never part of
// it; motivations and reasons are (they passed the secrecy guard). Built into a timeline by
// src/app/timeline.ts.
import type { Case, Concern, ContactKind } from '../domain/schemas.js';
import { formatDate, formatDateTime, isValidLocalDate, stockholmYear } from '../domain/time.js';
import type { AuditEntry } from '../store/port.js';
import { texts, type Lang } from '../cards/text/index.js';
import type { AppDeps } from './context.js';

type Data = Record<string, unknown>;
const asCase = (v: unknown) => (v && typeof v === 'object' ? (v as Partial<Case>) : undefined);
const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);

/** What the written text of each event is called; an event not listed calls it "Motivering". */
const TEXT_LABEL: Record<string, 'reason' | 'note'> = {
  InvestigationExtended: 'reason',
  ContactRecorded: 'note',
  BarnsamtalNotHeldRecorded: 'reason',
};

/** The name of the text a person wrote for this event: "Motivering", "Skäl", "Anteckning". */
export function textLabelOf(type: string, lang: Lang = 'sv'): string {
  return texts(lang).timeline.textLabel[TEXT_LABEL[type] ?? 'motivation'];
}

export function describeEntry(deps: AppDeps, e: AuditEntry, lang: Lang = 'sv'): { what: string; why?: string } {
  const L = texts(lang);
  const t = L.timeline;
  // Dates as on every card, "tors 12 nov" (docs/cards.md); with the year when it is not this one.
  const year = stockholmYear(deps.now());
  const day = (v: unknown) => (typeof v === 'string' && isValidLocalDate(v) ? formatDate(v, year, lang) : String(v));
  const d = (e.data ?? {}) as Data;
  const after = asCase(e.after);
  const before = asCase(e.before);
  const names = (ids: string[]) => ids.map((id) => deps.org.name(id)).join(` ${L.and} `) || t.nobody;
  const why = e.reason;
  const withWhy = (what: string) => ({ what, ...(why ? { why } : {}) });
  switch (e.type) {
    case 'ReportRegistered': {
      const reporter = after?.reporter
        ? `${L.reporter[after.reporter.type]}${after.reporter.professional ? t.professional : ''}`
        : t.unknownReporter;
      const concerns = list(d.concerns ?? after?.concerns)
        .map((c) => L.concern[c as Concern] ?? c)
        .join(', ');
      const group = deps.org.group(String(d.groupId ?? after?.groupId ?? ''))?.name ?? String(d.groupId ?? '');
      const received = after?.receivedAt ? formatDateTime(after.receivedAt, year, lang) : '';
      return { what: t.reportRegistered(reporter, received, concerns, group) };
    }
    case 'CaseTaken':
      return { what: t.caseTaken(names(list(d.to))) };
    case 'CaseAssigned':
      return { what: t.caseAssigned(names(list(d.to))) };
    case 'CaseReassigned':
      return { what: t.caseReassigned(names(list(d.from)), names(list(d.to))) };
    case 'SkyddsbedomningRecorded':
      return withWhy(d.immediateProtection ? t.skyddImmediate : t.skyddNone);
    case 'ProtectiveMeasureRecorded':
      return withWhy(
        t.measureRecorded(
          L.protection.measure[String(d.kind)] ?? t.aMeasure,
          day(d.on),
          d.time ? String(d.time) : '',
          names(list([d.doneBy])),
        ),
      );
    case 'ProtectionRenoticeSent':
      return { what: t.protectionRenotice(String(d.minutes ?? ''), names(list(d.to))) };
    case 'GenastNudgeSent':
      return { what: t.genastNudge(String(d.officeHours ?? ''), names(list(d.to))) };
    case 'OutOfHoursNoticeSent':
      return { what: t.outOfHours(deps.org.group(String(d.groupId ?? ''))?.name ?? t.outOfHoursGroup) };
    case 'ForhandsbedomningDecided': {
      const f = after?.forhandsbedomning;
      const special = f?.synnerligaSkal ? ` ${t.specialReasons(f.synnerligaSkal)}` : '';
      const whyAll = `${why ?? ''}${special}`.trim();
      const reason = whyAll ? { why: whyAll } : {};
      if (d.outcome === 'open') {
        const inv = list(d.investigators);
        const u = after?.utredning;
        return {
          what: t.forhandOpen(
            day(d.openedOn ?? u?.openedOn ?? ''),
            day(d.deadline ?? u?.deadline ?? ''),
            inv.length ? names(inv) : t.noInvestigator,
          ),
          ...reason,
        };
      }
      return { what: d.outcome === 'already_ongoing' ? t.forhandOngoing : t.forhandNotOpened, ...reason };
    }
    case 'InvestigationExtended': {
      const statutory = after?.utredning?.statutoryDeadline;
      return withWhy(
        t.investigationExtended(day(d.from), day(d.to), statutory ? day(statutory) : t.unknown, !!d.overrun),
      );
    }
    case 'ContactRecorded': {
      const kind = String(d.kind) as ContactKind;
      // The child's reference stays out (cards never show it; one case is one child anyway).
      const c = after?.contacts?.at(-1);
      return { what: t.contact(L.contact[kind] ?? t.aContact, day(d.date)), ...(c?.note ? { why: c.note } : {}) };
    }
    case 'BarnsamtalNotHeldRecorded':
      return withWhy(t.barnsamtalNotHeld);
    case 'AterkopplingCompleted':
      return { what: t.aterkopplingDone };
    case 'CaseClosed':
      return withWhy(t.caseClosed(d.outcome === 'insats', d.uppfoljningUntil ? day(d.uppfoljningUntil) : ''));
    case 'ForhandsbedomningExtended':
      return {
        what: t.forhandExtended(day(d.from), day(d.to), day(d.decidedOn), names(list([d.decidedBy]))),
        ...(why ? { why: t.specialReasons(why) } : {}),
      };
    case 'UtredningInformationRecorded':
      return d.givenOn ? { what: t.informed(day(d.givenOn)) } : withWhy(t.notInformed);
    case 'AterkopplingRequested':
      return { what: t.aterkopplingRequested(day(d.requestedOn), d.due ? day(d.due) : '') };
    case 'UppfoljningInformationRecorded':
      return { what: t.uppfoljningInformed };
    case 'UppfoljningEnded':
      return { what: t.uppfoljningEnded(day(d.on), String(d.newInvestigation)) };
    case 'LvuOmhandertagandeRecorded':
      return {
        what: t.lvuOmhandertagande(
          day(d.decidedOn),
          t.lvuDecider[String(d.decidedBy)] ?? t.unknown,
          String(d.ground),
          d.verkstalldOn ? day(d.verkstalldOn) : '',
        ),
      };
    case 'LvuVerkstalld':
      return { what: t.lvuVerkstalld(day(d.on)) };
    case 'LvuNamndReported':
      return { what: t.lvuNamnd(day(d.on)) };
    case 'LvuUnderstalld':
      return { what: t.lvuUnderstalld(day(d.on)) };
    case 'LvuAnsokan':
      return { what: t.lvuAnsokan(day(d.on)) };
    case 'LvuCourtExtended':
      return { what: t.lvuCourtExtended(day(d.until)) };
    case 'LvuCourtDecision':
      return { what: t.lvuCourtDecision(day(d.on), d.outcome === 'vard', d.finalOn ? day(d.finalOn) : '') };
    case 'LvuDecisionFinal':
      return { what: t.lvuFinal(day(d.on)) };
    case 'LvuVardBegun':
      return { what: t.lvuVardBegun(day(d.on)) };
    case 'LvuReviewed':
      return { what: t.lvuReviewed(t.lvuReview[String(d.kind)] ?? t.lvuReviewDefault, day(d.on)) };
    case 'LvuRestrictionDecided':
      return { what: t.lvuRestriction(d.kind === 'umgange', day(d.on)) };
    case 'LvuEnded':
      return { what: t.lvuEnded(day(d.on)) };
    case 'CasesLinked':
      return { what: t.casesLinked(String(d.with)), ...(typeof d.why === 'string' ? { why: d.why } : {}) };
    case 'HandoverNewOwner':
      return { what: t.handoverNewOwner(names(list([d.newOwnerId])), names(before?.assignees ?? [])) };
    case 'HandoverStatusWritten':
      return { what: t.handoverStatus };
    case 'HandoverCaseHandedBack':
      return { what: t.handedBack };
    case 'UppfoljningCompleted': {
      const o = t.uppfoljningOutcome;
      const how = d.outcome === 'new_investigation' ? o.new_investigation : d.outcome === 'insats' ? o.insats : o.other;
      return withWhy(t.uppfoljningCompleted(how, day(d.due)));
    }
    case 'FreeTextErased': {
      const l = L.lifecycle;
      return { what: l.erasedEvent(Number(d.seq), l.categories[String(d.category)] ?? String(d.category)) };
    }
    case 'ReminderNotSent':
      return { what: t.reminderNotSent(names(list([d.staffId])), day(d.date)) };
    default:
      return withWhy(t.other(e.type));
  }
}
