import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { SP_ROLES } from '../../auth/principal.js';
import { licenseTrend } from '../../reports/license-trend.js';
import { type Context, principalOf } from '../../server/context.js';
import { Access } from '../common/access.js';
import { parseMonthArg } from '../common/arguments.js';
import { LicenseTrendMonth } from './license-trend.types.js';

@Resolver()
export class LicenseTrendResolver {
  @Query(() => [LicenseTrendMonth], {
    description:
      'SP roles only: the SP’s counters for `months` months ending with `to` (YYYY-MM), oldest first',
  })
  @Access(...SP_ROLES)
  async licenseTrend(
    @Ctx() ctx: Context,
    @Arg('to', () => String) to: string,
    @Arg('months', () => Int, { defaultValue: 12 }) months: number,
  ): Promise<LicenseTrendMonth[]> {
    parseMonthArg(to, 'to');
    return licenseTrend(await ctx.tx(), principalOf(ctx), to, months);
  }
}
