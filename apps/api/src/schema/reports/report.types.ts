import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CounterEnum, LicenseTypeEnum, RulesetEnum, SeverityEnum, StateEnum } from '../common/enums.js';

@ObjectType()
export class SpCounter {
  @Field(() => CounterEnum) counter!: CounterEnum;
  @Field(() => Int) used!: number;
  @Field(() => Int) new!: number;
  @Field(() => Int) rental!: number;
  @Field(() => Int) units!: number;
  @Field(() => Int, { nullable: true }) capacity!: number | null;
  @Field(() => Int) peak!: number;
  @Field(() => StateEnum) state!: StateEnum;
}

@ObjectType()
export class Units {
  @Field(() => Int) used!: number;
  @Field(() => Int, { nullable: true }) capacity!: number | null;
  @Field(() => StateEnum) state!: StateEnum;
}

@ObjectType()
export class SpMonth {
  @Field(() => [SpCounter]) counters!: SpCounter[];
  @Field(() => Units) units!: Units;
}

@ObjectType()
export class TenantCounter {
  @Field(() => CounterEnum) counter!: CounterEnum;
  @Field(() => Int) used!: number;
  @Field(() => Int) new!: number;
  @Field(() => Int) rental!: number;
  @Field(() => Int) units!: number;
}

@ObjectType()
export class TenantRef {
  @Field(() => ID) id!: string;
  @Field(() => String) externalId!: string;
  @Field(() => String) name!: string;
}

@ObjectType()
export class LicenseRef {
  @Field(() => ID) id!: string;
  @Field(() => String) externalId!: string;
  @Field(() => LicenseTypeEnum) type!: LicenseTypeEnum;
}

@ObjectType()
export class TenantLicenseUsage {
  @Field(() => LicenseRef) license!: LicenseRef;
  @Field(() => Int) used!: number;
  @Field(() => Int) new!: number;
  @Field(() => Int, { nullable: true }) capacity!: number | null;
  @Field(() => Int) peak!: number;
  @Field(() => StateEnum) state!: StateEnum;
}

@ObjectType()
export class Hosting {
  @Field(() => Int) planned!: number;
  @Field(() => Int) used!: number;
  @Field(() => Int) capacity!: number;
  @Field(() => Int) obligation!: number;
  @Field(() => Int) shortfall!: number;
}

@ObjectType()
export class TenantMonth {
  @Field(() => TenantRef) tenant!: TenantRef;
  @Field(() => [TenantCounter]) counters!: TenantCounter[];
  @Field(() => [TenantLicenseUsage]) licenses!: TenantLicenseUsage[];
  @Field(() => Hosting, { nullable: true }) hosting!: Hosting | null;
}

@ObjectType()
export class ViolationTenant {
  @Field(() => String) externalId!: string;
}

@ObjectType()
export class Violation {
  @Field(() => String) code!: string;
  @Field(() => SeverityEnum) severity!: SeverityEnum;
  @Field(() => String) message!: string;
  @Field(() => ViolationTenant, { nullable: true }) tenant!: ViolationTenant | null;
  @Field(() => String, { nullable: true, description: 'External id of the license concerned' }) license!:
    | string
    | null;
  @Field(() => String, { nullable: true, description: 'External id of the backup server concerned' }) server!:
    | string
    | null;
  @Field(() => String, { nullable: true, description: 'External id of the machine concerned' }) machine!:
    | string
    | null;
}

@ObjectType()
export class LicenseReport {
  @Field(() => String) month!: string;
  @Field(() => RulesetEnum) ruleset!: RulesetEnum;
  @Field(() => SpMonth, { nullable: true, description: 'Null for tenant callers' })
  serviceProvider!: SpMonth | null;
  @Field(() => [TenantMonth]) tenants!: TenantMonth[];
  @Field(() => [Violation]) violations!: Violation[];
}
