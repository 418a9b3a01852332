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
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

/** Where the children keep V8's compiled code between starts (Node's module compile cache). */
const COMPILE_CACHE = join(ROOT, '.tmp', 'node-compile-cache');

/**
 * Bundle every entry into .tmp/child-<entry>.mjs; returns the bundles by entry and a module for
 * --import that turns Node's compile cache on in the child. The names are the same in every run:
 * each file is written beside and renamed over the last, so a run in progress in the same checkout
 * starts either the old bundle or the new one, as it would start the sources through tsx.
 */
export async function buildChildren(): Promise<{ bundles: Record<ChildEntry, string>; preload: string }> {
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  const bundles = Object.fromEntries(
    CHILD_ENTRIES.map((e) => [e, join(ROOT, '.tmp', `child-${e.replace(/\.ts$/, '').replace(/\W+/g, '_')}.mjs`)]),
  ) as Record<ChildEntry, string>;
  // One build per entry: a module is the entry of its own bundle only (src/main.ts is also a
  // module of the instance and scheduler children, where it must not start itself).
  const metaReaders = readingImportMeta();
  await Promise.all(CHILD_ENTRIES.map((e) => bundle(join(ROOT, e), bundles[e], metaReaders)));
  // The compile cache saves ~0.25 s of CPU per start once warm. It is written when a child exits
  // (not after kill -9); it is keyed by each file's content, so an edit adds entries and the old
  // ones stay: past 64 MB it is emptied and filled again.
  if (sizeOf(COMPILE_CACHE) > 64 * 1024 * 1024) rmSync(COMPILE_CACHE, { recursive: true, force: true });
  const preload = join(ROOT, '.tmp', 'child-compile-cache.mjs');
  replace(
    preload,
    "import { enableCompileCache, flushCompileCache } from 'node:module';\n" +
      `enableCompileCache(${JSON.stringify(COMPILE_CACHE)});\n` +
      "process.once('exit', () => flushCompileCache());\n",
  );
  return { bundles, preload };
}

function sizeOf(dir: string): number {
  let n = 0;
  for (const f of existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }) : [])
    if (f.isFile()) n += statSync(join(f.parentPath, f.name)).size;
  return n;
}

/** Write `file` atomically (beside it, then renamed over it). */
function replace(file: string, contents: string | Uint8Array): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, contents);
  renameSync(tmp, file);
}

const META = ['import.meta.url', 'import.meta.dirname', 'import.meta.filename'];

/** The TypeScript files under src/ and test/ that read import.meta (the rest esbuild loads itself). */
function readingImportMeta(): Set<string> {
  const files = new Set<string>();
  for (const top of ['src', 'test'])
    for (const f of readdirSync(join(ROOT, top), { recursive: true, withFileTypes: true })) {
      const path = join(f.parentPath, f.name);
      if (f.isFile() && f.name.endsWith('.ts') && readFileSync(path, 'utf8').includes('import.meta')) files.add(path);
    }
  return files;
}

async function bundle(entry: string, outfile: string, metaReaders: Set<string>): Promise<void> {
  const { outputFiles } = await build({
    entryPoints: [entry],
    outfile,
    write: false,
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
            if (args.path === entry || !metaReaders.has(args.path)) return undefined;
            let contents = readFileSync(args.path, 'utf8');
            const values = [pathToFileURL(args.path).href, dirname(args.path), args.path];
            META.forEach((m, i) => (contents = contents.replaceAll(m, JSON.stringify(values[i]))));
            return { contents, loader: 'ts' };
          });
        },
      },
    ],
  });
  for (const f of outputFiles) replace(f.path, f.contents);
}
