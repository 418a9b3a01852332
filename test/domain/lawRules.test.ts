// The corrections of the rule table, on the dates of the statute text (docs/rules.md): återkoppling
// by request and one week from 2026-01-15, uppföljning up to six months, every clock from the date of
// the decision, the förhandsbedömning extension before day 14, the utredning overrun, 20 kap. 4 §.
import { describe, expect, it } from 'vitest';
import { decideCase, type CaseIntent } from '../../src/domain/commands.js';
import { aterkopplingDue, deadlinesOf, deadlineStatus, uppfoljningLatest } from '../../src/domain/deadlines.js';
import { professionalByDefault } from '../../src/domain/dutyToReport.js';
import { overdue } from '../../src/domain/queries.js';
import { DEFAULT_RULES, ruleFor } from '../../src/domain/rules.js';
import type { Case, Decision } from '../../src/domain/schemas.js';
import { aCase, actor, ctx, STAFF } from './fixtures.js';

const rules = DEFAULT_RULES;
const ok = (d: Decision<Case>): Case => {
  if (!d.ok) throw new Error(`refused: ${d.message} ${JSON.stringify(d.fields ?? {})}`);
  return d.state;
};
const refusal = (d: Decision<Case>) => {
  if (d.ok) throw new Error('expected a refusal');
  return d;
};
const lead = actor(STAFF.karin);
const skydd = {
  at: '2026-01-05T10:00:00+01:00',
  by: STAFF.anna.aadObjectId,
  immediateProtection: false,
  motivation: 'Ok.',
};
const asked = { type: 'preschool' as const, professional: true, requestsFeedback: true };
const ready = (over: Partial<Case> = {}) =>
  aCase({ receivedAt: '2026-01-05T09:00:00+01:00', phase: 'forhandsbedomning', skyddsbedomning: skydd, ...over });
const at = (iso: string) => new Date(iso);
const decide = (c: Case, intent: CaseIntent, now: Date) => decideCase(ctx(), c, intent, lead, now);
const forhand = (over: Partial<Extract<CaseIntent, { type: 'decideForhandsbedomning' }>> = {}): CaseIntent => ({
  type: 'decideForhandsbedomning',
  outcome: 'open',
  motivation: 'Oro.',
  ...over,
});

describe('återkoppling (19 kap. 6 § SoL as amended by SFS 2025:1501)', () => {
  it('is one week after a decision on Thu 2026-01-15: 2026-01-22, not the old 14 days (2026-01-29)', () => {
    expect(aterkopplingDue('2026-01-15', rules)).toBe('2026-01-22');
    const c = ok(decide(ready({ reporter: asked }), forhand({ outcome: 'not_open' }), at('2026-01-15T11:00:00+01:00')));
    expect(c.aterkoppling).toEqual({ due: '2026-01-22' });
    expect(deadlinesOf(c, rules).find((d) => d.kind === 'aterkoppling')?.reference).toMatch(/19 kap\. 6 §.*2025:1501/);
  });

  it('has no time limit for a decision on 2026-01-14, the day before the amendment', () => {
    expect(aterkopplingDue('2026-01-14', rules)).toBeUndefined();
    const c = ok(decide(ready({ reporter: asked }), forhand(), at('2026-01-14T11:00:00+01:00')));
    expect(c.aterkoppling).toEqual({});
    expect(deadlinesOf(c, rules).map((d) => d.kind)).not.toContain('aterkoppling');
    expect(ruleFor(rules, 'aterkoppling', '2026-01-14').endsOn).toBe('2026-01-14');
  });

  it('is a duty only when the reporter asked', () => {
    const c = ok(decide(ready(), forhand(), at('2026-01-20T11:00:00+01:00')));
    expect(c.aterkoppling).toBeUndefined();
  });

  it('is "genast" (the same day) when an investigation was already running', () => {
    const c = ok(
      decide(ready({ reporter: asked }), forhand({ outcome: 'already_ongoing' }), at('2026-01-20T11:00:00+01:00')),
    );
    expect(c.aterkoppling?.due).toBe('2026-01-20');
  });

  it('is the day of the request when it comes after the decision; a request before counts the week', () => {
    const decided = ok(decide(ready(), forhand({ outcome: 'not_open' }), at('2026-01-20T11:00:00+01:00')));
    const later = ok(
      decideCase(ctx(), decided, { type: 'requestAterkoppling' }, actor(STAFF.anna), at('2026-01-23T09:00:00+01:00')),
    );
    expect(later.aterkoppling).toEqual({ requestedOn: '2026-01-23', due: '2026-01-23' });
    const before = ok(
      decideCase(
        ctx(),
        ready(),
        { type: 'requestAterkoppling', requestedOn: '2026-01-06' },
        actor(STAFF.anna),
        at('2026-01-07T09:00:00+01:00'),
      ),
    );
    expect(before.aterkoppling).toEqual({ requestedOn: '2026-01-06' });
    const after = ok(decide(before, forhand(), at('2026-01-20T11:00:00+01:00')));
    expect(after.aterkoppling?.due).toBe('2026-01-27');
  });

  it('refuses a request from a reporter without the duty to report, and a request twice', () => {
    const priv = ready({ reporter: { type: 'relative', professional: false } });
    expect(
      refusal(decideCase(ctx(), priv, { type: 'requestAterkoppling' }, lead, at('2026-01-07T09:00:00+01:00'))).message,
    ).toMatch(/anmälningsplikt/);
    expect(
      refusal(
        decideCase(
          ctx(),
          ready({ reporter: asked }),
          { type: 'requestAterkoppling' },
          lead,
          at('2026-01-07T09:00:00+01:00'),
        ),
      ).message,
    ).toMatch(/redan registrerad/);
  });
});

