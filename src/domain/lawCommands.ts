// The commands the statute asks for beside the main path (docs/rules.md): the förhandsbedömning
// extension decided before day 14, the 20 kap. 4 § information when an investigation opens, a
// request for återkoppling recorded later, the uppföljning's information task and its early end.
import { aterkopplingDue, uppfoljningLatest } from './deadlines.js';
import { forhandsbedomningLate, forhandsbedomningState } from './forhandsbedomning.js';
import { blank, decisionDate, invalid, type Done, type DomainContext } from './domainContext.js';
import { ruleFor } from './rules.js';
import { refuse, type Actor, type Case, type Decision, type FieldWords, type LocalDate } from './schemas.js';
import { isValidLocalDate, stockholmDate } from './time.js';
import { said, type Said } from './refusals.js';

export type LawIntent =
  | { type: 'extendForhandsbedomning'; newDeadline: string; reason: string; decidedBy?: string; decidedOn?: string }
  | { type: 'recordUtredningInformation'; givenOn?: string; reason?: string }
  | { type: 'requestAterkoppling'; requestedOn?: string }
  | { type: 'recordUppfoljningInformed' }
  | { type: 'endUppfoljning'; on: LocalDate; byCaseId: string };

export function decideLaw(
  ctx: DomainContext,
  current: Case,
  intent: LawIntent,
  actor: Actor,
  now: Date,
  done: Done,
): Decision<Case> {
  const today = stockholmDate(now);
  switch (intent.type) {
    case 'extendForhandsbedomning': {
      const f = forhandsbedomningState(current, ctx.rules, today);
      if (!f.pending) return refuse('invalid', said('onlyPendingForhandsExtends'));
      const inForce = f.due;
      const fields: FieldWords = {};
      const on = decisionDate(intent.decidedOn, today, current);
      if ('error' in on) fields.decidedOn = on.error;
      else if (forhandsbedomningLate(current, ctx.rules, on.date))
        fields.decidedOn = said('forhandsExtensionLate', { date: inForce });
      if (!isValidLocalDate(intent.newDeadline)) fields.newDeadline = said('newDeadlineFormat');
      else if (intent.newDeadline <= inForce) fields.newDeadline = said('newDeadlineAfter', { date: inForce });
      if (blank(intent.reason)) fields.reason = said('synnerligaSkalRequired');
      const who = intent.decidedBy && !blank(intent.decidedBy) ? intent.decidedBy.trim() : actor.id;
      if (!ctx.org.staff.some((s) => s.aadObjectId === who)) fields.decidedBy = said('pickDecider');
      if (Object.keys(fields).length || 'error' in on) return invalid(said('extensionNotSaved'), fields);
      const ext = {
        decidedOn: on.date,
        decidedBy: who,
        previousDeadline: inForce,
        newDeadline: intent.newDeadline,
        reason: intent.reason.trim(),
        at: now.toISOString(),
        by: actor.id,
      };
      return done(
        { ...current, forhandsExtensions: [...(current.forhandsExtensions ?? []), ext] },
        {
          type: 'ForhandsbedomningExtended',
          caseId: current.id,
          data: { from: inForce, to: ext.newDeadline, decidedOn: ext.decidedOn, decidedBy: who },
          reason: ext.reason,
        },
      );
    }
    case 'recordUtredningInformation': {
      const u = current.utredning;
      if (current.phase !== 'utredning' || !u) return refuse('invalid', said('noOpenInvestigation'));
      if (u.information) return refuse('invalid', said('investigationInfoRecorded'));
      const fields: FieldWords = {};
      const hasReason = !blank(intent.reason);
      let givenOn: LocalDate | undefined;
      if (!blank(intent.givenOn)) {
        const d = decisionDate(intent.givenOn, today, current, {
          notBefore: { date: u.openedOn, message: said('dateBeforeOpened') },
        });
        if ('error' in d) fields.givenOn = d.error;
        else givenOn = d.date;
      }
      if (!givenOn && !hasReason && !fields.givenOn) fields.givenOn = said('informedOnOrReason');
      if (givenOn && hasReason) fields.reason = said('dateOrReasonNotBoth');
      if (Object.keys(fields).length) return invalid(said('informationNotSaved'), fields);
      const notGivenReason = givenOn ? undefined : intent.reason!.trim();
      const information = {
        ...(givenOn ? { givenOn } : { notGivenReason }),
        at: now.toISOString(),
        by: actor.id,
      };
      return done(
        { ...current, utredning: { ...u, information } },
        {
          type: 'UtredningInformationRecorded',
          caseId: current.id,
          data: givenOn ? { givenOn } : { notGiven: true },
          ...(notGivenReason ? { reason: notGivenReason } : {}),
        },
      );
    }
    case 'requestAterkoppling': {
      if (!current.reporter.professional) return refuse('invalid', said('aterkopplingOnlyMandatory'));
      if (current.aterkoppling?.requestedOn || current.reporter.requestsFeedback)
        return refuse('invalid', said('aterkopplingRequestRecorded'));
      if (current.aterkoppling?.doneAt) return refuse('invalid', said('aterkopplingDone'));
      const d = decisionDate(intent.requestedOn, today, current);
      if ('error' in d) return invalid(said('requestNotSaved'), { requestedOn: d.error });
      const f = current.forhandsbedomning;
      const decidedOn = f ? (f.decidedOn ?? stockholmDate(f.decidedAt)) : undefined;
      const due = decidedOn
        ? aterkopplingDue(decidedOn, ctx.rules, {
            alreadyOngoing: f?.outcome === 'already_ongoing',
            requestedOn: d.date,
            recordedAfterDecision: true,
          })
        : undefined;
      return done(
        {
          ...current,
          aterkoppling: { ...current.aterkoppling, requestedOn: d.date, ...(due ? { due } : {}) },
        },
        { type: 'AterkopplingRequested', caseId: current.id, data: { requestedOn: d.date, due: due ?? null } },
      );
    }
    case 'recordUppfoljningInformed': {
      const u = current.uppfoljning;
      if (!u || u.doneAt || u.endedEarly) return refuse('invalid', said('noOpenUppfoljning'));
      if (u.informedAt) return refuse('invalid', said('uppfoljningInfoRecorded'));
      return done(
        { ...current, uppfoljning: { ...u, informedAt: now.toISOString() } },
        { type: 'UppfoljningInformationRecorded', caseId: current.id },
      );
    }
    case 'endUppfoljning': {
      const u = current.uppfoljning;
      if (!u || u.doneAt || u.endedEarly) return refuse('invalid', said('noOpenUppfoljning'));
      return done(
        { ...current, uppfoljning: { ...u, endedEarly: { on: intent.on, caseId: intent.byCaseId } } },
        {
          type: 'UppfoljningEnded',
          caseId: current.id,
          data: { on: intent.on, newInvestigation: intent.byCaseId },
        },
      );
    }
  }
}

/** Is this uppföljning end date within the row in force on the closing date (23 kap. 5 §)? */
export function uppfoljningProblem(ctx: DomainContext, closedOn: LocalDate, until: string): Said | undefined {
  if (!isValidLocalDate(until)) return said('dateFormat');
  if (until <= closedOn) return said('uppfoljningUntilAfterClosing');
  const latest = uppfoljningLatest(closedOn, ctx.rules);
  if (latest && until > latest)
    return said('uppfoljningUntilLatest', {
      date: latest,
      legalRef: ruleFor(ctx.rules, 'uppfoljning', closedOn).legalRef.new,
    });
  return undefined;
}
