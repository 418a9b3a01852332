// The LVU track of a case (lag 1990:52; docs/rules.md "LVU"): an omedelbart omhändertagande is
// recorded with the day it was decided, by whom and the day it was carried out; then each step that
// stops a clock. The bot mirrors the decisions; the legal record is the case-management system.
import { decisionDate, invalid, type Done, type DomainContext } from './domainContext.js';
import { nextMeeting } from './lvuDeadlines.js';
import {
  refuse,
  type Actor,
  type Case,
  type Decision,
  type FieldWords,
  type LocalDate,
  type LvuTrack,
} from './schemas.js';
import { isValidLocalDate, stockholmDate } from './time.js';
import { said } from './refusals.js';

export type LvuStepKind = 'verkstalld' | 'namnd' | 'understallning' | 'ansokan' | 'vard' | 'review' | 'end';

export type LvuIntent =
  | { type: 'lvuStart'; decidedOn?: string; decidedBy: string; ground: string; verkstalldOn?: string }
  | { type: 'lvuRecord'; step: LvuStepKind; on?: string }
  | { type: 'lvuCourtExtension'; until: string }
  | { type: 'lvuCourtDecision'; on?: string; outcome: string; finalOn?: string }
  | { type: 'lvuRestriction'; kind: string; on?: string };

export const LVU_INTENTS = ['lvuStart', 'lvuRecord', 'lvuCourtExtension', 'lvuCourtDecision', 'lvuRestriction'];

const DECIDERS = ['namnd', 'ordforande', 'ledamot'] as const;

