import { defineConfig } from 'vitest/config';
import { reporters } from '../../vitest.reporters.mts';

export default defineConfig({ test: { include: ['test/**/*.test.ts'], reporters: reporters('rules') } });
