/**
 * `ingestRestorePoints`: one batch, all or nothing, in the request's transaction. The idempotency
 * record is claimed first (a concurrent twin waits on it, then replays), unknown machines are
 * registered, points are stored once by their natural key and the rollups move with them.
 */
import { createHash } from 'node:crypto';
import {
  bumpUsageVersion,
  queryRows,
  recordRestorePoints,
  schema,
  type Transaction,
  textList,
} from '@vcc/db';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { actorOf, type Principal } from '../auth/principal.js';
import { withinReach } from '../auth/scope-conditions.js';
import { badInput, conflict } from '../errors.js';
import type { IngestRestorePointsInput, IngestResult } from '../schema/ingest/ingest.types.js';
import type { KnownMachine, MachineDirectory } from './machine-directory.js';
import type { UsageMemory } from './usage-memory.js';
import {
  type BatchMachine,
  type EstateIndex,
  MAX_BATCH,
  unstorableText,
  validateBatch,
} from './validate-batch.js';

export interface IngestOptions {
  /**
   * Known machines, to skip their look-up. Only for a transaction that writes nothing else before
   * this batch: what it reads of machines is then committed, and so fit to remember.
   */
  directory?: MachineDirectory | undefined;
  /**
   * Usage rows known stored, which the batch then leaves alone, and how to run the memory's update
   * once the transaction has committed (not before: a rolled-back batch stored nothing).
   */
  usage?: { memory: UsageMemory; afterCommit: (effect: () => void) => void } | undefined;
  /**
   * Told which tenants the batch stamped and with which estate version (in the transaction, before
   * it commits): for the caller to learn once it has committed (ChangeFeed.usageWritten).
   */
  onUsageVersion?: ((tenantIds: readonly string[], version: number) => void) | undefined;
  now?: number;
}

export async function ingestRestorePoints(
  tx: Transaction,
  principal: Principal,
  input: IngestRestorePointsInput,
  { directory, usage, onUsageVersion, now = Date.now() }: IngestOptions = {},
): Promise<IngestResult> {
  if (input.idempotencyKey.length < 1 || input.idempotencyKey.length > 200) {
    throw badInput([{ path: 'input.idempotencyKey', message: 'must be 1 to 200 characters' }]);
  }
  if (input.restorePoints.length > MAX_BATCH) {
    throw badInput([
      {
        path: 'input.restorePoints',
        message: `at most ${MAX_BATCH} points per batch, got ${input.restorePoints.length}`,
      },
    ]);
  }
  const unstorable = unstorableText(input.idempotencyKey, input.restorePoints);
  if (unstorable.length > 0) throw badInput(unstorable);
  const requestHash = hashBatch(input);
  const scope = principal.tenantId && !principal.role.startsWith('sp-') ? principal.tenantId : '';
  const claimed = await queryRows<{ key: string }>(
    tx,
    sql`insert into idempotency_records (sp_id, tenant_id, scope, key, request_hash, response)
        values (${principal.spId}, ${scope || null}, ${scope}, ${input.idempotencyKey}, ${requestHash}, '{}'::jsonb)
        on conflict do nothing returning key`,
  );
  if (claimed.length === 0) return replay(tx, principal, scope, input.idempotencyKey, requestHash);

  const index = await indexEstate(tx, principal, input, directory);
  const { points, problems } = validateBatch(principal, input.restorePoints, index, now);
  if (problems.length > 0) throw badInput(problems);

  const written = await registerMachines(tx, principal.spId, index, directory);
  for (const p of points) p.machineId = p.machine.id!;
  const stored = await recordRestorePoints(tx, principal.spId, points, {
    alreadyStored: usage && ((bits) => usage.memory.holds(bits)),
  });
  if (usage) usage.afterCommit(() => usage.memory.learn(stored.usage));
  const result: IngestResult = { accepted: stored.inserted, duplicates: stored.duplicates, replayed: false };
  await tx
    .update(schema.idempotencyRecords)
    .set({ response: result })
    .where(
      and(
        eq(schema.idempotencyRecords.spId, principal.spId),
        eq(schema.idempotencyRecords.scope, scope),
        eq(schema.idempotencyRecords.key, input.idempotencyKey),
      ),
    );
  await tx.insert(schema.auditLog).values({
    spId: principal.spId,
    tenantId: scope || null,
    actor: actorOf(principal),
    action: 'restore-points.ingest',
    subject: `idempotency-key:${input.idempotencyKey}`,
    details: result,
  });
  // Last, so that the SP row is locked only for the commit: concurrent batches queue here briefly.
  // Every tenant of the batch is stamped, though some may have sent repeats only: a report computed
  // again for nothing costs less than a look at which points were new.
  if (stored.inserted > 0 || written > 0) {
    const tenantIds = [...index.tenants.values()];
    const version = await bumpUsageVersion(tx, principal.spId, tenantIds);
    onUsageVersion?.(tenantIds, version);
  }
  return result;
}

