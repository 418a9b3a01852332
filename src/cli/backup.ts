// `npm run backup -- --to <katalog>` (on a server without dev tools: `node dist/cli/backup.js`): a
// consistent copy of the embedded store (DATA_FILE and its journal) while the bot runs, checked
// before it is declared done, written into a temporary directory that is renamed to <katalog> at the
// end, so a half backup never looks complete. PostgreSQL is backed up with pg_dump (docs/backup.md).
// Exit 0 done, 1 the copy did not verify, 2 wrong arguments or configuration.
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { copyStore, type CopyHook } from '../store/backup.js';
import { inspectStoreFiles, verifyBackup, writeManifest } from '../store/backupCheck.js';
import { fsyncDir } from '../store/durableFile.js';
import { argValue, configOrRefusal, runWhenMain, type CliResult } from './common.js';

export const PG_DUMP_HINT =
  'DATABASE_URL pekar på PostgreSQL: säkerhetskopiera med pg_dump i stället, till exempel ' +
  '`pg_dump -Fc --dbname="$DATABASE_URL" -f arendevakt.dump` (se docs/backup.md). Inget har kopierats.';

export async function backup(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  opts: { hook?: CopyHook; now?: () => Date } = {},
): Promise<CliResult> {
  const to = argValue(argv, '--to');
  if (!to || to.startsWith('--'))
    return { code: 2, output: 'Ange var säkerhetskopian ska ligga: npm run backup -- --to <katalog>.' };
  const loaded = configOrRefusal(env);
  if ('refusal' in loaded) return loaded.refusal;
  const { config } = loaded;
  if (config.databaseUrl) return { code: 2, output: PG_DUMP_HINT };
  const target = resolve(to);
  const existing = await readdir(target).catch(() => null);
  if (existing)
    return {
      code: 2,
      output: `Katalogen ${target} finns redan. Ange en ny katalog (till exempel med datum i namnet); inget har kopierats.`,
    };
  await mkdir(dirname(target), { recursive: true });
  const work = join(dirname(target), `.${basename(target)}.ofullständig-${process.pid}`);
  await rm(work, { recursive: true, force: true });
  await mkdir(work);
  try {
    const { attempts } = await copyStore(config.dataFile, work, opts.hook ? { hook: opts.hook } : {});
    const name = basename(config.dataFile);
    const counts = await inspectStoreFiles(
      (await readdir(work)).includes(name) ? join(work, name) : null,
      join(work, `${name}.journal`),
    );
    if (!counts.ok)
      return { code: 1, output: `Kopian går inte att kontrollera: ${counts.message} Ingen säkerhetskopia togs.` };
    await writeManifest(work, config.dataFile, counts, opts.now?.());
    // The check an operator's restore makes, on the finished files before they get their name.
    const check = await verifyBackup(work);
    if (!check.ok) return { code: 1, output: `${check.message} Ingen säkerhetskopia togs.` };
    await rename(work, target);
    await fsyncDir(dirname(target));
    return {
      code: 0,
      output: [
        `Säkerhetskopian är klar och kontrollerad: ${target}`,
        `  ${check.cases} ärenden, ${check.auditEntries} granskningsposter, ${check.bytes} byte.`,
        `  ${check.message}${attempts > 1 ? ` (${attempts} försök: databasfilen byttes ut under kopieringen)` : ''}`,
        `Återställ med: npm run restore -- --from ${target}`,
      ].join('\n'),
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

runWhenMain(
  import.meta.url,
  backup,
  (message) => `Säkerhetskopieringen misslyckades: ${message} Ingen säkerhetskopia togs.`,
);
