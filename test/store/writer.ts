// A child process for the crash test: commits a burst of assignments and prints "ack <n>" only
// after each commit was acknowledged. The parent kills it with SIGKILL in the middle.
import { openLowdbStore } from '../../src/store/lowdbStore.js';
import type { Case } from '../../src/domain/schemas.js';

const [dataFile, countArg] = process.argv.slice(2);
const count = Number(countArg ?? 100000);
const store = await openLowdbStore(dataFile, { snapshotAfterBytes: 64 * 1024 });
const at = '2026-11-20T09:00:00.000Z';
process.stdout.write('ready\n');
for (let i = 0; i < count; i++) {
  const c: Case = {
    id: `IFO-CRASH-${i}`,
    version: 0,
    groupId: 'barn-mottagning',
    childRef: `B-${i}`,
    receivedAt: at,
    reporter: { type: 'school', professional: true },
    concerns: ['neglect'],
    phase: 'skyddsbedomning',
    assignees: [],
    contacts: [],
    linkedCaseIds: [],
    createdAt: at,
    updatedAt: at,
    updatedBy: 'system:test',
  };
  const r = await store.commit({
    cases: [{ case: c, expectedVersion: null }],
    docs: [{ collection: 'outbox', id: `m-${i}`, value: { n: i, version: 1 }, expectedVersion: null }],
    audit: [{ at, actor: 'system:test', type: 'ReportRegistered', caseId: c.id }],
  });
  if (r.ok) process.stdout.write(`ack ${i}\n`);
}
process.stdout.write('done\n');
