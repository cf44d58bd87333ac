import type { TestProject } from 'vitest/node';
import { type E2eEstate, startApiEstate } from './api-estate';

declare module 'vitest' {
  export interface ProvidedContext {
    e2eEstate: E2eEstate;
  }
}

/**
 * One real API with a freshly seeded estate for the whole run (seeding takes a while, so not per
 * file). Tests read it with `inject('e2eEstate')`; each test file starts its own portal against it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  const { estate, stop } = await startApiEstate();
  console.log(`[e2e] API with a seeded estate (${estate.database}) ready in ${Date.now() - started} ms`);
  project.provide('e2eEstate', estate);
  return stop;
}
