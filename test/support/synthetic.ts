// Synthetic data every kind of test shares: the anmälan, the intake's actor, an actor for a staff
// member, and personnummer built from invented digits with the check digit computed, so no test holds
// a number literal that could be someone's. Imports only domain types: domain tests stay light.
import type { Actor, ReportInput, Staff } from '../../src/domain/schemas.js';

/** The check digit (Luhn) of nine digits YYMMDDNNN. */
export function luhnDigit(nine: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/**
 * A check-digit-valid personnummer (a samordningsnummer when the day is 61–91) from nine synthetic
 * digits YYMMDDNNN: "YYMMDD-NNNC", or "YYMMDDNNNC" with `sep` ''.
 */
export function syntheticPersonnummer(nine: string, sep: '-' | '+' | '' = '-'): string {
  if (!/^\d{9}$/.test(nine)) throw new Error('nine digits YYMMDDNNN');
  return `${nine.slice(0, 6)}${sep}${nine.slice(6)}${luhnDigit(nine)}`;
}

export const actorOf = (s: Staff): Actor => ({ id: s.aadObjectId, name: s.name, role: s.role, groups: s.groups });

/** Who registers an anmälan that arrives through the intake API or the import. */
export const INTAKE_ACTOR: Actor = {
  id: 'system:intake',
  name: 'Intag',
  role: 'unit_manager',
  groups: [],
  system: true,
};

/** The synthetic anmälan: a preschool's worry about a child in the intake group, on 20 Nov 2026. */
export function report(over: Partial<ReportInput> = {}): ReportInput {
  return {
    externalId: 'IFO-2026-004512',
    receivedAt: '2026-11-20T09:15:00+01:00',
    groupId: 'barn-mottagning',
    childRef: 'B-2026-0412',
    reporter: { type: 'preschool', professional: true },
    concerns: ['neglect'],
    summary: 'Förskolan oroar sig för hög frånvaro och trötthet.',
    ...over,
  };
}
