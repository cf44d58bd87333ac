import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';
import { reporters } from '../../vitest.reporters.mts';

const require = createRequire(import.meta.url);

/**
 * `pnpm test:reliability`: isolation, bad input, idempotency under faults, load and auth
 * (docs/reliability.md). One file at a time: the load and fault tests measure the machine.
 */
export default defineConfig({
  resolve: {
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    reporters: reporters('api-reliability'),
    include: ['test/reliability/**/*.test.ts'],
    globalSetup: ['./test/reliability/global-setup.ts'],
    setupFiles: ['reflect-metadata'],
    fileParallelism: false,
    hookTimeout: 120_000,
    testTimeout: 300_000,
  },
});
