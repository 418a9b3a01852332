// Who may see a case at all: its group, its owners and unit managers (ärende <ref>, Öppna, the forms).
import type { Case } from '../../domain/schemas.js';
import type { Turn } from '../types.js';

/** May this person see this case at all (its group, its owners, a unit manager)? */
export function maySee(turn: Turn, c: Case): boolean {
  const a = turn.actor;
  return !!a && (a.role === 'unit_manager' || a.groups.includes(c.groupId) || c.assignees.includes(a.id));
}
