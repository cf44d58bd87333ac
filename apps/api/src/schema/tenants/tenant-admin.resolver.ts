/** Tenant configuration: SP admins only (a tenant may not change its own plan or state). */
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { type Context, principalOf } from '../../server/context.js';
import { createTenant } from '../../tenants/create-tenant.js';
import { setTenantEnabled } from '../../tenants/set-tenant-enabled.js';
import { updateTenant } from '../../tenants/update-tenant.js';
import { updateTenantPlan } from '../../tenants/update-tenant-plan.js';
import { Access } from '../common/access.js';
import { CreateTenantInput, UpdateTenantInput } from './tenant.inputs.js';
import { toTenant } from './tenant.mapping.js';
import { PlanInput, Tenant } from './tenant.types.js';

@Resolver(() => Tenant)
export class TenantAdminResolver {
  @Mutation(() => Tenant)
  @Access('sp-admin')
  async createTenant(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateTenantInput) input: CreateTenantInput,
  ): Promise<Tenant> {
    return toTenant(await createTenant(await ctx.tx(), principalOf(ctx), input));
  }

  @Mutation(() => Tenant, { description: 'Changes the fields given; the others keep their value' })
  @Access('sp-admin')
  async updateTenant(
    @Ctx() ctx: Context,
    @Arg('externalId', () => String) externalId: string,
    @Arg('input', () => UpdateTenantInput) input: UpdateTenantInput,
  ): Promise<Tenant> {
    return toTenant(await updateTenant(await ctx.tx(), principalOf(ctx), externalId, input));
  }

  @Mutation(() => Tenant)
  @Access('sp-admin')
  async setTenantEnabled(
    @Ctx() ctx: Context,
    @Arg('externalId', () => String) externalId: string,
    @Arg('enabled', () => Boolean) enabled: boolean,
  ): Promise<Tenant> {
    return toTenant(await setTenantEnabled(await ctx.tx(), principalOf(ctx), externalId, enabled));
  }

  @Mutation(() => Tenant)
  @Access('sp-admin')
  async updateTenantPlan(
    @Ctx() ctx: Context,
    @Arg('externalId', () => String) externalId: string,
    @Arg('plan', () => PlanInput) plan: PlanInput,
  ): Promise<Tenant> {
    return toTenant(await updateTenantPlan(await ctx.tx(), principalOf(ctx), externalId, plan));
  }
}
