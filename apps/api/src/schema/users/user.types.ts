import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Connection } from '../common/connection.js';
import { RoleEnum } from '../common/enums.js';
import { TenantRef } from '../reports/report.types.js';

@ObjectType({ description: 'A portal login (never its password hash)' })
export class User {
  @Field(() => ID) id!: string;
  @Field(() => String) email!: string;
  @Field(() => RoleEnum) role!: RoleEnum;
  @Field(() => TenantRef, { nullable: true, description: 'Null for SP users' }) tenant!: TenantRef | null;
  @Field(() => DateTimeResolver) createdAt!: Date;
  @Field(() => Boolean) disabled!: boolean;
  @Field(() => DateTimeResolver, { nullable: true }) disabledAt!: Date | null;
}

@ObjectType()
export class UserConnection extends Connection(User, 'User') {}

@InputType()
export class CreateUserInput {
  @Field(() => String) email!: string;
  @Field(() => RoleEnum) role!: RoleEnum;
  @Field(() => String, {
    nullable: true,
    description: 'Required for tenant roles (a tenant admin’s own tenant by default); null for SP roles',
  })
  tenantExternalId?: string | null;
}

@ObjectType()
export class CreatedUser {
  @Field(() => User) user!: User;
  @Field(() => String, { description: 'Shown this once; only its argon2id hash is stored' })
  oneTimePassword!: string;
}
