import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { type Context, principalOf } from '../../server/context.js';
import { createBackupServer } from '../../servers/create-backup-server.js';
import { updateBackupServer } from '../../servers/update-backup-server.js';
import { Access } from '../common/access.js';
import { toBackupServer } from '../tenants/tenant.mapping.js';
import { BackupServer, Tenant } from '../tenants/tenant.types.js';
import { CreateBackupServerInput } from './backup-server.inputs.js';

@Resolver(() => BackupServer)
export class BackupServerAdminResolver {
  @Mutation(() => BackupServer)
  @Access('sp-admin')
  async createBackupServer(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateBackupServerInput) input: CreateBackupServerInput,
  ): Promise<BackupServer> {
    return toBackupServer(await createBackupServer(await ctx.tx(), principalOf(ctx), input));
  }

  @Mutation(() => BackupServer, { description: 'A new build number, e.g. after an upgrade' })
  @Access('sp-admin')
  async updateBackupServer(
    @Ctx() ctx: Context,
    @Arg('externalId', () => String) externalId: string,
    @Arg('version', () => String) version: string,
  ): Promise<BackupServer> {
    return toBackupServer(await updateBackupServer(await ctx.tx(), principalOf(ctx), externalId, version));
  }

  @FieldResolver(() => Tenant, { nullable: true, description: 'Null for the SP’s own servers' })
  tenant(@Root() server: BackupServer, @Ctx() ctx: Context): Promise<Tenant | null> {
    return server.tenantId ? ctx.loaders.tenantById.load(server.tenantId) : Promise.resolve(null);
  }
}
