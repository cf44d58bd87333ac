/**
 * Every change to the estate (configuration, imports, ingested points) bumps the SP's estate version in the same
 * transaction: report caches are keyed by it, so a cached report can never outlive the estate it read.
 */

import { eq, sql } from 'drizzle-orm';
import { serviceProviders } from '../schema/index.js';
import type { Executor } from '../scope.js';

export async function bumpEstateVersion(tx: Executor, spId: string): Promise<void> {
  await tx
    .update(serviceProviders)
    .set({ estateVersion: sql`${serviceProviders.estateVersion} + 1` })
    .where(eq(serviceProviders.id, spId));
}