describe('every decision counts from the date of the decision', () => {
  it('a förhandsbedömning dated yesterday opens the investigation yesterday, with 4 months from yesterday', () => {
    const c = ok(decide(ready(), forhand({ decidedOn: '2026-01-19' }), at('2026-01-20T11:00:00+01:00')));
    expect(c.utredning).toMatchObject({
      openedOn: '2026-01-19',
      statutoryDeadline: '2026-05-19',
      informationDue: '2026-01-19',
    });
    expect(c.forhandsbedomning?.decidedOn).toBe('2026-01-19');
  });

  it('refuses a date in the future or before the report, by field', () => {
    const now = at('2026-01-20T11:00:00+01:00');
    expect(refusal(decide(ready(), forhand({ decidedOn: '2026-01-21' }), now)).fields?.decidedOn).toMatch(/framtiden/);
    expect(refusal(decide(ready(), forhand({ decidedOn: '2026-01-04' }), now)).fields?.decidedOn).toMatch(
      /före anmälan/,
    );
    expect(refusal(decide(ready(), forhand({ decidedOn: '20 jan' }), now)).fields?.decidedOn).toMatch(/ÅÅÅÅ-MM-DD/);
  });

  it('counts 4 months to the month end (2025-10-31 → 2026-02-28) and a leap day (2027-10-31 → 2028-02-29)', () => {
    const oct = ok(
      decide(
        ready({ receivedAt: '2025-10-20T09:00:00+02:00' }),
        forhand({ decidedOn: '2025-10-31' }),
        at('2025-11-03T10:00:00+01:00'),
      ),
    );
    expect(oct.utredning?.statutoryDeadline).toBe('2026-02-28');
    const leap = ok(
      decide(
        ready({ receivedAt: '2027-10-20T09:00:00+02:00' }),
        forhand({ decidedOn: '2027-10-31' }),
        at('2027-11-01T10:00:00+01:00'),
      ),
    );
    expect(leap.utredning?.statutoryDeadline).toBe('2028-02-29');
  });

  it('a decision on the day after the spring DST change keeps its date (2026-03-30 → 2026-07-30)', () => {
    const c = ok(
      decide(ready({ receivedAt: '2026-03-20T09:00:00+01:00' }), forhand(), at('2026-03-30T00:30:00+02:00')),
    );
    expect(c.utredning?.openedOn).toBe('2026-03-30');
    expect(c.utredning?.statutoryDeadline).toBe('2026-07-30');
  });
});

