import { Field, InputType, Int } from 'type-graphql';
import { CounterEnum } from '../common/enums.js';
import { ReportFigureEnum } from './monthly-report.types.js';

@InputType({ description: 'Sets one figure of one tenant counter in a month that is not approved' })
export class AdjustTenantFigureInput {
  @Field(() => String, { description: 'YYYY-MM' }) month!: string;
  @Field(() => String) tenantExternalId!: string;
  @Field(() => CounterEnum) counter!: CounterEnum;
  @Field(() => ReportFigureEnum) field!: ReportFigureEnum;
  @Field(() => Int, { description: 'The new figure, ≥ 0' }) value!: number;
  @Field(() => String, { description: 'Required: 1 to 500 characters' }) reason!: string;
}