/** The SHA-256 of the batch as sent (key order fixed), to tell a retry from a different batch. */
function hashBatch(input: IngestRestorePointsInput): Buffer {
  const canonical = input.restorePoints.map((p) => [
    p.tenant,
    p.machine,
    p.machineKind ?? null,
    p.agentOs ?? null,
    p.agentVersion ?? null,
    p.server,
    p.operation,
    p.at.getTime(),
  ]);
  return createHash('sha256').update(JSON.stringify(canonical)).digest();
}

async function replay(
  tx: Transaction,
  principal: Principal,
  scope: string,
  key: string,
  requestHash: Buffer,
): Promise<IngestResult> {
  const [record] = await tx
    .select()
    .from(schema.idempotencyRecords)
    .where(
      and(
        eq(schema.idempotencyRecords.spId, principal.spId),
        eq(schema.idempotencyRecords.scope, scope),
        eq(schema.idempotencyRecords.key, key),
      ),
    );
  if (!record || !Buffer.from(record.requestHash).equals(requestHash)) {
    throw conflict(`idempotency key ${JSON.stringify(key)} was already used for a different batch`);
  }
  return { ...(record.response as IngestResult), replayed: true };
}

/** What the batch refers to: its tenants, servers and already known machines, within reach. */
async function indexEstate(
  tx: Transaction,
  principal: Principal,
  input: IngestRestorePointsInput,
  directory: MachineDirectory | undefined,
): Promise<EstateIndex> {
  const { tenants } = schema;
  const tenantExternalIds = [...new Set(input.restorePoints.map((p) => p.tenant))];
  const serverExternalIds = [...new Set(input.restorePoints.map((p) => p.server))];
  const tenantRows = tenantExternalIds.length
    ? await tx
        .select({ id: tenants.id, externalId: tenants.externalId })
        .from(tenants)
        .where(
          and(
            inArray(tenants.externalId, tenantExternalIds),
            ...withinReach(principal, { spId: tenants.spId, tenantId: tenants.id }),
          ),
        )
    : [];
  const serverRows = serverExternalIds.length
    ? await queryRows<{ id: string; external_id: string; tenant_id: string | null }>(
        tx,
        sql`select id, external_id, tenant_id from backup_servers where external_id in ${textList(serverExternalIds)}
            union all select id, external_id, null from sp_backup_servers() where external_id in ${textList(serverExternalIds)}`,
      )
    : [];
  const tenantIdOf = new Map(tenantRows.map((t) => [t.externalId, t.id]));
  // Taken before the look-up: rows read after a change was announced are not remembered.
  const epoch = directory?.begin() ?? 0;
  const machines: EstateIndex['machines'] = new Map();
  const wanted: BatchMachine[] = [];
  for (const p of input.restorePoints) {
    const tenantId = tenantIdOf.get(p.tenant);
    if (!tenantId) continue;
    let named = machines.get(tenantId);
    if (!named) {
      named = new Map();
      machines.set(tenantId, named);
    }
    if (named.has(p.machine)) continue;
    const known = directory?.get(tenantId, p.machine);
    const machine: BatchMachine = {
      tenantId,
      externalId: p.machine,
      known,
      kind: known?.kind,
      agentOs: null,
      agentOsAt: Number.NEGATIVE_INFINITY,
      agentVersion: null,
      agentVersionAt: Number.NEGATIVE_INFINITY,
      id: known?.id,
    };
    named.set(p.machine, machine);
    if (!known) wanted.push(machine);
  }
  const machineRows = wanted.length
    ? await queryRows<{
        id: string;
        tenant_id: string;
        external_id: string;
        kind: string;
        agent_os: string | null;
        agent_version: string | null;
      }>(
        tx,
        // LATERAL … LIMIT 1 (never flattened): one index lookup per machine, whatever the planner
        // guesses of the JSON's size or of a freshly loaded table.
        sql`select m.id::text, m.tenant_id, m.external_id, m.kind, m.agent_os, m.agent_version
              from jsonb_to_recordset(${JSON.stringify(wanted.map((m) => ({ t: m.tenantId, m: m.externalId })))}::jsonb) as w(t uuid, m text)
              cross join lateral (select * from machines m where m.tenant_id = w.t and m.external_id = w.m limit 1) m`,
      )
    : [];
  const found: [string, string, KnownMachine][] = [];
  for (const row of machineRows) {
    const machine = machines.get(row.tenant_id)!.get(row.external_id)!;
    const known = {
      id: Number(row.id),
      kind: row.kind,
      agentOs: row.agent_os,
      agentVersion: row.agent_version,
    };
    Object.assign(machine, { known, kind: known.kind, id: known.id });
    found.push([machine.tenantId, machine.externalId, known]);
  }
  directory?.remember(epoch, found);
  return {
    tenants: tenantIdOf,
    servers: new Map(serverRows.map((s) => [s.external_id, { id: s.id, tenantId: s.tenant_id }])),
    machines,
  };
}

