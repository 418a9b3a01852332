// Once per run, before any test file: the child entries bundled (test/support/buildChildren.ts),
// their paths provided to the tests, and removed after the run.
import type { TestProject } from 'vitest/node';
import { buildChildren } from './buildChildren.js';

export default async function setup(project: TestProject): Promise<() => void> {
  const { bundles, remove } = await buildChildren();
  project.provide('childBundles', bundles);
  return remove;
}
