import { Field, ID, ObjectType } from 'type-graphql';
import { RoleEnum, RulesetEnum } from '../common/enums.js';
import { Tenant } from '../tenants/tenant.types.js';

@ObjectType()
export class ServiceProvider {
  @Field(() => ID) id!: string;
  @Field(() => String) externalId!: string;
  @Field(() => String) name!: string;
  @Field(() => RulesetEnum) ruleset!: RulesetEnum;
}

@ObjectType({ description: 'Who is calling' })
export class Viewer {
  @Field(() => RoleEnum) role!: RoleEnum;
  @Field(() => ServiceProvider, { nullable: true }) serviceProvider!: ServiceProvider | null;
  @Field(() => Tenant, { nullable: true }) tenant!: Tenant | null;
}
