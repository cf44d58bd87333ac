/** R-CC-COUNTERS, R-SEPARATE-COUNTERS, R-AGENTS, R-SP-OWN-JOBS. */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/index.js';
import { build, charges, codes, daily, month, sp, spCharge, spServer, unr } from '../support/build.js';

const OCT = ['2026-10'];

describe('R-CC-COUNTERS', () => {
  it('cloud backups and backup copies feed vm-backup; local operations feed no SP counter', () => {
    const rps = [
      ...daily('bk', '2026-09-01', '2026-09-20'),
      ...daily('copy', '2026-09-01', '2026-09-20', 'cloud-backup-copy'),
      ...daily('loc', '2026-09-01', '2026-09-20', 'local-backup'),
      ...daily('loc', '2026-09-01', '2026-09-20', 'local-replica'),
      ...daily('loc', '2026-09-01', '2026-09-20', 'local-backup-copy'),
    ];
    const r = evaluate(build({ tenants: [{ id: 't', rps }] }), OCT);
    expect(unr(sp(r, '2026-10', 'vm-backup'))).toEqual([2, 0, 0]);
    expect(sp(r, '2026-10', 'vm-replica').used).toBe(0);
    expect(charges(r, '2026-10', 't', 'loc').map((c) => c.pool)).toEqual(['tenant-license']);
    expect(spCharge(r, '2026-10', 't', 'copy', 'vm-backup')?.rules).toEqual(
      expect.arrayContaining(['R-ACTIVE-31D', 'R-CC-COUNTERS']),
    );
  });
});

describe('R-SEPARATE-COUNTERS', () => {
  it('a VM backed up and replicated to the cloud is 1 vm-backup + 1 vm-replica', () => {
    const rps = [
      ...daily('a', '2026-09-01', '2026-09-20'),
      ...daily('a', '2026-09-01', '2026-09-20', 'cloud-replica'),
    ];
    const r = evaluate(build({ tenants: [{ id: 't', rps }] }), OCT);
    expect(sp(r, '2026-10', 'vm-backup').used).toBe(1);
    expect(sp(r, '2026-10', 'vm-replica').used).toBe(1);
    expect(month(r, '2026-10').serviceProvider.units.used).toBe(2);
    expect(spCharge(r, '2026-10', 't', 'a', 'vm-replica')?.rules).toContain('R-SEPARATE-COUNTERS');
    // ...but one instance on the tenant's own license (R-TENANT-USAGE).
    expect(charges(r, '2026-10', 't', 'a').filter((c) => c.pool === 'tenant-license')).toHaveLength(1);
  });
});

describe('R-AGENTS', () => {
  it('agent machines are charged as server or workstation by edition, both OSes', () => {
    const machines = [
      { id: 'srv-win', kind: 'server' as const, agent: { os: 'windows' as const, version: '2.1.0' } },
      { id: 'srv-lin', kind: 'server' as const, agent: { os: 'linux' as const, version: '2.0.0' } },
      { id: 'ws-win', kind: 'workstation' as const, agent: { os: 'windows' as const, version: '2.0.1' } },
      { id: 'ws-lin', kind: 'workstation' as const, agent: { os: 'linux' as const, version: '1.0.0' } },
    ];
    const rps = machines.flatMap((m) => daily(m.id, '2026-09-01', '2026-09-20'));
    const r = evaluate(build({ tenants: [{ id: 't', machines, rps }] }), OCT);
    expect(unr(sp(r, '2026-10', 'server'))).toEqual([2, 0, 0]);
    expect(unr(sp(r, '2026-10', 'workstation'))).toEqual([2, 0, 0]);
    expect(sp(r, '2026-10', 'vm-backup').used).toBe(0);
    expect(spCharge(r, '2026-10', 't', 'ws-lin', 'workstation')?.rules).toContain('R-AGENTS');
  });
  it('ignores replicas of agent machines (invalid input) instead of inventing a counter', () => {
    const machines = [
      { id: 'srv', kind: 'server' as const, agent: { os: 'windows' as const, version: '2.1' } },
    ];
    const r = evaluate(
      build({
        tenants: [{ id: 't', machines, rps: daily('srv', '2026-09-01', '2026-09-20', 'cloud-replica') }],
      }),
      OCT,
    );
    expect(sp(r, '2026-10', 'vm-replica').used).toBe(0);
    expect(sp(r, '2026-10', 'server').used).toBe(0);
  });
});

describe('R-SP-OWN-JOBS', () => {
  it('jobs on the SP server consume nothing and raise SP_SERVER_JOB in the month they ran', () => {
    const rps = [
      ...daily('a', '2026-10-01', '2026-10-05', 'cloud-backup', 'sp'),
      ...daily('b', '2026-10-01', '2026-10-05', 'local-backup', 'sp'),
    ];
    const r = evaluate(build({ spServers: [spServer()], tenants: [{ id: 't', rps }] }), [
      '2026-10',
      '2026-11',
    ]);
    expect(unr(sp(r, '2026-10', 'vm-backup'))).toEqual([0, 0, 0]);
    expect(unr(sp(r, '2026-11', 'vm-backup'))).toEqual([0, 0, 0]);
    expect(charges(r, '2026-10', 't', 'a')).toEqual([]);
    const v = month(r, '2026-10').violations.filter((x) => x.code === 'SP_SERVER_JOB');
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ severity: 'warning', tenant: 't', server: 'sp' });
    expect(v[0]!.message).toContain('2 machines');
    expect(codes(r, '2026-11')).not.toContain('SP_SERVER_JOB');
  });
  it('an SP-server job does not make a machine new again on its tenant counter', () => {
    const rps = [
      ...daily('a', '2026-08-01', '2026-08-03', 'cloud-backup', 'sp'),
      ...daily('a', '2026-10-01', '2026-10-03'),
    ];
    const r = evaluate(build({ tenants: [{ id: 't', rps }] }), OCT);
    expect(spCharge(r, '2026-10', 't', 'a', 'vm-backup')?.status).toBe('new');
  });
});
