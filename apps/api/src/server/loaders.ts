/** Per-request batch loaders, so that nested fields cost one query per level, not one per parent. */
import { schema } from '@vcc/db';
import DataLoader from 'dataloader';
import { and, inArray } from 'drizzle-orm';
import type { Principal } from '../auth/principal.js';
import { withinReach } from '../auth/scope-conditions.js';
import { toBackupServer, toLicense, toTenant } from '../schema/tenants/tenant.mapping.js';
import type { BackupServer, License, Tenant } from '../schema/tenants/tenant.types.js';
import type { Context } from './context.js';

export interface Loaders {
  serversByTenant: DataLoader<string, BackupServer[]>;
  licensesByServer: DataLoader<string, License[]>;
  serverById: DataLoader<string, BackupServer | null>;
  tenantById: DataLoader<string, Tenant | null>;
}

function grouped<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const by = new Map<K, V[]>(keys.map((k) => [k, []]));
  for (const row of rows) by.get(keyOf(row))?.push(row);
  return keys.map((k) => by.get(k)!);
}

function byId<V extends { id: string }>(keys: readonly string[], rows: V[]): (V | null)[] {
  const by = new Map(rows.map((r) => [r.id, r]));
  return keys.map((k) => by.get(k) ?? null);
}

/** With no principal (anonymous requests reach no resolver that loads), nothing is within reach. */
const NOBODY: Principal = {
  kind: 'key',
  id: '',
  spId: '00000000-0000-0000-0000-000000000000',
  tenantId: null,
  role: 'tenant-viewer',
};

export function createLoaders(tx: Context['tx'], principal: Principal | null = null): Loaders {
  const caller = principal ?? NOBODY;
  const { backupServers, licenses, tenants } = schema;
  return {
    serversByTenant: new DataLoader(async (tenantIds) => {
      const db = await tx();
      const rows = await db
        .select()
        .from(backupServers)
        .where(
          and(
            inArray(backupServers.tenantId, [...tenantIds]),
            ...withinReach(caller, { spId: backupServers.spId, tenantId: backupServers.tenantId }),
          ),
        )
        .orderBy(backupServers.externalId);
      return grouped(tenantIds, rows.map(toBackupServer), (s) => s.tenantId!);
    }),
    licensesByServer: new DataLoader(async (serverIds) => {
      const db = await tx();
      const rows = await db
        .select()
        .from(licenses)
        .where(
          and(
            inArray(licenses.serverId, [...serverIds]),
            ...withinReach(caller, { spId: licenses.spId, tenantId: licenses.tenantId }),
          ),
        )
        .orderBy(licenses.externalId);
      return grouped(serverIds, rows.map(toLicense), (l) => l.serverId);
    }),
    serverById: new DataLoader(async (ids) => {
      const db = await tx();
      const reach = withinReach(caller, { spId: backupServers.spId, tenantId: backupServers.tenantId });
      const rows = await db
        .select()
        .from(backupServers)
        .where(and(inArray(backupServers.id, [...ids]), ...reach));
      return byId(ids, rows.map(toBackupServer));
    }),
    tenantById: new DataLoader(async (ids) => {
      const db = await tx();
      const reach = withinReach(caller, { spId: tenants.spId, tenantId: tenants.id });
      const rows = await db
        .select()
        .from(tenants)
        .where(and(inArray(tenants.id, [...ids]), ...reach));
      return byId(ids, rows.map(toTenant));
    }),
  };
}
