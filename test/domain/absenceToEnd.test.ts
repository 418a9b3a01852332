// Which absence `åter` ends, with fixed dates: the running one, else the one whose last day has passed
// (the latest), else the next planned leave; never a coming leave in place of the one the person is back from.
import { describe, expect, it } from 'vitest';
import { absenceToEnd, isAbsent } from '../../src/domain/absence.js';
import type { Absence } from '../../src/domain/schemas.js';
import { STAFF } from './fixtures.js';

const ANNA = STAFF.anna.aadObjectId;
const abs = (id: string, from: string, to?: string, over: Partial<Absence> = {}): Absence => ({
  id,
  staffId: ANNA,
  kind: 'sick',
  from,
  ...(to ? { to } : {}),
  registeredBy: STAFF.karin.aadObjectId,
  registeredAt: '2026-11-01T09:00:00+01:00',
  ...over,
});

describe('absenceToEnd', () => {
  const christmas = abs('christmas', '2026-12-21', '2026-12-30', { kind: 'planned' });

  it('prefers the running absence over a planned leave registered before it', () => {
    const running = abs('sick', '2026-11-23', '2026-11-25');
    expect(absenceToEnd([christmas, running], ANNA, '2026-11-24')?.id).toBe('sick');
  });

  it('takes the latest absence whose last day has passed when nothing runs today', () => {
    const old = abs('old', '2026-10-01', '2026-10-02');
    const recent = abs('recent', '2026-11-23', '2026-11-25');
    expect(absenceToEnd([christmas, old, recent], ANNA, '2026-11-26')?.id).toBe('recent');
    expect(isAbsent([recent], ANNA, '2026-11-26')).toBe(false);
  });

  it('cancels the next planned leave when that is all there is, and ignores ended absences and other people', () => {
    const later = abs('later', '2027-02-01', '2027-02-05', { kind: 'planned' });
    const ended = abs('ended', '2026-11-02', undefined, { endedAt: '2026-11-05T08:00:00+01:00' });
    const bos = abs('bo', '2026-11-20', undefined, { staffId: STAFF.bo.aadObjectId });
    expect(absenceToEnd([later, christmas, ended, bos], ANNA, '2026-11-24')?.id).toBe('christmas');
    expect(absenceToEnd([ended, bos], ANNA, '2026-11-24')).toBeUndefined();
  });
});
