/**
 * Every configuration change (tenants, servers, licenses) bumps the SP's estate version in the same
 * transaction: report caches are keyed by it, so a cached report can never outlive the estate it read.
 */
import { type Executor, schema } from '@vcc/db';
import { eq, sql } from 'drizzle-orm';

export async function bumpEstateVersion(tx: Executor, spId: string): Promise<void> {
  const { serviceProviders } = schema;
  await tx
    .update(serviceProviders)
    .set({ estateVersion: sql`${serviceProviders.estateVersion} + 1` })
    .where(eq(serviceProviders.id, spId));
}
