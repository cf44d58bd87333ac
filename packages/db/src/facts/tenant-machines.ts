/**
 * The machines active in a window of months, streamed tenant by tenant so that a caller (the SP
 * report) holds a tenant's machines at a time (one per stream) whatever the estate's size. Each
 * machine carries every usage row it has: a row without activity in the window still holds a first
 * restore point the engine needs for R-NEW. A stream's rows come in key order (tenant, then machine
 * in registration order, as a scenario lists them), so a tenant is complete when the next one starts.
 */
import { type MachineFacts, monthIndex, monthOfIndex, type OpClass } from '@vcc/rules';
import { CopyLineReader } from '../copy-line.js';
import { driverClient, isPostgresJs } from '../driver.js';
import { besideScope, type Executor } from '../scope.js';
import { copyLine, queryFields, streamTextLines } from '../stream-text-rows.js';
import type { EstateConfig } from './load-estate-facts.js';

/**
 * Whose machines: every tenant in scope, the one whose id is the query's parameter $1, these
 * tenants, or those whose ids lie in a range (ids written into the query, as COPY takes no
 * parameter).
 */
export type TenantSelection = 'all' | 'parameter' | readonly string[] | TenantRange;

/** Tenants by id: from `from` on, below `below`. */
export interface TenantRange {
  from?: string | undefined;
  below?: string | undefined;
}

