import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['dist/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The entries tests start as child processes (the bot, the CLIs, the test children) bundled once
    // per run, so a spawn does not load them through tsx: test/support/buildChildren.ts.
    globalSetup: ['test/support/globalSetup.ts'],
    // e2e tests start real servers on their own ports; files run in parallel forks.
    pool: 'forks',
    // A worker keeps the modules it loaded for the next test file instead of loading the Teams SDK,
    // zod schemas and the catalogue again for each of 125 files: import time fell from 276 s to 24 s
    // of the suite (docs/architecture.md "The suite's time"). Test files therefore must not leave
    // module state behind (fake timers, mocks, environment): each cleans up in afterEach/afterAll.
    isolate: false,
    // Most of an e2e test's time is waiting (a server, a drain, a deadline), not CPU: four forks on
    // two cores keep both busy (the default there is one fork at a time; 367 s → 251 s wall).
    maxWorkers: 4,
  },
});
