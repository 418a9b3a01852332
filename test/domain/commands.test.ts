import { describe, expect, it } from 'vitest';
import { decideAbsence, decideCase, type CaseIntent } from '../../src/domain/commands.js';
import type { Case, Decision, Staff } from '../../src/domain/schemas.js';
import { aCase, actor, ctx, report, STAFF, SYSTEM } from './fixtures.js';

const NOW = new Date('2026-11-20T10:00:00+01:00');
const ok = (d: Decision<Case>): Case => {
  if (!d.ok) throw new Error(`refused: ${d.message}`);
  return d.state;
};
const refusal = (d: Decision<unknown>) => {
  if (d.ok) throw new Error('expected a refusal');
  return d;
};
const skydd = {
  at: '2026-11-20T10:00:00+01:00',
  by: STAFF.anna.aadObjectId,
  immediateProtection: false,
  motivation: 'Ingen akut fara.',
};

describe('registering a report', () => {
  it('creates an unassigned case in skyddsbedömning with one event', () => {
    const d = decideCase(ctx(), undefined, { type: 'registerReport', report: report() }, SYSTEM, NOW);
    const c = ok(d);
    expect(c.phase).toBe('skyddsbedomning');
    expect(c.assignees).toEqual([]);
    expect(d.ok && d.events.map((e) => e.type)).toEqual(['ReportRegistered']);
  });

  it('refuses an unknown group, a duplicate, a future time and a caseworker of another group', () => {
    expect(
      refusal(
        decideCase(ctx(), undefined, { type: 'registerReport', report: report({ groupId: 'nope' }) }, SYSTEM, NOW),
      ).fields,
    ).toHaveProperty('groupId');
    expect(refusal(decideCase(ctx(), aCase(), { type: 'registerReport', report: report() }, SYSTEM, NOW)).code).toBe(
      'conflict',
    );
    expect(
      refusal(
        decideCase(
          ctx(),
          undefined,
          { type: 'registerReport', report: report({ receivedAt: '2026-11-21T10:00:00+01:00' }) },
          SYSTEM,
          NOW,
        ),
      ).fields,
    ).toHaveProperty('receivedAt');
    expect(
      refusal(decideCase(ctx(), undefined, { type: 'registerReport', report: report() }, actor(STAFF.cilla), NOW)).code,
    ).toBe('forbidden');
  });
});

