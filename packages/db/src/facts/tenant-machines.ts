/**
 * The machines active in a window of months, streamed tenant by tenant so that a caller (the SP
 * report) holds a tenant's machines at a time (one per stream) whatever the estate's size. Each
 * machine carries every usage row it has: a row without activity in the window still holds a first
 * restore point the engine needs for R-NEW. A stream's rows come in key order (tenant, then machine
 * in registration order, as a scenario lists them), so a tenant is complete when the next one starts.
 */
import { type MachineFacts, monthIndex, monthOfIndex, type OpClass } from '@vcc/rules';
import { driverClient, isPostgresJs } from '../driver.js';
import { besideScope, type Executor } from '../scope.js';
import { type Field, queryFields, streamTextRows } from '../stream-text-rows.js';
import type { EstateConfig } from './load-estate-facts.js';

/** Column positions in the query below; the months' day bits and late bits follow `FIRST_AT`. */
const TENANT = 0;
const MACHINE = 1;
const EXTERNAL_ID = 2;
const KIND = 3;
const AGENT_OS = 4;
const AGENT_VERSION = 5;
const SERVER = 6;
const OP_CLASS = 7;
const FIRST_AT = 8;
const BITS = 9;

/**
 * Whose machines: every tenant in scope, the one whose id is the query's parameter $1, these
 * tenants, or those whose ids lie in a range (ids written into the query, as COPY takes no
 * parameter).
 */
export type TenantSelection =
  | 'all'
  | 'parameter'
  | readonly string[]
  | { from?: string | undefined; below?: string | undefined };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Only ids that cannot carry anything but an id reach a query's text. */
function tenantId(id: string): string {
  if (!UUID.test(id)) throw new Error(`not a tenant id: ${JSON.stringify(id)}`);
  return id;
}

/**
 * The query behind streamTenantMachines: usage rows joined to their machines, in key order, with one
 * column per month of the window (an absent month reads 0): plain integers, no arrays to parse.
 */
export function tenantMachinesQuery(window: { from: string; to: string }, tenants: TenantSelection): string {
  const from = monthIndex(window.from);
  const months = monthIndex(window.to) - from + 1;
  const bits = (column: string) =>
    Array.from({ length: months }, (_, i) => `coalesce(u.${column}[${from + i}], 0)`).join(', ');
  // No agent reads '' rather than null: a null is an escape in COPY's text, which costs its reader.
  const rows = `select u.tenant_id, u.machine_id, m.external_id, m.kind, coalesce(m.agent_os::text, ''), coalesce(m.agent_version, ''),
         u.server_id, u.op_class, (extract(epoch from u.first_at) * 1000)::bigint,
         ${bits('days')}, ${bits('late_days')}
    from machine_usage u
    join machines m on m.tenant_id = u.tenant_id and m.id = u.machine_id
   where u.sp_id = (select app_sp_id())`;
  if (tenants === 'all') return `${rows} order by u.tenant_id, u.machine_id`;
  if (tenants === 'parameter') return `${rows} and u.tenant_id = $1::uuid order by u.machine_id`;
  if (!Array.isArray(tenants)) {
    const { from: lo, below: hi } = tenants as { from?: string; below?: string };
    const range = `${lo ? ` and u.tenant_id >= '${tenantId(lo)}'` : ''}${hi ? ` and u.tenant_id < '${tenantId(hi)}'` : ''}`;
    return `${rows}${range} order by u.tenant_id, u.machine_id`;
  }
  tenants.forEach(tenantId);
  // Tenant by tenant through the key's index: OFFSET 0 keeps the subquery from being merged into a
  // join, which the planner, misled by statistics (or their absence), could run as a scan of both
  // tables whole (1.6 s at a million machines, for 100 tenants' 14,000 rows).
  return `select x.* from unnest('{${tenants.join(',')}}'::uuid[]) with ordinality as s(id, n)
    cross join lateral (${rows} and u.tenant_id = s.id offset 0) x
   order by s.n, x.machine_id`;
}

/**
 * Streams the machines of the configuration's tenants (or of its one tenant), or of `some` of them
 * only, handing each tenant's to `onTenant` by its index. A tenant with no usage rows at all is not
 * handed anything; tenants may come in any order.
 */
