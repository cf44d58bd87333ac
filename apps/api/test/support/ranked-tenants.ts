import type { Scenario } from '@vcc/rules';

/**
 * Seven tenants made to rank differently by every column of the SP's tenant list: names in mixed
 * case (one with a literal `%`), machine counts with a tie, one tenant with no machines and no license, tenant
 * licenses too small for their machines (violations and a worse state) and an SP license too small
 * for the estate. Restore points fall in September and October 2026, so October's machines are no longer new.
 */
export const RANKED_TENANTS = [
  { id: 't0', name: 'delta Works', vms: 3, instances: 10 },
  { id: 't1', name: 'Alpha Ltd', vms: 4, instances: 1 },
  { id: 't2', name: 'charlie & co', vms: 2, instances: 10 },
  { id: 't3', name: 'Bravo', vms: 2, instances: 10 },
  { id: 't4', name: 'echo', vms: 0, instances: 10 },
  { id: 't5', name: 'Foxtrot 100%', vms: 5, instances: 2 },
  { id: 't6', name: 'golf', vms: 1, instances: 10 },
] as const;

export function rankedTenantScenario(): Scenario {
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
    tenants: RANKED_TENANTS.map((t, i) => {
      const machines = Array.from({ length: t.vms }, (_, m) => ({
        id: `${t.id}-vm${m}`,
        kind: 'vm' as const,
      }));
      return {
        id: t.id,
        name: t.name,
        enabled: true,
        managedBySp: i === 3,
        plan: { 'vm-backup': t.vms, 'vm-replica': 0, server: 0, workstation: 0, vms: t.vms },
        // The tenant without machines has no server either: no license, so no license state.
        backupServers:
          t.vms === 0
            ? []
            : [
                {
                  id: `${t.id}-vbr`,
                  version: '12.0.0.1420',
                  licenses: [
                    {
                      id: `lic-${t.id}`,
                      type: 'perpetual' as const,
                      validFrom: '2025-01-01',
                      capacity: { instances: t.instances },
                    },
                  ],
                },
              ],
        machines,
        restorePoints: machines.flatMap((m) =>
          ['2026-09-10', '2026-10-10', '2026-10-11'].map((day) => ({
            machine: m.id,
            server: `${t.id}-vbr`,
            operation: 'cloud-backup' as const,
            at: `${day}T01:00:00Z`,
          })),
        ),
      };
    }),
  };
}
