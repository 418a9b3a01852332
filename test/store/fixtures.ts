import type { Case } from '../../src/domain/schemas.js';

export const newCase = (id: string, over: Partial<Case> = {}): Case => ({
  id,
  version: 0,
  groupId: 'barn-mottagning',
  childRef: `B-${id}`,
  receivedAt: '2026-11-20T09:15:00+01:00',
  reporter: { type: 'preschool', professional: true },
  concerns: ['neglect'],
  phase: 'skyddsbedomning',
  assignees: [],
  contacts: [],
  linkedCaseIds: [],
  createdAt: '2026-11-20T09:15:00+01:00',
  updatedAt: '2026-11-20T09:15:00+01:00',
  updatedBy: 'system:test',
  ...over,
});
