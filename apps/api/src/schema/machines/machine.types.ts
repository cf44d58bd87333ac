import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Connection } from '../common/connection.js';
import { ChargePoolEnum, ChargeStatusEnum, CounterEnum, MachineKindEnum } from '../common/enums.js';
import { TenantRef } from '../reports/report.types.js';

@ObjectType({ description: 'One reason a machine is on a license in a month' })
export class Charge {
  @Field(() => ChargePoolEnum) pool!: ChargePoolEnum;
  @Field(() => CounterEnum, { nullable: true, description: 'The SP counter (sp-cloud-connect charges)' })
  counter!: CounterEnum | null;
  @Field(() => String, {
    nullable: true,
    description: 'External id of the tenant license (tenant-license charges)',
  })
  license!: string | null;
  @Field(() => ChargeStatusEnum) status!: ChargeStatusEnum;
  @Field(() => Int) units!: number;
  @Field(() => [String], {
    description: 'Ids of the rules that decided this charge (docs/licensing-rules.md)',
  })
  rules!: string[];
}

@ObjectType()
export class Machine {
  @Field(() => ID) id!: string;
  @Field(() => String) externalId!: string;
  @Field(() => MachineKindEnum) kind!: MachineKindEnum;
  @Field(() => String, { nullable: true }) agentOs!: string | null;
  @Field(() => String, { nullable: true }) agentVersion!: string | null;
  @Field(() => TenantRef) tenant!: TenantRef;
  @Field(() => String) month!: string;
  @Field(() => [Charge]) charges!: Charge[];
}

@ObjectType()
export class MachineConnection extends Connection(Machine, 'Machine') {}
