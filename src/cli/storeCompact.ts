// `npm run store:compact -- [--full]` (or `node dist/cli/storeCompact.js`): the stored files
// rewritten so that content removed by gallring or an erasure is gone from them, not only hidden.
// The embedded store writes its journal anew (the bot does so itself after each gallring or
// erasure; this is for a journal whose compaction a full disk stopped, or to make it smaller);
// PostgreSQL runs VACUUM on its tables (--full: VACUUM FULL, which locks them while it runs).
// The chain is verified after. Exit 0 done, 1 the chain did not verify, 3 the store could not be
// opened (the embedded store while the bot runs: stop it first).
import { StoreFileError } from '../store/durableFile.js';
import { openStore } from '../store/open.js';
import { configOrRefusal, runWhenMain, type CliResult } from './common.js';

const mb = (n: number) => `${(n / 1_048_576).toFixed(1)} MB`;

export async function storeCompact(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<CliResult> {
  const unknown = argv.filter((a) => a !== '--full');
  if (unknown.length)
    return { code: 2, output: `Okänt argument: ${unknown[0]}. Använd: npm run store:compact -- [--full]` };
  const loaded = configOrRefusal(env);
  if ('refusal' in loaded) return loaded.refusal;
  let store;
  try {
    store = await openStore(loaded.config);
  } catch (err) {
    if (err instanceof StoreFileError) return { code: 3, output: `${err.message}\nInget har komprimerats.` };
    throw err;
  }
  try {
    if (!store.compact) return { code: 2, output: 'Det här lagret kan inte komprimeras.' };
    const r = await store.compact({ full: argv.includes('--full') });
    const v = await store.verifyAudit();
    return {
      code: v.ok ? 0 : 1,
      output: [
        `Komprimerat på ${(r.ms / 1000).toFixed(1)} s: ${mb(r.bytesBefore)} före, ${mb(r.bytesAfter)} efter.`,
        v.message,
      ].join('\n'),
    };
  } finally {
    await store.close();
  }
}

runWhenMain(import.meta.url, storeCompact, (message) => `Komprimeringen misslyckades: ${message}`);
