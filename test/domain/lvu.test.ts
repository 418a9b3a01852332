// The LVU track (lag 1990:52; docs/rules.md): the deadlines where a missed week ends the child's
// protection, counted from the right event, never moved by a weekend.
import { describe, expect, it } from 'vitest';
import { decideCase, type CaseIntent } from '../../src/domain/commands.js';
import { actBy, deadlinesOf, type Deadline } from '../../src/domain/deadlines.js';
import { parseRuleTable, DEFAULT_RULES, ruleFor } from '../../src/domain/rules.js';
import type { Case, Decision } from '../../src/domain/schemas.js';
import { aCase, actor, ctx, ORG, STAFF } from './fixtures.js';

const rules = DEFAULT_RULES;
const anna = actor(STAFF.anna);
const ok = (d: Decision<Case>): Case => {
  if (!d.ok) throw new Error(`refused: ${d.message} ${JSON.stringify(d.fields ?? {})}`);
  return d.state;
};
const refusal = (d: Decision<Case>) => {
  if (d.ok) throw new Error('expected a refusal');
  return d;
};
const base = aCase({
  receivedAt: '2026-01-02T09:00:00+01:00',
  phase: 'forhandsbedomning',
  assignees: [STAFF.anna.aadObjectId],
});
const at = (iso: string) => new Date(iso);
const start = (over: Partial<Extract<CaseIntent, { type: 'lvuStart' }>> = {}): CaseIntent => ({
  type: 'lvuStart',
  decidedBy: 'ordforande',
  ground: '2',
  ...over,
});
const kinds = (c: Case) =>
  Object.fromEntries(deadlinesOf(c, rules).map((d) => [d.kind, d])) as Record<string, Deadline>;
const withMeetings = () => ({ ...ctx(), org: { ...ORG, namndMeetings: ['2026-01-08', '2026-01-20', '2026-02-17'] } });

describe('an omedelbart omhändertagande', () => {
  it('decided Fri 2026-01-09 must be underställt by Fri 2026-01-16 (7 §)', () => {
    const c = ok(decideCase(ctx(), base, start({ decidedOn: '2026-01-09' }), anna, at('2026-01-09T18:00:00+01:00')));
    expect(kinds(c).lvu_understallning).toMatchObject({
      due: '2026-01-16',
      statutoryDue: '2026-01-16',
      done: false,
      noWeekendGrace: true,
      remindFromStart: true,
      escalateWorkingDaysBefore: 2,
      reference: 'LVU (1990:52) 7 §',
      verified: false,
    });
  });

  it('carried out 2026-01-09 needs the application by 2026-02-06 (8 §: four weeks from verkställighet, not the decision)', () => {
    const c = ok(
      decideCase(
        ctx(),
        base,
        start({ decidedOn: '2026-01-08', verkstalldOn: '2026-01-09' }),
        anna,
        at('2026-01-09T18:00:00+01:00'),
      ),
    );
    expect(kinds(c).lvu_ansokan).toMatchObject({ due: '2026-02-06', statutoryDue: '2026-02-06' });
    expect(kinds(c).lvu_understallning.due).toBe('2026-01-15');
  });

  it('has no 8 § deadline until it is carried out; recording verkställigheten later starts it', () => {
    const c = ok(decideCase(ctx(), base, start({ decidedOn: '2026-01-09' }), anna, at('2026-01-09T18:00:00+01:00')));
    expect(kinds(c).lvu_ansokan).toBeUndefined();
    const v = ok(
      decideCase(
        ctx(),
        c,
        { type: 'lvuRecord', step: 'verkstalld', on: '2026-01-10' },
        anna,
        at('2026-01-12T08:00:00+01:00'),
      ),
    );
    expect(kinds(v).lvu_ansokan.due).toBe('2026-02-07');
  });

  it('by the chair is reported at the next configured meeting (6 §); by the nämnd itself, not', () => {
    const chair = ok(
      decideCase(withMeetings(), base, start({ decidedOn: '2026-01-09' }), anna, at('2026-01-09T18:00:00+01:00')),
    );
    expect(kinds(chair).lvu_namnd).toMatchObject({ due: '2026-01-20', reference: 'LVU (1990:52) 6 §' });
    const namnd = ok(
      decideCase(
        withMeetings(),
        base,
        start({ decidedOn: '2026-01-09', decidedBy: 'namnd' }),
        anna,
        at('2026-01-09T18:00:00+01:00'),
      ),
    );
    expect(kinds(namnd).lvu_namnd).toBeUndefined();
  });

  it('on a week ending on a holiday keeps the statutory date and says to act on the working day before', () => {
    const c = ok(decideCase(ctx(), base, start({ decidedOn: '2026-12-18' }), anna, at('2026-12-18T18:00:00+01:00')));
    const d = kinds(c).lvu_understallning;
    expect(d.due).toBe('2026-12-25'); // juldagen: no weekend grace
    expect(actBy(d, ctx().calendar)).toBe('2026-12-23'); // julafton is not a working day either
  });

  it('across the DST change keeps calendar dates (decided Fri 2026-03-27 → Fri 2026-04-03)', () => {
    const c = ok(
      decideCase(
        ctx(),
        base,
        start({ decidedOn: '2026-03-27', verkstalldOn: '2026-03-28' }),
        anna,
        at('2026-03-30T01:00:00+02:00'),
      ),
    );
    expect(kinds(c).lvu_understallning.due).toBe('2026-04-03');
    expect(kinds(c).lvu_ansokan.due).toBe('2026-04-25');
  });

  it('refuses a missing decider or ground, a future date, and verkställighet before the decision', () => {
    const now = at('2026-01-09T18:00:00+01:00');
    const r = refusal(
      decideCase(ctx(), base, start({ decidedBy: 'x', ground: '9', decidedOn: '2026-01-10' }), anna, now),
    );
    expect(Object.keys(r.fields ?? {}).sort()).toEqual(['decidedBy', 'decidedOn', 'ground']);
    expect(
      refusal(decideCase(ctx(), base, start({ decidedOn: '2026-01-09', verkstalldOn: '2026-01-08' }), anna, now)).fields
        ?.verkstalldOn,
    ).toMatch(/före beslutet/);
  });
});

