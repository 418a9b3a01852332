// npm run import -- <file.csv> [--dry-run]
// Imports anmälningar from a CSV export into DATA_FILE (docs/import-format.md). The embedded store
// is single-instance: stop the bot first. Output is Swedish; rows are named by line number and
// column, never by their content.
import { readFileSync } from 'node:fs';
import { Directory, type AppDeps } from '../app/context.js';
import { ImportFileError, importReports, POST_CARDS_WITHIN_DAYS, type ImportReport } from '../app/importReports.js';
import { configOrRefusal } from './common.js';
import { Calendar } from '../domain/calendar.js';
import { StoreFileError } from '../store/durableFile.js';
import { openStore } from '../store/open.js';
import { redactUrl } from '../store/postgresStore.js';

const USAGE = 'Användning: npm run import -- <fil.csv> [--dry-run]';

export function formatReport(r: ImportReport, file: string): string {
  const lines: string[] = [];
  lines.push(`${r.dryRun ? 'Provkörning (inget sparas)' : 'Import'} av ${file}: ${r.rows} rader.`);
  if (r.problems.length) {
    lines.push(`${r.problems.length} fel – ${r.dryRun ? 'importen skulle avbrytas' : 'inget importerades'}:`);
    for (const p of r.problems.slice(0, 1000)) lines.push(`  rad ${p.line}, ${p.column}: ${p.message}`);
    if (r.problems.length > 1000) lines.push(`  … och ${r.problems.length - 1000} fel till.`);
  }
  const verb = r.committed ? 'Importerade' : r.problems.length || r.dryRun ? 'Skulle importera' : 'Importerade';
  lines.push(`${verb}: ${r.imported.length} nya ärenden.`);
  if (r.skipped.length)
    lines.push(`Hoppade över ${r.skipped.length} som redan finns med samma innehåll (t.ex. rad ${r.skipped[0].line}).`);
  lines.push(
    `Kort till kanalerna: ${r.cardsQueued} (ärendekort och VINR-notiser för öppna ärenden mottagna de senaste ${POST_CARDS_WITHIN_DAYS} dagarna; skickas när boten startar).`,
  );
  return lines.join('\n');
}

export async function runImport(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  now = () => new Date(),
): Promise<{ code: number; output: string }> {
  const dryRun = argv.includes('--dry-run');
  const files = argv.filter((a) => !a.startsWith('--'));
  const unknownFlags = argv.filter((a) => a.startsWith('--') && a !== '--dry-run');
  if (files.length !== 1 || unknownFlags.length) return { code: 2, output: USAGE };
  let input: Buffer;
  try {
    input = readFileSync(files[0]);
  } catch (err) {
    return { code: 2, output: `Filen ${files[0]} kan inte läsas: ${(err as NodeJS.ErrnoException).code}.` };
  }
  const loaded = configOrRefusal(env);
  if ('refusal' in loaded) return loaded.refusal;
  const { config } = loaded;
  let store;
  try {
    store = await openStore(config);
  } catch (err) {
    if (err instanceof StoreFileError) {
      return {
        code: 3,
        output: `${err.message}\nStoppa boten (den håller databasen låst) och kör importen igen; starta sedan boten, som skickar korten.`,
      };
    }
    throw err;
  }
  try {
    const deps: AppDeps = {
      store,
      org: new Directory(config.org),
      rules: config.rules,
      calendar: new Calendar({ eveHolidaysAreNonWorking: config.org.eveHolidaysAreNonWorking }),
      now,
      config: {},
    };
    const report = await importReports(deps, input, { dryRun });
    return {
      code: report.problems.length ? 1 : 0,
      output: `${formatReport(report, files[0])}\nDatabas: ${config.databaseUrl ? redactUrl(config.databaseUrl) : config.dataFile}`,
    };
  } catch (err) {
    if (err instanceof ImportFileError) return { code: 1, output: `${err.message}\nInget importerades.` };
    throw err;
  } finally {
    await store.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runImport(process.argv.slice(2)).then(
    ({ code, output }) => {
      (code === 0 ? console.log : console.error)(output);
      process.exit(code);
    },
    (err: Error) => {
      console.error(`Importen misslyckades: ${err.name}. Inget importerades.`);
      process.exit(1);
    },
  );
}
