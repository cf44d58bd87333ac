import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../common/connection.js';
import { StateEnum } from '../common/enums.js';
import { Hosting, TenantCounter, TenantLicenseUsage } from '../reports/report.types.js';
import { Tenant } from './tenant.types.js';

/** The orders of `tenantUsage`; each has the one direction a person scans that column in. */
export enum TenantUsageSortEnum {
  NAME = 'name',
  EXTERNAL_ID = 'external-id',
  UNITS = 'units',
  VIOLATIONS = 'violations',
  STATE = 'state',
}
registerEnumType(TenantUsageSortEnum, {
  name: 'TenantUsageSort',
  valuesConfig: {
    NAME: { description: 'By name, A to Z (case-insensitive), then external id' },
    EXTERNAL_ID: { description: 'By external id, ascending' },
    UNITS: { description: 'Most SP units first, then by name' },
    VIOLATIONS: { description: 'Most open violations first, then by name' },
    STATE: { description: 'Worst license state first (unlicensed, exceeded, grace, ok, none), then by name' },
  },
});

@ObjectType({ description: 'One tenant with its figures for a month, as in licenseReport' })
export class TenantUsage {
  @Field(() => Tenant) tenant!: Tenant;
  @Field(() => Int, { description: 'SP units used: the sum of its counters’ units' }) units!: number;
  @Field(() => Float, { description: 'Its part of all tenants’ SP units, from 0 to 1' }) share!: number;
  @Field(() => [TenantCounter]) counters!: TenantCounter[];
  @Field(() => [TenantLicenseUsage]) licenses!: TenantLicenseUsage[];
  @Field(() => StateEnum, {
    nullable: true,
    description: 'The worst state of its licenses; null: none in use',
  })
  licenseState!: StateEnum | null;
  @Field(() => Hosting, { nullable: true }) hosting!: Hosting | null;
  @Field(() => Int, { description: 'The month’s violations that name this tenant' }) openViolations!: number;
}

@ObjectType()
export class TenantUsageConnection extends Connection(TenantUsage, 'TenantUsage') {}
