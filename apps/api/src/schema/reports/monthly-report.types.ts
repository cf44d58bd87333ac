/**
 * The monthly usage report as an SP reviews it (docs/anchors.md, VSPC's monthly report): open while
 * the SP checks and adjusts it, approved (frozen) afterwards. `licenseReport` stays the engine's
 * figures (the contract); this view shows them beside the adjustments and the figures that count.
 */
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../common/connection.js';
import { CounterEnum } from '../common/enums.js';
import { LicenseReport, TenantRef } from './report.types.js';

export enum ReportStatusEnum {
  OPEN = 'open',
  APPROVED = 'approved',
}
/** The tenant counter figures an SP may adjust; units follow `used` (see apply-adjustments.ts). */
export enum ReportFigureEnum {
  USED = 'used',
  NEW = 'new',
  RENTAL = 'rental',
}
registerEnumType(ReportStatusEnum, {
  name: 'ReportStatus',
  description: 'OPEN: under review, figures follow the data; APPROVED: frozen',
});
registerEnumType(ReportFigureEnum, { name: 'ReportFigure' });

@ObjectType({ description: 'An SP’s correction of one tenant figure in a month under review' })
export class ReportAdjustment {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'YYYY-MM' }) month!: string;
  @Field(() => TenantRef) tenant!: TenantRef;
  @Field(() => CounterEnum) counter!: CounterEnum;
  @Field(() => ReportFigureEnum) field!: ReportFigureEnum;
  @Field(() => Int, { description: 'The figure as set (not a difference)' }) value!: number;
  @Field(() => String, { description: 'Why, as the SP gave it (required)' }) reason!: string;
  @Field(() => String, { description: '`user:<id>` or `key:<id>`' }) actor!: string;
  @Field(() => String, { description: 'The user’s e-mail or the key’s name, when the caller may see it' })
  actorLabel!: string;
  @Field(() => DateTimeResolver) createdAt!: Date;
}

@ObjectType({ description: 'One month of the review list' })
export class MonthlyReportSummary {
  @Field(() => String, { description: 'YYYY-MM' }) month!: string;
  @Field(() => ReportStatusEnum) status!: ReportStatusEnum;
  @Field(() => Boolean, { description: 'The month has ended (UTC): only then can it be approved' })
  closed!: boolean;
  @Field(() => DateTimeResolver, { nullable: true }) approvedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Who approved it: `user:<id>` or `key:<id>`' })
  approvedBy!: string | null;
  @Field(() => Int, { description: 'Adjustments made to the month (within the caller’s reach)' })
  adjustmentCount!: number;
}

@ObjectType()
export class MonthlyReportConnection extends Connection(MonthlyReportSummary, 'MonthlyReportSummary') {}

@ObjectType({
  description:
    'A month under review or approved. `engine` is what the licensing engine computes (as licenseReport); ' +
    '`adjusted` is the same with the adjustments applied: the figures that count, exported and approved. ' +
    'Once approved both are served from the frozen snapshot, so later ingestion cannot change them.',
})
export class MonthlyReport {
  @Field(() => String) month!: string;
  @Field(() => ReportStatusEnum) status!: ReportStatusEnum;
  @Field(() => Boolean, { description: 'The month has ended (UTC): only then can it be approved' })
  closed!: boolean;
  @Field(() => DateTimeResolver, { nullable: true }) approvedAt!: Date | null;
  @Field(() => String, { nullable: true }) approvedBy!: string | null;
  @Field(() => String, { nullable: true, description: 'The approver’s e-mail or key name, when visible' })
  approvedByLabel!: string | null;
  @Field(() => LicenseReport, { description: 'The engine’s figures (frozen at approval)' })
  engine!: LicenseReport;
  @Field(() => LicenseReport, {
    description:
      'The engine’s figures with the adjustments applied; SP counters are the tenants’ sums again, ' +
      'capacity, peak and state stay the engine’s (they are daily figures)',
  })
  adjusted!: LicenseReport;
  @Field(() => [ReportAdjustment], { description: 'Oldest first; the latest per tenant figure wins' })
  adjustments!: ReportAdjustment[];
}
