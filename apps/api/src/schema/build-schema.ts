/** The GraphQL schema, built once per process (type-graphql keeps global metadata). */
import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { AuditResolver } from './audit/audit.resolver.js';
import { SignInResolver } from './auth/sign-in.resolver.js';
import { authChecker } from './common/access.js';
import { IngestResolver } from './ingest/ingest.resolver.js';
import { ApiKeyResolver } from './keys/api-key.resolver.js';
import { LicenseResolver } from './licenses/license.resolver.js';
import { MachineResolver } from './machines/machine.resolver.js';
import { LicenseTrendResolver } from './reports/license-trend.resolver.js';
import { MonthlyReportResolver } from './reports/monthly-report.resolver.js';
import { ReportResolver } from './reports/report.resolver.js';
import { BackupServerAdminResolver } from './servers/backup-server.resolver.js';
import { ServiceProviderResolver } from './service-provider/service-provider.resolver.js';
import { BackupServerResolver, TenantResolver } from './tenants/tenant.resolver.js';
import { TenantAdminResolver } from './tenants/tenant-admin.resolver.js';
import { TenantUsageResolver } from './tenants/tenant-usage.resolver.js';
import { UserResolver } from './users/user.resolver.js';
import { ViewerResolver } from './viewer/viewer.resolver.js';
import { ViolationResolver } from './violations/violation.resolver.js';

export const RESOLVERS = [
  ViewerResolver,
  ServiceProviderResolver,
  TenantResolver,
  TenantAdminResolver,
  TenantUsageResolver,
  BackupServerResolver,
  BackupServerAdminResolver,
  LicenseResolver,
  ReportResolver,
  LicenseTrendResolver,
  MonthlyReportResolver,
  ViolationResolver,
  MachineResolver,
  IngestResolver,
  ApiKeyResolver,
  UserResolver,
  AuditResolver,
  SignInResolver,
] as const;

let built: GraphQLSchema | null = null;

export function getSchema(): GraphQLSchema {
  built ??= buildSchemaSync({ resolvers: [...RESOLVERS], authChecker, authMode: 'error', validate: false });
  return built;
}
