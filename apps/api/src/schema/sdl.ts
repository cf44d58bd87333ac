/** The schema as SDL: the contract the portal's generated types are built from. */
import { fileURLToPath } from 'node:url';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { getSchema } from './build-schema.js';

/** apps/api/schema.graphql, committed; `pnpm --filter @vcc/api schema:print` rewrites it. */
export const SCHEMA_SDL_FILE = fileURLToPath(new URL('../../schema.graphql', import.meta.url));

/**
 * Sorted by name, so the file changes only when the schema does, not when resolvers are
 * registered (or imported) in another order.
 */
export function printSdl(): string {
  return `${printSchema(lexicographicSortSchema(getSchema()))}\n`;
}
