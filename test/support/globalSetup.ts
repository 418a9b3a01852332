// Once per run, before any test file: the child entries bundled (test/support/buildChildren.ts)
// and their paths provided to the tests.
import type { TestProject } from 'vitest/node';
import { buildChildren } from './buildChildren.js';

export default async function setup(project: TestProject): Promise<void> {
  const { bundles, preload } = await buildChildren();
  project.provide('childBundles', bundles);
  project.provide('childPreload', preload);
}
