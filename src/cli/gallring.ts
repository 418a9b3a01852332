// `npm run gallring -- [--dry-run]` (on a server without dev tools: `node dist/cli/gallring.js`):
// closed cases whose closing is older than GALLRING_AFTER_MONTHS are removed with their free text
// and the documents that belong to them, in one commit that the audit log records; the chain is
// verified after, and the embedded journal compacted so that the text is gone from the disk
// (src/app/gallring.ts, docs/privacy.md). --dry-run counts and changes nothing.
// Exit 0 done (or already done by another run), 1 the chain did not verify after, 2 wrong arguments
// or configuration, 3 the store could not be opened (the embedded store while the bot runs: stop it
// first), 4 gave up: cases or documents changed under every attempt, nothing removed (run it again).
import { gallringReport, runGallring } from '../app/gallring.js';
import { StoreFileError } from '../store/durableFile.js';
import { openStore } from '../store/open.js';
import { configOrRefusal, runWhenMain, type CliResult } from './common.js';

export async function gallring(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  opts: { now?: () => Date } = {},
): Promise<CliResult> {
  const unknown = argv.filter((a) => a !== '--dry-run');
  if (unknown.length)
    return { code: 2, output: `Okänt argument: ${unknown[0]}. Använd: npm run gallring -- [--dry-run]` };
  const dryRun = argv.includes('--dry-run');
  const loaded = configOrRefusal(env);
  if ('refusal' in loaded) return loaded.refusal;
  const { config } = loaded;
  if (config.gallringAfterMonths === undefined)
    return {
      code: 2,
      output:
        'GALLRING_AFTER_MONTHS är inte satt, så boten gallrar inte. Ange efter hur många månader avslutade ärenden ' +
        'ska gallras, enligt kommunens informationshanteringsplan (docs/privacy.md). Inget har ändrats.',
    };
  let store;
  try {
    store = await openStore(config);
  } catch (err) {
    if (err instanceof StoreFileError) return { code: 3, output: `${err.message}\nInget har gallrats.` };
    throw err;
  }
  try {
    const r = await runGallring(store, {
      afterMonths: config.gallringAfterMonths,
      now: opts.now?.() ?? new Date(),
      dryRun,
    });
    const output = gallringReport(r, dryRun);
    return { code: r.gaveUp ? 4 : r.verification && !r.verification.ok ? 1 : 0, output };
  } finally {
    await store.close();
  }
}

runWhenMain(import.meta.url, gallring, (message) => `Gallringen misslyckades: ${message} Inget har gallrats.`);