/**
 * Registers machines seen for the first time and updates changed agents, giving every machine of
 * the batch its id; returns how many rows it wrote.
 */
async function registerMachines(
  tx: Transaction,
  spId: string,
  index: EstateIndex,
  directory: MachineDirectory | undefined,
): Promise<number> {
  // Only machines seen for the first time, or whose agent changed, are written.
  const changed: BatchMachine[] = [];
  for (const named of index.machines.values()) {
    for (const m of named.values()) {
      const { known } = m;
      if (
        !known ||
        (m.agentOs !== null && m.agentOs !== known.agentOs) ||
        (m.agentVersion !== null && m.agentVersion !== known.agentVersion)
      )
        changed.push(m);
    }
  }
  // One order for every writer (as for the usage rows), so that batches registering the same new
  // machines lock them alike and never deadlock.
  changed.sort((a, b) => compareText(a.tenantId, b.tenantId) || compareText(a.externalId, b.externalId));
  // What this batch writes is no longer what the directory holds (and may yet be rolled back).
  for (const m of changed) directory?.forget(m.tenantId, m.externalId);
  for (let i = 0; i < changed.length; i += 2_000) {
    const chunk = changed.slice(i, i + 2_000).map((m) => ({
      spId,
      tenantId: m.tenantId,
      externalId: m.externalId,
      kind: m.kind as 'vm',
      agentOs: m.agentOs as 'windows' | null,
      agentVersion: m.agentVersion,
    }));
    const written = await tx
      .insert(schema.machines)
      .values(chunk)
      .onConflictDoUpdate({
        target: [schema.machines.tenantId, schema.machines.externalId],
        set: {
          agentOs: sql`coalesce(excluded.agent_os, ${schema.machines.agentOs})`,
          agentVersion: sql`coalesce(excluded.agent_version, ${schema.machines.agentVersion})`,
        },
      })
      .returning({
        id: schema.machines.id,
        tenantId: schema.machines.tenantId,
        externalId: schema.machines.externalId,
      });
    for (const m of written) index.machines.get(m.tenantId)!.get(m.externalId)!.id = m.id;
  }
  return changed.length;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
