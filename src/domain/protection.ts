// Immediate protection is an alarm, not a tick (docs/domain.md "Immediate protection"). When a
// skyddsbedömning says that the child needs immediate protection, the case stays an alarm until it
// has an owner AND a recorded protective measure: a placement, an omedelbart omhändertagande enligt
// LVU 6 § (recorded here or through the LVU track, src/domain/lvu.ts, which counts by itself),
// contact with the police, or something else, with when, by whom and why. Every card and list asks
// protectionState() and nothing else, so they all say the same thing. Pure: a case (and the clock) in.
import { blank, decisionDate, invalid, type Done, type DomainContext } from './domainContext.js';
import {
  refuse,
  type Actor,
  type Case,
  type Decision,
  type FieldWords,
  type Instant,
  type LocalDate,
  type ProtectiveMeasure,
  type ProtectiveMeasureKind,
  type StaffId,
} from './schemas.js';
import { stockholmDate, stockholmInstant } from './time.js';
import { said } from './refusals.js';

export type { ProtectiveMeasure, ProtectiveMeasureKind } from './schemas.js';

/** How long the unit manager waits for a protective measure before being told again (minutes). */
export const DEFAULT_PROTECTION_RENOTICE_MINUTES = 120;

export const MEASURE_LABEL: Record<ProtectiveMeasureKind, string> = {
  placement: 'placering',
  lvu_6: 'omedelbart omhändertagande enligt LVU 6 §',
  police: 'kontakt med polisen',
  other: 'annan skyddsåtgärd',
};

/** A measure as the alarm reads it: from the form, or derived from the LVU track. */
export interface MeasureSeen {
  kind: ProtectiveMeasureKind;
  on: LocalDate;
  time?: string;
  doneBy: StaffId;
  source: 'form' | 'lvu';
}

export interface ProtectionState {
  /** not_needed: no skyddsbedömning says so; unmet: the alarm is on; met: owner and measure recorded. */
  status: 'not_needed' | 'unmet' | 'met';
  needsOwner: boolean;
  needsMeasure: boolean;
  /** When the skyddsbedömning said the child needs immediate protection. */
  since?: Instant;
  /** The first protective measure recorded (form or LVU track). */
  measure?: MeasureSeen;
}

const NOT_NEEDED: ProtectionState = { status: 'not_needed', needsOwner: false, needsMeasure: false };

/** The protective measures of a case: those recorded on the form, and an LVU 6 § omhändertagande. */
export function measuresOf(c: Case): MeasureSeen[] {
  const out: MeasureSeen[] = (c.protectiveMeasures ?? []).map((m) => ({
    kind: m.kind,
    on: m.on,
    ...(m.time ? { time: m.time } : {}),
    doneBy: m.doneBy,
    source: 'form' as const,
  }));
  // An omedelbart omhändertagande recorded through the LVU track is a protective measure by itself.
  if (c.lvu) out.push({ kind: 'lvu_6', on: c.lvu.decidedOn, doneBy: c.lvu.recordedBy, source: 'lvu' });
  return out.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
}

/** Where the case stands on immediate protection. A closed case never alarms. */
export function protectionState(c: Case): ProtectionState {
  const s = c.skyddsbedomning;
  if (!s?.immediateProtection || c.phase === 'closed') return NOT_NEEDED;
  const measure = measuresOf(c)[0];
  const needsOwner = c.assignees.length === 0;
  const needsMeasure = !measure;
  return {
    status: needsOwner || needsMeasure ? 'unmet' : 'met',
    needsOwner,
    needsMeasure,
    since: s.at,
    ...(measure ? { measure } : {}),
  };
}

export const isProtectionAlarm = (c: Case): boolean => protectionState(c).status === 'unmet';

/**
 * The one line every card and list shows for the alarm, e.g. "Omedelbart skyddsbehov – ingen
 * skyddsåtgärd registrerad"; undefined when there is nothing to say.
 */