describe('taking and assigning', () => {
  it('lets a caseworker of the group take an unassigned case', () => {
    const c = ok(decideCase(ctx(), aCase(), { type: 'take' }, actor(STAFF.anna), NOW));
    expect(c.assignees).toEqual([STAFF.anna.aadObjectId]);
    expect(c.firstAssignedAt).toBe(NOW.toISOString());
  });

  it('refuses taking an assigned case, a case of another group, and taking while absent', () => {
    const taken = aCase({ assignees: [STAFF.bo.aadObjectId] });
    expect(refusal(decideCase(ctx(), taken, { type: 'take' }, actor(STAFF.anna), NOW)).code).toBe('conflict');
    expect(refusal(decideCase(ctx(), aCase(), { type: 'take' }, actor(STAFF.cilla), NOW)).code).toBe('forbidden');
    const sick = [
      {
        id: 'a1',
        staffId: STAFF.anna.aadObjectId,
        kind: 'sick' as const,
        from: '2026-11-19',
        registeredBy: STAFF.karin.aadObjectId,
        registeredAt: '2026-11-19T08:00:00+01:00',
      },
    ];
    expect(refusal(decideCase(ctx(sick), aCase(), { type: 'take' }, actor(STAFF.anna), NOW)).message).toMatch(
      /frånvarande/,
    );
  });

  it('lets a team lead assign and reassign within the group, with events that say which', () => {
    const d1 = decideCase(
      ctx(),
      aCase(),
      { type: 'assign', assignees: [STAFF.anna.aadObjectId] },
      actor(STAFF.karin),
      NOW,
    );
    expect(d1.ok && d1.events[0].type).toBe('CaseAssigned');
    const d2 = decideCase(
      ctx(),
      ok(d1),
      { type: 'assign', assignees: [STAFF.bo.aadObjectId] },
      actor(STAFF.karin),
      NOW,
    );
    expect(d2.ok && d2.events[0]).toMatchObject({
      type: 'CaseReassigned',
      data: { from: [STAFF.anna.aadObjectId], to: [STAFF.bo.aadObjectId] },
    });
  });

  it('refuses assigning to someone outside the group, a non-caseworker, an absent person, the same owner, three people', () => {
    const lead = actor(STAFF.karin);
    const assign = (ids: string[], c = aCase(), absences = [] as Parameters<typeof ctx>[0]) =>
      refusal(decideCase(ctx(absences), c, { type: 'assign', assignees: ids }, lead, NOW));
    expect(assign([STAFF.cilla.aadObjectId]).message).toMatch(/inte med i ärendets grupp/);
    expect(assign([STAFF.karin.aadObjectId]).message).toMatch(/inte handläggare/);
    expect(assign(['unknown']).message).toMatch(/finns inte/);
    expect(assign([STAFF.anna.aadObjectId], aCase({ assignees: [STAFF.anna.aadObjectId] })).message).toMatch(/redan/);
    expect(assign([STAFF.anna.aadObjectId, STAFF.bo.aadObjectId, STAFF.anna.aadObjectId]).message).toMatch(/Högst två/);
    const sick = [
      {
        id: 'a1',
        staffId: STAFF.bo.aadObjectId,
        kind: 'sick' as const,
        from: '2026-11-20',
        registeredBy: STAFF.karin.aadObjectId,
        registeredAt: '2026-11-20T08:00:00+01:00',
      },
    ];
    expect(assign([STAFF.bo.aadObjectId], aCase(), sick).message).toMatch(/frånvarande/);
  });

  it('refuses a team lead of another group', () => {
    expect(
      refusal(
        decideCase(ctx(), aCase(), { type: 'assign', assignees: [STAFF.anna.aadObjectId] }, actor(STAFF.olof), NOW),
      ).code,
    ).toBe('forbidden');
  });

  it('refuses any change to a closed case', () => {
    const closed = aCase({ phase: 'closed' });
    expect(refusal(decideCase(ctx(), closed, { type: 'take' }, actor(STAFF.anna), NOW)).message).toMatch(/avslutat/);
  });
});

