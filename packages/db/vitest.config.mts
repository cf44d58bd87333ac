import { defineConfig } from 'vitest/config';
import { reporters } from '../../vitest.reporters.mts';

export default defineConfig({
  test: {
    reporters: reporters('db'),
    include: ['test/**/*.test.ts'],
    globalSetup: ['./test-global-setup.ts'],
    // PGlite takes seconds to start cold, more under a parallel build.
    hookTimeout: 60_000,
    testTimeout: 60_000,
  },
});