export async function streamTenantMachines(
  tx: Executor,
  window: { from: string; to: string },
  config: Pick<EstateConfig, 'facts' | 'tenantIndex' | 'serverExternalId' | 'onlyTenant'>,
  onTenant: (index: number, machines: MachineFacts[]) => void,
  some?: readonly string[],
): Promise<void> {
  if (config.facts.tenants.length === 0) return;
  const reader = () => tenantReader(window, config, onTenant);
  const only = config.onlyTenant;
  // One tenant: a few hundred rows from a prepared query. Several, or the whole SP: through COPY.
  if (only !== null) {
    const read = reader();
    for (const r of await queryFields(tx, tenantMachinesQuery(window, 'parameter'), [only])) read.onRow(r);
    read.flush();
  } else if (some !== undefined) {
    if (some.length > 0) await streamInto(tx, tenantMachinesQuery(window, some), reader());
  } else await streamWholeSp(tx, window, [...config.tenantIndex.keys()], reader);
}

/** One process-wide second stream at most: a request never waits for a connection it cannot get. */
let secondStreamInUse = false;

/**
 * The whole SP, on PostgreSQL in two COPY streams over the two halves of the tenants (by id), each in
 * a transaction of its own under the same scope, so that PostgreSQL produces rows on two cores (its
 * share of a cold report is the larger); one stream when a second is already running somewhere in
 * this process or `tx` has no scope to share. A tenant's rows all come from one statement; the two
 * halves may see the database a moment apart, as two reads of one request may.
 */
async function streamWholeSp(
  tx: Executor,
  window: { from: string; to: string },
  tenantIds: string[],
  reader: () => TenantReader,
): Promise<void> {
  const middle = tenantIds.sort()[tenantIds.length >> 1];
  if (middle === undefined || secondStreamInUse || !isPostgresJs(driverClient(tx)))
    return streamInto(tx, tenantMachinesQuery(window, 'all'), reader());
  secondStreamInUse = true;
  try {
    const upper = besideScope(tx, (other) =>
      streamInto(other, tenantMachinesQuery(window, { from: middle }), reader()),
    );
    if (!upper) return await streamInto(tx, tenantMachinesQuery(window, 'all'), reader());
    const lower = streamInto(tx, tenantMachinesQuery(window, { below: middle }), reader());
    // Both end before this does, failed or not: nothing is left reading for a request that is over.
    for (const settled of await Promise.allSettled([lower, upper]))
      if (settled.status === 'rejected') throw settled.reason;
  } finally {
    secondStreamInUse = false;
  }
}

async function streamInto(tx: Executor, query: string, read: TenantReader): Promise<void> {
  await streamTextRows(tx, query, read.onRow);
  read.flush();
}

interface TenantReader {
  onRow(fields: Field[]): void;
  /** Hands over the last tenant read. */
  flush(): void;
}

/** Turns rows in key order into each tenant's machines, handed over when the next tenant starts. */
function tenantReader(
  window: { from: string; to: string },
  config: Pick<EstateConfig, 'tenantIndex' | 'serverExternalId'>,
  onTenant: (index: number, machines: MachineFacts[]) => void,
): TenantReader {
  const from = monthIndex(window.from);
  const months = monthIndex(window.to) - from + 1;
  const monthNames = Array.from({ length: months }, (_, i) => monthOfIndex(from + i));

  let tenant: string | null = null;
  let machines: MachineFacts[] = [];
  let machineId: Field = null;
  let machine: MachineFacts | null = null;
  const flush = () => {
    if (tenant === null) return;
    const index = config.tenantIndex.get(tenant);
    if (index !== undefined)
      onTenant(
        index,
        machines.filter((m) => m.activity.length > 0),
      );
    machines = [];
  };
  const onRow = (r: Field[]) => {
    if (r[TENANT] !== tenant) {
      flush();
      tenant = r[TENANT] as string;
      machineId = null;
    }
    if (r[MACHINE] !== machineId || machine === null) {
      machineId = r[MACHINE]!;
      machine = {
        id: String(r[EXTERNAL_ID]),
        kind: r[KIND] as MachineFacts['kind'],
        agent:
          r[AGENT_OS] && r[AGENT_VERSION]
            ? { os: r[AGENT_OS] as 'windows' | 'linux', version: String(r[AGENT_VERSION]) }
            : undefined,
        activity: [],
        firsts: [],
      };
      machines.push(machine);
    }
    const server = config.serverExternalId.get(r[SERVER] as string)!;
    const opClass = r[OP_CLASS] as OpClass;
    machine.firsts.push({ server, opClass, at: Number(r[FIRST_AT]) });
    for (let i = 0; i < months; i++) {
      const bits = r[BITS + i];
      // Most months of the window are empty: '0' (COPY) or 0 (PGlite), skipped before any parsing.
      if (bits === '0' || bits === 0) continue;
      const days = Number(bits);
      const lateDays = Number(r[BITS + months + i]);
      machine.activity.push({ server, opClass, month: monthNames[i]!, days, lateDays });
    }
  };
  return { onRow, flush };
}
