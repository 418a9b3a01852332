// What is recorded while an utredning runs: an extension of its deadline (20 kap. 3 §), contacts and
// barnsamtal, and why a barnsamtal is not held.
import type { CaseStep } from './caseIntents.js';
import { blank, decisionDate } from './domainContext.js';
import { refuse, type FieldWords } from './schemas.js';
import { isValidLocalDate, stockholmDate } from './time.js';
import { said } from './refusals.js';

export const extend: CaseStep<'extend'> = (ctx, current, intent, actor, now, done) => {
  const today = stockholmDate(now);
  if (current.phase !== 'utredning' || !current.utredning)
    return refuse('invalid', said('onlyOpenInvestigationExtends'));
  const fields: FieldWords = {};
  const on = decisionDate(intent.decidedOn, today, current, {
    notBefore: { date: current.utredning.openedOn, message: said('decidedOnBeforeOpened') },
  });
  if ('error' in on) fields.decidedOn = on.error;
  if (!isValidLocalDate(intent.newDeadline)) fields.newDeadline = said('dateFormat');
  else if (intent.newDeadline <= current.utredning.deadline)
    fields.newDeadline = said('newDeadlineAfter', { date: current.utredning.deadline });
  if (blank(intent.reason)) fields.reason = said('extensionReasonRequired');
  if (Object.keys(fields).length || 'error' in on) return refuse('invalid', said('extensionNotSaved'), fields);
  // 20 kap. 3 §: an extension decided after the deadline cannot undo the overrun; it is recorded
  // as one and the deadline stays counted as missed.
  const overrun = on.date > current.utredning.deadline || current.utredning.extensions.some((e) => e.overrun);
  const ext = {
    at: now.toISOString(),
    by: actor.id,
    previousDeadline: current.utredning.deadline,
    newDeadline: intent.newDeadline,
    reason: intent.reason.trim(),
    decidedOn: on.date,
    ...(overrun ? { overrun: true } : {}),
  };
  return done(
    {
      ...current,
      utredning: {
        ...current.utredning,
        deadline: intent.newDeadline,
        extensions: [...current.utredning.extensions, ext],
      },
    },
    {
      type: 'InvestigationExtended',
      caseId: current.id,
      data: { from: ext.previousDeadline, to: ext.newDeadline, decidedOn: on.date, overrun },
      reason: ext.reason,
    },
  );
};

export const recordContact: CaseStep<'recordContact'> = (ctx, current, intent, actor, now, done) => {
  const today = stockholmDate(now);
  const fields: FieldWords = {};
  if (!isValidLocalDate(intent.date)) fields.date = said('dateFormat');
  else if (intent.date > today) fields.date = said('dateFuture');
  else if (intent.date < stockholmDate(current.receivedAt)) fields.date = said('dateBeforeReport');
  if (Object.keys(fields).length) return refuse('invalid', said('contactNotSaved'), fields);
  const childRef = intent.kind === 'barnsamtal' ? (intent.childRef ?? current.childRef) : intent.childRef;
  const contact = {
    kind: intent.kind,
    date: intent.date,
    by: actor.id,
    at: now.toISOString(),
    ...(childRef ? { childRef } : {}),
    ...(intent.note && !blank(intent.note) ? { note: intent.note.trim() } : {}),
  };
  return done(
    { ...current, contacts: [...current.contacts, contact] },
    { type: 'ContactRecorded', caseId: current.id, data: { kind: intent.kind, date: intent.date } },
  );
};

export const recordBarnsamtalNotHeld: CaseStep<'recordBarnsamtalNotHeld'> = (
  ctx,
  current,
  intent,
  actor,
  now,
  done,
) => {
  if (blank(intent.reason)) return refuse('invalid', said('barnsamtalWhyNot'), { reason: said('reasonRequired') });
  return done(
    { ...current, barnsamtalNotHeldReason: intent.reason.trim() },
    { type: 'BarnsamtalNotHeldRecorded', caseId: current.id, reason: intent.reason.trim() },
  );
};
