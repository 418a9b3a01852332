// Who may do what: one table, checked by every command. Group membership and "only your own" rules
// are checked by the commands themselves; this table answers the role question alone.
import type { Role } from './schemas.js';
import { ROLE_LABEL_SV, said, type Said } from './refusals.js';

export const COMMANDS = [
  'registerReport',
  'assign',
  'take',
  'recordSkyddsbedomning',
  'decideForhandsbedomning',
  'extend',
  'recordContact',
  'recordBarnsamtalNotHeld',
  'completeAterkoppling',
  'close',
  'completeUppfoljning',
  'registerAbsence',
  'endAbsence',
  'connectChannel',
  'viewLists',
  'distribution',
  'tickHandover',
  'extendForhandsbedomning',
  'recordInformation',
  'recordLvu',
  'recordProtectiveMeasure',
  'eraseFreeText',
] as const;
export type Command = (typeof COMMANDS)[number];

const ALL: Role[] = ['caseworker', 'team_lead', 'unit_manager'];
const LEADS: Role[] = ['team_lead', 'unit_manager'];

export const PERMISSIONS: Record<Command, readonly Role[]> = {
  registerReport: ALL,
  assign: LEADS,
  take: ['caseworker'],
  recordSkyddsbedomning: ALL,
  decideForhandsbedomning: LEADS,
  extend: LEADS, // replaced by the rule table's extendRoles setting, see can()
  recordContact: ALL,
  recordBarnsamtalNotHeld: ALL,
  completeAterkoppling: ALL,
  close: LEADS,
  // Recording that a decided uppföljning has ended (its end date came, or it ended early): anyone in the group.
  completeUppfoljning: ALL,
  // A caseworker may register only their own absence (checked by decideAbsence).
  registerAbsence: ALL,
  endAbsence: ALL,
  connectChannel: LEADS,
  viewLists: ALL,
  distribution: LEADS,
  tickHandover: ALL,
  extendForhandsbedomning: LEADS,
  recordInformation: ALL,
  recordLvu: ALL,
  // Whoever in the group did or knows of the placement, the police contact...: anyone in the group.
  recordProtectiveMeasure: ALL,
  // Erasing a mistaken free text (a child's name in a motivation) from the case and its audit trail.
  eraseFreeText: ['unit_manager'],
};

export interface PermissionSettings {
  extendRoles?: readonly Role[];
}

export function can(role: Role, command: Command, settings: PermissionSettings = {}): boolean {
  if (command === 'extend' && settings.extendRoles) return settings.extendRoles.includes(role);
  return PERMISSIONS[command].includes(role);
}

export const ROLE_LABEL: Record<Role, string> = ROLE_LABEL_SV;

/** The refusal for a role that may not do a command, by key with the role codes (refusals.ts). */
export function forbidden(command: Command, role: Role, settings: PermissionSettings = {}): Said {
  const roles = command === 'extend' && settings.extendRoles ? settings.extendRoles : PERMISSIONS[command];
  return said('roleMayNot', { role, roles: roles.join(',') });
}

/** The Swedish refusal for a role that may not do a command. */
export function forbiddenMessage(command: Command, role: Role, settings: PermissionSettings = {}): string {
  return forbidden(command, role, settings).text;
}
