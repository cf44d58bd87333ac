import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';
import { reporters } from '../../vitest.reporters.mts';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // One copy of graphql, or type-graphql and Apollo disagree ("Duplicate graphql modules").
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    reporters: reporters('api'),
    include: ['test/**/*.test.ts'],
    exclude: ['test/reliability/**'],
    globalSetup: ['./test-global-setup.ts'],
    setupFiles: ['reflect-metadata'],
    hookTimeout: 60_000,
    testTimeout: 60_000,
  },
});
