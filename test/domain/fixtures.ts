// A small synthetic unit for domain tests. Staff ids are fixed fake UUIDs; names are invented.
import { Calendar } from '../../src/domain/calendar.js';
import type { DomainContext } from '../../src/domain/commands.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import type { Absence, Actor, Case, Organisation, Staff } from '../../src/domain/schemas.js';
import { actorOf, INTAKE_ACTOR } from '../support/synthetic.js';

export { report } from '../support/synthetic.js';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const STAFF = {
  anna: { aadObjectId: id(1), name: 'Anna Berg', role: 'caseworker', groups: ['barn-mottagning'], capacity: 8 },
  bo: { aadObjectId: id(2), name: 'Bo Lind', role: 'caseworker', groups: ['barn-mottagning'], capacity: 8 },
  cilla: { aadObjectId: id(3), name: 'Cilla Ström', role: 'caseworker', groups: ['barn-utredning-1'], capacity: 6 },
  karin: { aadObjectId: id(10), name: 'Karin Ek', role: 'team_lead', groups: ['barn-mottagning'] },
  olof: { aadObjectId: id(11), name: 'Olof Sand', role: 'team_lead', groups: ['barn-utredning-1'] },
  lars: { aadObjectId: id(20), name: 'Lars Holm', role: 'unit_manager', groups: [] },
} satisfies Record<string, Staff>;

export const ORG: Organisation = {
  tenantId: '00000000-0000-0000-0000-000000000000',
  eveHolidaysAreNonWorking: true,
  groups: [
    { id: 'barn-mottagning', name: 'Mottagning barn och unga', kind: 'intake' },
    { id: 'barn-utredning-1', name: 'Utredning barn 1', kind: 'investigation' },
    { id: 'vinr', name: 'Våld i nära relationer', kind: 'violence' },
  ],
  staff: Object.values(STAFF),
};

export const actor = actorOf;
export const SYSTEM: Actor = INTAKE_ACTOR;

export const ctx = (absences: Absence[] = []): DomainContext => ({
  org: ORG,
  rules: DEFAULT_RULES,
  calendar: new Calendar({ eveHolidaysAreNonWorking: true }),
  absences,
});

export const aCase = (over: Partial<Case> = {}): Case => ({
  id: 'IFO-2026-004512',
  version: 1,
  groupId: 'barn-mottagning',
  childRef: 'B-2026-0412',
  receivedAt: '2026-11-20T09:15:00+01:00',
  reporter: { type: 'preschool', professional: true },
  concerns: ['neglect'],
  phase: 'skyddsbedomning',
  assignees: [],
  contacts: [],
  linkedCaseIds: [],
  createdAt: '2026-11-20T09:15:00+01:00',
  updatedAt: '2026-11-20T09:15:00+01:00',
  updatedBy: 'system:intake',
  ...over,
});

/** The unit with a section outside child welfare (docs/family.md): an adult group with its team lead. */
export const ADULT_STAFF = {
  pia: { aadObjectId: id(30), name: 'Pia Vik', role: 'team_lead', groups: ['vuxen-missbruk'] },
  ulf: { aadObjectId: id(31), name: 'Ulf Dahl', role: 'caseworker', groups: ['vuxen-missbruk'], capacity: 20 },
} satisfies Record<string, Staff>;

export const FAMILY_ORG: Organisation = {
  ...ORG,
  groups: [...ORG.groups, { id: 'vuxen-missbruk', name: 'Vuxen – missbruk', kind: 'adult' }],
  staff: [...ORG.staff, ...Object.values(ADULT_STAFF)],
};

/** A Luhn-valid personnummer built here from a birth date (YYMMDD) and three digits: synthetic. */
export function syntheticPersonnummer(birth = '121212', serial = '121'): string {
  const nine = `${birth}${serial}`;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return `${birth}-${serial}${(10 - (sum % 10)) % 10}`;
}
