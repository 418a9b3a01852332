// The first two assessments of a report: the skyddsbedömning (the same day) and the förhandsbedömning
// (open an utredning, do not open, or already ongoing), docs/domain.md.
import type { CaseStep } from './caseIntents.js';
import { aterkopplingDue, dueFrom, utredningDue } from './deadlines.js';
import { blank, decisionDate } from './domainContext.js';
import { forhandsbedomningLate, forhandsbedomningState } from './forhandsbedomning.js';
import { checkAssignees } from './ownershipCommands.js';
import { refuse, type DomainEvent, type FieldWords } from './schemas.js';
import { stockholmDate } from './time.js';
import { isViolence } from './violence.js';
import { said } from './refusals.js';

export const recordSkyddsbedomning: CaseStep<'recordSkyddsbedomning'> = (ctx, current, intent, actor, now, done) => {
  const today = stockholmDate(now);
  if (current.skyddsbedomning) return refuse('invalid', said('skyddAlreadyRecorded'));
  if (blank(intent.motivation))
    return refuse('invalid', said('writeMotivation'), { motivation: said('motivationRequired') });
  const on = decisionDate(intent.decidedOn, today, current);
  if ('error' in on) return refuse('invalid', said('skyddNotSaved'), { decidedOn: on.error });
  return done(
    {
      ...current,
      phase: current.phase === 'skyddsbedomning' ? 'forhandsbedomning' : current.phase,
      skyddsbedomning: {
        at: now.toISOString(),
        by: actor.id,
        immediateProtection: intent.immediateProtection,
        motivation: intent.motivation.trim(),
        decidedOn: on.date,
      },
    },
    {
      type: 'SkyddsbedomningRecorded',
      caseId: current.id,
      data: { immediateProtection: intent.immediateProtection },
      reason: intent.motivation.trim(),
    },
  );
};

export const decideForhandsbedomning: CaseStep<'decideForhandsbedomning'> = (
  ctx,
  current,
  intent,
  actor,
  now,
  done,
) => {
  const today = stockholmDate(now);
  const f = forhandsbedomningState(current, ctx.rules, today);
  if (!f.pending) return refuse('invalid', said('forhandsAlreadyDecided'));
  if (!f.decidable) return refuse('invalid', said('skyddFirst'));
  const fields: FieldWords = {};
  if (blank(intent.motivation)) fields.motivation = said('motivationRequired');
  // Violence and honour-related oppression: opening at once is the proposal; not opening needs a
  // written reason of its own (docs/domain.md "Violence").
  if (isViolence(current) && intent.outcome !== 'open' && blank(intent.violenceReason))
    fields.violenceReason = said('violenceWhyNotOpen');
  const on = decisionDate(intent.decidedOn, today, current);
  if ('error' in on) fields.decidedOn = on.error;
  if (Object.keys(fields).length || 'error' in on) return refuse('invalid', said('decisionNotSaved'), fields);
  const decidedOn = on.date;
  // 20 kap. 2 §: an extension is its own decision before the deadline; a decision after the date in
  // force is accepted and stays counted as an overrun.
  const late = forhandsbedomningLate(current, ctx.rules, decidedOn);
  if (intent.outcome === 'open' && intent.investigators && intent.investigators.length > 0) {
    const problem = checkAssignees(ctx, current.groupId, intent.investigators, today);
    if (problem) return problem;
  }
  const decision = {
    decidedAt: now.toISOString(),
    by: actor.id,
    outcome: intent.outcome,
    motivation: intent.motivation.trim(),
    ...(intent.synnerligaSkal && !blank(intent.synnerligaSkal) ? { synnerligaSkal: intent.synnerligaSkal.trim() } : {}),
    ...(intent.violenceReason && !blank(intent.violenceReason) && intent.outcome !== 'open'
      ? { violenceReason: intent.violenceReason.trim() }
      : {}),
    decidedOn,
    ...(late ? { late: true } : {}),
  };
  const requested = current.reporter.requestsFeedback || current.aterkoppling?.requestedOn !== undefined;
  const aterDue =
    current.reporter.professional && requested
      ? aterkopplingDue(decidedOn, ctx.rules, {
          alreadyOngoing: intent.outcome === 'already_ongoing',
          ...(current.aterkoppling?.requestedOn ? { requestedOn: current.aterkoppling.requestedOn } : {}),
        })
      : undefined;
  const aterkoppling =
    current.reporter.professional && requested
      ? { aterkoppling: { ...current.aterkoppling, ...(aterDue ? { due: aterDue } : {}) } }
      : {};
  const event: DomainEvent = {
    type: 'ForhandsbedomningDecided',
    caseId: current.id,
    data: { outcome: intent.outcome, decidedOn, late },
    reason: decision.motivation,
  };
  if (intent.outcome === 'open') {
    const statutory = utredningDue(decidedOn, ctx.rules);
    const assignees =
      intent.investigators && intent.investigators.length > 0 ? [...intent.investigators] : current.assignees;
    return done(
      {
        ...current,
        ...aterkoppling,
        phase: 'utredning',
        forhandsbedomning: decision,
        assignees,
        utredning: {
          openedOn: decidedOn,
          statutoryDeadline: statutory,
          deadline: statutory,
          extensions: [],
          informationDue: dueFrom(ctx.rules, 'utredning_information', decidedOn) ?? decidedOn,
        },
      },
      {
        ...event,
        data: {
          outcome: intent.outcome,
          decidedOn,
          late,
          openedOn: decidedOn,
          deadline: statutory,
          investigators: assignees,
        },
      },
    );
  }
  return done(
    {
      ...current,
      ...aterkoppling,
      phase: 'closed',
      forhandsbedomning: decision,
      closure: {
        at: now.toISOString(),
        by: actor.id,
        outcome: intent.outcome === 'not_open' ? 'not_opened' : 'already_ongoing',
        motivation: decision.motivation,
      },
    },
    event,
  );
};
