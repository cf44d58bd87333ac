/** The GraphQL schema, built once per process (type-graphql keeps global metadata). */
import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { SignInResolver } from './auth/sign-in.resolver.js';
import { authChecker } from './common/access.js';
import { IngestResolver } from './ingest/ingest.resolver.js';
import { MachineResolver } from './machines/machine.resolver.js';
import { ReportResolver } from './reports/report.resolver.js';
import { BackupServerResolver, TenantResolver } from './tenants/tenant.resolver.js';
import { ViewerResolver } from './viewer/viewer.resolver.js';

export const RESOLVERS = [
  ViewerResolver,
  TenantResolver,
  BackupServerResolver,
  ReportResolver,
  MachineResolver,
  IngestResolver,
  SignInResolver,
] as const;

let built: GraphQLSchema | null = null;

export function getSchema(): GraphQLSchema {
  built ??= buildSchemaSync({ resolvers: [...RESOLVERS], authChecker, authMode: 'error', validate: false });
  return built;
}