describe('skyddsbedömning and förhandsbedömning', () => {
  it('records the skyddsbedömning once, with a motivation', () => {
    const c = ok(
      decideCase(
        ctx(),
        aCase(),
        { type: 'recordSkyddsbedomning', immediateProtection: false, motivation: 'Ingen akut fara.' },
        actor(STAFF.anna),
        NOW,
      ),
    );
    expect(c.phase).toBe('forhandsbedomning');
    expect(
      refusal(
        decideCase(
          ctx(),
          c,
          { type: 'recordSkyddsbedomning', immediateProtection: false, motivation: 'igen' },
          actor(STAFF.anna),
          NOW,
        ),
      ).message,
    ).toMatch(/redan/);
    expect(
      refusal(
        decideCase(
          ctx(),
          aCase(),
          { type: 'recordSkyddsbedomning', immediateProtection: true, motivation: ' ' },
          actor(STAFF.anna),
          NOW,
        ),
      ).fields,
    ).toHaveProperty('motivation');
  });

  it('opens an investigation with a 4-month deadline from the decision date and a one-week återkoppling when asked', () => {
    const c = aCase({
      phase: 'forhandsbedomning',
      skyddsbedomning: skydd,
      assignees: [STAFF.anna.aadObjectId],
      reporter: { type: 'preschool', professional: true, requestsFeedback: true },
    });
    const at = new Date('2026-11-27T14:00:00+01:00');
    const open = ok(
      decideCase(
        ctx(),
        c,
        {
          type: 'decideForhandsbedomning',
          outcome: 'open',
          motivation: 'Oro kvarstår.',
          investigators: [STAFF.anna.aadObjectId, STAFF.bo.aadObjectId],
        },
        actor(STAFF.karin),
        at,
      ),
    );
    expect(open.phase).toBe('utredning');
    expect(open.utredning).toEqual({
      openedOn: '2026-11-27',
      statutoryDeadline: '2027-03-27',
      deadline: '2027-03-27',
      extensions: [],
      informationDue: '2026-11-27', // 20 kap. 4 §: "genast"
    });
    expect(open.assignees).toEqual([STAFF.anna.aadObjectId, STAFF.bo.aadObjectId]);
    expect(open.aterkoppling).toEqual({ due: '2026-12-04' }); // 19 kap. 6 §: one week, the same weekday
  });

  it('closes a case that is not opened, keeping the återkoppling for a professional reporter who asked only', () => {
    const c = aCase({
      phase: 'forhandsbedomning',
      skyddsbedomning: skydd,
      reporter: { type: 'preschool', professional: true, requestsFeedback: true },
    });
    const closed = ok(
      decideCase(
        ctx(),
        c,
        { type: 'decideForhandsbedomning', outcome: 'not_open', motivation: 'Ingen grund.' },
        actor(STAFF.karin),
        NOW,
      ),
    );
    expect(closed.phase).toBe('closed');
    expect(closed.closure?.outcome).toBe('not_opened');
    expect(closed.aterkoppling?.due).toBe('2026-11-27');
    const notAsked = ok(
      decideCase(
        ctx(),
        { ...c, reporter: { type: 'preschool', professional: true } },
        { type: 'decideForhandsbedomning', outcome: 'not_open', motivation: 'Ingen grund.' },
        actor(STAFF.karin),
        NOW,
      ),
    );
    expect(notAsked.aterkoppling).toBeUndefined();
    const priv = ok(
      decideCase(
        ctx(),
        { ...c, reporter: { type: 'relative', professional: false } },
        { type: 'decideForhandsbedomning', outcome: 'not_open', motivation: 'Ingen grund.' },
        actor(STAFF.karin),
        NOW,
      ),
    );
    expect(priv.aterkoppling).toBeUndefined();
    expect(
      ok(
        decideCase(
          ctx(),
          c,
          { type: 'decideForhandsbedomning', outcome: 'already_ongoing', motivation: 'Pågående utredning.' },
          actor(STAFF.karin),
          NOW,
        ),
      ).closure?.outcome,
    ).toBe('already_ongoing');
  });

  it('refuses a förhandsbedömning before the skyddsbedömning, twice, without motivation; accepts a late one as late', () => {
    const lead = actor(STAFF.karin);
    const decide = (c: Case, at = NOW, extra: Partial<Extract<CaseIntent, { type: 'decideForhandsbedomning' }>> = {}) =>
      decideCase(
        ctx(),
        c,
        { type: 'decideForhandsbedomning', outcome: 'open', motivation: 'Oro.', ...extra },
        lead,
        at,
      );
    expect(refusal(decide(aCase())).message).toMatch(/skyddsbedömningen först/);
    const ready = aCase({ phase: 'forhandsbedomning', skyddsbedomning: skydd });
    const decided = ok(decide(ready));
    expect(refusal(decide(decided)).message).toMatch(/avslutat|redan/);
    expect(refusal(decide(ready, NOW, { motivation: '' })).fields).toHaveProperty('motivation');
    const late = new Date('2026-12-05T09:00:00+01:00'); // received 11-20, due 12-04
    // 20 kap. 2 §: a reason typed after the fact is no extension; the decision is recorded as an overrun.
    expect(ok(decide(ready, late)).forhandsbedomning).toMatchObject({ late: true, decidedOn: '2026-12-05' });
    expect(ok(decide(ready, late, { decidedOn: '2026-12-04' })).forhandsbedomning?.late).toBeUndefined();
  });

  it('refuses a caseworker deciding a förhandsbedömning', () => {
    const ready = aCase({ phase: 'forhandsbedomning', skyddsbedomning: skydd });
    expect(
      refusal(
        decideCase(
          ctx(),
          ready,
          { type: 'decideForhandsbedomning', outcome: 'open', motivation: 'x' },
          actor(STAFF.anna),
          NOW,
        ),
      ).code,
    ).toBe('forbidden');
  });
});

