import { schema } from '@vcc/db';
import { eq } from 'drizzle-orm';
import { Ctx, Query, Resolver } from 'type-graphql';
import { ALL_ROLES } from '../../auth/principal.js';
import { type Context, principalOf } from '../../server/context.js';
import { Access } from '../common/access.js';
import type { RoleEnum, RulesetEnum } from '../common/enums.js';
import { toTenant } from '../tenants/tenant.mapping.js';
import { Viewer } from './viewer.types.js';

@Resolver(() => Viewer)
export class ViewerResolver {
  @Query(() => Viewer)
  @Access(...ALL_ROLES)
  async viewer(@Ctx() ctx: Context): Promise<Viewer> {
    const principal = principalOf(ctx);
    const db = await ctx.tx();
    const [sp] = await db
      .select()
      .from(schema.serviceProviders)
      .where(eq(schema.serviceProviders.id, principal.spId));
    const [tenant] = principal.tenantId
      ? await db.select().from(schema.tenants).where(eq(schema.tenants.id, principal.tenantId))
      : [];
    return {
      role: principal.role as RoleEnum,
      serviceProvider: sp
        ? { id: sp.id, externalId: sp.externalId, name: sp.name, ruleset: sp.ruleset as RulesetEnum }
        : null,
      tenant: tenant ? toTenant(tenant) : null,
    };
  }
}
