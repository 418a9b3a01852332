// The deadlines of the LVU track (docs/rules.md, "LVU"). Missing the 7 § week or the 8 § four weeks
// ends the child's protection, so those rows remind from the first day and are escalated; the court's
// own time (34 §) is shown for planning only.
import { addPeriod, deadlineFrom, type Deadline } from './deadlineRow.js';
import { ruleFor, type DeadlineKind, type RuleTable } from './rules.js';
import type { Case, LocalDate, LvuTrack } from './schemas.js';

const latest = (ds: (LocalDate | undefined)[]): LocalDate | undefined =>
  ds
    .filter((d): d is LocalDate => !!d)
    .sort()
    .at(-1);

/** The 13 § review kind for the ground of care: övervägande (2 §) or prövning (3 §). */
export const reviewKindOf = (t: LvuTrack): 'overvagande' | 'provning' =>
  t.ground === '3' ? 'provning' : 'overvagande';

/** The next meeting of the nämnd after a decision (6 §), from the configured meeting dates. */
export function nextMeeting(meetings: readonly LocalDate[] | undefined, after: LocalDate): LocalDate | undefined {
  return [...(meetings ?? [])].sort().find((m) => m > after);
}

export function lvuDeadlines(c: Case, rules: RuleTable): Deadline[] {
  const t = c.lvu;
  if (!t) return [];
  const ended = !!t.endedOn;
  const out: Deadline[] = [];
  const row = (kind: DeadlineKind, start: LocalDate) => ruleFor(rules, kind, start);
  const timed = (kind: DeadlineKind, start: LocalDate, done: boolean, dueOverride?: LocalDate) => {
    const r = row(kind, start);
    if (!r.period) return;
    const statutory = addPeriod(start, r.period);
    out.push(deadlineFrom(r, dueOverride ?? statutory, { statutoryDue: statutory, done: done || ended }));
  };
  timed('lvu_understallning', t.decidedOn, !!t.understalld);
  if (t.decidedBy !== 'namnd' && t.namndMeetingOn)
    out.push(deadlineFrom(row('lvu_namnd', t.decidedOn), t.namndMeetingOn, { done: !!t.namndReported || ended }));
  if (t.verkstalldOn) timed('lvu_ansokan', t.verkstalldOn, !!t.ansokan, t.courtExtendedTo);
  if (t.ansokan) timed('lvu_dom', t.ansokan.on, !!t.courtDecision);
  const d = t.courtDecision;
  if (d?.outcome === 'vard' && d.finalOn) timed('lvu_vard_paborjad', d.finalOn, !!t.vardBegun);
  if (t.vardBegun) {
    const kind = reviewKindOf(t);
    const last = latest([t.vardBegun.on, ...t.reviews.filter((r) => r.kind === kind).map((r) => r.on)])!;
    timed(kind === 'provning' ? 'lvu_provning' : 'lvu_overvagande', last, false);
  }
  if (t.restrictions.length) {
    const last = latest([
      ...t.restrictions.map((r) => r.on),
      ...t.reviews.filter((r) => r.kind === 'begransning').map((r) => r.on),
    ])!;
    timed('lvu_begransning', last, false);
  }
  return out;
}