describe('investigation: extension, contacts, closing', () => {
  const inv = aCase({
    phase: 'utredning',
    skyddsbedomning: skydd,
    assignees: [STAFF.anna.aadObjectId],
    utredning: { openedOn: '2026-11-20', statutoryDeadline: '2027-03-20', deadline: '2027-03-20', extensions: [] },
  });

  it('extends with a later date and a reason, keeping the old and the statutory date', () => {
    const e = ok(
      decideCase(
        ctx(),
        inv,
        { type: 'extend', newDeadline: '2027-05-20', reason: 'Väntar på BUP-utlåtande.' },
        actor(STAFF.karin),
        NOW,
      ),
    );
    expect(e.utredning).toMatchObject({ statutoryDeadline: '2027-03-20', deadline: '2027-05-20' });
    expect(e.utredning?.extensions[0]).toMatchObject({ previousDeadline: '2027-03-20', newDeadline: '2027-05-20' });
  });

  it('refuses an extension to an earlier date, without reason, by a caseworker, and outside an investigation', () => {
    const lead = actor(STAFF.karin);
    expect(
      refusal(decideCase(ctx(), inv, { type: 'extend', newDeadline: '2027-03-01', reason: 'x' }, lead, NOW)).fields,
    ).toHaveProperty('newDeadline');
    expect(
      refusal(decideCase(ctx(), inv, { type: 'extend', newDeadline: '2027-05-01', reason: '' }, lead, NOW)).fields,
    ).toHaveProperty('reason');
    expect(
      refusal(
        decideCase(ctx(), inv, { type: 'extend', newDeadline: '2027-05-01', reason: 'x' }, actor(STAFF.anna), NOW),
      ).code,
    ).toBe('forbidden');
    expect(
      refusal(decideCase(ctx(), aCase(), { type: 'extend', newDeadline: '2027-05-01', reason: 'x' }, lead, NOW))
        .message,
    ).toMatch(/pågående utredning/);
  });

  it('lets the extend roles be changed by the rule table', () => {
    const c = { ...ctx(), rules: { ...ctx().rules, extendRoles: ['unit_manager' as const] } };
    expect(
      refusal(decideCase(c, inv, { type: 'extend', newDeadline: '2027-05-01', reason: 'x' }, actor(STAFF.karin), NOW))
        .code,
    ).toBe('forbidden');
    expect(
      decideCase(c, inv, { type: 'extend', newDeadline: '2027-05-01', reason: 'x' }, actor(STAFF.lars), NOW).ok,
    ).toBe(true);
  });

  it('records a barnsamtal with the child reference, and refuses future dates or dates before the report', () => {
    const c = ok(
      decideCase(ctx(), inv, { type: 'recordContact', kind: 'barnsamtal', date: '2026-11-20' }, actor(STAFF.anna), NOW),
    );
    expect(c.contacts[0]).toMatchObject({ kind: 'barnsamtal', childRef: 'B-2026-0412', date: '2026-11-20' });
    expect(
      refusal(
        decideCase(ctx(), inv, { type: 'recordContact', kind: 'hembesok', date: '2026-11-21' }, actor(STAFF.anna), NOW),
      ).fields,
    ).toHaveProperty('date');
    expect(
      refusal(
        decideCase(ctx(), inv, { type: 'recordContact', kind: 'hembesok', date: '2026-11-01' }, actor(STAFF.anna), NOW),
      ).fields,
    ).toHaveProperty('date');
    expect(
      refusal(
        decideCase(ctx(), inv, { type: 'recordContact', kind: 'hembesok', date: '20/11' }, actor(STAFF.anna), NOW),
      ).fields,
    ).toHaveProperty('date');
  });

  it('records why a barnsamtal is not held, and refuses it without a reason', () => {
    expect(
      ok(decideCase(ctx(), inv, { type: 'recordBarnsamtalNotHeld', reason: 'Barnet är 1 år.' }, actor(STAFF.anna), NOW))
        .barnsamtalNotHeldReason,
    ).toBe('Barnet är 1 år.');
    expect(
      refusal(decideCase(ctx(), inv, { type: 'recordBarnsamtalNotHeld', reason: '' }, actor(STAFF.anna), NOW)).fields,
    ).toHaveProperty('reason');
  });

  it('closes without insats with an uppföljning within the limit, and refuses one after insats or too far away', () => {
    const lead = actor(STAFF.karin);
    const c = ok(
      decideCase(ctx(), inv, { type: 'close', outcome: 'ingen_insats', uppfoljningUntil: '2027-01-15' }, lead, NOW),
    );
    expect(c.phase).toBe('closed');
    expect(c.uppfoljning).toEqual({ due: '2027-01-15', startedOn: '2026-11-20' });
    expect(
      refusal(decideCase(ctx(), inv, { type: 'close', outcome: 'insats', uppfoljningUntil: '2027-01-15' }, lead, NOW))
        .fields,
    ).toHaveProperty('uppfoljningUntil');
    expect(
      refusal(
        decideCase(ctx(), inv, { type: 'close', outcome: 'ingen_insats', uppfoljningUntil: '2027-06-15' }, lead, NOW),
      ).fields,
    ).toHaveProperty('uppfoljningUntil');
    expect(refusal(decideCase(ctx(), aCase(), { type: 'close', outcome: 'insats' }, lead, NOW)).message).toMatch(
      /pågående utredning/,
    );
  });

  it('completes the återkoppling once, even after the case is closed', () => {
    const closed = { ...inv, phase: 'closed' as const, aterkoppling: { due: '2026-12-01' } };
    const c = ok(decideCase(ctx(), closed, { type: 'completeAterkoppling' }, actor(STAFF.anna), NOW));
    expect(c.aterkoppling?.doneAt).toBe(NOW.toISOString());
    expect(refusal(decideCase(ctx(), c, { type: 'completeAterkoppling' }, actor(STAFF.anna), NOW)).message).toMatch(
      /redan/,
    );
    expect(
      refusal(decideCase(ctx(), aCase(), { type: 'completeAterkoppling' }, actor(STAFF.anna), NOW)).message,
    ).toMatch(/ingen återkoppling/);
  });

  it('refuses an integration anything but registering reports', () => {
    expect(refusal(decideCase(ctx(), inv, { type: 'recordBarnsamtalNotHeld', reason: 'x' }, SYSTEM, NOW)).code).toBe(
      'forbidden',
    );
  });
});