describe('förhandsbedömning extension (20 kap. 2 §): a decision before day 14', () => {
  const c = ready(); // received Mon 2026-01-05: due Mon 2026-01-19
  const extend = (over: Partial<Extract<CaseIntent, { type: 'extendForhandsbedomning' }>> = {}): CaseIntent => ({
    type: 'extendForhandsbedomning',
    newDeadline: '2026-02-02',
    reason: 'Polisförhör inväntas.',
    decidedBy: STAFF.karin.aadObjectId,
    ...over,
  });

  it('records who, the new date and the synnerliga skäl; the statutory date stays', () => {
    const e = ok(decide(c, extend(), at('2026-01-16T10:00:00+01:00')));
    expect(e.forhandsExtensions?.[0]).toMatchObject({
      decidedOn: '2026-01-16',
      decidedBy: STAFF.karin.aadObjectId,
      newDeadline: '2026-02-02',
    });
    const d = deadlinesOf(e, rules).find((x) => x.kind === 'forhandsbedomning')!;
    expect(d).toMatchObject({ due: '2026-02-02', statutoryDue: '2026-01-19' });
    // Deciding within the new date is not late.
    expect(ok(decide(e, forhand(), at('2026-01-28T10:00:00+01:00'))).forhandsbedomning?.late).toBeUndefined();
  });

  it('is refused after the deadline, and without the reason or with a date not after the deadline', () => {
    expect(refusal(decide(c, extend(), at('2026-01-20T10:00:00+01:00'))).fields?.decidedOn).toMatch(/före fristen/);
    expect(refusal(decide(c, extend({ reason: ' ' }), at('2026-01-16T10:00:00+01:00'))).fields).toHaveProperty(
      'reason',
    );
    expect(
      refusal(decide(c, extend({ newDeadline: '2026-01-19' }), at('2026-01-16T10:00:00+01:00'))).fields,
    ).toHaveProperty('newDeadline');
  });

  it('a late decision without one is accepted and stays counted as late', () => {
    expect(ok(decide(c, forhand(), at('2026-01-20T10:00:00+01:00'))).forhandsbedomning?.late).toBe(true);
  });
});

describe('utredning extension after the 4 months (20 kap. 3 §): an overrun', () => {
  const inv = ok(decide(ready(), forhand({ decidedOn: '2026-01-07' }), at('2026-01-07T10:00:00+01:00'))); // due 2026-05-07

  it('before the deadline: in force, not late', () => {
    const e = ok(
      decide(
        inv,
        { type: 'extend', newDeadline: '2026-06-07', reason: 'Utlåtande från BUP.' },
        at('2026-05-04T10:00:00+02:00'),
      ),
    );
    const d = deadlinesOf(e, rules).find((x) => x.kind === 'utredning')!;
    expect(d).toMatchObject({ due: '2026-06-07', statutoryDue: '2026-05-07', overrun: false });
  });

  it('after the deadline: recorded as an overrun, shown and counted late even though the new date is ahead', () => {
    const now = at('2026-05-12T10:00:00+02:00');
    const e = ok(decide(inv, { type: 'extend', newDeadline: '2026-06-30', reason: 'Utlåtande från BUP.' }, now));
    expect(e.utredning?.extensions[0]).toMatchObject({ overrun: true, decidedOn: '2026-05-12' });
    const d = deadlinesOf(e, rules).find((x) => x.kind === 'utredning')!;
    expect(d.overrun).toBe(true);
    expect(deadlineStatus(d, now, ctx().calendar)).toBe('overdue');
    expect(overdue([e], now, rules).map((x) => x.deadline.kind)).toContain('utredning');
    // A second extension cannot launder it either.
    const again = ok(
      decide(e, { type: 'extend', newDeadline: '2026-07-31', reason: 'Mer tid.' }, at('2026-06-01T10:00:00+02:00')),
    );
    expect(deadlinesOf(again, rules).find((x) => x.kind === 'utredning')!.overrun).toBe(true);
  });
});

describe('information that an investigation was opened (20 kap. 4 §)', () => {
  const inv = ok(decide(ready(), forhand(), at('2026-01-07T10:00:00+01:00')));
  it('is due the day it opens, and is done with a date or a reason, not both or neither', () => {
    const d = deadlinesOf(inv, rules).find((x) => x.kind === 'utredning_information')!;
    expect(d).toMatchObject({ due: '2026-01-07', done: false, reference: expect.stringContaining('20 kap. 4 §') });
    const now = at('2026-01-08T10:00:00+01:00');
    const anna = actor(STAFF.anna);
    expect(refusal(decideCase(ctx(), inv, { type: 'recordUtredningInformation' }, anna, now)).fields).toHaveProperty(
      'givenOn',
    );
    expect(
      refusal(
        decideCase(ctx(), inv, { type: 'recordUtredningInformation', givenOn: '2026-01-08', reason: 'x' }, anna, now),
      ).fields,
    ).toHaveProperty('reason');
    const given = ok(decideCase(ctx(), inv, { type: 'recordUtredningInformation', givenOn: '2026-01-07' }, anna, now));
    expect(deadlinesOf(given, rules).find((x) => x.kind === 'utredning_information')!.done).toBe(true);
    const why = ok(decideCase(ctx(), inv, { type: 'recordUtredningInformation', reason: 'Skyddsskäl.' }, anna, now));
    expect(why.utredning?.information?.notGivenReason).toBe('Skyddsskäl.');
  });
});

