import { Field, ObjectType } from 'type-graphql';
import { SpCounter, Units } from './report.types.js';

@ObjectType({ description: 'The SP’s counters and units in one month, as in licenseReport' })
export class LicenseTrendMonth {
  @Field(() => String) month!: string;
  @Field(() => [SpCounter]) counters!: SpCounter[];
  @Field(() => Units) units!: Units;
}