describe('absence', () => {
  const today = '2026-11-20';
  it('lets a team lead register a colleague, the person themselves, or the unit manager', () => {
    for (const who of [STAFF.karin, STAFF.anna, STAFF.lars]) {
      const d = decideAbsence(
        ctx(),
        { type: 'registerAbsence', staffId: STAFF.anna.aadObjectId, kind: 'sick', from: today },
        actor(who),
        NOW,
      );
      expect(d.ok, who.name).toBe(true);
    }
  });

  it('refuses a caseworker registering someone else, a team lead of another group, overlapping and backwards dates', () => {
    const reg = (who: Staff, over: object = {}, absences = [] as Parameters<typeof ctx>[0]) =>
      decideAbsence(
        ctx(absences),
        { type: 'registerAbsence', staffId: STAFF.anna.aadObjectId, kind: 'sick', from: today, ...over },
        actor(who),
        NOW,
      );
    expect(refusal(reg(STAFF.bo)).code).toBe('forbidden');
    expect(refusal(reg(STAFF.olof)).code).toBe('forbidden');
    expect(refusal(reg(STAFF.karin, { to: '2026-11-19' })).fields).toHaveProperty('to');
    const first = reg(STAFF.karin);
    if (!first.ok) throw new Error('expected ok');
    expect(refusal(reg(STAFF.karin, { from: '2026-11-25' }, [first.state])).code).toBe('conflict');
  });

  it('ends an absence once', () => {
    const reg = decideAbsence(
      ctx(),
      { type: 'registerAbsence', staffId: STAFF.anna.aadObjectId, kind: 'sick', from: today },
      actor(STAFF.karin),
      NOW,
    );
    if (!reg.ok) throw new Error('expected ok');
    const end = decideAbsence(
      ctx([reg.state]),
      { type: 'endAbsence', absenceId: reg.state.id },
      actor(STAFF.anna),
      NOW,
    );
    if (!end.ok) throw new Error('expected ok');
    expect(end.state.endedAt).toBe(NOW.toISOString());
    expect(
      refusal(decideAbsence(ctx([end.state]), { type: 'endAbsence', absenceId: reg.state.id }, actor(STAFF.anna), NOW))
        .message,
    ).toMatch(/redan/);
    expect(refusal(decideAbsence(ctx([]), { type: 'endAbsence', absenceId: 'x' }, actor(STAFF.anna), NOW)).code).toBe(
      'not_found',
    );
  });
});

