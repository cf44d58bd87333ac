/**
 * Reads the licensing engine's input for some months from the database, within the caller's scope:
 * every query names the SP (and the tenant, when one is asked for) and row-level security applies
 * the caller's scope again, so an SP caller gets the whole estate and a tenant caller its own tenant
 * only (plus what its figures need of the SP's servers).
 * Only rollups are read: activity in the months the engine needs and first restore points.
 */
import {
  activityMonthsFor,
  type BackupServerFacts,
  type EstateFacts,
  type LicenseFacts,
  type TenantFacts,
} from '@vcc/rules';
import { sql } from 'drizzle-orm';
import { queryRows } from '../rows.js';
import type { Executor } from '../scope.js';
import { streamTenantMachines } from './tenant-machines.js';

interface ServerRow {
  id: string;
  tenant_id: string | null;
  external_id: string;
  version: string;
}

interface LicenseRow {
  server_id: string;
  external_id: string;
  type: LicenseFacts['type'];
  valid_from: string;
  valid_to: string | null;
  cap_vm_backup: number | null;
  cap_vm_replica: number | null;
  cap_server: number | null;
  cap_workstation: number | null;
  cap_points: number | null;
  cap_instances: number | null;
}

export interface FactsOptions {
  /**
   * Read one tenant only: by id for a tenant caller (an indexed condition beside row-level security,
   * whose policy alone cannot use the tenant index), by external id for one tenant's detail.
   */
  tenant?: { id: string } | { externalId: string } | undefined;
}

/**
 * The estate's configuration as engine facts with no machines yet, and what streaming its machines
 * needs: tenants' positions by id, servers' external ids, and the one tenant asked for.
 */
export interface EstateConfig {
  facts: EstateFacts;
  tenantIndex: Map<string, number>;
  serverExternalId: Map<string, string>;
  /** The tenant id asked for; null: every tenant in scope. */
  onlyTenant: string | null;
}

/** The engine's input for these months: configuration and every machine active in them. */
export async function loadEstateFacts(
  tx: Executor,
  months: readonly string[],
  options: FactsOptions = {},
): Promise<EstateFacts | null> {
  const config = await loadEstateConfig(tx, options);
  if (!config) return null;
  const window = activityMonthsFor(months);
  if (window) {
    await streamTenantMachines(tx, window, config, (index, machines) => {
      config.facts.tenants[index]!.machines = machines;
    });
  }
  return config.facts;
}

export async function loadEstateConfig(
  tx: Executor,
  options: FactsOptions = {},
): Promise<EstateConfig | null> {
  const [sp] = await queryRows<{
    id: string;
    external_id: string;
    name: string;
    ruleset: EstateFacts['ruleset'];
  }>(tx, sql`select id, external_id, name, ruleset from service_providers where id = app_sp_id()`);
  if (!sp) return null;

  const tenantRows = await queryRows<{
    id: string;
    external_id: string;
    name: string;
    enabled: boolean;
    managed_by_sp: boolean;
    plan_vm_backup: number;
    plan_vm_replica: number;
    plan_server: number;
    plan_workstation: number;
    plan_vms: number;
  }>(
    tx,
    options.tenant === undefined
      ? sql`select * from tenants where sp_id = app_sp_id() order by external_id`
      : 'id' in options.tenant
        ? sql`select * from tenants where sp_id = app_sp_id() and id = ${options.tenant.id}`
        : sql`select * from tenants where sp_id = app_sp_id() and external_id = ${options.tenant.externalId}`,
  );
  // One tenant: its rows and the SP's (which row-level security hides from tenant callers anyway),
  // by an indexed condition rather than by the policies alone.
  const only = options.tenant === undefined ? null : (tenantRows[0]?.id ?? null);
  if (options.tenant !== undefined && only === null) tenantRows.length = 0;
  const inReach =
    options.tenant === undefined
      ? sql`sp_id = app_sp_id()`
      : sql`sp_id = app_sp_id() and (tenant_id = ${only}::uuid or tenant_id is null)`;
  const servers = await queryRows<ServerRow>(
    tx,
    sql`select id, tenant_id, external_id, version from backup_servers where ${inReach}`,
  );
  // A tenant caller cannot read the SP's servers; this function shows it their versions and when
  // they carried a Cloud Connect license (the rental gate depends on both), with no capacity.
  const visible = new Set(servers.map((s) => s.id));
  const hiddenLicenses = new Map<string, LicenseFacts[]>();
  for (const s of await queryRows<
    ServerRow & { cloud_connect: { validFrom: string; validTo: string | null }[] }
  >(tx, sql`select id, null as tenant_id, external_id, version, cloud_connect from sp_backup_servers()`)) {
    if (visible.has(s.id)) continue;
    servers.push(s);
    hiddenLicenses.set(
      s.id,
      s.cloud_connect.map((l) => ({
        id: '(SP license)',
        type: 'cloud-connect-sp',
        validFrom: l.validFrom,
        validTo: l.validTo ?? undefined,
        capacity: {},
      })),
    );
  }
  const licenses = await queryRows<LicenseRow>(
    tx,
    sql`select server_id, external_id, type, valid_from::text, valid_to::text, cap_vm_backup, cap_vm_replica,
               cap_server, cap_workstation, cap_points, cap_instances
          from licenses where ${inReach} order by external_id`,
  );
  const licensesOf = groupBy(licenses, (l) => l.server_id);
  const serverFacts = new Map<string, BackupServerFacts>();
  for (const s of servers) {
    serverFacts.set(s.id, {
      id: s.external_id,
      version: s.version,
      licenses: hiddenLicenses.get(s.id) ?? (licensesOf.get(s.id) ?? []).map(licenseFacts),
    });
  }
  const serversOf = groupBy(servers, (s) => s.tenant_id ?? '');

  const tenants = new Map<string, TenantFacts>();
  for (const t of tenantRows) {
    tenants.set(t.id, {
      id: t.external_id,
      name: t.name,
      enabled: t.enabled,
      managedBySp: t.managed_by_sp,
      plan: {
        'vm-backup': t.plan_vm_backup,
        'vm-replica': t.plan_vm_replica,
        server: t.plan_server,
        workstation: t.plan_workstation,
        vms: t.plan_vms,
      },
      backupServers: (serversOf.get(t.id) ?? []).map((s) => serverFacts.get(s.id)!),
      machines: [],
    });
  }

  return {
    facts: {
      ruleset: sp.ruleset,
      serviceProvider: {
        id: sp.external_id,
        name: sp.name,
        backupServers: (serversOf.get('') ?? []).map((s) => serverFacts.get(s.id)!),
      },
      tenants: [...tenants.values()],
    },
    tenantIndex: new Map([...tenants.keys()].map((id, i) => [id, i])),
    serverExternalId: new Map(servers.map((s) => [s.id, s.external_id])),
    onlyTenant: only,
  };
}

function licenseFacts(l: LicenseRow): LicenseFacts {
  const capacity: LicenseFacts['capacity'] = {};
  if (l.cap_vm_backup !== null) capacity['vm-backup'] = l.cap_vm_backup;
  if (l.cap_vm_replica !== null) capacity['vm-replica'] = l.cap_vm_replica;
  if (l.cap_server !== null) capacity.server = l.cap_server;
  if (l.cap_workstation !== null) capacity.workstation = l.cap_workstation;
  if (l.cap_points !== null) capacity.points = l.cap_points;
  if (l.cap_instances !== null) capacity.instances = l.cap_instances;
  return {
    id: l.external_id,
    type: l.type,
    validFrom: l.valid_from,
    validTo: l.valid_to ?? undefined,
    capacity,
  };
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
