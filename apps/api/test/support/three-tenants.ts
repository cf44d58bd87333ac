import type { Scenario } from '@vcc/rules';

export const TENANTS = ['alpha', 'bravo', 'charlie'] as const;

/**
 * Three tenants whose every identifier carries the tenant's name (`bravo-vm`, `lic-bravo`,
 * `Bravo Holdings`), so that a response can be searched for another tenant's traces.
 */
export function threeTenantScenario(): Scenario {
  const tenant = (id: string, i: number) => ({
    id,
    name: `${id[0]!.toUpperCase()}${id.slice(1)} Holdings`,
    enabled: true,
    managedBySp: i === 2,
    plan: { 'vm-backup': 3, 'vm-replica': 1, server: 1, workstation: 1, vms: 4 },
    backupServers: [
      {
        id: `${id}-vbr`,
        version: '12.0.0.1420',
        licenses: [
          {
            id: `lic-${id}`,
            type: (['perpetual', 'rental', 'hosting'] as const)[i]!,
            validFrom: '2025-01-01',
            capacity: { instances: 2 },
          },
        ],
      },
    ],
    machines: [
      { id: `${id}-vm`, kind: 'vm' as const },
      { id: `${id}-srv`, kind: 'server' as const, agent: { os: 'windows' as const, version: '6.0.0.959' } },
      {
        id: `${id}-ws`,
        kind: 'workstation' as const,
        agent: { os: 'linux' as const, version: '6.0.0.1060' },
      },
    ],
    restorePoints: [10, 11, 12].flatMap((day) => [
      {
        machine: `${id}-vm`,
        server: `${id}-vbr`,
        operation: 'cloud-backup' as const,
        at: `2026-10-${day}T01:00:00Z`,
      },
      {
        machine: `${id}-vm`,
        server: `${id}-vbr`,
        operation: 'cloud-replica' as const,
        at: `2026-10-${day}T02:00:00Z`,
      },
      {
        machine: `${id}-srv`,
        server: `${id}-vbr`,
        operation: 'cloud-backup' as const,
        at: `2026-10-${day}T03:00:00Z`,
      },
      {
        machine: `${id}-ws`,
        server: `${id}-vbr`,
        operation: 'local-backup' as const,
        at: `2026-10-${day}T04:00:00Z`,
      },
    ]),
  });
  return {
    format: 'vcc-scenario/1',
    ruleset: 'vbr-9.5',
    serviceProvider: {
      id: 'acme',
      name: 'Acme Cloud',
      backupServers: [
        {
          id: 'acme-cc',
          version: '12.0.0.1420',
          licenses: [
            {
              id: 'lic-cc',
              type: 'cloud-connect-sp',
              validFrom: '2026-01-01',
              validTo: '2027-12-31',
              capacity: { 'vm-backup': 2, 'vm-replica': 2, server: 2, workstation: 2 },
            },
          ],
        },
      ],
    },
    tenants: TENANTS.map(tenant),
  };
}
