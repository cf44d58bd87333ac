import { Field, ID, ObjectType } from 'type-graphql';
import { RoleEnum } from '../common/enums.js';

@ObjectType()
export class SignedInTenant {
  @Field(() => String) externalId!: string;
  @Field(() => String) name!: string;
}

@ObjectType()
export class SignedInUser {
  @Field(() => ID) id!: string;
  @Field(() => String) email!: string;
  @Field(() => RoleEnum) role!: RoleEnum;
  @Field(() => SignedInTenant, { nullable: true }) tenant!: SignedInTenant | null;
}

@ObjectType()
export class SignInResult {
  @Field(() => String, { description: 'A short-lived bearer token for this user' }) token!: string;
  @Field(() => SignedInUser) user!: SignedInUser;
}
