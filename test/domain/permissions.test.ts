import { describe, expect, it } from 'vitest';
import { decideAbsence, decideCase, type CaseIntent } from '../../src/domain/commands.js';
import { can, COMMANDS, forbiddenMessage, PERMISSIONS } from '../../src/domain/permissions.js';
import type { Case, Role, Staff } from '../../src/domain/schemas.js';
import { aCase, actor, ctx, report, STAFF } from './fixtures.js';

const NOW = new Date('2026-11-27T10:00:00+01:00');
const skydd = {
  at: '2026-11-20T10:00:00+01:00',
  by: STAFF.anna.aadObjectId,
  immediateProtection: false,
  motivation: 'Ingen akut fara.',
};
const inv = aCase({
  phase: 'utredning',
  skyddsbedomning: skydd,
  assignees: [STAFF.bo.aadObjectId],
  aterkoppling: { due: '2026-12-10' },
  utredning: { openedOn: '2026-11-20', statutoryDeadline: '2027-03-20', deadline: '2027-03-20', extensions: [] },
});

// For each command on a case: a state and an intent that succeed when the role is allowed.
const SCENARIOS: Record<string, { state: Case | undefined; intent: CaseIntent }> = {
  registerReport: {
    state: undefined,
    intent: { type: 'registerReport', report: report({ receivedAt: '2026-11-27T09:00:00+01:00' }) },
  },
  assign: { state: aCase(), intent: { type: 'assign', assignees: [STAFF.bo.aadObjectId] } },
  take: { state: aCase(), intent: { type: 'take' } },
  recordSkyddsbedomning: {
    state: aCase(),
    intent: { type: 'recordSkyddsbedomning', immediateProtection: false, motivation: 'Ingen akut fara.' },
  },
  decideForhandsbedomning: {
    state: aCase({ phase: 'forhandsbedomning', skyddsbedomning: skydd }),
    intent: { type: 'decideForhandsbedomning', outcome: 'not_open', motivation: 'Ingen grund.' },
  },
  extend: { state: inv, intent: { type: 'extend', newDeadline: '2027-04-20', reason: 'Utlåtande saknas.' } },
  recordContact: { state: inv, intent: { type: 'recordContact', kind: 'hembesok', date: '2026-11-26' } },
  recordBarnsamtalNotHeld: { state: inv, intent: { type: 'recordBarnsamtalNotHeld', reason: 'Barnet är 1 år.' } },
  completeAterkoppling: { state: inv, intent: { type: 'completeAterkoppling' } },
  close: { state: inv, intent: { type: 'close', outcome: 'insats' } },
};

// One member of the case's group (barn-mottagning) per role; the unit manager belongs to no group.
const BY_ROLE: Record<Role, Staff> = { caseworker: STAFF.anna, team_lead: STAFF.karin, unit_manager: STAFF.lars };
const ROLES: Role[] = ['caseworker', 'team_lead', 'unit_manager'];

describe('role permissions', () => {
  it('has a row for every command', () => {
    for (const c of COMMANDS) expect(PERMISSIONS[c].length, c).toBeGreaterThan(0);
  });

  for (const [command, { state, intent }] of Object.entries(SCENARIOS)) {
    for (const role of ROLES) {
      const allowed = can(role, command as keyof typeof PERMISSIONS);
      // A team lead or unit manager "takes" nothing: take is a caseworker's own act.
      it(`${role} ${allowed ? 'may' : 'may not'} ${command}`, () => {
        const d = decideCase(ctx(), state, intent, actor(BY_ROLE[role]), NOW);
        if (allowed) expect(d.ok ? 'ok' : d.message).toBe('ok');
        else expect(d.ok ? 'ok' : d.code).toBe('forbidden');
      });
    }
  }

  for (const role of ROLES) {
    it(`${role} may register and end an absence in their group, or their own`, () => {
      const who = BY_ROLE[role];
      const reg = decideAbsence(
        ctx(),
        { type: 'registerAbsence', staffId: STAFF.anna.aadObjectId, kind: 'sick', from: '2026-11-27' },
        actor(who),
        NOW,
      );
      expect(reg.ok ? 'ok' : reg.message).toBe('ok');
      if (!reg.ok) return;
      const end = decideAbsence(ctx([reg.state]), { type: 'endAbsence', absenceId: reg.state.id }, actor(who), NOW);
      expect(end.ok ? 'ok' : end.message).toBe('ok');
    });
  }

  it('matches the table for the commands the bot layer checks itself', () => {
    expect(can('caseworker', 'connectChannel')).toBe(false);
    expect(can('team_lead', 'connectChannel')).toBe(true);
    expect(can('caseworker', 'distribution')).toBe(false);
    expect(can('unit_manager', 'distribution')).toBe(true);
    for (const r of ROLES) expect(can(r, 'viewLists')).toBe(true);
  });
});

