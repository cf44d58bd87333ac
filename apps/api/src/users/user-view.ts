/** Reads portal logins as people see them (with their tenant, never the hash), within reach. */
import { schema, type Transaction } from '@vcc/db';
import { and, eq, type SQL } from 'drizzle-orm';
import type { Principal } from '../auth/principal.js';
import { withinReach } from '../auth/scope-conditions.js';
import type { RoleEnum } from '../schema/common/enums.js';
import type { User } from '../schema/users/user.types.js';

const { users, tenants } = schema;

export async function selectUsers(
  tx: Transaction,
  principal: Principal,
  where: SQL[],
  limit?: number,
): Promise<User[]> {
  const query = tx
    .select({
      id: users.id,
      email: users.email,
      role: users.role,
      createdAt: users.createdAt,
      disabledAt: users.disabledAt,
      tenantId: tenants.id,
      tenantExternalId: tenants.externalId,
      tenantName: tenants.name,
    })
    .from(users)
    .leftJoin(tenants, eq(tenants.id, users.tenantId))
    .where(and(...withinReach(principal, { spId: users.spId, tenantId: users.tenantId }), ...where))
    .orderBy(users.email);
  const rows = limit === undefined ? await query : await query.limit(limit);
  return rows.map(({ tenantId, tenantExternalId, tenantName, ...user }) => ({
    ...user,
    role: user.role as RoleEnum,
    disabled: user.disabledAt !== null,
    tenant: tenantId ? { id: tenantId, externalId: tenantExternalId!, name: tenantName! } : null,
  }));
}

export async function userById(tx: Transaction, principal: Principal, id: string): Promise<User | null> {
  const [user] = await selectUsers(tx, principal, [eq(users.id, id)]);
  return user ?? null;
}