describe('refusals common to every case command', () => {
  const inv = aCase({
    phase: 'utredning',
    skyddsbedomning: skydd,
    assignees: [STAFF.anna.aadObjectId],
    aterkoppling: { due: '2026-12-04' },
    utredning: { openedOn: '2026-11-20', statutoryDeadline: '2027-03-20', deadline: '2027-03-20', extensions: [] },
  });
  const INTENTS: CaseIntent[] = [
    { type: 'assign', assignees: [STAFF.bo.aadObjectId] },
    { type: 'take' },
    { type: 'recordSkyddsbedomning', immediateProtection: false, motivation: 'x' },
    { type: 'decideForhandsbedomning', outcome: 'open', motivation: 'x' },
    { type: 'extend', newDeadline: '2027-05-01', reason: 'x' },
    { type: 'recordContact', kind: 'hembesok', date: '2026-11-20' },
    { type: 'recordBarnsamtalNotHeld', reason: 'x' },
    { type: 'close', outcome: 'insats' },
  ];

  for (const intent of INTENTS) {
    it(`${intent.type}: refuses a missing case, and a closed case`, () => {
      const lead = actor(STAFF.lars);
      const who = intent.type === 'take' ? actor(STAFF.bo) : lead;
      expect(refusal(decideCase(ctx(), undefined, intent, who, NOW)).code).toBe('not_found');
      const closed = {
        ...inv,
        assignees: [],
        phase: 'closed' as const,
        closure: { at: NOW.toISOString(), by: STAFF.karin.aadObjectId, outcome: 'insats' as const },
      };
      expect(refusal(decideCase(ctx(), closed, intent, who, NOW)).message).toBe(
        'Ärendet är avslutat och kan inte ändras.',
      );
    });
  }

  it('refuses a caseworker of another group, but lets an owner from another group act', () => {
    expect(
      refusal(
        decideCase(
          ctx(),
          inv,
          { type: 'recordContact', kind: 'hembesok', date: '2026-11-20' },
          actor(STAFF.cilla),
          NOW,
        ),
      ).message,
    ).toMatch(/grupp som du inte är med i/);
    const owned = { ...inv, assignees: [STAFF.cilla.aadObjectId] };
    expect(
      decideCase(ctx(), owned, { type: 'recordContact', kind: 'hembesok', date: '2026-11-20' }, actor(STAFF.cilla), NOW)
        .ok,
    ).toBe(true);
  });

  it('lets the unit manager assign in any group, and refuses an empty choice', () => {
    const c = ok(
      decideCase(ctx(), aCase(), { type: 'assign', assignees: [STAFF.bo.aadObjectId] }, actor(STAFF.lars), NOW),
    );
    expect(c.assignees).toEqual([STAFF.bo.aadObjectId]);
    expect(
      refusal(decideCase(ctx(), aCase(), { type: 'assign', assignees: [] }, actor(STAFF.lars), NOW)).fields,
    ).toHaveProperty('assignee');
  });

  it('keeps the first assignment time on reassignment', () => {
    const first = ok(
      decideCase(ctx(), aCase(), { type: 'assign', assignees: [STAFF.anna.aadObjectId] }, actor(STAFF.karin), NOW),
    );
    const later = new Date('2026-11-23T09:00:00+01:00');
    const second = ok(
      decideCase(ctx(), first, { type: 'assign', assignees: [STAFF.bo.aadObjectId] }, actor(STAFF.karin), later),
    );
    expect(second.firstAssignedAt).toBe(NOW.toISOString());
    expect(second.updatedAt).toBe(later.toISOString());
    expect(second.version).toBe(first.version); // the store, not the domain, moves the version
  });

  it('refuses investigators outside the group when opening, and keeps the owners when none are named', () => {
    const ready = aCase({ phase: 'forhandsbedomning', skyddsbedomning: skydd, assignees: [STAFF.anna.aadObjectId] });
    const decide = (investigators?: string[]) =>
      decideCase(
        ctx(),
        ready,
        {
          type: 'decideForhandsbedomning',
          outcome: 'open',
          motivation: 'Oro.',
          ...(investigators ? { investigators } : {}),
        },
        actor(STAFF.karin),
        NOW,
      );
    expect(refusal(decide([STAFF.cilla.aadObjectId])).message).toMatch(/inte med i ärendets grupp/);
    expect(ok(decide()).assignees).toEqual([STAFF.anna.aadObjectId]);
    const d = decide();
    expect(d.ok && d.events[0]).toMatchObject({
      type: 'ForhandsbedomningDecided',
      data: { outcome: 'open', openedOn: '2026-11-20', deadline: '2027-03-20' },
    });
  });

  it('creates no återkoppling task at registration: its due date comes with the förhandsbedömning decision', () => {
    const c = ok(decideCase(ctx(), undefined, { type: 'registerReport', report: report() }, SYSTEM, NOW));
    expect(c.aterkoppling).toBeUndefined();
    expect(c.linkedCaseIds).toEqual([]);
  });

  it('dates an investigation by the Swedish date of the decision, even late in the evening', () => {
    const ready = aCase({ phase: 'forhandsbedomning', skyddsbedomning: skydd });
    const lateEvening = new Date('2026-11-20T23:30:00+01:00'); // 22:30 UTC
    const c = ok(
      decideCase(
        ctx(),
        ready,
        { type: 'decideForhandsbedomning', outcome: 'open', motivation: 'Oro.' },
        actor(STAFF.karin),
        lateEvening,
      ),
    );
    expect(c.utredning?.openedOn).toBe('2026-11-20');
  });

  it('refuses an absence for unknown staff, a team lead of another group ending one, and a malformed date', () => {
    const reg = (staffId: string, from = '2026-11-20') =>
      decideAbsence(ctx(), { type: 'registerAbsence', staffId, kind: 'planned', from }, actor(STAFF.karin), NOW);
    expect(refusal(reg('unknown')).fields).toHaveProperty('staffId');
    expect(refusal(reg(STAFF.anna.aadObjectId, '20 nov')).fields).toHaveProperty('from');
    const a = reg(STAFF.anna.aadObjectId);
    if (!a.ok) throw new Error(a.message);
    expect(
      refusal(decideAbsence(ctx([a.state]), { type: 'endAbsence', absenceId: a.state.id }, actor(STAFF.olof), NOW))
        .code,
    ).toBe('forbidden');
    expect(
      refusal(
        decideAbsence(
          ctx(),
          { type: 'registerAbsence', staffId: STAFF.anna.aadObjectId, kind: 'sick', from: '2026-11-20' },
          SYSTEM,
          NOW,
        ),
      ).code,
    ).toBe('forbidden');
  });

  it('allows a planned absence after one that has ended, and a later one after a bounded one', () => {
    const first = decideAbsence(
      ctx(),
      {
        type: 'registerAbsence',
        staffId: STAFF.anna.aadObjectId,
        kind: 'planned',
        from: '2026-11-23',
        to: '2026-11-27',
      },
      actor(STAFF.anna),
      NOW,
    );
    if (!first.ok) throw new Error(first.message);
    const next = decideAbsence(
      ctx([first.state]),
      { type: 'registerAbsence', staffId: STAFF.anna.aadObjectId, kind: 'planned', from: '2026-11-28' },
      actor(STAFF.anna),
      NOW,
    );
    expect(next.ok ? 'ok' : next.message).toBe('ok');
    const overlapping = decideAbsence(
      ctx([first.state]),
      { type: 'registerAbsence', staffId: STAFF.anna.aadObjectId, kind: 'sick', from: '2026-11-20', to: '2026-11-23' },
      actor(STAFF.anna),
      NOW,
    );
    expect(refusal(overlapping).code).toBe('conflict');
  });
});
