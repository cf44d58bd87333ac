/** Per-request batch loaders, so that nested fields cost one query per level, not one per parent. */
import { schema } from '@vcc/db';
import DataLoader from 'dataloader';
import { inArray } from 'drizzle-orm';
import { toBackupServer, toLicense } from '../schema/tenants/tenant.mapping.js';
import type { BackupServer, License } from '../schema/tenants/tenant.types.js';
import type { Context } from './context.js';

export interface Loaders {
  serversByTenant: DataLoader<string, BackupServer[]>;
  licensesByServer: DataLoader<string, License[]>;
}

function grouped<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const by = new Map<K, V[]>(keys.map((k) => [k, []]));
  for (const row of rows) by.get(keyOf(row))?.push(row);
  return keys.map((k) => by.get(k)!);
}

export function createLoaders(tx: Context['tx']): Loaders {
  return {
    serversByTenant: new DataLoader(async (tenantIds) => {
      const db = await tx();
      const rows = await db
        .select()
        .from(schema.backupServers)
        .where(inArray(schema.backupServers.tenantId, [...tenantIds]))
        .orderBy(schema.backupServers.externalId);
      return grouped(tenantIds, rows.map(toBackupServer), (s) => s.tenantId!);
    }),
    licensesByServer: new DataLoader(async (serverIds) => {
      const db = await tx();
      const rows = await db
        .select()
        .from(schema.licenses)
        .where(inArray(schema.licenses.serverId, [...serverIds]))
        .orderBy(schema.licenses.externalId);
      return grouped(serverIds, rows.map(toLicense), (l) => l.serverId);
    }),
  };
}
