import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { ALL_ROLES } from '../../auth/principal.js';
import { licenseReportAt } from '../../reports/license-report-answers.js';
import { namedLicenseReport } from '../../reports/named-report.js';
import { type Context, principalOf } from '../../server/context.js';
import { Access } from '../common/access.js';
import { parseMonthArg } from '../common/arguments.js';
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
    @Arg('tenant', () => String, {
      nullable: true,
      description:
        'Only this tenant’s part (its external id): its figures and violations, beside the SP’s figures',
    })
    tenant: string | null,
  ): Promise<LicenseReport> {
    const principal = principalOf(ctx);
    parseMonthArg(month, 'month');
    const only = tenant ?? undefined;
    // The version is taken before the report is read: what is kept under it is never older.
    return licenseReportAt(ctx.knownVersion(), principal, month, only, async () =>
      namedLicenseReport(await ctx.tx(), principal, month, only),
    );
  }
}