describe('uppföljning after closing without insats (23 kap. 5 §)', () => {
  const inv = (openedOn: string) =>
    aCase({
      receivedAt: `${openedOn}T09:00:00+01:00`,
      phase: 'utredning',
      skyddsbedomning: skydd,
      utredning: { openedOn, statutoryDeadline: '2099-01-01', deadline: '2099-01-01', extensions: [] },
    });
  const close = (until: string, decidedOn?: string): CaseIntent => ({
    type: 'close',
    outcome: 'ingen_insats',
    uppfoljningUntil: until,
    ...(decidedOn ? { decidedOn } : {}),
  });

  it('after closing on 2025-12-31 is allowed up to 2026-06-30, not a day more', () => {
    const now = at('2025-12-31T15:00:00+01:00');
    expect(uppfoljningLatest('2025-12-31', rules)).toBe('2026-06-30');
    const c = ok(decide(inv('2025-09-01'), close('2026-06-30'), now));
    expect(c.uppfoljning).toEqual({ due: '2026-06-30', startedOn: '2025-12-31' });
    expect(refusal(decide(inv('2025-09-01'), close('2026-07-01'), now)).fields?.uppfoljningUntil).toMatch(/2026-06-30/);
  });

  it('under the old law (closed 2025-06-30) was at most two months', () => {
    expect(uppfoljningLatest('2025-06-30', rules)).toBe('2025-08-30');
    expect(uppfoljningLatest('2025-07-01', rules)).toBe('2026-01-01');
  });

  it('counts month ends and leap years: 2025-08-31 → 2026-02-28, 2027-08-31 → 2028-02-29', () => {
    expect(uppfoljningLatest('2025-08-31', rules)).toBe('2026-02-28');
    expect(uppfoljningLatest('2027-08-31', rules)).toBe('2028-02-29');
  });

  it('counts from the closing decision date, and has the information task for the child of 15+ and the guardians', () => {
    const c = ok(decide(inv('2025-09-01'), close('2026-06-29', '2025-12-30'), at('2026-01-02T10:00:00+01:00')));
    expect(
      refusal(decide(inv('2025-09-01'), close('2026-07-01', '2025-12-30'), at('2026-01-02T10:00:00+01:00'))).fields
        ?.uppfoljningUntil,
    ).toMatch(/2026-06-30/);
    const info = deadlinesOf(c, rules).find((d) => d.kind === 'uppfoljning_information')!;
    expect(info).toMatchObject({ due: '2025-12-30', done: false });
    const told = ok(
      decideCase(ctx(), c, { type: 'recordUppfoljningInformed' }, actor(STAFF.anna), at('2026-01-02T11:00:00+01:00')),
    );
    expect(deadlinesOf(told, rules).find((d) => d.kind === 'uppfoljning_information')!.done).toBe(true);
  });

  it('ends when a new investigation about the child opens', () => {
    const c = ok(decide(inv('2025-09-01'), close('2026-06-30'), at('2025-12-31T15:00:00+01:00')));
    const system = {
      id: 'system:arendevakt',
      name: 'Ärendevakt',
      role: 'unit_manager' as const,
      groups: [],
      system: true,
    };
    const ended = ok(
      decideCase(
        ctx(),
        c,
        { type: 'endUppfoljning', on: '2026-02-10', byCaseId: 'IFO-2026-000777' },
        system,
        at('2026-02-10T10:00:00+01:00'),
      ),
    );
    expect(ended.uppfoljning?.endedEarly).toEqual({ on: '2026-02-10', caseId: 'IFO-2026-000777' });
    expect(deadlinesOf(ended, rules).find((d) => d.kind === 'uppfoljning')!.done).toBe(true);
  });
});

describe('the duty to report, as widened by SFS 2025:1501 from 2026-01-15', () => {
  it('makes a report from Försäkringskassan professional from 2026-01-15, not before; a school always', () => {
    expect(professionalByDefault('other', 'försäkringskassan', '2026-01-14')).toBe(false);
    expect(professionalByDefault('other', 'försäkringskassan', '2026-01-15')).toBe(true);
    expect(professionalByDefault('healthcare', 'tandvården', '2026-02-01')).toBe(true);
    expect(professionalByDefault('school', undefined, '2020-01-01')).toBe(true);
    expect(professionalByDefault('relative', undefined, '2026-02-01')).toBe(false);
  });
});
