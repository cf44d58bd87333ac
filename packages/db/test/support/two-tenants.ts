import type { Scenario } from '@vcc/rules';

/** A small estate with tenants `alpha` and `beta`, each with a server, a license, machines and points. */
export function twoTenantScenario(): Scenario {
  const tenant = (id: string, licenseType: 'perpetual' | 'rental') => ({
    id,
    name: `${id} Ltd`,
    enabled: true,
    managedBySp: false,
    plan: { 'vm-backup': 2, 'vm-replica': 1, server: 1, workstation: 0, vms: 0 },
    backupServers: [
      {
        id: `${id}-vbr`,
        version: '9.5.4.2615',
        licenses: [
          { id: `lic-${id}`, type: licenseType, validFrom: '2025-01-01', capacity: { instances: 10 } },
        ],
      },
    ],
    machines: [
      { id: `${id}-vm`, kind: 'vm' as const },
      { id: `${id}-srv`, kind: 'server' as const, agent: { os: 'linux' as const, version: '6.0.0.1060' } },
    ],
    restorePoints: [
      {
        machine: `${id}-vm`,
        server: `${id}-vbr`,
        operation: 'cloud-backup' as const,
        at: '2026-10-02T01:00:00Z',
      },
      {
        machine: `${id}-vm`,
        server: `${id}-vbr`,
        operation: 'cloud-replica' as const,
        at: '2026-10-03T01:00:00Z',
      },
      {
        machine: `${id}-srv`,
        server: `${id}-vbr`,
        operation: 'cloud-backup' as const,
        at: '2026-10-04T01:00:00Z',
      },
    ],
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
              capacity: { 'vm-backup': 10, 'vm-replica': 10, server: 10, workstation: 10 },
            },
          ],
        },
      ],
    },
    tenants: [tenant('alpha', 'perpetual'), tenant('beta', 'rental')],
  };
}
