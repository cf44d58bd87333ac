import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { SP_ROLES } from '../../auth/principal.js';
import { getServiceProvider } from '../../estate/get-service-provider.js';
import { type Context, principalOf } from '../../server/context.js';
import { listSpBackupServers } from '../../servers/list-sp-backup-servers.js';
import { Access } from '../common/access.js';
import type { RulesetEnum } from '../common/enums.js';
import { toBackupServer } from '../tenants/tenant.mapping.js';
import { BackupServer } from '../tenants/tenant.types.js';
import { ServiceProvider } from '../viewer/viewer.types.js';

@Resolver(() => ServiceProvider)
export class ServiceProviderResolver {
  @Query(() => ServiceProvider, { description: 'SP roles only: the service provider and its own servers' })
  @Access(...SP_ROLES)
  async serviceProvider(@Ctx() ctx: Context): Promise<ServiceProvider> {
    const sp = await getServiceProvider(await ctx.tx(), principalOf(ctx));
    return { id: sp.id, externalId: sp.externalId, name: sp.name, ruleset: sp.ruleset as RulesetEnum };
  }

  @FieldResolver(() => [BackupServer], {
    description: 'The SP’s own (Cloud Connect) servers; empty for tenant callers',
  })
  async backupServers(@Root() _sp: ServiceProvider, @Ctx() ctx: Context): Promise<BackupServer[]> {
    const rows = await listSpBackupServers(await ctx.tx(), principalOf(ctx));
    return rows.map(toBackupServer);
  }
}
