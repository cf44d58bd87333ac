import type { schema } from '@vcc/db';
import type { LicenseTypeEnum } from '../common/enums.js';
import type { BackupServer, License, Tenant } from './tenant.types.js';

export function toTenant(row: typeof schema.tenants.$inferSelect): Tenant {
  return {
    id: row.id,
    externalId: row.externalId,
    name: row.name,
    enabled: row.enabled,
    managedBySp: row.managedBySp,
    plan: {
      vmBackup: row.planVmBackup,
      vmReplica: row.planVmReplica,
      server: row.planServer,
      workstation: row.planWorkstation,
      vms: row.planVms,
    },
  };
}

export function toBackupServer(row: typeof schema.backupServers.$inferSelect): BackupServer {
  return { id: row.id, externalId: row.externalId, version: row.version, tenantId: row.tenantId };
}

export function toLicense(row: typeof schema.licenses.$inferSelect): License {
  return {
    id: row.id,
    externalId: row.externalId,
    type: row.type as LicenseTypeEnum,
    validFrom: row.validFrom,
    validTo: row.validTo,
    serverId: row.serverId,
    tenantId: row.tenantId,
    capacity: {
      vmBackup: row.capVmBackup,
      vmReplica: row.capVmReplica,
      server: row.capServer,
      workstation: row.capWorkstation,
      points: row.capPoints,
      instances: row.capInstances,
    },
  };
}
