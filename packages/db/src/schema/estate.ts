/**
 * The SP's estate: tenants, backup servers, licenses. Every tenant-owned table carries `sp_id` and
 * `tenant_id` (null on SP-owned rows of shared tables) so that row-level security can scope it.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { licenseTypeEnum, rulesetEnum } from './enums.js';

export const serviceProviders = pgTable('service_providers', {
  id: uuid('id').primaryKey().defaultRandom(),
  externalId: text('external_id').notNull().unique(),
  name: text('name').notNull(),
  ruleset: rulesetEnum('ruleset').notNull(),
  /** Bumped by every change to the estate, ingestion included; report caches are keyed by it. */
  estateVersion: bigint('estate_version', { mode: 'number' }).notNull().default(0),
  /** Bumped with the estate version by every change but ingestion (see tenantUsageVersions). */
  configVersion: bigint('config_version', { mode: 'number' }).notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const tenants = pgTable(
  'tenants',
  {
    spId: uuid('sp_id')
      .notNull()
      .references(() => serviceProviders.id),
    id: uuid('id').primaryKey().defaultRandom(),
    externalId: text('external_id').notNull(),
    name: text('name').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    managedBySp: boolean('managed_by_sp').notNull().default(false),
    planVmBackup: integer('plan_vm_backup').notNull().default(0),
    planVmReplica: integer('plan_vm_replica').notNull().default(0),
    planServer: integer('plan_server').notNull().default(0),
    planWorkstation: integer('plan_workstation').notNull().default(0),
    planVms: integer('plan_vms').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('tenants_sp_external_id').on(t.spId, t.externalId),
    index('tenants_sp_name').on(t.spId, sql`lower(${t.name})`),
  ],
);

/**
 * The estate version of the last batch that wrote a tenant's machines or restore points: with the
 * SP's config version, what the tenant's figures depend on (migration 0012).
 */
export const tenantUsageVersions = pgTable('tenant_usage_versions', {
  spId: uuid('sp_id')
    .notNull()
    .references(() => serviceProviders.id),
  tenantId: uuid('tenant_id')
    .primaryKey()
    .references(() => tenants.id),
  version: bigint('version', { mode: 'number' }).notNull(),
});

/** A VBR server: the SP's own (tenant_id null) or a tenant's. */
export const backupServers = pgTable(
  'backup_servers',
  {
    spId: uuid('sp_id')
      .notNull()
      .references(() => serviceProviders.id),
    tenantId: uuid('tenant_id').references(() => tenants.id),
    id: uuid('id').primaryKey().defaultRandom(),
    externalId: text('external_id').notNull(),
    version: text('version').notNull(),
  },
  (t) => [
    unique('backup_servers_sp_external_id').on(t.spId, t.externalId),
    index('backup_servers_tenant').on(t.tenantId),
  ],
);

/** A license installed on a backup server. Capacity columns left null mean "not licensed". */
export const licenses = pgTable(
  'licenses',
  {
    spId: uuid('sp_id')
      .notNull()
      .references(() => serviceProviders.id),
    tenantId: uuid('tenant_id').references(() => tenants.id),
    id: uuid('id').primaryKey().defaultRandom(),
    externalId: text('external_id').notNull(),
    serverId: uuid('server_id')
      .notNull()
      .references(() => backupServers.id),
    type: licenseTypeEnum('type').notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    capVmBackup: integer('cap_vm_backup'),
    capVmReplica: integer('cap_vm_replica'),
    capServer: integer('cap_server'),
    capWorkstation: integer('cap_workstation'),
    capPoints: integer('cap_points'),
    capInstances: integer('cap_instances'),
  },
  (t) => [
    unique('licenses_sp_external_id').on(t.spId, t.externalId),
    index('licenses_server').on(t.serverId),
    index('licenses_tenant').on(t.tenantId),
  ],
);
