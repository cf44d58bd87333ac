import { Field, InputType, Int } from 'type-graphql';
import { LicenseTypeEnum } from '../common/enums.js';

@InputType({
  description:
    'Counters left out (null) are not licensed. vbr-9.5 SP licenses: vmBackup vmReplica server workstation; ' +
    'vcsp-points SP licenses: points; tenant licenses: instances',
})
export class LicenseCapacityInput {
  @Field(() => Int, { nullable: true }) vmBackup?: number | null;
  @Field(() => Int, { nullable: true }) vmReplica?: number | null;
  @Field(() => Int, { nullable: true }) server?: number | null;
  @Field(() => Int, { nullable: true }) workstation?: number | null;
  @Field(() => Int, { nullable: true }) points?: number | null;
  @Field(() => Int, { nullable: true }) instances?: number | null;
}

@InputType()
export class CreateLicenseInput {
  @Field(() => String, { description: 'The SP’s own id for the license, unique within the SP' })
  externalId!: string;
  @Field(() => String, { description: 'External id of the backup server it is installed on' })
  serverExternalId!: string;
  @Field(() => LicenseTypeEnum) type!: LicenseTypeEnum;
  @Field(() => String, { description: 'YYYY-MM-DD' }) validFrom!: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null: no end' }) validTo?: string | null;
  @Field(() => LicenseCapacityInput) capacity!: LicenseCapacityInput;
}

@InputType({
  description:
    'Fields left out keep their value; validTo null removes the end; capacity replaces the whole capacity',
})
export class UpdateLicenseInput {
  @Field(() => String, { nullable: true }) serverExternalId?: string | null;
  @Field(() => LicenseTypeEnum, { nullable: true }) type?: LicenseTypeEnum | null;
  @Field(() => String, { nullable: true }) validFrom?: string | null;
  @Field(() => String, { nullable: true }) validTo?: string | null;
  @Field(() => LicenseCapacityInput, { nullable: true }) capacity?: LicenseCapacityInput | null;
}
