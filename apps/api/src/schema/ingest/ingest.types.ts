import { DateTimeResolver } from 'graphql-scalars';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { AgentOsEnum, MachineKindEnum, OperationEnum } from '../common/enums.js';

@InputType()
export class RestorePointInput {
  @Field(() => String, { description: 'External id of the tenant' }) tenant!: string;
  @Field(() => String, { description: 'External id of the machine; an unknown machine is registered' })
  machine!: string;
  @Field(() => MachineKindEnum, { nullable: true, description: 'Required when the machine is not known yet' })
  machineKind?: MachineKindEnum | null;
  @Field(() => AgentOsEnum, { nullable: true }) agentOs?: AgentOsEnum | null;
  @Field(() => String, { nullable: true }) agentVersion?: string | null;
  @Field(() => String, { description: 'External id of the backup server that ran the job' }) server!: string;
  @Field(() => OperationEnum) operation!: OperationEnum;
  @Field(() => DateTimeResolver) at!: Date;
}

@InputType()
export class IngestRestorePointsInput {
  @Field(() => String, { description: 'Retrying with the same key and batch returns the first answer again' })
  idempotencyKey!: string;
  @Field(() => [RestorePointInput]) restorePoints!: RestorePointInput[];
}

@ObjectType()
export class IngestResult {
  @Field(() => Int, { description: 'Points stored by this batch' }) accepted!: number;
  @Field(() => Int, { description: 'Points that repeat one already stored (or one earlier in the batch)' })
  duplicates!: number;
  @Field(() => Boolean, {
    description: 'True when this is the stored answer to an earlier identical request',
  })
  replayed!: boolean;
}
