import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { SP_ROLES } from '../../auth/principal.js';
import { type Context, principalOf } from '../../server/context.js';
import { listTenantUsage } from '../../tenants/list-tenant-usage.js';
import { Access } from '../common/access.js';
import { parseMonthArg } from '../common/arguments.js';
import { TenantUsageConnection, TenantUsageSortEnum } from './tenant-usage.types.js';

@Resolver()
export class TenantUsageResolver {
  @Query(() => TenantUsageConnection, {
    description:
      'SP roles only: tenants with their figures for a month (YYYY-MM), searched by name or external id, sorted and paged by the API',
  })
  @Access(...SP_ROLES)
  async tenantUsage(
    @Ctx() ctx: Context,
    @Arg('month', () => String) month: string,
    @Arg('search', () => String, { nullable: true }) search: string | null,
    @Arg('sort', () => TenantUsageSortEnum, { defaultValue: TenantUsageSortEnum.NAME })
    sort: TenantUsageSortEnum,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<TenantUsageConnection> {
    parseMonthArg(month, 'month');
    return listTenantUsage(await ctx.tx(), principalOf(ctx), {
      month,
      search: search || null,
      sort,
      first,
      after,
    });
  }
}
