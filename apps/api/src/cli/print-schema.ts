/** Writes the API's SDL to apps/api/schema.graphql (run after a schema change, then the portal's codegen). */
import { writeFileSync } from 'node:fs';
import { printSdl, SCHEMA_SDL_FILE } from '../schema/sdl.js';

writeFileSync(SCHEMA_SDL_FILE, printSdl());
console.log(`wrote ${SCHEMA_SDL_FILE}`);
