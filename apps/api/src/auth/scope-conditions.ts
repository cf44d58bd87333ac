/**
 * The resolvers' own lock on tenant data, beside row-level security: every query on a tenant-owned
 * table adds these conditions, so that either lock alone keeps a caller within its reach.
 */
import { eq, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { isSpRole, type Principal } from './principal.js';

export function withinReach(principal: Principal, columns: { spId: PgColumn; tenantId: PgColumn }): SQL[] {
  const conditions = [eq(columns.spId, principal.spId)];
  if (!isSpRole(principal.role))
    conditions.push(eq(columns.tenantId, principal.tenantId ?? '00000000-0000-0000-0000-000000000000'));
  return conditions;
}
