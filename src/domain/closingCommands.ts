// Ending a case and what follows it: closing an utredning (with or without insats, optionally an
// uppföljning), the återkoppling to a professional reporter, and the end of an uppföljning.
import type { CaseStep } from './caseIntents.js';
import { blank, decisionDate } from './domainContext.js';
import { uppfoljningProblem } from './lawCommands.js';
import { refuse, type FieldWords } from './schemas.js';
import { stockholmDate } from './time.js';
import { said } from './refusals.js';

export const close: CaseStep<'close'> = (ctx, current, intent, actor, now, done) => {
  const today = stockholmDate(now);
  if (current.phase !== 'utredning') return refuse('invalid', said('onlyOpenInvestigationCloses'));
  const fields: FieldWords = {};
  const on = decisionDate(intent.decidedOn, today, current, {
    notBefore: { date: current.utredning?.openedOn ?? today, message: said('closedOnBeforeOpened') },
  });
  if ('error' in on) fields.decidedOn = on.error;
  if (intent.uppfoljningUntil !== undefined) {
    const problem = 'date' in on ? uppfoljningProblem(ctx, on.date, intent.uppfoljningUntil) : undefined;
    if (intent.outcome !== 'ingen_insats') fields.uppfoljningUntil = said('uppfoljningOnlyWithoutInsats');
    else if (problem) fields.uppfoljningUntil = problem;
    else if (intent.uppfoljningUntil <= today) fields.uppfoljningUntil = said('uppfoljningUntilAfterToday');
  }
  if (Object.keys(fields).length || 'error' in on) return refuse('invalid', said('investigationNotClosed'), fields);
  const motivation = intent.motivation && !blank(intent.motivation) ? intent.motivation.trim() : undefined;
  return done(
    {
      ...current,
      phase: 'closed',
      closure: {
        at: now.toISOString(),
        by: actor.id,
        outcome: intent.outcome,
        ...(motivation ? { motivation } : {}),
        closedOn: on.date,
      },
      ...(intent.uppfoljningUntil ? { uppfoljning: { due: intent.uppfoljningUntil, startedOn: on.date } } : {}),
    },
    {
      type: 'CaseClosed',
      caseId: current.id,
      data: { outcome: intent.outcome, uppfoljningUntil: intent.uppfoljningUntil, closedOn: on.date },
      reason: motivation,
    },
  );
};

export const completeAterkoppling: CaseStep<'completeAterkoppling'> = (ctx, current, intent, actor, now, done) => {
  if (!current.aterkoppling) return refuse('invalid', said('noAterkoppling'));
  if (current.aterkoppling.doneAt) return refuse('invalid', said('aterkopplingDone'));
  return done(
    { ...current, aterkoppling: { ...current.aterkoppling, doneAt: now.toISOString(), by: actor.id } },
    { type: 'AterkopplingCompleted', caseId: current.id },
  );
};

export const completeUppfoljning: CaseStep<'completeUppfoljning'> = (ctx, current, intent, actor, now, done) => {
  const u = current.uppfoljning;
  if (!u) return refuse('invalid', said('noUppfoljning'));
  if (u.doneAt) return refuse('invalid', said('uppfoljningAlreadyEnded'));
  if (u.endedEarly)
    return refuse('invalid', said('uppfoljningEndedEarly', { on: u.endedEarly.on, caseId: u.endedEarly.caseId }));
  const note = intent.note && !blank(intent.note) ? intent.note.trim() : undefined;
  return done(
    {
      ...current,
      uppfoljning: {
        ...u,
        doneAt: now.toISOString(),
        by: actor.id,
        outcome: intent.outcome,
        ...(note ? { note } : {}),
      },
    },
    {
      type: 'UppfoljningCompleted',
      caseId: current.id,
      data: { outcome: intent.outcome, due: u.due },
      ...(note ? { reason: note } : {}),
    },
  );
};
