// A child process for the crash-during-compaction test: opens the store, runs a gallring (or a
// plain compaction) and kills itself with SIGKILL right after the named step of the compaction.
import { runGallring } from '../../src/app/gallring.js';
import type { CompactionStep } from '../../src/store/journalCompaction.js';
import { openLowdbStore } from '../../src/store/lowdbStore.js';

const [dataFile, mode, killAt] = process.argv.slice(2);
const store = await openLowdbStore(dataFile, {
  compactionHook: (step: CompactionStep) => {
    if (step === killAt) process.kill(process.pid, 'SIGKILL');
  },
});
if (mode === 'gallring') await runGallring(store, { afterMonths: 24, now: new Date('2026-11-20T10:00:00.000Z') });
else await store.compact!();
process.stdout.write('finished without being killed\n');
await store.close();
