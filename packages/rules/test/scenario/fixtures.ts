/** Test helpers: the shared example files and a small valid estate to break in one place at a time. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { parseScenario, type ScenarioError, type ScenarioParseResult } from '../../src/scenario/index.js';

/** Copies of docs' shared scenarios (`/work/shared/scenarios`), `expect` block included. */
export const SHARED_SCENARIOS = [
  'example-1-perpetual.json',
  'example-2-rental.json',
  'example-3-rental-before-u3.json',
] as const;

export function sharedScenarioText(file: string): string {
  return readFileSync(fileURLToPath(new URL(`./fixtures/${file}`, import.meta.url)), 'utf8');
}

// biome-ignore lint/suspicious/noExplicitAny: test data is deliberately broken in arbitrary ways
export type Json = any;

/** A valid estate: an SP server, two tenants (alpha with agents, beta on rental), restore points. */
export function validScenario(): Json {
  return {
    format: 'vcc-scenario/1',
    ruleset: 'vbr-9.5',
    months: ['2026-10', '2026-11'],
    serviceProvider: {
      id: 'acme',
      name: 'Acme Cloud',
      backupServers: [
        {
          id: 'acme-cc',
          version: '9.5.0.1536',
          licenses: [
            {
              id: 'lic-cc',
              type: 'cloud-connect-sp',
              validFrom: '2026-01-01',
              validTo: '2027-12-31',
              capacity: { 'vm-backup': 100, 'vm-replica': 20, server: 10, workstation: 10 },
            },
          ],
        },
      ],
    },
    tenants: [
      {
        id: 'alpha',
        name: 'Alpha Ltd',
        enabled: true,
        managedBySp: false,
        plan: { 'vm-backup': 10, 'vm-replica': 5, server: 1, workstation: 1, vms: 12 },
        backupServers: [
          {
            id: 'alpha-vbr',
            version: '9.5.0.1536',
            licenses: [
              { id: 'lic-alpha', type: 'perpetual', validFrom: '2025-01-01', capacity: { instances: 50 } },
            ],
          },
        ],
        machines: [
          { id: 'a', kind: 'vm' },
          { id: 'srv1', kind: 'server', agent: { os: 'windows', version: '2.1.0' } },
          { id: 'ws1', kind: 'workstation', agent: { os: 'linux', version: '2.0' } },
        ],
        restorePoints: [
          { machine: 'a', server: 'alpha-vbr', operation: 'cloud-backup', at: '2026-10-02T01:00:00Z' },
          { machine: 'a', server: 'alpha-vbr', operation: 'cloud-replica', at: '2026-10-03T01:00:00.250Z' },
          {
            machine: 'srv1',
            server: 'alpha-vbr',
            operation: 'cloud-backup-copy',
            at: '2026-10-04T00:00:00Z',
          },
          { machine: 'ws1', server: 'acme-cc', operation: 'cloud-backup', at: '2026-11-05T12:00:00Z' },
        ],
      },
      {
        id: 'beta',
        name: 'Beta GmbH',
        enabled: true,
        managedBySp: true,
        plan: { 'vm-backup': 3, 'vm-replica': 0, server: 0, workstation: 0, vms: 3 },
        backupServers: [
          {
            id: 'beta-vbr',
            version: '10.0.0.4461',
            licenses: [
              {
                id: 'lic-beta',
                type: 'hosting',
                validFrom: '2026-01-01',
                validTo: '2026-12-31',
                capacity: { instances: 5 },
              },
            ],
          },
        ],
        machines: [{ id: 'a', kind: 'vm' }],
        restorePoints: [
          { machine: 'a', server: 'beta-vbr', operation: 'local-backup', at: '2026-11-01T00:00:00Z' },
        ],
      },
    ],
  };
}

export function errorsOf(result: ScenarioParseResult): ScenarioError[] {
  if (result.ok) throw new Error('expected the scenario to be refused, but it parsed');
  return result.errors;
}

/** Parses `data` and asserts it is refused with (at least) an error at `path` whose message contains `message`. */
export function expectError(data: unknown, path: string, message: string | RegExp): ScenarioError[] {
  const errors = errorsOf(parseScenario(data));
  const match = errors.find(
    (e) =>
      e.path === path &&
      (typeof message === 'string' ? e.message.includes(message) : message.test(e.message)),
  );
  if (!match)
    expect.fail(
      `no error at ${path} matching ${String(message)}; got:\n${errors.map((e) => `${e.path}: ${e.message}`).join('\n')}`,
    );
  return errors;
}
