/**
 * The ingestion lane's decoding of a batch agrees with GraphQL's own coercion of
 * `IngestRestorePointsInput` (the schema's type, its enums and DateTime scalar): whatever it accepts
 * comes out exactly as GraphQL would hand it to the resolver, and whatever GraphQL refuses it
 * refuses too. Well-formed batches are never left to the slow way.
 */
import 'reflect-metadata';
import fc from 'fast-check';
import { coerceInputValue, type GraphQLInputType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { decodeIngestInput } from '../src/ingest/decode-batch.js';
import { getSchema } from '../src/schema/build-schema.js';

const inputType = getSchema().getType('IngestRestorePointsInput') as GraphQLInputType;

/** GraphQL's coercion, as plain data (absent optional fields as null), or null when it refuses. */
function coerced(value: unknown): unknown {
  try {
    const input = coerceInputValue(value, inputType) as { idempotencyKey: string; restorePoints: object[] };
    return {
      idempotencyKey: input.idempotencyKey,
      restorePoints: input.restorePoints.map((p) => ({
        machineKind: null,
        agentOs: null,
        agentVersion: null,
        ...p,
      })),
    };
  } catch {
    return null;
  }
}

const wellFormedTime = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true })
  .chain((d) =>
    fc.constantFrom(
      d.toISOString(),
      `${d.toISOString().slice(0, 19)}Z`,
      d.toISOString().replace('Z', '+00:00'),
    ),
  );

const wellFormedPoint = fc.record(
  {
    tenant: fc.string(),
    machine: fc.string(),
    machineKind: fc.constantFrom('VM', 'SERVER', 'WORKSTATION', null),
    agentOs: fc.constantFrom('WINDOWS', 'LINUX', null),
    agentVersion: fc.option(fc.string()),
    server: fc.string(),
    operation: fc.constantFrom(
      'CLOUD_BACKUP',
      'CLOUD_BACKUP_COPY',
      'CLOUD_REPLICA',
      'LOCAL_BACKUP',
      'LOCAL_BACKUP_COPY',
      'LOCAL_REPLICA',
    ),
    at: wellFormedTime,
  },
  { requiredKeys: ['tenant', 'machine', 'server', 'operation', 'at'] },
);

const wellFormedBatch = fc.record({
  idempotencyKey: fc.string(),
  restorePoints: fc.array(wellFormedPoint, { maxLength: 5 }),
});

/** Values a client could send in place of a field: wrong types, near-miss times and enum names. */
const oddValue = fc.oneof(
  fc.constantFrom(
    null,
    undefined,
    42,
    true,
    [],
    {},
    'vm',
    'cloud-backup',
    'CLOUD_BACKUP ',
    '2026-02-30T00:00:00Z',
    '2026-02-29T00:00:00Z',
    '2024-02-29T00:00:00.000Z',
    '2026-01-01T24:00:00Z',
    '2026-01-01T23:59:60Z',
    '2026-01-01T00:00:00.1234Z',
    '2026-01-01T00:00:00.12Z',
    '2026-01-01 00:00:00Z',
    '2026-01-01T00:00:00z',
    '2026-01-01T00:00:00',
    '0099-01-01T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '+2026-01-01T00:00:00Z',
    '２026-01-01T00:00:00Z',
  ),
  fc.string(),
  fc.integer(),
);

/** A well-formed batch with one field of one point (or of the batch) replaced, added or removed. */
const damagedBatch = fc
  .tuple(
    wellFormedBatch,
    fc.nat(),
    fc.constantFrom(
      'tenant',
      'machine',
      'machineKind',
      'agentOs',
      'agentVersion',
      'server',
      'operation',
      'at',
      'extra',
      'idempotencyKey',
      'restorePoints',
    ),
    oddValue,
    fc.boolean(),
  )
  .map(([batch, n, field, value, remove]) => {
    const copy = structuredClone(batch) as Record<string, unknown> & {
      restorePoints: Record<string, unknown>[];
    };
    const target: Record<string, unknown> =
      field === 'idempotencyKey' || field === 'restorePoints' || copy.restorePoints.length === 0
        ? copy
        : copy.restorePoints[n % copy.restorePoints.length]!;
    if (remove) delete target[field];
    else target[field] = value;
    return copy;
  });

describe('decodeIngestInput', () => {
  it('decodes every well-formed batch exactly as GraphQL coerces it', () => {
    fc.assert(
      fc.property(wellFormedBatch, (batch) => {
        const decoded = decodeIngestInput(batch);
        expect(decoded).not.toBeNull();
        expect(decoded).toEqual(coerced(batch));
      }),
      { numRuns: 500 },
    );
  });

  it('refuses what GraphQL refuses, and what it accepts matches GraphQL', () => {
    fc.assert(
      fc.property(damagedBatch, (batch) => {
        const decoded = decodeIngestInput(batch);
        const expected = coerced(batch);
        if (expected === null) expect(decoded).toBeNull();
        else if (decoded !== null) expect(decoded).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses impossible days and hours that Date would roll over', () => {
    for (const at of [
      '2026-02-29T00:00:00Z',
      '2026-04-31T00:00:00Z',
      '2026-01-01T24:00:00Z',
      '2026-01-01T00:60:00Z',
    ]) {
      const batch = {
        idempotencyKey: 'k',
        restorePoints: [{ tenant: 't', machine: 'm', server: 's', operation: 'CLOUD_BACKUP', at }],
      };
      expect(decodeIngestInput(batch)).toBeNull();
      expect(coerced(batch)).toBeNull();
    }
    const leap = {
      idempotencyKey: 'k',
      restorePoints: [
        { tenant: 't', machine: 'm', server: 's', operation: 'CLOUD_BACKUP', at: '2024-02-29T12:00:00.250Z' },
      ],
    };
    expect(decodeIngestInput(leap)?.restorePoints[0]?.at.toISOString()).toBe('2024-02-29T12:00:00.250Z');
  });
});
