import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { ALL_ROLES } from '../../auth/principal.js';
import { type Context, principalOf } from '../../server/context.js';
import { listViolations } from '../../violations/list-violations.js';
import { summarizeViolations } from '../../violations/summarize-violations.js';
import { Access } from '../common/access.js';
import { parseMonthArg } from '../common/arguments.js';
import { SeverityEnum } from '../common/enums.js';
import { Violation } from '../reports/report.types.js';
import { ViolationGroup } from './violation-group.types.js';

@Resolver(() => Violation)
export class ViolationResolver {
  @Query(() => [Violation], {
    description: 'A month’s violations, as in licenseReport; tenant callers see their own only',
  })
  @Access(...ALL_ROLES)
  async violations(
    @Ctx() ctx: Context,
    @Arg('month', () => String) month: string,
    @Arg('severity', () => SeverityEnum, { nullable: true }) severity: SeverityEnum | null,
    @Arg('tenantExternalId', () => String, { nullable: true }) tenantExternalId: string | null,
  ): Promise<Violation[]> {
    parseMonthArg(month, 'month');
    return listViolations(await ctx.tx(), principalOf(ctx), month, {
      severity: severity ?? null,
      tenantExternalId: tenantExternalId ?? null,
    });
  }

  @Query(() => [ViolationGroup], {
    description:
      'A month’s violations per severity, worst first: each group’s count and its first `first`; tenant callers see their own only',
  })
  @Access(...ALL_ROLES)
  async violationSummary(
    @Ctx() ctx: Context,
    @Arg('month', () => String) month: string,
    @Arg('first', () => Int, { defaultValue: 5 }) first: number,
  ): Promise<ViolationGroup[]> {
    parseMonthArg(month, 'month');
    return summarizeViolations(await ctx.tx(), principalOf(ctx), month, first);
  }
}
