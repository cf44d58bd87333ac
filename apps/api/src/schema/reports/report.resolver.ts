import { schema } from '@vcc/db';
import { and } from 'drizzle-orm';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { ALL_ROLES } from '../../auth/principal.js';
import { withinReach } from '../../auth/scope-conditions.js';
import { monthReport } from '../../reports/report-service.js';
import { type Context, principalOf } from '../../server/context.js';
import { Access } from '../common/access.js';
import { parseMonthArg } from '../common/arguments.js';
import type { LicenseTypeEnum } from '../common/enums.js';
import { toLicenseReport } from './report.mapping.js';
import { LicenseReport } from './report.types.js';

@Resolver()
export class ReportResolver {
  @Query(() => LicenseReport, {
    description: 'The license report of one month (YYYY-MM), within the caller’s reach',
  })
  @Access(...ALL_ROLES)
  async licenseReport(
    @Ctx() ctx: Context,
    @Arg('month', () => String) month: string,
  ): Promise<LicenseReport> {
    const principal = principalOf(ctx);
    parseMonthArg(month, 'month');
    const tx = await ctx.tx();
    const report = await monthReport(tx, principal, month);
    const tenantRows = await tx
      .select({ id: schema.tenants.id, externalId: schema.tenants.externalId, name: schema.tenants.name })
      .from(schema.tenants)
      .where(and(...withinReach(principal, { spId: schema.tenants.spId, tenantId: schema.tenants.id })));
    const licenseRows = await tx
      .select({ id: schema.licenses.id, externalId: schema.licenses.externalId, type: schema.licenses.type })
      .from(schema.licenses)
      .where(
        and(...withinReach(principal, { spId: schema.licenses.spId, tenantId: schema.licenses.tenantId })),
      );
    return toLicenseReport(report, {
      tenants: new Map(tenantRows.map((t) => [t.externalId, t])),
      licenses: new Map(licenseRows.map((l) => [l.externalId, { ...l, type: l.type as LicenseTypeEnum }])),
    });
  }
}
