// The entries the tests start as child processes, bundled once per run (vitest.config.ts
// globalSetup) instead of loaded through tsx in each spawn: tsx's loader costs about 0.9 s of CPU
// per start on top of the bot's own ~1.1 s, and the suite starts some forty children on two cores.
// The children stay real processes (`node <bundle> …`, signals, exit codes, kill -9); only the
// loading differs. Packages are not bundled (node_modules is loaded as in production), and each
// bundled module keeps its own import.meta.url (so src/cards/render.ts still finds cards/ and
// src/store/pgMigrate.ts its migrations). An entry keeps the bundle's own URL, so its "am I the
// main module" check holds; a bundle lies directly in .tmp/, one level below the root like src/, so
// src/main.ts's '../package.json' is the root's.
//
// The start command itself, `node --import tsx src/main.ts` as `npm start` runs it, is still what
// test/e2e/process.test.ts and the `npm start` test of test/e2e/production.test.ts start: they are
// about the command an operator runs. A test run outside vitest.config.ts gets tsx (nodeArgs).
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export const ROOT = join(import.meta.dirname, '../..');

/** The entries, by the path a test names them with (relative to the root). */
export const CHILD_ENTRIES = [
  'src/main.ts',
  'src/cli/backup.ts',
  'src/cli/restore.ts',
  'src/cli/orgCheck.ts',
  'test/e2e/instanceChild.ts',
  'test/jobs/schedulerChild.ts',
  'test/store/compactor.ts',
  'test/store/writer.ts',
] as const;
export type ChildEntry = (typeof CHILD_ENTRIES)[number];

/** Bundle every entry into .tmp/; returns the bundles by entry and a function that removes them. */
export async function buildChildren(): Promise<{ bundles: Record<ChildEntry, string>; remove(): void }> {
  const tag = `child-${process.pid}-${randomBytes(3).toString('hex')}`;
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  const bundles = Object.fromEntries(
    CHILD_ENTRIES.map((e) => [e, join(ROOT, '.tmp', `${tag}-${e.replace(/\.ts$/, '').replace(/\W+/g, '_')}.mjs`)]),
  ) as Record<ChildEntry, string>;
  const remove = () => {
    for (const f of Object.values(bundles)) for (const x of [f, `${f}.map`]) rmSync(x, { force: true });
  };
  try {
    // One build per entry: a module is the entry of its own bundle only (src/main.ts is also a
    // module of the instance and scheduler children, where it must not start itself).
    await Promise.all(CHILD_ENTRIES.map((e) => bundle(join(ROOT, e), bundles[e])));
  } catch (err) {
    remove();
    throw err;
  }
  return { bundles, remove };
}

const META = ['import.meta.url', 'import.meta.dirname', 'import.meta.filename'];

async function bundle(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node22',
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [
      {
        name: 'own-import-meta',
        setup(b) {
          b.onLoad({ filter: /\.ts$/ }, (args) => {
            let contents = readFileSync(args.path, 'utf8');
            if (args.path !== entry) {
              const values = [pathToFileURL(args.path).href, dirname(args.path), args.path];
              META.forEach((m, i) => (contents = contents.replaceAll(m, JSON.stringify(values[i]))));
            }
            return { contents, loader: 'ts' };
          });
        },
      },
    ],
  });
}