describe('the steps that stop the clocks', () => {
  const now = at('2026-01-12T09:00:00+01:00');
  const c0 = ok(decideCase(ctx(), base, start({ decidedOn: '2026-01-09', verkstalldOn: '2026-01-09' }), anna, now));
  const step = (c: Case, intent: CaseIntent, when = now) => ok(decideCase(ctx(), c, intent, anna, when));

  it('underställning and the application clear their deadlines; the court (34 §) is information only', () => {
    const u = step(c0, { type: 'lvuRecord', step: 'understallning', on: '2026-01-12' });
    expect(kinds(u).lvu_understallning.done).toBe(true);
    const a = step(u, { type: 'lvuRecord', step: 'ansokan' });
    expect(kinds(a).lvu_ansokan.done).toBe(true);
    expect(kinds(a).lvu_dom).toMatchObject({ due: '2026-01-26', informational: true });
  });

  it('a court-granted date replaces the 8 § date but keeps the statutory one', () => {
    const e = step(c0, { type: 'lvuCourtExtension', until: '2026-02-20' });
    expect(kinds(e).lvu_ansokan).toMatchObject({ due: '2026-02-20', statutoryDue: '2026-02-06' });
  });

  it('vård must begin within 4 weeks of the decision becoming final (5 §); then every 6 months (13 §)', () => {
    const later = at('2026-03-20T09:00:00+01:00');
    let c = step(c0, { type: 'lvuRecord', step: 'ansokan', on: '2026-01-20' }, later);
    c = step(c, { type: 'lvuCourtDecision', outcome: 'vard', on: '2026-02-03' }, later);
    expect(kinds(c).lvu_vard_paborjad).toBeUndefined(); // not final yet
    c = step(c, { type: 'lvuCourtDecision', outcome: 'vard', finalOn: '2026-02-24' }, later);
    expect(kinds(c).lvu_vard_paborjad.due).toBe('2026-03-24');
    c = step(c, { type: 'lvuRecord', step: 'vard', on: '2026-03-02' }, later);
    expect(kinds(c).lvu_overvagande).toMatchObject({
      due: '2026-09-02',
      reference: 'LVU (1990:52) 13 § första stycket',
    });
    c = step(c, { type: 'lvuRecord', step: 'review', on: '2026-08-31' }, at('2026-09-01T09:00:00+02:00'));
    expect(kinds(c).lvu_overvagande.due).toBe('2027-02-28');
  });

  it('care under 3 § is prövad (13 § 2 st.), and a restriction is reviewed every 3 months (14 §)', () => {
    const later = at('2026-04-01T09:00:00+02:00');
    let c = ok(
      decideCase(ctx(), base, start({ decidedOn: '2026-01-09', verkstalldOn: '2026-01-09', ground: '3' }), anna, later),
    );
    c = step(c, { type: 'lvuRecord', step: 'ansokan', on: '2026-01-20' }, later);
    c = step(c, { type: 'lvuCourtDecision', outcome: 'vard', on: '2026-02-03', finalOn: '2026-02-24' }, later);
    c = step(c, { type: 'lvuRecord', step: 'vard', on: '2026-03-31' }, later);
    expect(kinds(c).lvu_provning.due).toBe('2026-09-30');
    c = step(c, { type: 'lvuRestriction', kind: 'umgange', on: '2026-03-31' }, later);
    expect(kinds(c).lvu_begransning.due).toBe('2026-06-30');
    c = step(c, { type: 'lvuRestriction', kind: 'review', on: '2026-04-01' }, later);
    expect(kinds(c).lvu_begransning.due).toBe('2026-07-01');
  });

  it('a refused application ends the track: no open LVU deadlines remain', () => {
    let c = step(c0, { type: 'lvuRecord', step: 'understallning' });
    c = step(c, { type: 'lvuRecord', step: 'ansokan' });
    c = step(c, { type: 'lvuCourtDecision', outcome: 'avslag', on: '2026-01-12' });
    expect(c.lvu?.endedOn).toBe('2026-01-12');
    expect(deadlinesOf(c, rules).filter((d) => d.kind.startsWith('lvu_') && !d.done)).toEqual([]);
  });

  it('refuses a step twice and the application before verkställighet', () => {
    const u = step(c0, { type: 'lvuRecord', step: 'understallning' });
    expect(refusal(decideCase(ctx(), u, { type: 'lvuRecord', step: 'understallning' }, anna, now)).message).toMatch(
      /redan/,
    );
    const noV = ok(decideCase(ctx(), base, start({ decidedOn: '2026-01-09' }), anna, now));
    expect(refusal(decideCase(ctx(), noV, { type: 'lvuRecord', step: 'ansokan' }, anna, now)).message).toMatch(
      /verkställigheten/,
    );
  });
});

