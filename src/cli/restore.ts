// `npm run restore -- --from <katalog> [--force]` (or `node dist/cli/restore.js`): puts a backup
// made by `npm run backup` back as DATA_FILE and its journal, with the bot stopped (docs/backup.md).
// The backup is checked first; a data file that already holds data is kept only with --force, and
// then moved aside under a name with the time, never deleted. The journal is put in place before the
// snapshot: a restore cut short leaves a journal a start replays from the beginning.
// Exit 0 restored, 1 the backup did not verify, 2 wrong arguments or data in the way, 3 the bot runs.
import { copyFile, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { verifyBackup } from '../store/backupCheck.js';
import { StoreFileError, fsyncDir } from '../store/durableFile.js';
import { acquireLock } from '../store/lock.js';
import { argValue, configOrRefusal, runWhenMain, type CliResult } from './common.js';

const PG_RESTORE_HINT =
  'DATABASE_URL pekar på PostgreSQL: återställ med pg_restore i stället (se docs/backup.md). Inget har ändrats.';

async function bytesOf(file: string): Promise<number | undefined> {
  try {
    return (await stat(file)).size;
  } catch {
    return undefined;
  }
}

export async function restore(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  now = () => new Date(),
): Promise<CliResult> {
  const from = argValue(argv, '--from');
  const force = argv.includes('--force');
  if (!from || from.startsWith('--'))
    return { code: 2, output: 'Ange säkerhetskopian: npm run restore -- --from <katalog> [--force].' };
  const loaded = configOrRefusal(env);
  if ('refusal' in loaded) return loaded.refusal;
  const { config } = loaded;
  if (config.databaseUrl) return { code: 2, output: PG_RESTORE_HINT };
  const source = resolve(from);
  const check = await verifyBackup(source);
  if (!check.ok || !check.manifest) return { code: 1, output: `${check.message} Inget har ändrats.` };

  const dataFile = config.dataFile;
  const journalFile = `${dataFile}.journal`;
  await mkdir(dirname(dataFile), { recursive: true });
  // Held while the files are replaced, so no bot starts on half of them.
  let release: () => void;
  try {
    release = await acquireLock(dataFile, { leaseMs: 30_000 });
  } catch (err) {
    if (err instanceof StoreFileError)
      return { code: 3, output: `${err.message}\nStoppa boten och kör npm run restore igen. Inget har ändrats.` };
    throw err;
  }
  try {
    const inWay: string[] = [];
    for (const f of [dataFile, journalFile]) if ((await bytesOf(f)) !== undefined) inWay.push(f);
    const holdsData = (await Promise.all(inWay.map(bytesOf))).some((b) => (b ?? 0) > 0);
    if (holdsData && !force)
      return {
        code: 2,
        output:
          `${dataFile} innehåller redan data. Återställningen skriver inte över den; ` +
          'kör med --force för att flytta undan de nuvarande filerna (de sparas med tidpunkt i namnet, inget tas bort). Inget har ändrats.',
      };
    const stamp = now().toISOString().replace(/[:.]/g, '-');
    const kept: string[] = [];
    for (const f of inWay) {
      const aside = `${f}.före-återställning-${stamp}`;
      await rename(f, aside);
      kept.push(aside);
    }
    const m = check.manifest;
    const put = async (name: string, to: string) => {
      const tmp = join(dirname(to), `.${basename(to)}.återställs-${process.pid}`);
      await copyFile(join(source, name), tmp);
      const fh = await open(tmp, 'r');
      await fh.sync();
      await fh.close();
      await rename(tmp, to);
    };
    try {
      await put(m.journalFile, journalFile);
      if (m.snapshotFile) await put(m.snapshotFile, dataFile);
      await fsyncDir(dirname(dataFile));
    } catch (err) {
      await rm(join(dirname(dataFile), `.${basename(journalFile)}.återställs-${process.pid}`), { force: true });
      await rm(join(dirname(dataFile), `.${basename(dataFile)}.återställs-${process.pid}`), { force: true });
      throw err;
    }
    return {
      code: 0,
      output: [
        `Återställt från ${source} till ${dataFile}:`,
        `  ${check.cases} ärenden, ${check.auditEntries} granskningsposter. ${check.message}`,
        ...(kept.length ? [`  De tidigare filerna ligger kvar som ${kept.join(' och ')}.`] : []),
        'Starta boten.',
      ].join('\n'),
    };
  } finally {
    release();
  }
}

runWhenMain(import.meta.url, restore, (message) => `Återställningen misslyckades: ${message}`);
