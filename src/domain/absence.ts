// Absence (sick leave, planned leave): who may register it, and whether someone is away on a date.
import type { DomainContext } from './domainContext.js';
import { can, forbidden } from './permissions.js';
import { refuse, type Absence, type Actor, type Decision, type FieldWords, type LocalDate } from './schemas.js';
import { isValidLocalDate, stockholmDate } from './time.js';
import { said } from './refusals.js';

export type AbsenceIntent =
  | { type: 'registerAbsence'; staffId: string; kind?: Absence['kind']; from: LocalDate; to?: LocalDate }
  | { type: 'endAbsence'; absenceId: string };

/** Is the person away on that date (an absence not ended, covering the date)? */
export function isAbsent(absences: readonly Absence[], staffId: string, date: LocalDate): boolean {
  return absences.some((a) => a.staffId === staffId && coversDate(a, date));
}

/** An ended absence still covers the days before the Swedish date on which it was ended (history). */
export function coversDate(a: Absence, date: LocalDate): boolean {
  if (a.endedAt && date >= stockholmDate(a.endedAt)) return false;
  return a.from <= date && (a.to === undefined || date <= a.to);
}

/**
 * The absence `åter` ends (see docs/handover.md): the one running today; else the latest one whose
 * last day has passed without anyone saying the person is back (leave "till Friday", åter on Monday);
 * else the next planned leave (cancelled before it starts). A planned leave later on is never ended
 * in place of the leave the person is actually back from.
 */
export function absenceToEnd(absences: readonly Absence[], staffId: string, today: LocalDate): Absence | undefined {
  const open = absences.filter((a) => a.staffId === staffId && !a.endedAt);
  const running = open.find((a) => a.from <= today && (a.to === undefined || a.to >= today));
  if (running) return running;
  const ranOut = open
    .filter((a) => a.to !== undefined && a.to < today)
    .sort((a, b) => (a.to! < b.to! ? 1 : a.to! > b.to! ? -1 : 0))[0];
  if (ranOut) return ranOut;
  return open.filter((a) => a.from > today).sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))[0];
}

/** Team lead of a group the person belongs to, the unit manager, or the person themselves. */
function mayHandleAbsenceOf(ctx: DomainContext, actor: Actor, staffId: string): boolean {
  if (actor.id === staffId || actor.role === 'unit_manager') return true;
  if (actor.role !== 'team_lead') return false;
  const person = ctx.org.staff.find((s) => s.aadObjectId === staffId);
  return !!person && person.groups.some((g) => actor.groups.includes(g));
}

export function decideAbsence(
  ctx: DomainContext,
  intent: AbsenceIntent,
  actor: Actor,
  now: Date,
  // Deterministic by default (pure): one person cannot have two overlapping absences from the same date.
  newId: () => string = () =>
    `abs-${intent.type === 'registerAbsence' ? `${intent.staffId.slice(0, 8)}-${intent.from}` : 'x'}-${now.getTime().toString(36)}`,
): Decision<Absence> {
  const command = intent.type === 'registerAbsence' ? 'registerAbsence' : 'endAbsence';
  if (actor.system || !can(actor.role, command)) return refuse('forbidden', forbidden(command, actor.role));
  const today = stockholmDate(now);

  if (intent.type === 'endAbsence') {
    const a = ctx.absences.find((x) => x.id === intent.absenceId);
    if (!a) return refuse('not_found', said('absenceNotFound'));
    if (!mayHandleAbsenceOf(ctx, actor, a.staffId)) return refuse('forbidden', said('absenceEndOwnOrGroup'));
    if (a.endedAt) return refuse('invalid', said('absenceAlreadyEnded'));
    const ended: Absence = { ...a, endedAt: now.toISOString(), endedBy: actor.id };
    return {
      ok: true,
      state: ended,
      events: [{ type: 'AbsenceEnded', data: { absenceId: a.id, staffId: a.staffId } }],
    };
  }

  const person = ctx.org.staff.find((s) => s.aadObjectId === intent.staffId);
  if (!person) return refuse('invalid', said('personNotInOrg'), { staffId: said('unknownPerson') });
  if (!mayHandleAbsenceOf(ctx, actor, intent.staffId)) {
    return refuse('forbidden', said('absenceRegisterOwnOrGroup'));
  }
  const fields: FieldWords = {};
  if (!isValidLocalDate(intent.from)) fields.from = said('dateFormat');
  if (intent.to !== undefined) {
    if (!isValidLocalDate(intent.to)) fields.to = said('dateFormat');
    else if (intent.to < intent.from) fields.to = said('absenceEndBeforeStart');
    else if (intent.to < today) fields.to = said('absenceEndPassed');
  }
  if (Object.keys(fields).length) return refuse('invalid', said('absenceNotRegistered'), fields);
  const overlapping = ctx.absences.find(
    (a) =>
      a.staffId === intent.staffId &&
      !a.endedAt &&
      (a.to === undefined || a.to >= intent.from) &&
      (intent.to === undefined || a.from <= intent.to),
  );
  if (overlapping) {
    return refuse(
      'conflict',
      said('absenceOverlap', {
        name: person.name,
        from: overlapping.from,
        ...(overlapping.to ? { to: overlapping.to } : {}),
      }),
    );
  }
  const absence: Absence = {
    id: newId(),
    staffId: intent.staffId,
    ...(intent.kind ? { kind: intent.kind } : {}),
    from: intent.from,
    ...(intent.to ? { to: intent.to } : {}),
    registeredBy: actor.id,
    registeredAt: now.toISOString(),
  };
  return {
    ok: true,
    state: absence,
    events: [
      {
        type: 'AbsenceRegistered',
        data: {
          absenceId: absence.id,
          staffId: absence.staffId,
          from: absence.from,
          to: absence.to,
          ...(absence.kind ? { kind: absence.kind } : {}),
        },
      },
    ],
  };
}