describe('the rule table for LVU and replacement files', () => {
  it('keeps the proposed 2027 LVU rows out of the count until a lawyer marks them in force', () => {
    const proposed = rules.rules.filter((r) => r.proposed);
    expect(proposed.map((r) => r.inForce)).toEqual(['2027-01-01', '2027-01-01']);
    expect(ruleFor(rules, 'lvu_understallning', '2027-02-01').proposed).toBe(false);
  });

  it('refuses a bad row with the field named in Swedish', () => {
    const broken = structuredClone(rules) as unknown as { rules: Record<string, unknown>[] };
    broken.rules[1].period = { unit: 'fortnights', amount: 1 };
    broken.rules[2].quote = '';
    const r = parseRuleTable(broken);
    expect(r.success).toBe(false);
    const issues = r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues).toContain('rules.1.period.unit: Enhet: days, weeks eller months');
    expect(issues).toContain('rules.2.quote: Citat ur lagtexten saknas');
  });

  it('refuses a table where a proposed row is marked in force without ending the old one', () => {
    const t = structuredClone(rules);
    t.rules = t.rules.map((r) => (r.proposed ? { ...r, proposed: false } : r));
    const r = parseRuleTable(t);
    expect(r.success).toBe(false);
    expect(r.success ? '' : r.error.issues[0].message).toMatch(/gäller samtidigt/);
  });
});
