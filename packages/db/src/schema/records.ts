/** What the system remembers of what was done: idempotent answers, the audit log, closed months. */
import {
  bigint,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea } from './access.js';
import { rulesetEnum } from './enums.js';
import { serviceProviders, tenants } from './estate.js';

/** An ingestion's answer, kept so that a retried batch gets the first answer back. */
export const idempotencyRecords = pgTable(
  'idempotency_records',
  {
    spId: uuid('sp_id').notNull(),
    /** The caller's tenant; null for SP callers. Keys are scoped by it. */
    tenantId: uuid('tenant_id'),
    /** The tenant scope as text ('' for the SP) so that it can be part of the unique key. */
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    requestHash: bytea('request_hash').notNull(),
    response: jsonb('response').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'idempotency_records_pk', columns: [t.spId, t.scope, t.key] })],
);

/** Append-only: the application role may insert and read, never update or delete. */
export const auditLog = pgTable(
  'audit_log',
  {
    spId: uuid('sp_id').notNull(),
    tenantId: uuid('tenant_id'),
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** `user:<id>`, `key:<id>` or `cli`. */
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    subject: text('subject'),
    details: jsonb('details'),
    reason: text('reason'),
  },
  (t) => [index('audit_log_sp_at').on(t.spId, t.at), index('audit_log_tenant').on(t.tenantId)],
);

/** A month the SP approved: the SP-wide part of its report, frozen. */
export const reportSnapshots = pgTable(
  'report_snapshots',
  {
    spId: uuid('sp_id')
      .notNull()
      .references(() => serviceProviders.id),
    month: date('month').notNull(),
    ruleset: rulesetEnum('ruleset').notNull(),
    serviceProvider: jsonb('service_provider').notNull(),
    /** Violations that concern no single tenant. */
    violations: jsonb('violations').notNull(),
    approvedAt: timestamp('approved_at', { withTimezone: true }).notNull().defaultNow(),
    approvedBy: text('approved_by').notNull(),
  },
  (t) => [primaryKey({ name: 'report_snapshots_pk', columns: [t.spId, t.month] })],
);

/** Each tenant's part of an approved month, kept apart so that a tenant can read its own only. */
export const reportSnapshotTenants = pgTable(
  'report_snapshot_tenants',
  {
    spId: uuid('sp_id').notNull(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    month: date('month').notNull(),
    report: jsonb('report').notNull(),
    violations: jsonb('violations').notNull(),
  },
  (t) => [primaryKey({ name: 'report_snapshot_tenants_pk', columns: [t.tenantId, t.month] })],
);

/** An SP's correction of a tenant's figure in a month under review; the reason is required. */
export const reportAdjustments = pgTable(
  'report_adjustments',
  {
    spId: uuid('sp_id').notNull(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').primaryKey().defaultRandom(),
    month: date('month').notNull(),
    counter: text('counter').notNull(),
    field: text('field').notNull(),
    value: integer('value').notNull(),
    reason: text('reason').notNull(),
    actor: text('actor').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('report_adjustments_sp_month').on(t.spId, t.month)],
);
