// `npm run bench`: runs every registered bench and prints one table. Not part of `npm test`.
// To add rows: export an async function returning BenchRow[] (bench/row.ts) from a bench file and
// add it to BENCHES below. `npm run bench -- store lists` runs only the named ones.
import { cpus, platform, release, totalmem } from 'node:os';
import { printTable, type BenchRow } from './row.js';

// The bot's request logs would bury the table; LOG_LEVEL=info npm run bench shows them.
process.env.LOG_LEVEL ??= 'warn';

export type { BenchRow } from './row.js';

export const BENCHES: Record<string, () => Promise<BenchRow[]>> = {
  store: async () => (await import('./store.bench.js')).benchStore(),
  postgres: async () => (await import('./postgres.bench.js')).benchPostgres(),
  bot: async () => (await import('./bot.bench.js')).benchBot(),
  lists: async () => (await import('./lists.bench.js')).benchLists(),
  import: async () => (await import('./import.bench.js')).benchImport(),
  family: async () => (await import('./family.bench.js')).benchFamily(),
  stats: async () => (await import('./stats.bench.js')).benchStats(),
  // 50,000 stored: a gallring run on both stores, the chain verified after, the removed text searched for.
  gallring: async () => (await import('./gallring.bench.js')).benchGallring(),
  // Ten minutes by default (SOAK_SECONDS): the bot as a process under mixed traffic, its RSS.
  soak: async () => (await import('./soak.bench.js')).benchSoak(),
};

const only = process.argv.slice(2);
const rows: BenchRow[] = [];
let failed = false;
for (const [name, bench] of Object.entries(BENCHES)) {
  if (only.length && !only.includes(name)) continue;
  process.stderr.write(`bench: ${name}…\n`);
  try {
    rows.push(...(await bench()));
  } catch (err) {
    failed = true;
    rows.push({
      name: `${name}: failed`,
      value: 0,
      unit: '',
      aim: '',
      ok: false,
      note: String((err as Error).message ?? err),
    });
  }
}
// What the numbers were measured on.
console.log(
  `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, ${platform()} ${release()}; Node ${process.version}`,
);
printTable(rows);
if (failed) process.exitCode = 1;
process.exit();