export function protectionHeadline(state: ProtectionState, nameOf: (id: string) => string): string | undefined {
  if (state.status === 'not_needed') return undefined;
  if (state.status === 'unmet') {
    const missing = [
      ...(state.needsMeasure ? ['ingen skyddsåtgärd registrerad'] : []),
      ...(state.needsOwner ? ['ingen handläggare'] : []),
    ];
    return `Omedelbart skyddsbehov – ${missing.join(' och ')}`;
  }
  const m = state.measure!;
  return `Omedelbart skyddsbehov – skyddsåtgärd registrerad: ${MEASURE_LABEL[m.kind]} ${m.on}${m.time ? ` kl. ${m.time}` : ''} (${nameOf(m.doneBy)})`;
}

/** When the unit manager is told again, if the measure is still missing. */
export function renoticeAt(state: ProtectionState, minutes = DEFAULT_PROTECTION_RENOTICE_MINUTES): Date | undefined {
  if (state.status !== 'unmet' || !state.needsMeasure || !state.since) return undefined;
  return new Date(Date.parse(state.since) + minutes * 60_000);
}

/** Unmet alarms first (the oldest first), then everything else in the order it had (stable). */
export function protectionFirst<T>(items: readonly T[], caseOf: (x: T) => Case): T[] {
  const alarms: { x: T; since: string }[] = [];
  const rest: T[] = [];
  for (const x of items) {
    const s = protectionState(caseOf(x));
    if (s.status === 'unmet') alarms.push({ x, since: s.since ?? '' });
    else rest.push(x);
  }
  alarms.sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : 0));
  return [...alarms.map((a) => a.x), ...rest];
}

// ---- the command ----

export interface ProtectiveMeasureIntent {
  type: 'recordProtectiveMeasure';
  kind: string;
  /** The day it was done (default today). */
  on?: string;
  /** HH:MM, optional. */
  time?: string;
  /** Who did it (a staff member; default the person recording). */
  doneBy?: string;
  motivation: string;
}

const KINDS: readonly ProtectiveMeasureKind[] = ['placement', 'lvu_6', 'police', 'other'];
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export function decideProtectiveMeasure(
  ctx: DomainContext,
  current: Case,
  intent: ProtectiveMeasureIntent,
  actor: Actor,
  now: Date,
  done: Done,
): Decision<Case> {
  if (current.phase === 'closed') return refuse('invalid', said('caseClosed'));
  const today = stockholmDate(now);
  const fields: FieldWords = {};
  if (!(KINDS as readonly string[]).includes(intent.kind)) fields.kind = said('protectionPickKind');
  const on = decisionDate(intent.on, today, current, { noun: 'date' });
  if ('error' in on) fields.on = on.error;
  const time = intent.time?.trim() || undefined;
  if (time !== undefined) {
    if (!HHMM.test(time)) fields.time = said('timeFormat');
    else if ('date' in on && stockholmInstant(on.date, time).getTime() > now.getTime() + 60_000)
      fields.time = said('timeFuture');
  }
  const doneBy = intent.doneBy?.trim() || actor.id;
  if (!ctx.org.staff.some((s) => s.aadObjectId === doneBy)) fields.doneBy = said('pickDoneBy');
  if (blank(intent.motivation)) fields.motivation = said('writeMotivation');
  if (Object.keys(fields).length || 'error' in on) return invalid(said('protectionNotSaved'), fields);
  const measure: ProtectiveMeasure = {
    kind: intent.kind as ProtectiveMeasureKind,
    on: on.date,
    ...(time ? { time } : {}),
    doneBy,
    motivation: intent.motivation.trim(),
    at: now.toISOString(),
    by: actor.id,
  };
  return done(
    { ...current, protectiveMeasures: [...(current.protectiveMeasures ?? []), measure] },
    {
      type: 'ProtectiveMeasureRecorded',
      caseId: current.id,
      data: { kind: measure.kind, on: measure.on, time: measure.time ?? null, doneBy },
      reason: measure.motivation,
    },
  );
}
