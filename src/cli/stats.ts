// npm run stats -- [--month ÅÅÅÅ-MM] [--group <grupp-id>] [--format csv|json|png] [--out <fil>]
// The month's compliance figures from DATA_FILE (docs/stats.md): CSV or JSON to standard output (or a
// file), or the 13-month chart as a PNG rendered on the server. The embedded store is single-instance:
// stop the bot first, or point DATA_FILE at a copy (a backup); the running bot answers GET /api/stats.
import { writeFileSync } from 'node:fs';
import { Directory, type AppDeps } from '../app/context.js';
import { ConfigError, loadConfig } from '../config.js';
import { Calendar } from '../domain/calendar.js';
import { statsChartPng } from '../stats/chart.js';
import { statsCsv, statsExport } from '../stats/export.js';
import { cardMonths, checkStatsQuery, monthStats } from '../stats/query.js';
import { StoreFileError } from '../store/durableFile.js';
import { openLowdbStore } from '../store/lowdbStore.js';

export const USAGE =
  'Användning: npm run stats -- [--month ÅÅÅÅ-MM] [--group <grupp-id>] [--format csv|json|png] [--out <fil>]';

export interface StatsRun {
  code: number;
  /** Text for standard output (the CSV or JSON when no --out), or the message. */
  output: string;
  /** Written files. */
  files: string[];
}

function parseArgs(argv: string[]): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--(month|group|format|out)(?:=(.*))?$/.exec(argv[i]);
    if (!m) return undefined;
    const value = m[2] ?? argv[++i];
    if (value === undefined || value === '' || out[m[1]] !== undefined) return undefined;
    out[m[1]] = value;
  }
  return out;
}

export async function runStats(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  now = () => new Date(),
): Promise<StatsRun> {
  const args = parseArgs(argv);
  if (!args) return { code: 2, output: USAGE, files: [] };
  const format = args.format ?? 'csv';
  if (!['csv', 'json', 'png'].includes(format))
    return { code: 2, output: `--format ska vara csv, json eller png.\n${USAGE}`, files: [] };
  let config;
  try {
    config = loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return { code: 2, output: err.message, files: [] };
    throw err;
  }
  let store;
  try {
    store = await openLowdbStore(config.dataFile);
  } catch (err) {
    if (err instanceof StoreFileError)
      return {
        code: 3,
        output: `${err.message}\nStoppa boten (den håller databasen låst), eller sätt DATA_FILE till en kopia; den körande boten svarar på GET /api/stats.`,
        files: [],
      };
    throw err;
  }
  try {
    const deps: AppDeps = {
      store,
      org: new Directory(config.org),
      rules: config.rules,
      calendar: new Calendar({ eveHolidaysAreNonWorking: config.org.eveHolidaysAreNonWorking }),
      now,
      config: config.statsContinuationDays !== undefined ? { statsContinuationDays: config.statsContinuationDays } : {},
    };
    const q = checkStatsQuery(deps, {
      ...(args.month !== undefined ? { month: args.month } : {}),
      ...(args.group !== undefined ? { groupId: args.group } : {}),
    });
    if (!q.ok)
      return {
        code: 2,
        output: q.issues.map((i) => `--${i.path === 'month' ? 'month' : 'group'}: ${i.message}`).join('\n'),
        files: [],
      };
    const name = `statistik-${q.month}${q.groupId ? `-${q.groupId}` : ''}`;
    if (format === 'png') {
      const file = args.out ?? `${name}.png`;
      writeFileSync(file, statsChartPng(await monthStats(deps, cardMonths(q.month)), q.groupId ?? null));
      return { code: 0, output: `Diagrammet för ${q.month} sparat i ${file}.`, files: [file] };
    }
    const body = statsExport((await monthStats(deps, [q.month]))[0], q.groupId);
    const text = format === 'csv' ? statsCsv(body) : `${JSON.stringify(body, null, 2)}\n`;
    if (!args.out) return { code: 0, output: text, files: [] };
    writeFileSync(args.out, text);
    return { code: 0, output: `Statistiken för ${q.month} sparad i ${args.out}.`, files: [args.out] };
  } finally {
    await store.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runStats(process.argv.slice(2)).then(
    ({ code, output }) => {
      if (code === 0) process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
      else console.error(output);
      process.exit(code);
    },
    (err: Error) => {
      console.error(`Statistiken kunde inte tas fram: ${err.name}.`);
      process.exit(1);
    },
  );
}
