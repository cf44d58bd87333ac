/**
 * GraphQL Code Generator: the portal's operation types, from the API's SDL (apps/api/schema.graphql,
 * written by `pnpm --filter @vcc/api schema:print`) and the operation strings tagged `/* GraphQL *\/`.
 * `pnpm --filter @vcc/portal codegen` rewrites lib/graphql/generated.ts; apps/api/test/schema-drift.test.ts
 * fails when either file is stale. Paths are relative to apps/portal (the test passes it as `cwd`).
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../api/schema.graphql',
  // Every `/* GraphQL */` template string in these files is an operation or fragment; one that does
  // not validate against the schema fails generation.
  documents: [
    'app/**/*.{ts,tsx}',
    'components/**/*.{ts,tsx}',
    'lib/**/*.{ts,tsx}',
    '!lib/graphql/generated.ts',
  ],
  generates: {
    'lib/graphql/generated.ts': {
      plugins: ['typescript-operations'],
      config: {
        // Answers arrive as JSON: DateTime is an ISO string, JSON any value.
        scalars: { DateTime: 'string', JSON: 'unknown' },
        strictScalars: true,
        // The portal never asks for __typename.
        skipTypename: true,
      },
    },
  },
};

export default config;
