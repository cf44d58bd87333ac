import { defineConfig } from 'vitest/config';
import { reporters } from '../../vitest.reporters.mts';

export default defineConfig({
  test: {
    reporters: reporters('portal'),
    include: ['test/**/*.test.ts'],
    // Build first (if stale), then one seeded API for every file.
    globalSetup: ['test/e2e/global-setup.ts', 'test/e2e/api-setup.ts'],
    // Browser + production server: slow to start on 2-core machines, and a build may run first.
    testTimeout: 60_000,
    hookTimeout: 300_000,
    // Each e2e file starts its own server and browser; one at a time keeps memory in bounds.
    fileParallelism: false,
  },
});
