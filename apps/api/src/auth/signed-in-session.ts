/** What every way of signing in ends with: a portal token and who signed in. */
import { type Database, schema, withScope } from '@vcc/db';
import { eq } from 'drizzle-orm';
import type { UserRecord } from './credentials.js';
import { signPortalToken } from './portal-tokens.js';

/** The external ids of a user's SP and tenant (none for SP staff). */
export interface Affiliation {
  sp: string;
  tenant: { externalId: string; name: string } | null;
}

export async function affiliationOf(db: Database, user: UserRecord): Promise<Affiliation> {
  return withScope(db, { spId: user.sp_id, tenantId: user.tenant_id ?? undefined }, async (tx) => {
    const [sp] = await tx
      .select({ externalId: schema.serviceProviders.externalId })
      .from(schema.serviceProviders)
      .where(eq(schema.serviceProviders.id, user.sp_id));
    const [tenant] = user.tenant_id
      ? await tx
          .select({ externalId: schema.tenants.externalId, name: schema.tenants.name })
          .from(schema.tenants)
          .where(eq(schema.tenants.id, user.tenant_id))
      : [];
    return { sp: sp?.externalId ?? '', tenant: tenant ?? null };
  });
}

export async function signedInSession(secret: string, user: UserRecord, affiliation: Affiliation) {
  return {
    token: await signPortalToken(secret, user.id),
    user: { id: user.id, email: user.email, role: user.role, tenant: affiliation.tenant },
  };
}
