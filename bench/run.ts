// `npm run bench`: runs every registered bench and prints one table. Not part of `npm test`.
// To add rows: export an async function returning BenchRow[] (bench/row.ts) from a bench file and
// add it to BENCHES below. `npm run bench -- store lists` runs only the named ones.
import { printTable, type BenchRow } from './row.js';

// The bot's request logs would bury the table; LOG_LEVEL=info npm run bench shows them.
process.env.LOG_LEVEL ??= 'warn';

export type { BenchRow } from './row.js';

export const BENCHES: Record<string, () => Promise<BenchRow[]>> = {
  store: async () => (await import('./store.bench.js')).benchStore(),
  bot: async () => (await import('./bot.bench.js')).benchBot(),
  lists: async () => (await import('./lists.bench.js')).benchLists(),
  import: async () => (await import('./import.bench.js')).benchImport(),
  family: async () => (await import('./family.bench.js')).benchFamily(),
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
printTable(rows);
if (failed) process.exitCode = 1;
process.exit();
