// Where a case stands with its förhandsbedömning (20 kap. 2 § SoL, docs/rules.md), decided in one
// place: whether it is still to be decided, whether it can be decided now, whether an extension can
// still be decided, and whether a decision on a given day is late. The commands ask here; the
// length of the period is the rule table's (src/domain/ruleTable.ts), never a number in code.
import { forhandsbedomningDue, forhandsbedomningDueInForce } from './deadlines.js';
import type { RuleTable } from './rules.js';
import type { Case, LocalDate } from './schemas.js';

export interface ForhandsbedomningState {
  /** Not decided yet, and the case is neither closed nor in an utredning. */
  pending: boolean;
  /** Pending and the skyddsbedömning is recorded: the decision can be made. */
  decidable: boolean;
  /** Pending and the date in force has not passed: an extension can still be decided (before the deadline). */
  extendable: boolean;
  /** The date in force: the statutory one or the last extension's. */
  due: LocalDate;
  /** The statutory date: receipt plus the rule table's period, never moved by an extension. */
  statutoryDue: LocalDate;
}

export function forhandsbedomningState(c: Case, rules: RuleTable, today: LocalDate): ForhandsbedomningState {
  const due = forhandsbedomningDueInForce(c, rules);
  const pending = !c.forhandsbedomning && c.phase !== 'closed' && c.phase !== 'utredning';
  return {
    pending,
    decidable: pending && !!c.skyddsbedomning,
    extendable: pending && today <= due,
    due,
    statutoryDue: forhandsbedomningDue(c.receivedAt, rules),
  };
}

/** A decision dated after the date in force is accepted and counted as late (an overrun). */
export function forhandsbedomningLate(c: Case, rules: RuleTable, decidedOn: LocalDate): boolean {
  return decidedOn > forhandsbedomningDueInForce(c, rules);
}
