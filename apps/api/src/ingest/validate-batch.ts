/**
 * Checks an ingestion batch against the estate before anything is written, collecting every problem
 * with the path of the point it concerns. Returns the points resolved to database ids.
 */
import type { Operation } from '@vcc/rules';
import type { Principal } from '../auth/principal.js';
import { isSpRole } from '../auth/principal.js';
import type { RestorePointInput } from '../schema/ingest/ingest.types.js';
import type { KnownMachine } from './machine-directory.js';

export const MAX_BATCH = 10_000;

/**
 * A machine the batch names, resolved once however many of its points name it: what the database
 * knows of it and what the batch says of it.
 */
export interface BatchMachine {
  tenantId: string;
  externalId: string;
  /** The stored row, when the machine is known. */
  known: KnownMachine | undefined;
  /** The stored kind, else what the batch first said of it (set by validation). */
  kind: string | undefined;
  /** The agent as the batch's latest point that names one says (a later point may omit it). */
  agentOs: string | null;
  agentOsAt: number;
  agentVersion: string | null;
  agentVersionAt: number;
  /** Its id, once registered. */
  id: number | undefined;
}

export interface EstateIndex {
  tenants: Map<string, string>;
  /** Server external id -> its id and owning tenant id (null for SP servers). */
  servers: Map<string, { id: string; tenantId: string | null }>;
  /** Tenant id -> external id -> the machine, for every machine the batch names in a known tenant. */
  machines: Map<string, Map<string, BatchMachine>>;
}

/** A point resolved to database ids: what recordRestorePoints stores, once its machine has an id. */
export interface ResolvedPoint {
  tenantId: string;
  machine: BatchMachine;
  /** The machine's id, set by registration (0 until then). */
  machineId: number;
  serverId: string;
  operation: Operation;
  at: number;
}

export interface Problem {
  path: string;
  message: string;
}

const LOWEST = Date.UTC(2000, 0, 1);

/** NUL or an unpaired UTF-16 surrogate: text PostgreSQL cannot store (or read back as JSON). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what is refused here.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The text fields of a batch that PostgreSQL could not store, before anything touches the database. */
export function unstorableText(idempotencyKey: string, points: readonly RestorePointInput[]): Problem[] {
  const problems: Problem[] = [];
  const message = 'holds a character that cannot be stored (NUL or an unpaired surrogate)';
  if (UNSTORABLE.test(idempotencyKey)) problems.push({ path: 'input.idempotencyKey', message });
  points.forEach((p, i) => {
    for (const field of ['tenant', 'machine', 'server', 'agentVersion'] as const) {
      const value = p[field];
      if (typeof value === 'string' && UNSTORABLE.test(value))
        problems.push({ path: `input.restorePoints[${i}].${field}`, message });
    }
  });
  return problems;
}

export function validateBatch(
  principal: Principal,
  points: readonly RestorePointInput[],
  index: EstateIndex,
  now: number,
): { points: ResolvedPoint[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const resolved: ResolvedPoint[] = [];
  points.forEach((point, i) => {
    const result = resolvePoint(principal, point, index, now);
    if ('problem' in result)
      problems.push({ path: `input.restorePoints[${i}].${result.field}`, message: result.problem });
    else resolved.push(result);
  });
  return { points: resolved, problems };
}

type Resolution = ResolvedPoint | { field: string; problem: string };

const fail = (field: string, problem: string): Resolution => ({ field, problem });

/** One point resolved to database ids, or the first problem with it. */
function resolvePoint(
  principal: Principal,
  p: RestorePointInput,
  index: EstateIndex,
  now: number,
): Resolution {
  const tenantId = index.tenants.get(p.tenant);
  if (!tenantId) return fail('tenant', `unknown tenant ${JSON.stringify(p.tenant)}`);
  if (!isSpRole(principal.role) && tenantId !== principal.tenantId) {
    return fail('tenant', `this key may ingest only for its own tenant, not ${JSON.stringify(p.tenant)}`);
  }
  const server = index.servers.get(p.server);
  if (!server || (server.tenantId !== null && server.tenantId !== tenantId)) {
    return fail(
      'server',
      `unknown backup server ${JSON.stringify(p.server)} for tenant ${JSON.stringify(p.tenant)}`,
    );
  }
  if (p.machine.length === 0 || p.machine.length > 200) return fail('machine', 'must be 1 to 200 characters');
  const machine = index.machines.get(tenantId)!.get(p.machine)!;
  // A machine's kind is what the database says, else what the batch first said of it.
  const kind = machine.kind ?? p.machineKind;
  if (!kind)
    return fail('machineKind', `machine ${JSON.stringify(p.machine)} is not known yet: give its machineKind`);
  if (p.machineKind && p.machineKind !== kind) {
    return fail('machineKind', `machine ${JSON.stringify(p.machine)} is a ${kind}, not a ${p.machineKind}`);
  }
  machine.kind = kind;
  if (kind !== 'vm' && p.operation.endsWith('-replica')) {
    return fail('operation', `only VMs can be replicated; ${JSON.stringify(p.machine)} is a ${kind}`);
  }
  if (kind === 'vm' && (p.agentOs || p.agentVersion)) return fail('agentOs', 'a VM has no agent');
  if (p.agentVersion && !/^\d+(\.\d+){0,3}$/.test(p.agentVersion)) {
    return fail(
      'agentVersion',
      `expected a dotted build number such as 6.0.0.1060, got ${JSON.stringify(p.agentVersion.slice(0, 40))}`,
    );
  }
  const at = p.at.getTime();
  if (!Number.isFinite(at) || at < LOWEST || at > now + 86_400_000) {
    return fail('at', 'must be a time between 2000-01-01 and tomorrow');
  }
  // The latest point that names an agent wins; of two at the same time, the later in the batch.
  if ((p.agentOs ?? null) !== null && at >= machine.agentOsAt) {
    machine.agentOs = p.agentOs!;
    machine.agentOsAt = at;
  }
  if ((p.agentVersion ?? null) !== null && at >= machine.agentVersionAt) {
    machine.agentVersion = p.agentVersion!;
    machine.agentVersionAt = at;
  }
  return { tenantId, machine, machineId: 0, serverId: server.id, operation: p.operation as Operation, at };
}
