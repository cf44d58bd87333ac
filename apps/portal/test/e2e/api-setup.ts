import type { TestProject } from 'vitest/node';
import { E2E_SP, type E2eEstate, startApiEstate } from './api-estate';
import { type E2eIdentityProvider, startIdentityProvider } from './identity-provider';

declare module 'vitest' {
  export interface ProvidedContext {
    e2eEstate: E2eEstate;
    identityProvider: E2eIdentityProvider;
  }
}

/**
 * One real API with a freshly seeded estate for the whole run (seeding takes a while, so not per
 * file). Tests read it with `inject('e2eEstate')`; each test file starts its own portal against it.
 * An OpenID Connect provider runs beside it (`inject('identityProvider')`).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  const identity = await startIdentityProvider();
  // The API trusts the provider's ID tokens for tenant t-1's users only (its own provider).
  const { estate, stop } = await startApiEstate({
    OIDC_ISSUER: identity.provider.issuer,
    OIDC_CLIENT_ID: identity.provider.clientId,
    OIDC_TENANT: `${E2E_SP}/t-1`,
  }).catch(async (error: unknown) => {
    await identity.stop();
    throw error;
  });
  console.log(`[e2e] API with a seeded estate (${estate.database}) ready in ${Date.now() - started} ms`);
  project.provide('e2eEstate', estate);
  project.provide('identityProvider', identity.provider);
  return async () => {
    await stop();
    await identity.stop();
  };
}
