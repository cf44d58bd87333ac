import { DateTimeResolver, JSONResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { Connection } from '../common/connection.js';
import { TenantRef } from '../reports/report.types.js';

@ObjectType({ description: 'One change, as the audit log keeps it (append-only)' })
export class AuditEntry {
  @Field(() => ID) id!: string;
  @Field(() => DateTimeResolver) at!: Date;
  @Field(() => String, { description: '`user:<id>`, `key:<id>` or `cli`' }) actor!: string;
  @Field(() => String, { description: 'e.g. tenant.create, license.update, api-key.revoke' }) action!: string;
  @Field(() => String, { nullable: true, description: 'What changed, e.g. tenant:alpha' }) subject!:
    | string
    | null;
  @Field(() => JSONResolver, { nullable: true }) details!: unknown;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => TenantRef, { nullable: true, description: 'Null for SP-wide changes' })
  tenant!: TenantRef | null;
}

@ObjectType()
export class AuditEntryConnection extends Connection(AuditEntry, 'AuditEntry') {}
