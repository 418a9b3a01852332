// How a test starts one of the child entries (test/support/buildChildren.ts): `node <bundle>` when
// the run bundled it (vitest.config.ts globalSetup), else `node --import tsx <file>`.
import { isAbsolute, join, relative } from 'node:path';
import { inject } from 'vitest';
import { ROOT, type ChildEntry } from './buildChildren.js';

declare module 'vitest' {
  export interface ProvidedContext {
    childBundles: Partial<Record<ChildEntry, string>>;
    childPreload: string;
  }
}

/** The node arguments that run `entry` (a path under the root, absolute or relative to it). */
export function nodeArgs(entry: string): string[] {
  const rel = relative(ROOT, isAbsolute(entry) ? entry : join(ROOT, entry)) as ChildEntry;
  const bundle = inject('childBundles')?.[rel];
  return bundle ? ['--enable-source-maps', '--import', inject('childPreload'), bundle] : ['--import', 'tsx', entry];
}
