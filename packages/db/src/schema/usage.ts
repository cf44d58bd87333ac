/**
 * Machines and what they did: raw restore points (deduplicated on their natural key) and the rollups
 * the licensing engine reads (see packages/rules/src/activity.ts, which defines their meaning).
 */
import {
  bigint,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { agentOsEnum, machineKindEnum, opClassEnum, operationEnum } from './enums.js';
import { backupServers, serviceProviders, tenants } from './estate.js';

export const machines = pgTable(
  'machines',
  {
    spId: uuid('sp_id')
      .notNull()
      .references(() => serviceProviders.id),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    externalId: text('external_id').notNull(),
    kind: machineKindEnum('kind').notNull(),
    agentOs: agentOsEnum('agent_os'),
    agentVersion: text('agent_version'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'machines_pk', columns: [t.tenantId, t.id] }),
    unique('machines_tenant_external_id').on(t.tenantId, t.externalId),
  ],
);

export const restorePoints = pgTable(
  'restore_points',
  {
    spId: uuid('sp_id').notNull(),
    tenantId: uuid('tenant_id').notNull(),
    machineId: bigint('machine_id', { mode: 'number' }).notNull(),
    serverId: uuid('server_id')
      .notNull()
      .references(() => backupServers.id),
    operation: operationEnum('operation').notNull(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
  },
  // The natural key: a point that repeats one already stored is the same point.
  (t) => [
    primaryKey({
      name: 'restore_points_pk',
      columns: [t.tenantId, t.machineId, t.serverId, t.operation, t.at],
    }),
  ],
);

/** One row per machine, server, operation class and month: the days with restore points, as bits. */
export const machineActivity = pgTable(
  'machine_activity',
  {
    spId: uuid('sp_id').notNull(),
    tenantId: uuid('tenant_id').notNull(),
    machineId: bigint('machine_id', { mode: 'number' }).notNull(),
    serverId: uuid('server_id').notNull(),
    opClass: opClassEnum('op_class').notNull(),
    month: date('month').notNull(),
    days: integer('days').notNull(),
    lateDays: integer('late_days').notNull(),
  },
  (t) => [
    primaryKey({
      name: 'machine_activity_pk',
      columns: [t.tenantId, t.machineId, t.serverId, t.opClass, t.month],
    }),
    index('machine_activity_sp_month').on(t.spId, t.month),
  ],
);

/** The first restore point a machine ever had per server and operation class (R-NEW). */
export const machineFirsts = pgTable(
  'machine_firsts',
  {
    spId: uuid('sp_id').notNull(),
    tenantId: uuid('tenant_id').notNull(),
    machineId: bigint('machine_id', { mode: 'number' }).notNull(),
    serverId: uuid('server_id').notNull(),
    opClass: opClassEnum('op_class').notNull(),
    firstAt: timestamp('first_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'machine_firsts_pk', columns: [t.tenantId, t.machineId, t.serverId, t.opClass] }),
  ],
);
