import { describe, expect, it } from 'vitest';
import { ReportInput } from '../../src/domain/schemas.js';

describe('a report as it arrives', () => {
  const valid = {
    externalId: 'IFO-2026-004512',
    receivedAt: '2026-11-20T09:15:00+01:00',
    groupId: 'barn-mottagning',
    childRef: 'B-2026-0412',
    reporter: { type: 'preschool', professional: true },
    concerns: ['neglect'],
    summary: 'Förskolan oroar sig för hög frånvaro och trötthet.',
  };

  it('accepts the example of docs/contract.md', () => {
    expect(ReportInput.safeParse(valid).success).toBe(true);
  });

  it('refuses an unknown concern and names the field', () => {
    const r = ReportInput.safeParse({ ...valid, concerns: ['weather'] });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].path).toEqual(['concerns', 0]);
  });

  it('refuses a time without offset', () => {
    expect(ReportInput.safeParse({ ...valid, receivedAt: '2026-11-20T09:15:00' }).success).toBe(false);
  });
});