/** The id that splits these tenants' ids in two halves of equal size, or none when there are none. */
export function middleTenant(tenantIds: Iterable<string>): string | undefined {
  const ids = [...tenantIds].sort();
  return ids[ids.length >> 1];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Only ids that cannot carry anything but an id reach a query's text. */
function tenantId(id: string): string {
  if (!UUID.test(id)) throw new Error(`not a tenant id: ${JSON.stringify(id)}`);
  return id;
}

/**
 * The query behind streamTenantMachines: usage rows joined to their machines, in key order, with the
 * window's part of each month array.
 */
export function tenantMachinesQuery(window: { from: string; to: string }, tenants: TenantSelection): string {
  const from = monthIndex(window.from);
  const to = monthIndex(window.to);
  // Each month array's part in the window, and where that part starts: two array operations a row
  // rather than one per month (a usage row's array starts at its first month, nulls fill gaps).
  const part = (column: string) =>
    `greatest(array_lower(u.${column}, 1), ${from}), u.${column}[${from}:${to}]`;
  // No agent reads '' rather than null: a null is an escape in COPY's text, which costs its reader.
  // The first point as epoch milliseconds through a double, not extract()'s numeric: exact for
  // millisecond timestamps, and cheaper. tenantReader reads the columns in this order.
  const rows = `select u.tenant_id, u.machine_id, m.external_id, m.kind, coalesce(m.agent_os::text, ''), coalesce(m.agent_version, ''),
         u.server_id, u.op_class, round(date_part('epoch', u.first_at) * 1000)::bigint,
         ${part('days')}, ${part('late_days')}
    from machine_usage u
    join machines m on m.tenant_id = u.tenant_id and m.id = u.machine_id
   where u.sp_id = (select app_sp_id())`;
  if (tenants === 'all') return `${rows} order by u.tenant_id, u.machine_id`;
  if (tenants === 'parameter') return `${rows} and u.tenant_id = $1::uuid order by u.machine_id`;
  if (!Array.isArray(tenants)) {
    const { from: lo, below: hi } = tenants as TenantRange;
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
 * only (a list, or a range of ids), handing each tenant's to `onTenant` by its index. A tenant with
 * no usage rows at all is not handed anything; tenants may come in any order.
 */
export async function streamTenantMachines(
  tx: Executor,
  window: { from: string; to: string },
  config: Pick<EstateConfig, 'facts' | 'tenantIndex' | 'serverExternalId' | 'onlyTenant'>,
  onTenant: (index: number, machines: MachineFacts[]) => void,
  some?: readonly string[] | TenantRange,
): Promise<void> {
  if (config.facts.tenants.length === 0) return;
  const reader = () => tenantReader(window, config, onTenant);
  const only = config.onlyTenant;
  // One tenant: a few hundred rows from a prepared query. Several, or the whole SP: through COPY.
  if (only !== null) {
    const read = reader();
    for (const row of await queryFields(tx, tenantMachinesQuery(window, 'parameter'), [only])) {
      const text = copyLine(row);
      read.onLine(text, 0, text.length);
    }
    read.flush();
  } else if (Array.isArray(some)) {
    if (some.length > 0) await streamInto(tx, tenantMachinesQuery(window, some), reader());
  } else if (some !== undefined) {
    await withMoreWorkMemory(tx);
    await streamInto(tx, tenantMachinesQuery(window, some as TenantRange), reader());
  } else await streamWholeSp(tx, window, config.tenantIndex.keys(), reader);
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
  tenantIds: Iterable<string>,
  reader: () => TenantReader,
): Promise<void> {
  if (!isPostgresJs(driverClient(tx))) return streamInto(tx, tenantMachinesQuery(window, 'all'), reader());
  const middle = middleTenant(tenantIds);
  await withMoreWorkMemory(tx);
  if (middle === undefined || secondStreamInUse)
    return streamInto(tx, tenantMachinesQuery(window, 'all'), reader());
  secondStreamInUse = true;
  try {
    const upper = besideScope(tx, async (other) => {
      await withMoreWorkMemory(other);
      await streamInto(other, tenantMachinesQuery(window, { from: middle }), reader());
    });
    if (!upper) return await streamInto(tx, tenantMachinesQuery(window, 'all'), reader());
    const lower = streamInto(tx, tenantMachinesQuery(window, { below: middle }), reader());
    // Both end before this does, failed or not: nothing is left reading for a request that is over.
    for (const settled of await Promise.allSettled([lower, upper]))
      if (settled.status === 'rejected') throw settled.reason;
  } finally {
    secondStreamInUse = false;
  }
}

/**
 * More working memory for the rest of a transaction that reads many tenants: the default 4 MB sends
 * the join's hash of a million machines to disk in 16 batches (~0.3 s of a 3.9 s query at 1,000,000
 * machines); 64 MB holds it. The sort still spills, which costs about the same in memory.
 */
async function withMoreWorkMemory(tx: Executor): Promise<void> {
  const client = driverClient(tx);
  if (isPostgresJs(client)) await client.unsafe("set local work_mem = '64MB'");
}

async function streamInto(tx: Executor, query: string, read: TenantReader): Promise<void> {
  await streamTextLines(tx, query, read.onLine);
  read.flush();
}

interface TenantReader {
  onLine(text: string, start: number, end: number): void;
  /** Hands over the last tenant read. */
  flush(): void;
}

/**
 * Turns rows in key order into each tenant's machines, handed over when the next tenant starts.
 * Lines are read in place (copy-line.ts): a row's tenant, machine and server ids are compared with
 * the previous row's, and made into strings only when they change.
 */
function tenantReader(
  window: { from: string; to: string },
  config: Pick<EstateConfig, 'tenantIndex' | 'serverExternalId'>,
  onTenant: (index: number, machines: MachineFacts[]) => void,
): TenantReader {
  const from = monthIndex(window.from);
  const months = monthIndex(window.to) - from + 1;
  const monthNames = Array.from({ length: months }, (_, i) => monthOfIndex(from + i));
  const days = new Array<number>(months).fill(0);
  const late = new Array<number>(months).fill(0);
  const line = new CopyLineReader();

  let tenant: string | null = null;
  let machines: MachineFacts[] = [];
  let machineId = -1;
  let machine: MachineFacts | null = null;
  let serverId = '';
  let server = '';
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
  const onLine = (text: string, start: number, end: number) => {
    line.start(text, start, end);
    if (tenant === null || !line.is(tenant)) {
      flush();
      tenant = line.string();
      machine = null;
    }
    line.next();
    const id = line.number();
    line.next();
    if (id !== machineId || machine === null) {
      machineId = id;
      const externalId = line.string();
      line.next();
      const kind = line.string() as MachineFacts['kind'];
      line.next();
      const os = line.string();
      line.next();
      const version = line.string();
      machine = {
        id: externalId,
        kind,
        agent: os && version ? { os: os as 'windows' | 'linux', version } : undefined,
        activity: [],
        firsts: [],
      };
      machines.push(machine);
    } else for (let skip = 0; skip < 3; skip++) line.next();
    line.next();
    if (!line.is(serverId)) {
      serverId = line.string();
      server = config.serverExternalId.get(serverId)!;
    }
    line.next();
    const opClass = line.string() as OpClass;
    line.next();
    machine.firsts.push({ server, opClass, at: line.number() });
    line.next();
    const daysAt = line.number() - from;
    line.next();
    const count = line.integers(days, 0);
    line.next();
    const lateAt = line.number() - from;
    line.next();
    late.fill(0);
    line.integers(late, lateAt);
    for (let i = 0; i < count; i++) {
      const month = daysAt + i;
      // Months of the window a machine was idle in hold 0 (or null: a gap in its array).
      if (days[i] !== 0)
        machine.activity.push({
          server,
          opClass,
          month: monthNames[month]!,
          days: days[i]!,
          lateDays: late[month]!,
        });
    }
  };
  return { onLine, flush };
}
