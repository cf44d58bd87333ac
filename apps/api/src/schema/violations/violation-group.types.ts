import { Field, Int, ObjectType } from 'type-graphql';
import { SeverityEnum } from '../common/enums.js';
import { Violation } from '../reports/report.types.js';

@ObjectType({ description: 'A month’s violations of one severity: how many, and the first of them' })
export class ViolationGroup {
  @Field(() => SeverityEnum) severity!: SeverityEnum;
  @Field(() => Int) count!: number;
  @Field(() => [Violation], { description: 'The first `first` of them, in the report’s order' })
  violations!: Violation[];
}
