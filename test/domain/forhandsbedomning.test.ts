// Where a case stands with its förhandsbedömning, asked in one place (src/domain/forhandsbedomning.ts),
// and the period read from the rule table: a table that says ten days moves every date and check.
import { describe, expect, it } from 'vitest';
import { decideCase, type CaseIntent } from '../../src/domain/commands.js';
import { forhandsbedomningLate, forhandsbedomningState } from '../../src/domain/forhandsbedomning.js';
import { DEFAULT_RULES, type RuleTable } from '../../src/domain/rules.js';
import type { Case, Decision } from '../../src/domain/schemas.js';
import { aCase, actor, ctx, STAFF } from './fixtures.js';

const skydd = {
  at: '2026-01-05T10:00:00+01:00',
  by: STAFF.anna.aadObjectId,
  immediateProtection: false,
  motivation: 'Ok.',
};
// Received Mon 2026-01-05: with the default table (14 days) due Mon 2026-01-19.
const received = (over: Partial<Case> = {}) => aCase({ receivedAt: '2026-01-05T09:00:00+01:00', ...over });
const ready = (over: Partial<Case> = {}) => received({ phase: 'forhandsbedomning', skyddsbedomning: skydd, ...over });
const decided = {
  decidedAt: '2026-01-12T10:00:00+01:00',
  by: STAFF.karin.aadObjectId,
  outcome: 'not_open' as const,
  motivation: 'Ingen oro kvar.',
  decidedOn: '2026-01-12',
};

const tenDays: RuleTable = {
  ...DEFAULT_RULES,
  rules: DEFAULT_RULES.rules.map((r) =>
    r.kind === 'forhandsbedomning' ? { ...r, period: { unit: 'days' as const, amount: 10 } } : r,
  ),
};

const lead = actor(STAFF.karin);
const decide = (rules: RuleTable, c: Case, intent: CaseIntent, now: string): Decision<Case> =>
  decideCase({ ...ctx(), rules }, c, intent, lead, new Date(now));
const forhand: CaseIntent = { type: 'decideForhandsbedomning', outcome: 'not_open', motivation: 'Ingen oro.' };
const extend: CaseIntent = {
  type: 'extendForhandsbedomning',
  newDeadline: '2026-02-02',
  reason: 'Polisförhör inväntas.',
  decidedBy: STAFF.karin.aadObjectId,
};

describe('forhandsbedomningState', () => {
  it('before the skyddsbedömning: pending and extendable, not yet decidable', () => {
    expect(forhandsbedomningState(received(), DEFAULT_RULES, '2026-01-06')).toEqual({
      pending: true,
      decidable: false,
      extendable: true,
      due: '2026-01-19',
      statutoryDue: '2026-01-19',
    });
  });

  it('after the skyddsbedömning: decidable; extendable up to and including the date in force', () => {
    expect(forhandsbedomningState(ready(), DEFAULT_RULES, '2026-01-19')).toMatchObject({
      decidable: true,
      extendable: true,
    });
    expect(forhandsbedomningState(ready(), DEFAULT_RULES, '2026-01-20')).toMatchObject({
      decidable: true,
      extendable: false,
    });
  });

  it('an extension moves the date in force; the statutory date stays', () => {
    const ext = {
      decidedOn: '2026-01-16',
      decidedBy: STAFF.karin.aadObjectId,
      previousDeadline: '2026-01-19',
      newDeadline: '2026-02-02',
      reason: 'Polisförhör.',
      at: '2026-01-16T10:00:00+01:00',
      by: STAFF.karin.aadObjectId,
    };
    const s = forhandsbedomningState(ready({ forhandsExtensions: [ext] }), DEFAULT_RULES, '2026-01-25');
    expect(s).toMatchObject({ due: '2026-02-02', statutoryDue: '2026-01-19', extendable: true });
  });

  it('is over once decided, and on a closed case or one in an utredning', () => {
    for (const c of [
      ready({ forhandsbedomning: decided, phase: 'closed' }),
      ready({ phase: 'closed' }),
      ready({ phase: 'utredning' }),
    ]) {
      expect(forhandsbedomningState(c, DEFAULT_RULES, '2026-01-06')).toMatchObject({
        pending: false,
        decidable: false,
        extendable: false,
      });
    }
  });

  it('a decision is late only after the date in force', () => {
    expect(forhandsbedomningLate(ready(), DEFAULT_RULES, '2026-01-19')).toBe(false);
    expect(forhandsbedomningLate(ready(), DEFAULT_RULES, '2026-01-20')).toBe(true);
  });
});

describe('the period is the rule table’s', () => {
  it('a table that says ten days gives 2026-01-15, and the commands judge by it', () => {
    expect(forhandsbedomningState(ready(), tenDays, '2026-01-06').due).toBe('2026-01-15');
    // Decided on day 11: late by a ten-day table, in time by the default one.
    const late = decide(tenDays, ready(), forhand, '2026-01-16T10:00:00+01:00');
    const inTime = decide(DEFAULT_RULES, ready(), forhand, '2026-01-16T10:00:00+01:00');
    expect(late.ok && late.state.forhandsbedomning?.late).toBe(true);
    expect(inTime.ok && inTime.state.forhandsbedomning?.late).toBeUndefined();
    // An extension on day 11 comes after a ten-day deadline, and the refusal names that date.
    const refused = decide(tenDays, ready(), extend, '2026-01-16T10:00:00+01:00');
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.fields?.decidedOn).toMatch(/Fristen gick ut 2026-01-15/);
    expect(decide(DEFAULT_RULES, ready(), extend, '2026-01-16T10:00:00+01:00').ok).toBe(true);
  });

  it('no decision or extension once decided, with the same messages as before', () => {
    const done = ready({ forhandsbedomning: decided });
    const again = decide(DEFAULT_RULES, done, forhand, '2026-01-13T10:00:00+01:00');
    expect(!again.ok && again.message).toBe('Förhandsbedömningen är redan beslutad.');
    const noSkydd = decide(DEFAULT_RULES, received(), forhand, '2026-01-06T10:00:00+01:00');
    expect(!noSkydd.ok && noSkydd.message).toBe('Registrera skyddsbedömningen först.');
    const ext = decide(DEFAULT_RULES, done, extend, '2026-01-13T10:00:00+01:00');
    expect(!ext.ok && ext.message).toBe('Bara en förhandsbedömning som inte är beslutad kan förlängas.');
  });
});