export function decideLvu(
  ctx: DomainContext,
  current: Case,
  intent: LvuIntent,
  actor: Actor,
  now: Date,
  done: Done,
): Decision<Case> {
  const today = stockholmDate(now);
  const step = (on: LocalDate) => ({ on, at: now.toISOString(), by: actor.id });
  if (intent.type === 'lvuStart') {
    if (current.lvu && !current.lvu.endedOn) return refuse('invalid', said('lvuAlreadyOpen'));
    const fields: FieldWords = {};
    const decided = decisionDate(intent.decidedOn, today, current);
    if ('error' in decided) fields.decidedOn = decided.error;
    if (!(DECIDERS as readonly string[]).includes(intent.decidedBy)) fields.decidedBy = said('lvuPickDecider');
    if (intent.ground !== '2' && intent.ground !== '3') fields.ground = said('lvuPickGround');
    let verkstalldOn: LocalDate | undefined;
    if (intent.verkstalldOn && intent.verkstalldOn.trim() !== '' && 'date' in decided) {
      const v = decisionDate(intent.verkstalldOn, today, current, {
        notBefore: { date: decided.date, message: said('lvuVerkstallighetBeforeDecision') },
        noun: 'date',
      });
      if ('error' in v) fields.verkstalldOn = v.error;
      else verkstalldOn = v.date;
    }
    if (Object.keys(fields).length || 'error' in decided) return invalid(said('lvuOmhandertagandeNotSaved'), fields);
    const decidedBy = intent.decidedBy as LvuTrack['decidedBy'];
    const meeting = decidedBy === 'namnd' ? undefined : nextMeeting(ctx.org.namndMeetings, decided.date);
    const lvu: LvuTrack = {
      decidedOn: decided.date,
      decidedBy,
      ground: intent.ground as LvuTrack['ground'],
      ...(verkstalldOn ? { verkstalldOn } : {}),
      ...(meeting ? { namndMeetingOn: meeting } : {}),
      recordedAt: now.toISOString(),
      recordedBy: actor.id,
      reviews: [],
      restrictions: [],
    };
    return done(
      { ...current, lvu },
      {
        type: 'LvuOmhandertagandeRecorded',
        caseId: current.id,
        data: { decidedOn: lvu.decidedOn, decidedBy, ground: lvu.ground, verkstalldOn: verkstalldOn ?? null },
      },
    );
  }
  const t = current.lvu;
  if (!t || t.endedOn) return refuse('invalid', said('lvuNone'));
  const dateField = (entered: string | undefined, field: string, notBefore: LocalDate = t.decidedOn) => {
    const d = decisionDate(entered, today, current, {
      notBefore: { date: notBefore, message: said('lvuDateBeforeOmhandertagande') },
      noun: 'date',
    });
    return 'error' in d ? { error: { [field]: d.error } } : d;
  };
  const saved = (lvu: LvuTrack, type: string, data: Record<string, unknown>) =>
    done({ ...current, lvu }, { type, caseId: current.id, data });
  switch (intent.type) {
    case 'lvuRecord': {
      const d = dateField(intent.on, 'on');
      if ('error' in d) return invalid(said('detailNotSaved'), d.error);
      const s = step(d.date);
      const again = () => refuse('invalid', said('lvuStepRecorded'));
      switch (intent.step) {
        case 'verkstalld':
          if (t.verkstalldOn) return again();
          return saved({ ...t, verkstalldOn: d.date }, 'LvuVerkstalld', { on: d.date });
        case 'namnd':
          if (t.namndReported) return again();
          return saved({ ...t, namndReported: s }, 'LvuNamndReported', { on: d.date });
        case 'understallning':
          if (t.understalld) return again();
          return saved({ ...t, understalld: s }, 'LvuUnderstalld', { on: d.date });
        case 'ansokan':
          if (t.ansokan) return again();
          if (!t.verkstalldOn) return invalid(said('lvuVerkstallighetFirst'), { on: said('lvuNoVerkstallighet') });
          return saved({ ...t, ansokan: s }, 'LvuAnsokan', { on: d.date });
        case 'vard':
          if (t.vardBegun) return again();
          if (t.courtDecision?.outcome !== 'vard')
            return invalid(said('lvuCourtVardFirst'), { on: said('lvuNoVardDecision') });
          return saved({ ...t, vardBegun: s }, 'LvuVardBegun', { on: d.date });
        case 'review': {
          if (!t.vardBegun) return invalid(said('lvuVardNotBegun'), { on: said('lvuVardNotBegun') });
          const kind = t.ground === '3' ? 'provning' : 'overvagande';
          return saved({ ...t, reviews: [...t.reviews, { ...s, kind }] }, 'LvuReviewed', { on: d.date, kind });
        }
        case 'end':
          return saved({ ...t, endedOn: d.date }, 'LvuEnded', { on: d.date });
      }
      return refuse('invalid', said('lvuUnknownStep'));
    }
    case 'lvuCourtExtension': {
      if (!t.verkstalldOn) return invalid(said('lvuVerkstallighetFirst'), { until: said('lvuNoVerkstallighet') });
      if (t.ansokan) return refuse('invalid', said('lvuAnsokanDone'));
      if (!isValidLocalDate(intent.until) || intent.until <= today)
        return invalid(said('detailNotSaved'), { until: said('lvuCourtNewDate') });
      return saved({ ...t, courtExtendedTo: intent.until }, 'LvuCourtExtended', { until: intent.until });
    }
    case 'lvuCourtDecision': {
      if (!t.ansokan) return invalid(said('lvuAnsokanFirst'), { on: said('lvuNoAnsokan') });
      const fields: FieldWords = {};
      if (intent.outcome !== 'vard' && intent.outcome !== 'avslag') fields.outcome = said('lvuPickCourtOutcome');
      if (t.courtDecision) {
        // The same form again adds the day the decision became final.
        if (t.courtDecision.finalOn || t.courtDecision.outcome !== 'vard')
          return refuse('invalid', said('lvuCourtRecorded'));
        const f = dateField(intent.finalOn, 'finalOn', t.courtDecision.on);
        if ('error' in f || !intent.finalOn)
          return invalid(said('detailNotSaved'), 'error' in f ? f.error : { finalOn: said('enterDay') });
        return saved({ ...t, courtDecision: { ...t.courtDecision, finalOn: f.date } }, 'LvuDecisionFinal', {
          on: f.date,
        });
      }
      const d = dateField(intent.on, 'on', t.ansokan.on);
      if ('error' in d) Object.assign(fields, d.error);
      let finalOn: LocalDate | undefined;
      if (intent.finalOn && intent.finalOn.trim() !== '' && 'date' in d) {
        const f = dateField(intent.finalOn, 'finalOn', d.date);
        if ('error' in f) Object.assign(fields, f.error);
        else finalOn = f.date;
      }
      if (Object.keys(fields).length || 'error' in d) return invalid(said('detailNotSaved'), fields);
      const outcome = intent.outcome as 'vard' | 'avslag';
      const decision = { on: d.date, outcome, ...(finalOn ? { finalOn } : {}), at: now.toISOString(), by: actor.id };
      return saved(
        { ...t, courtDecision: decision, ...(outcome === 'avslag' ? { endedOn: d.date } : {}) },
        'LvuCourtDecision',
        { on: d.date, outcome, finalOn: finalOn ?? null },
      );
    }
    case 'lvuRestriction': {
      const d = dateField(intent.on, 'on');
      if ('error' in d) return invalid(said('detailNotSaved'), d.error);
      if (intent.kind === 'review') {
        if (!t.restrictions.length) return invalid(said('lvuNoRestriction'), { kind: said('lvuNoRestrictionField') });
        return saved({ ...t, reviews: [...t.reviews, { ...step(d.date), kind: 'begransning' }] }, 'LvuReviewed', {
          on: d.date,
          kind: 'begransning',
        });
      }
      if (intent.kind !== 'umgange' && intent.kind !== 'hemlig_vistelseort')
        return invalid(said('detailNotSaved'), { kind: said('lvuPickRestriction') });
      return saved(
        { ...t, restrictions: [...t.restrictions, { ...step(d.date), kind: intent.kind }] },
        'LvuRestrictionDecided',
        { on: d.date, kind: intent.kind },
      );
    }
  }
}
