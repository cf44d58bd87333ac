/**
 * Every change to the estate bumps the SP's estate version in the same transaction: report caches
 * are keyed by it, so a cached report can never outlive the estate it read. A change to the
 * configuration (tenants, servers, licenses, imports) bumps the config version too; ingestion bumps
 * instead the usage versions of the tenants it wrote, so that the reports of other tenants, and
 * their parts in the SP's report, stay valid (migration 0012).
 */

import { sql } from 'drizzle-orm';
import { queryRows } from '../rows.js';
import type { Executor } from '../scope.js';
import { arrayLiteral } from '../usage/sql-arrays.js';

export async function bumpEstateVersion(tx: Executor, spId: string): Promise<void> {
  await tx.execute(
    sql`update service_providers set estate_version = estate_version + 1, config_version = config_version + 1
         where id = ${spId}`,
  );
}

/** Bumps the estate version for a batch that wrote these tenants' machines or usage; returns it. */
export async function bumpUsageVersion(
  tx: Executor,
  spId: string,
  tenantIds: readonly string[],
): Promise<number> {
  const [row] = await queryRows<{ version: string }>(
    tx,
    sql`with sp as (
          update service_providers set estate_version = estate_version + 1 where id = ${spId}
          returning estate_version
        ), stamped as (
          insert into tenant_usage_versions (sp_id, tenant_id, version)
          select ${spId}, t, (select estate_version from sp) from unnest(${arrayLiteral([...tenantIds].sort())}::uuid[]) as t
          on conflict (tenant_id) do update set version = excluded.version
        )
        select estate_version::text as version from sp`,
  );
  return Number(row!.version);
}
