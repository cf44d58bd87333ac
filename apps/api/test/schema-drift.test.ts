/**
 * The committed contract files must match what the generators would write now: apps/api/schema.graphql
 * (`pnpm --filter @vcc/api schema:print`) and the portal's lib/graphql/generated.ts
 * (`pnpm --filter @vcc/portal codegen`). A resolver change without the first, or a portal operation
 * change without the second, fails here instead of drifting silently. No database needed.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import codegenConfig from '../../portal/codegen.ts';
import { printSdl, SCHEMA_SDL_FILE } from '../src/schema/sdl.js';

const PORTAL_DIR = fileURLToPath(new URL('../../portal/', import.meta.url));

interface GeneratedFile {
  filename: string;
  content: string;
}
type Generate = (
  config: typeof codegenConfig & { cwd: string },
  saveToFile: boolean,
) => Promise<GeneratedFile[]>;

/** Codegen is the portal's dev dependency, not the API's: load it from the portal. */
function loadGenerate(): Generate {
  const require = createRequire(path.join(PORTAL_DIR, 'package.json'));
  return (require('@graphql-codegen/cli') as { generate: Generate }).generate;
}

describe('generated GraphQL contract', () => {
  it('apps/api/schema.graphql is the SDL of the schema (run: pnpm --filter @vcc/api schema:print)', () => {
    expect(readFileSync(SCHEMA_SDL_FILE, 'utf8')).toBe(printSdl());
  });

  it("the portal's generated types match its operations and schema.graphql (run: pnpm --filter @vcc/portal codegen)", async () => {
    // Generation also validates every operation document against the schema, and throws on any error.
    const files = await loadGenerate()({ ...codegenConfig, cwd: PORTAL_DIR, silent: true }, false);
    expect(files.length).toBe(Object.keys(codegenConfig.generates).length);
    for (const file of files) {
      const committed = readFileSync(path.resolve(PORTAL_DIR, file.filename), 'utf8');
      expect(committed, file.filename).toBe(file.content);
    }
  }, 60_000);
});
