/** The monthly review (docs/anchors.md): everyone in reach may read it; only SP admins change it. */
import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { ALL_ROLES } from '../../auth/principal.js';
import { adjustTenantFigure } from '../../reports/adjust-tenant-figure.js';
import { approveMonth } from '../../reports/approve-month.js';
import { listAdjustments } from '../../reports/list-adjustments.js';
import { listMonthlyReports } from '../../reports/list-monthly-reports.js';
import { loadMonthlyReport } from '../../reports/monthly-report.js';
import { renderReportFile } from '../../reports/report-file.js';
import { type Context, principalOf } from '../../server/context.js';
import { Access } from '../common/access.js';
import { parseMonthArg } from '../common/arguments.js';
import { AdjustTenantFigureInput } from './monthly-report.inputs.js';
import { MonthlyReport, MonthlyReportConnection, ReportAdjustment } from './monthly-report.types.js';
import { ReportFile, ReportFormatEnum } from './report-file.types.js';

@Resolver()
export class MonthlyReportResolver {
  @Query(() => MonthlyReportConnection, {
    description: 'Months with data, adjustments or an approval, newest first, with their review status',
  })
  @Access(...ALL_ROLES)
  async monthlyReports(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<MonthlyReportConnection> {
    return listMonthlyReports(await ctx.tx(), principalOf(ctx), first, after);
  }

  @Query(() => MonthlyReport, { description: 'One month (YYYY-MM) under review or approved, within reach' })
  @Access(...ALL_ROLES)
  async monthlyReport(
    @Ctx() ctx: Context,
    @Arg('month', () => String) month: string,
  ): Promise<MonthlyReport> {
    parseMonthArg(month, 'month');
    return loadMonthlyReport(await ctx.tx(), principalOf(ctx), month);
  }

  @Query(() => ReportFile, {
    description: 'One month’s report (YYYY-MM) as a CSV or PDF file: the figures that count, within reach',
  })
  @Access(...ALL_ROLES)
  async reportFile(
    @Ctx() ctx: Context,
    @Arg('month', () => String) month: string,
    @Arg('format', () => ReportFormatEnum) format: ReportFormatEnum,
  ): Promise<ReportFile> {
    parseMonthArg(month, 'month');
    const file = await renderReportFile(
      await loadMonthlyReport(await ctx.tx(), principalOf(ctx), month),
      format,
    );
    return {
      filename: file.filename,
      contentType: file.contentType,
      contentBase64: file.content.toString('base64'),
    };
  }

  @Query(() => [ReportAdjustment], { description: 'The month’s adjustments within reach, oldest first' })
  @Access(...ALL_ROLES)
  async reportAdjustments(
    @Ctx() ctx: Context,
    @Arg('month', () => String) month: string,
  ): Promise<ReportAdjustment[]> {
    parseMonthArg(month, 'month');
    return listAdjustments(await ctx.tx(), principalOf(ctx), month);
  }

  @Mutation(() => ReportAdjustment, {
    description: 'Sets a tenant figure of a month under review; a reason is required; audited',
  })
  @Access('sp-admin')
  async adjustTenantFigure(
    @Ctx() ctx: Context,
    @Arg('input', () => AdjustTenantFigureInput) input: AdjustTenantFigureInput,
  ): Promise<ReportAdjustment> {
    return adjustTenantFigure(await ctx.tx(), principalOf(ctx), input);
  }

  @Mutation(() => MonthlyReport, {
    description: 'Freezes a month that has ended (engine figures with adjustments); CONFLICT if approved',
  })
  @Access('sp-admin')
  async approveMonth(@Ctx() ctx: Context, @Arg('month', () => String) month: string): Promise<MonthlyReport> {
    parseMonthArg(month, 'month');
    return approveMonth(await ctx.tx(), principalOf(ctx), month);
  }
}
