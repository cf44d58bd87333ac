import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ALL_ROLES } from '../../auth/principal.js';
import { createLicense } from '../../licenses/create-license.js';
import { listLicenses } from '../../licenses/list-licenses.js';
import { updateLicense } from '../../licenses/update-license.js';
import { type Context, principalOf } from '../../server/context.js';
import { Access } from '../common/access.js';
import { toLicense } from '../tenants/tenant.mapping.js';
import { BackupServer, License, Tenant } from '../tenants/tenant.types.js';
import { CreateLicenseInput, UpdateLicenseInput } from './license.inputs.js';
import { LicenseConnection } from './license.types.js';

@Resolver(() => License)
export class LicenseResolver {
  @Query(() => LicenseConnection, {
    description: 'SP roles: every license, the SP’s own included; tenant roles: their own',
  })
  @Access(...ALL_ROLES)
  async licenses(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<LicenseConnection> {
    return listLicenses(await ctx.tx(), principalOf(ctx), first, after);
  }

  @Mutation(() => License)
  @Access('sp-admin')
  async createLicense(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateLicenseInput) input: CreateLicenseInput,
  ): Promise<License> {
    return toLicense(await createLicense(await ctx.tx(), principalOf(ctx), input));
  }

  @Mutation(() => License, { description: 'Changes the fields given; the others keep their value' })
  @Access('sp-admin')
  async updateLicense(
    @Ctx() ctx: Context,
    @Arg('externalId', () => String) externalId: string,
    @Arg('input', () => UpdateLicenseInput) input: UpdateLicenseInput,
  ): Promise<License> {
    return toLicense(await updateLicense(await ctx.tx(), principalOf(ctx), externalId, input));
  }

  @FieldResolver(() => BackupServer, { nullable: true, description: 'The server it is installed on' })
  server(@Root() license: License, @Ctx() ctx: Context): Promise<BackupServer | null> {
    return ctx.loaders.serverById.load(license.serverId);
  }

  @FieldResolver(() => Tenant, { nullable: true, description: 'Null on the SP’s own servers' })
  tenant(@Root() license: License, @Ctx() ctx: Context): Promise<Tenant | null> {
    return license.tenantId ? ctx.loaders.tenantById.load(license.tenantId) : Promise.resolve(null);
  }
}
