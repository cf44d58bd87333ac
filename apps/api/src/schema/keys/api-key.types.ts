import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Connection } from '../common/connection.js';
import { RoleEnum } from '../common/enums.js';
import { TenantRef } from '../reports/report.types.js';

@ObjectType({ description: 'An API key as people see it: never its secret or hash' })
export class ApiKey {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'A short form to tell keys apart, e.g. vcc_live_AbCd…wXyZ' })
  display!: string;
  @Field(() => RoleEnum) role!: RoleEnum;
  @Field(() => TenantRef, { nullable: true, description: 'Null for SP keys' }) tenant!: TenantRef | null;
  @Field(() => DateTimeResolver) createdAt!: Date;
  @Field(() => DateTimeResolver, { nullable: true }) expiresAt!: Date | null;
  @Field(() => DateTimeResolver, { nullable: true, description: 'Updated at most once a minute' })
  lastUsedAt!: Date | null;
  @Field(() => DateTimeResolver, { nullable: true }) revokedAt!: Date | null;
}

@ObjectType()
export class ApiKeyConnection extends Connection(ApiKey, 'ApiKey') {}

@InputType()
export class CreateApiKeyInput {
  @Field(() => String, { description: 'What the key is for, e.g. "ingest on cc01"' }) name!: string;
  @Field(() => RoleEnum) role!: RoleEnum;
  @Field(() => String, {
    nullable: true,
    description: 'Required for tenant roles (a tenant admin’s own tenant by default); null for SP roles',
  })
  tenantExternalId?: string | null;
  @Field(() => DateTimeResolver, { nullable: true, description: 'Null: no expiry' })
  expiresAt?: Date | null;
}

@ObjectType()
export class CreatedApiKey {
  @Field(() => String, { description: 'The secret, shown this once: only its hash is stored' }) key!: string;
  @Field(() => ApiKey) apiKey!: ApiKey;
}
