import { schema } from '@vcc/db';
import { and, asc, eq, gt } from 'drizzle-orm';
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { ALL_ROLES, SP_ROLES } from '../../auth/principal.js';
import { withinReach } from '../../auth/scope-conditions.js';
import { type Context, principalOf } from '../../server/context.js';
import { tenantSearchCondition } from '../../tenants/tenant-search.js';
import { Access } from '../common/access.js';
import { decodeCursor, pageSize, toConnection } from '../common/connection.js';
import { toTenant } from './tenant.mapping.js';
import { BackupServer, License, Tenant, TenantConnection } from './tenant.types.js';

const { tenants } = schema;

@Resolver(() => Tenant)
export class TenantResolver {
  @Query(() => TenantConnection, {
    description: 'SP roles only: every tenant, by name, with optional search',
  })
  @Access(...SP_ROLES)
  async tenants(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('search', () => String, { nullable: true }) search: string | null,
  ): Promise<TenantConnection> {
    const limit = pageSize(first);
    const db = await ctx.tx();
    const conditions = withinReach(principalOf(ctx), { spId: tenants.spId, tenantId: tenants.id });
    const searched = tenantSearchCondition(search);
    if (searched) conditions.push(searched);
    if (after) {
      const [externalId] = decodeCursor(after);
      conditions.push(gt(tenants.externalId, String(externalId)));
    }
    const rows = await db
      .select()
      .from(tenants)
      .where(and(...conditions))
      .orderBy(asc(tenants.externalId))
      .limit(limit + 1);
    return toConnection(rows.map(toTenant), limit, (t) => [t.externalId]);
  }

  @Query(() => Tenant, {
    nullable: true,
    description: 'Null when there is no such tenant or the caller may not see it',
  })
  @Access(...ALL_ROLES)
  async tenant(
    @Ctx() ctx: Context,
    @Arg('externalId', () => String) externalId: string,
  ): Promise<Tenant | null> {
    const db = await ctx.tx();
    const reach = withinReach(principalOf(ctx), { spId: tenants.spId, tenantId: tenants.id });
    const [row] = await db
      .select()
      .from(tenants)
      .where(and(eq(tenants.externalId, externalId), ...reach));
    return row ? toTenant(row) : null;
  }

  @FieldResolver(() => [BackupServer])
  backupServers(@Root() tenant: Tenant, @Ctx() ctx: Context): Promise<BackupServer[]> {
    return ctx.loaders.serversByTenant.load(tenant.id);
  }
}

@Resolver(() => BackupServer)
export class BackupServerResolver {
  @FieldResolver(() => [License])
  licenses(@Root() server: BackupServer, @Ctx() ctx: Context): Promise<License[]> {
    return ctx.loaders.licensesByServer.load(server.id);
  }
}
