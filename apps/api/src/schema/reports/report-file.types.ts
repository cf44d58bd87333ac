import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum ReportFormatEnum {
  CSV = 'csv',
  PDF = 'pdf',
}
registerEnumType(ReportFormatEnum, { name: 'ReportFormat', description: 'A monthly report file format' });

@ObjectType({ description: 'The monthly report as a file, as GET /reports/<month>.<csv|pdf> serves it' })
export class ReportFile {
  @Field(() => String, { description: 'e.g. vcc-report-2026-11.csv' }) filename!: string;
  @Field(() => String, { description: 'text/csv; charset=utf-8 or application/pdf' }) contentType!: string;
  @Field(() => String, { description: 'The file’s bytes, base64-encoded' }) contentBase64!: string;
}
