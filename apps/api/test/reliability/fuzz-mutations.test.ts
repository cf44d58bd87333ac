/**
 * Property-based fuzzing of every mutation, with arguments generated from the schema: a valid call
 * is built for each mutation (schema-walk.ts), then one to three of its values anywhere in the
 * arguments are replaced by a bad one (wrong types, out-of-range dates and numbers, 100,000-character
 * strings, unicode, SQL injection), a required field is left out, or an unknown one added; plus
 * 10,001-point batches and queries beyond the depth, alias, directive, token and cost limits.
 * Every answer must be JSON with a clear error code (never INTERNAL_SERVER_ERROR, never HTTP 5xx),
 * and a call that fails must write nothing: the row counts of every table are compared around it.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSchema } from '../../src/schema/build-schema.js';
import { createUser } from '../../src/users/create-user.js';
import { operationFor, rootFields } from '../support/schema-walk.js';
import { startTestApi, type TestApi } from '../support/test-api.js';
import { threeTenantScenario } from '../support/three-tenants.js';
import { forgedCursor, HUGE } from './support/bad-values.js';
import { type GqlResult, tableCounts } from './support/estate.js';
import { applyChanges, change } from './support/mutate.js';
import { Tally } from './support/stats.js';

const RUNS = Number(process.env.RELIABILITY_FUZZ_RUNS ?? 40);
const SEED = Number(process.env.RELIABILITY_SEED ?? Date.now() % 1_000_000);

const KNOWN = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
]);

describe('fuzzing every mutation and the query limits', () => {
  let api: TestApi;
  let spKey: string;
  let tenantKey: string;
  let keyId: string;
  let userId: string;

  /** POSTs any body; the answer as status + JSON (or the raw text when it is not JSON). */
  async function post(body: string, token: string): Promise<GqlResult> {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
    });
    const text = await res.text();
    try {
      return { status: res.status, ...(JSON.parse(text) as object) };
    } catch {
      return { status: res.status, raw: text.slice(0, 300) };
    }
  }

  /** A clear, coded refusal or a success; a refusal wrote nothing. */
  async function judge(tally: Tally, label: string, send: () => Promise<GqlResult>) {
    const before = await tableCounts(api.database);
    const res = await send();
    const after = await tableCounts(api.database);
    const codes = (res.errors ?? []).map((e) => e.extensions?.code);
    const failed = !!res.errors?.length || res.raw !== undefined;
    const clear =
      res.raw === undefined && res.status < 500 && codes.every((c) => typeof c === 'string' && KNOWN.has(c));
    const untouched = !failed || JSON.stringify(before) === JSON.stringify(after);
    tally.check(clear && untouched, () => {
      const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
      return `${label}: HTTP ${res.status} ${codes.join(',')} ${(res.errors?.[0]?.message ?? res.raw ?? '').slice(0, 160)}${untouched ? '' : ` — wrote to ${changed.join(', ')}`}`;
    });
    return { res, failed };
  }

  beforeAll(async () => {
    api = await startTestApi('postgres');
    await api.import(threeTenantScenario());
    spKey = await api.key('sp-admin');
    tenantKey = await api.key('tenant-admin', 'alpha');
    const res = await api.gql<{ createApiKey: { apiKey: { id: string } } }>(
      'mutation { createApiKey(input: { name: "victim", role: TENANT_VIEWER, tenantExternalId: "alpha" }) { apiKey { id } } }',
      {},
      spKey,
    );
    keyId = res.data?.createApiKey.apiKey.id ?? randomUUID();
    const [sp] = await api.database.db.query.serviceProviders.findMany();
    userId = (
      await createUser(api.database.db, {
        spId: sp!.id,
        tenantId: null,
        email: 'fuzz@acme.test',
        role: 'sp-viewer',
        password: 'fuzz password long enough',
        actor: 'test',
      })
    ).id;
  });
  afterAll(() => api?.close());

  /** A valid call of each mutation (as far as the schema walk and these values make it). */
  function validCall(field: ReturnType<typeof rootFields>[number]) {
    const point = {
      tenant: 'alpha',
      machine: `fuzz-${randomUUID().slice(0, 8)}`,
      machineKind: 'VM',
      agentOs: null,
      agentVersion: null,
      server: 'alpha-vbr',
      operation: 'CLOUD_BACKUP',
      at: '2026-10-20T01:00:00Z',
    };
    const fresh = randomUUID().slice(0, 8);
    const byField: Record<string, Record<string, unknown>> = {
      updateLicense: { externalId: 'lic-alpha' },
      updateBackupServer: { externalId: 'alpha-vbr' },
      updateTenant: { externalId: 'alpha' },
      setTenantEnabled: { externalId: 'bravo' },
      updateTenantPlan: { externalId: 'alpha' },
      revokeApiKey: { id: keyId },
      setUserDisabled: { id: userId },
    };
    return operationFor('mutation', field, {
      email: `fuzz-${fresh}@acme.test`,
      password: 'fuzz password long enough',
      idempotencyKey: `fuzz-${fresh}`,
      restorePoints: [point, { ...point, at: '2026-10-21T01:00:00Z' }],
      name: `Fuzz ${fresh}`,
      role: 'TENANT_VIEWER',
      tenantExternalId: 'alpha',
      expiresAt: null,
      externalId: `fuzz-${fresh}`,
      serverExternalId: 'alpha-vbr',
      type: 'RENTAL',
      validFrom: '2026-01-01',
      validTo: null,
      capacity: { instances: 2 },
      version: '12.0.0.1420',
      plan: { vmBackup: 1, vmReplica: 1, server: 1, workstation: 1, vms: 1 },
      enabled: true,
      managedBySp: false,
      disabled: false,
      ...byField[field.name],
    });
  }

  for (const field of rootFields(getSchema(), 'mutation')) {
    it(`${field.name}: bad arguments give a coded error and write nothing`, async () => {
      const tally = new Tally('bad input', `${field.name} with fuzzed arguments`);
      let refused = 0;
      const samples = fc.sample(
        fc.record({ changes: fc.array(change, { minLength: 1, maxLength: 3 }), asTenant: fc.boolean() }),
        { numRuns: RUNS, seed: SEED + field.name.length },
      );
      for (const { changes, asTenant } of samples) {
        const op = validCall(field);
        const variables = applyChanges(op.variables, changes);
        const { failed } = await judge(tally, `${field.name} ${JSON.stringify(changes).slice(0, 200)}`, () =>
          post(JSON.stringify({ query: op.query, variables }), asTenant ? tenantKey : spKey),
        );
        if (failed) refused++;
      }
      tally.record(`${refused} refused, seed ${SEED}`);
      expect(tally.failures).toEqual([]);
    });
  }

  for (const field of rootFields(getSchema(), 'query')) {
    if (field.args.length === 0) continue;
    it(`${field.name}: fuzzed arguments and forged cursors give a coded error`, async () => {
      const tally = new Tally('bad input', `query ${field.name} with fuzzed arguments and forged cursors`);
      const samples = fc.sample(
        fc.record({
          changes: fc.array(change, { minLength: 1, maxLength: 2 }),
          after: fc.option(forgedCursor),
          asTenant: fc.boolean(),
        }),
        { numRuns: Math.ceil(RUNS / 2), seed: SEED + field.name.length },
      );
      for (const { changes, after, asTenant } of samples) {
        const op = operationFor('query', field, {
          month: '2026-10',
          externalId: 'alpha',
          tenantExternalId: 'alpha',
          search: 'alpha',
          first: 10,
          after,
          severity: null,
          action: null,
        });
        const variables = applyChanges(op.variables, changes);
        await judge(
          tally,
          `${field.name} after=${String(after).slice(0, 40)} ${JSON.stringify(changes).slice(0, 160)}`,
          () => post(JSON.stringify({ query: op.query, variables }), asTenant ? tenantKey : spKey),
        );
      }
      tally.record(`seed ${SEED}`);
      expect(tally.failures).toEqual([]);
    });
  }

  it('ingestRestorePoints: 10,001 points, 100,000-character fields, and a body over the limit', async () => {
    const tally = new Tally(
      'bad input',
      'oversized batches and bodies (10,001 points, 100k strings, > 8 MB)',
    );
    const INGEST =
      'mutation($input: IngestRestorePointsInput!) { ingestRestorePoints(input: $input) { accepted } }';
    const point = (i: number, extra: Record<string, unknown> = {}) => ({
      tenant: 'alpha',
      machine: `big-${i}`,
      machineKind: 'VM',
      server: 'alpha-vbr',
      operation: 'CLOUD_BACKUP',
      at: '2026-10-20T01:00:00Z',
      ...extra,
    });
    const cases: [string, unknown][] = [
      [
        '10,001 points',
        { idempotencyKey: 'big-1', restorePoints: Array.from({ length: 10_001 }, (_, i) => point(i)) },
      ],
      [
        '10,000 points, the last one bad',
        {
          idempotencyKey: 'big-2',
          restorePoints: Array.from({ length: 10_000 }, (_, i) =>
            point(i, i === 9_999 ? { at: '1999-01-01T00:00:00Z' } : {}),
          ),
        },
      ],
      [
        'a 100k machine name',
        { idempotencyKey: 'big-3', restorePoints: [point(0, { machine: 'm'.repeat(HUGE) })] },
      ],
      ['a 100k tenant', { idempotencyKey: 'big-4', restorePoints: [point(0, { tenant: 't'.repeat(HUGE) })] }],
      ['a 100k idempotency key', { idempotencyKey: 'k'.repeat(HUGE), restorePoints: [point(0)] }],
      [
        'a 100k agent version',
        {
          idempotencyKey: 'big-5',
          restorePoints: [
            point(0, { machineKind: 'SERVER', agentOs: 'WINDOWS', agentVersion: '1.'.repeat(HUGE / 2) }),
          ],
        },
      ],
      [
        '100 points of 100k servers (~10 MB)',
        {
          idempotencyKey: 'big-6',
          restorePoints: Array.from({ length: 100 }, (_, i) => point(i, { server: 's'.repeat(HUGE) })),
        },
      ],
    ];
    for (const [label, input] of cases)
      await judge(tally, label, () => post(JSON.stringify({ query: INGEST, variables: { input } }), spKey));
    for (const [label, body] of [
      ['malformed JSON', '{"query": "mutation { signIn(email: \\"a\\", password: \\"secret\\") { token } }"'],
      ['JSON that is not an object', '[1, 2, 3]'],
      ['an empty body', ''],
      ['a 9 MB string', JSON.stringify({ query: 'x'.repeat(9 * 1024 * 1024) })],
    ] as const)
      await judge(tally, label, () => post(body, spKey));
    tally.record();
    expect(tally.failures).toEqual([]);
  });

  it('queries and mutations beyond the depth, alias, directive, token and cost limits are refused', async () => {
    const tally = new Tally('bad input', 'deep and wide operations beyond the limits');
    // License.server → BackupServer.licenses → License.server …: the schema's own cycle.
    const nest = (depth: number) => {
      let inner = 'externalId';
      for (let i = 0; i < depth; i++) inner = i % 2 ? `server { ${inner} }` : `licenses { ${inner} }`;
      return `{ licenses(first: 1) { edges { node { server { ${inner} } } } } }`;
    };
    const tenantsDeep =
      '{ tenants(first: 500) { edges { node { backupServers { licenses { externalId } } } } } }';
    const samples = fc.sample(
      fc.oneof(
        fc.integer({ min: 16, max: 400 }).map((d) => ({ label: `depth ${d}`, query: nest(d) })),
        fc.integer({ min: 16, max: 3_000 }).map((n) => ({
          label: `${n} aliases`,
          query: `{ ${Array.from({ length: n }, (_, i) => `a${i}: viewer { role }`).join(' ')} }`,
        })),
        fc.integer({ min: 51, max: 3_000 }).map((n) => ({
          label: `${n} directives`,
          query: `{ viewer { role ${'@include(if: true) '.repeat(n)} } }`,
        })),
        fc.integer({ min: 20_001, max: 200_000 }).map((n) => ({
          label: `${n} tokens`,
          query: `{ viewer { ${'role '.repeat(n)} } }`,
        })),
        fc.integer({ min: 16, max: 200 }).map((n) => ({
          label: `${n} aliased mutations`,
          query: `mutation { ${Array.from({ length: n }, (_, i) => `m${i}: createTenant(input: { externalId: "wide-${i}", name: "W", plan: { vmBackup: 1, vmReplica: 1, server: 1, workstation: 1, vms: 1 } }) { id }`).join(' ')} }`,
        })),
        fc.integer({ min: 2, max: 20 }).map((n) => ({
          label: `cost ×${n}`,
          query: `{ ${Array.from({ length: n }, (_, i) => `t${i}: ${tenantsDeep.slice(2, -2)}`).join(' ')} }`,
        })),
        fc.integer({ min: 2, max: 50 }).map((n) => ({
          label: `${n} fragments in a cycle-free chain`,
          query: `query { viewer { ...F0 } } ${Array.from({ length: n }, (_, i) => `fragment F${i} on Viewer { role ${i + 1 < n ? `...F${i + 1}` : ''} }`).join(' ')}`,
        })),
        fc.constant({
          label: 'a fragment cycle',
          query: 'query { viewer { ...A } } fragment A on Viewer { role ...B } fragment B on Viewer { ...A }',
        }),
        fc.constant({ label: 'a batch of 100 operations', query: '' }),
      ),
      { numRuns: RUNS * 2, seed: SEED },
    );
    for (const s of samples) {
      const body =
        s.label === 'a batch of 100 operations'
          ? JSON.stringify(Array.from({ length: 100 }, () => ({ query: '{ viewer { role } }' })))
          : JSON.stringify({ query: s.query });
      const { res } = await judge(tally, s.label, () => post(body, spKey));
      // Beyond a limit is refused, not answered.
      const refusedWhenBeyond = s.label.includes('chain') || !!res.errors?.length || res.raw !== undefined;
      tally.check(refusedWhenBeyond, () => `${s.label}: answered ${JSON.stringify(res.data).slice(0, 100)}`);
    }
    tally.record(`seed ${SEED}`);
    expect(tally.failures).toEqual([]);
  });
});
