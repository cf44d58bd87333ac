import { Field, InputType } from 'type-graphql';
import { PlanInput } from './tenant.types.js';

@InputType()
export class CreateTenantInput {
  @Field(() => String, { description: 'The SP’s own id for the tenant, unique within the SP' })
  externalId!: string;
  @Field(() => String) name!: string;
  @Field(() => Boolean, { defaultValue: true }) enabled!: boolean;
  @Field(() => Boolean, {
    defaultValue: false,
    description: 'The SP deploys and runs the tenant’s backup server (Backup as a Service)',
  })
  managedBySp!: boolean;
  @Field(() => PlanInput) plan!: PlanInput;
}

@InputType({ description: 'Fields left out keep their value' })
export class UpdateTenantInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => Boolean, { nullable: true }) managedBySp?: boolean | null;
  @Field(() => PlanInput, { nullable: true }) plan?: PlanInput | null;
}
