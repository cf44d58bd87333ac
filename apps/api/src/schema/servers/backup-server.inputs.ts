import { Field, InputType } from 'type-graphql';

@InputType()
export class CreateBackupServerInput {
  @Field(() => String, { description: 'The SP’s own id for the server, unique within the SP' })
  externalId!: string;
  @Field(() => String, { description: 'VBR build number, e.g. 9.5.0.1536' }) version!: string;
  @Field(() => String, {
    nullable: true,
    description: 'The tenant whose server it is; null for an SP (Cloud Connect) server',
  })
  tenantExternalId?: string | null;
}
