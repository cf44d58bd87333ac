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
  type MachineFacts,
  monthIndex,
  monthOfIndex,
  type OpClass,
  type TenantFacts,
} from '@vcc/rules';
import { sql } from 'drizzle-orm';
import { queryRows } from '../rows.js';
import type { Executor } from '../scope.js';

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

export async function loadEstateFacts(
  tx: Executor,
  months: readonly string[],
  options: FactsOptions = {},
): Promise<EstateFacts | null> {
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

  const window = activityMonthsFor(months);
  if (window && tenants.size > 0) {
    await loadMachines(tx, window, tenants, servers, only);
  }

  return {
    ruleset: sp.ruleset,
    serviceProvider: {
      id: sp.external_id,
      name: sp.name,
      backupServers: (serversOf.get('') ?? []).map((s) => serverFacts.get(s.id)!),
    },
    tenants: [...tenants.values()],
  };
}

/**
 * The machines with activity in the window, each with every usage row (a row without activity in the
 * window still carries a first restore point the engine needs for R-NEW), months cut to the window.
 * Every row is read and machines without activity are dropped here: one plain scan, cheaper than
 * asking the database to find the active machines first.
 */
async function loadMachines(
  tx: Executor,
  window: { from: string; to: string },
  tenants: Map<string, TenantFacts>,
  servers: ServerRow[],
  /** Limit to this tenant id; null: every tenant in scope. */
  onlyTenant: string | null,
): Promise<void> {
  const serverExternalId = new Map(servers.map((s) => [s.id, s.external_id]));
  const from = monthIndex(window.from);
  const to = monthIndex(window.to);
  const rows = await queryRows<{
    tenant_id: string;
    machine_id: string;
    external_id: string;
    kind: MachineFacts['kind'];
    agent_os: 'windows' | 'linux' | null;
    agent_version: string | null;
    server_id: string;
    op_class: OpClass;
    first_at: number;
    lo: number | null;
    days: (number | null)[] | null;
    late_days: (number | null)[] | null;
  }>(
    tx,
    sql`select u.tenant_id, u.machine_id::text, m.external_id, m.kind, m.agent_os, m.agent_version, u.server_id, u.op_class,
               (extract(epoch from u.first_at) * 1000)::float8 as first_at,
               greatest(array_lower(u.days, 1), ${from}::int) as lo,
               u.days[${from}::int:${to}::int] as days,
               u.late_days[${from}::int:${to}::int] as late_days
          from machine_usage u
          join machines m on m.tenant_id = u.tenant_id and m.id = u.machine_id
         where u.sp_id = (select app_sp_id()) and ${onlyTenant === null ? sql`true` : sql`u.tenant_id = ${onlyTenant}::uuid`}`,
  );
  const machines = new Map<string, MachineFacts>();
  for (const r of rows) {
    const key = `${r.tenant_id}:${r.machine_id}`;
    let machine = machines.get(key);
    if (!machine) {
      machine = {
        id: r.external_id,
        kind: r.kind,
        agent: r.agent_os && r.agent_version ? { os: r.agent_os, version: r.agent_version } : undefined,
        activity: [],
        firsts: [],
      };
      machines.set(key, machine);
    }
    const server = serverExternalId.get(r.server_id)!;
    machine.firsts.push({ server, opClass: r.op_class, at: Number(r.first_at) });
    const days = r.days ?? [];
    for (let i = 0; i < days.length; i++) {
      const bits = days[i];
      if (!bits) continue;
      machine.activity.push({
        server,
        opClass: r.op_class,
        month: monthOfIndex(r.lo! + i),
        days: bits,
        lateDays: r.late_days?.[i] ?? 0,
      });
    }
  }
  // In the order machines were first registered, as a scenario lists them.
  const active = [...machines].filter(([, m]) => m.activity.length > 0);
  active.sort(([a], [b]) => Number(a.slice(a.indexOf(':') + 1)) - Number(b.slice(b.indexOf(':') + 1)));
  for (const [key, machine] of active) tenants.get(key.slice(0, key.indexOf(':')))?.machines.push(machine);
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
