/**
 * Machines and what they did: raw restore points (deduplicated on their natural key) and the rollups
 * the licensing engine reads (see packages/rules/src/activity.ts, which defines their meaning).
 */
import { bigint, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { agentOsEnum, machineKindEnum, opClassEnum, operationEnum } from './enums.js';
import { serviceProviders, tenants } from './estate.js';

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
    // No foreign key: ingestion resolves every server in the same transaction, and a trigger per
    // point would cost a third of the insert.
    serverId: uuid('server_id').notNull(),
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

/**
 * What the licensing engine reads instead of raw restore points: one row per machine, backup server
 * and operation class, with its first restore point (R-NEW) and its days with restore points as
 * bits, one array element per month. Elements are indexed by month number (year × 12 + month − 1),
 * so a month's bits are `days[n]` and an array spans only the months the machine was active in
 * (PostgreSQL arrays take any lower bound). See packages/rules/src/activity.ts for the bits' meaning.
 */
export const machineUsage = pgTable(
  'machine_usage',
  {
    spId: uuid('sp_id').notNull(),
    tenantId: uuid('tenant_id').notNull(),
    machineId: bigint('machine_id', { mode: 'number' }).notNull(),
    serverId: uuid('server_id').notNull(),
    opClass: opClassEnum('op_class').notNull(),
    firstAt: timestamp('first_at', { withTimezone: true, precision: 3 }).notNull(),
    /** Bit d−1 of element n: a restore point on day d of month n. */
    days: integer('days').array().notNull(),
    /** Bit d−1 of element n: a restore point on day d of month n after exactly midnight. */
    lateDays: integer('late_days').array().notNull(),
  },
  (t) => [
    primaryKey({ name: 'machine_usage_pk', columns: [t.tenantId, t.machineId, t.serverId, t.opClass] }),
  ],
);
