/** Who may call: portal users and API keys. Secrets are stored only as hashes. */
import { customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { roleEnum } from './enums.js';
import { serviceProviders, tenants } from './estate.js';

export const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

export const users = pgTable(
  'users',
  {
    spId: uuid('sp_id')
      .notNull()
      .references(() => serviceProviders.id),
    tenantId: uuid('tenant_id').references(() => tenants.id),
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stored lower-cased: one account per address. */
    email: text('email').notNull().unique(),
    passwordHash: text('password_hash').notNull(),
    role: roleEnum('role').notNull(),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('users_tenant').on(t.tenantId)],
);

export const apiKeys = pgTable(
  'api_keys',
  {
    spId: uuid('sp_id')
      .notNull()
      .references(() => serviceProviders.id),
    tenantId: uuid('tenant_id').references(() => tenants.id),
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** SHA-256 of the whole key. */
    hash: bytea('hash').notNull().unique(),
    /** What a person sees to tell keys apart, e.g. `vcc_live_AbCd…wXyZ`. */
    display: text('display').notNull(),
    role: roleEnum('role').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('api_keys_tenant').on(t.tenantId)],
);
