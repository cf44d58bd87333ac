import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Connection } from '../common/connection.js';
import { LicenseTypeEnum } from '../common/enums.js';

@ObjectType()
export class Plan {
  @Field(() => Int) vmBackup!: number;
  @Field(() => Int) vmReplica!: number;
  @Field(() => Int) server!: number;
  @Field(() => Int) workstation!: number;
  @Field(() => Int, {
    description: 'VMs the tenant plans to protect: the hosting obligation of a managed tenant',
  })
  vms!: number;
}

@ObjectType()
export class LicenseCapacity {
  @Field(() => Int, { nullable: true }) vmBackup!: number | null;
  @Field(() => Int, { nullable: true }) vmReplica!: number | null;
  @Field(() => Int, { nullable: true }) server!: number | null;
  @Field(() => Int, { nullable: true }) workstation!: number | null;
  @Field(() => Int, { nullable: true }) points!: number | null;
  @Field(() => Int, { nullable: true }) instances!: number | null;
}

@ObjectType()
export class License {
  @Field(() => ID) id!: string;
  @Field(() => String) externalId!: string;
  @Field(() => LicenseTypeEnum) type!: LicenseTypeEnum;
  @Field(() => String, { description: 'YYYY-MM-DD' }) validFrom!: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null: no end' }) validTo!: string | null;
  @Field(() => LicenseCapacity) capacity!: LicenseCapacity;
  serverId!: string;
  /** The tenant of the server it is installed on; null on the SP's own servers. */
  tenantId!: string | null;
}

@ObjectType()
export class BackupServer {
  @Field(() => ID) id!: string;
  @Field(() => String) externalId!: string;
  @Field(() => String) version!: string;
  tenantId!: string | null;
}

@ObjectType()
export class Tenant {
  @Field(() => ID) id!: string;
  @Field(() => String) externalId!: string;
  @Field(() => String) name!: string;
  @Field(() => Boolean) enabled!: boolean;
  @Field(() => Boolean) managedBySp!: boolean;
  @Field(() => Plan) plan!: Plan;
}

@ObjectType()
export class TenantConnection extends Connection(Tenant, 'Tenant') {}

@InputType()
export class PlanInput {
  @Field(() => Int) vmBackup!: number;
  @Field(() => Int) vmReplica!: number;
  @Field(() => Int) server!: number;
  @Field(() => Int) workstation!: number;
  @Field(() => Int) vms!: number;
}