describe('the permission table, every (role, command) pair', () => {
  // The expected answer written out by hand: a change to PERMISSIONS must change this table too.
  const Y = true;
  const N = false;
  const EXPECTED: Record<(typeof COMMANDS)[number], [caseworker: boolean, team_lead: boolean, unit_manager: boolean]> =
    {
      registerReport: [Y, Y, Y],
      assign: [N, Y, Y],
      take: [Y, N, N],
      recordSkyddsbedomning: [Y, Y, Y],
      decideForhandsbedomning: [N, Y, Y],
      extend: [N, Y, Y],
      recordContact: [Y, Y, Y],
      recordBarnsamtalNotHeld: [Y, Y, Y],
      completeAterkoppling: [Y, Y, Y],
      close: [N, Y, Y],
      completeUppfoljning: [Y, Y, Y],
      registerAbsence: [Y, Y, Y],
      endAbsence: [Y, Y, Y],
      connectChannel: [N, Y, Y],
      viewLists: [Y, Y, Y],
      distribution: [N, Y, Y],
      tickHandover: [Y, Y, Y],
      extendForhandsbedomning: [N, Y, Y],
      recordInformation: [Y, Y, Y],
      recordLvu: [Y, Y, Y],
      recordProtectiveMeasure: [Y, Y, Y],
      eraseFreeText: [N, N, Y],
    };

  it('covers exactly the commands of the table', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...COMMANDS].sort());
  });

  for (const command of COMMANDS) {
    ROLES.forEach((role, i) => {
      it(`${role} × ${command} = ${EXPECTED[command][i] ? 'allowed' : 'forbidden'}`, () => {
        expect(can(role, command)).toBe(EXPECTED[command][i]);
      });
    });
  }

  it('lets the settings decide who may extend, and only for extend', () => {
    expect(can('caseworker', 'extend', { extendRoles: ['caseworker', 'team_lead'] })).toBe(true);
    expect(can('unit_manager', 'extend', { extendRoles: ['caseworker', 'team_lead'] })).toBe(false);
    expect(can('caseworker', 'close', { extendRoles: ['caseworker'] })).toBe(false);
  });

  it('explains a refusal in Swedish, naming who may', () => {
    expect(forbiddenMessage('assign', 'caseworker')).toBe(
      'Som handläggare kan du inte göra det här. Det kan: gruppledare, enhetschef.',
    );
    expect(forbiddenMessage('extend', 'team_lead', { extendRoles: ['unit_manager'] })).toMatch(
      /Det kan: enhetschef\.$/,
    );
  });

  it('refuses a caseworker registering or ending the absence of a colleague, but not their own', () => {
    const reg = (who: Staff, staffId: string) =>
      decideAbsence(ctx(), { type: 'registerAbsence', staffId, kind: 'sick', from: '2026-11-27' }, actor(who), NOW);
    expect(reg(STAFF.anna, STAFF.bo.aadObjectId).ok).toBe(false);
    expect(reg(STAFF.anna, STAFF.anna.aadObjectId).ok).toBe(true);
    const bo = reg(STAFF.karin, STAFF.bo.aadObjectId);
    if (!bo.ok) throw new Error(bo.message);
    const end = decideAbsence(ctx([bo.state]), { type: 'endAbsence', absenceId: bo.state.id }, actor(STAFF.anna), NOW);
    expect(end.ok ? 'ok' : end.code).toBe('forbidden');
  });
});
