// No import cycle in src, counting `import type` too, and no file too long to read whole. ESLint's
// import-x/no-cycle (npm run lint) follows only the imports that exist at run time; a cycle through
// a type import still makes two files one module to read (src/domain/absence.ts and commands.ts
// were one). The rest of the boundaries are
// the lint rules in eslint.config.js (docs/architecture.md).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** The src files a file imports or re-exports from, types included. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/^\s*(?:import|export)\b[^;'"]*?\bfrom\s+'(\.{1,2}\/[^']+)'/gms)].map((m) => m[1]);
  return [...new Set(specs.map((s) => resolve(dirname(file), s.replace(/\.js$/, '.ts'))))];
}

/** Each cycle once, as the files on it (relative to src), starting where the search met it. */
export function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (n: string) => {
    state.set(n, 'open');
    path.push(n);
    for (const m of graph.get(n) ?? []) {
      if (state.get(m) === 'open') found.push(path.slice(path.indexOf(m)));
      else if (!state.has(m)) visit(m);
    }
    path.pop();
    state.set(n, 'done');
  };
  for (const n of graph.keys()) if (!state.has(n)) visit(n);
  return found.map((c) => c.map((f) => relative(SRC, f)));
}

describe('the import graph of src', () => {
  it('finds a cycle when there is one (the check itself)', () => {
    const a = join(SRC, 'a.ts');
    const b = join(SRC, 'b.ts');
    const c = join(SRC, 'c.ts');
    expect(
      cycles(
        new Map([
          [a, [b]],
          [b, [c]],
          [c, [a]],
        ]),
      ),
    ).toEqual([['a.ts', 'b.ts', 'c.ts']]);
    expect(
      cycles(
        new Map([
          [a, [b]],
          [b, [c]],
          [c, []],
        ]),
      ),
    ).toEqual([]);
  });

  it('has no cycle, type imports included', () => {
    const files = sources(SRC);
    const graph = new Map(files.map((f) => [f, importsOf(f)]));
    expect(cycles(graph)).toEqual([]);
  });

  it('has no file that nothing imports, but the entry points (main.ts and the command-line tools)', () => {
    // Also what shows that the imports above were read: a file the parser missed would be listed.
    const graph = new Map(sources(SRC).map((f) => [f, importsOf(f)]));
    const imported = new Set([...graph.values()].flat());
    const unused = [...graph.keys()].filter((f) => !imported.has(f)).map((f) => relative(SRC, f));
    expect(unused.filter((f) => f !== 'main.ts' && !f.startsWith('cli/'))).toEqual([]);
    expect(unused).toContain('main.ts');
  });

  it('has no source file over 300 lines, so each can be read whole', () => {
    const long = sources(SRC)
      .map((f) => ({ file: relative(SRC, f), lines: readFileSync(f, 'utf8').split('\n').length - 1 }))
      .filter((x) => x.lines > 300);
    expect(long).toEqual([]);
    // The check itself: the files were read (there are a few hundred, some near the limit).
    expect(sources(SRC).length).toBeGreaterThan(200);
  });
});
