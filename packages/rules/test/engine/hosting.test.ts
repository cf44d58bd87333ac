/** R-HOSTING-REQUIRED, R-HOSTING-OBLIGATION; disabled tenants. */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/index.js';
import { build, codes, daily, lic, month, server, sp, tenantOf } from '../support/build.js';

const NOV = ['2026-11'];
const vms = (n: number) =>
  Array.from({ length: n }, (_, i) => daily(`vm${i}`, '2026-10-01', '2026-11-30')).flat();

describe('R-HOSTING-REQUIRED', () => {
  it('a tenant managed by the SP without a hosting license: HOSTING_LICENSE_MISSING', () => {
    const r = evaluate(
      build({ tenants: [{ id: 'b', managedBySp: true, plan: { vms: 4 }, rps: vms(2) }] }),
      NOV,
    );
    expect(month(r, '2026-11').violations.find((v) => v.code === 'HOSTING_LICENSE_MISSING')).toMatchObject({
      severity: 'error',
      tenant: 'b',
    });
    expect(tenantOf(r, '2026-11', 'b').hosting).toEqual({
      planned: 4,
      used: 2,
      capacity: 0,
      obligation: 4,
      shortfall: 4,
    });
  });
  it('a tenant not managed by the SP has hosting null and needs none', () => {
    const r = evaluate(build({ tenants: [{ id: 'b', rps: vms(1) }] }), NOV);
    expect(tenantOf(r, '2026-11', 'b').hosting).toBeNull();
    expect(codes(r, '2026-11')).not.toContain('HOSTING_LICENSE_MISSING');
  });
});

describe('R-HOSTING-OBLIGATION', () => {
  const hosted = (capacity: number, planned: number, used: number) =>
    evaluate(
      build({
        tenants: [
          {
            id: 'b',
            managedBySp: true,
            plan: { vms: planned },
            servers: [server('b-vbr', [lic('h', 'hosting', { instances: capacity })])],
            machines: [{ id: 'agent', kind: 'server', agent: { os: 'linux', version: '2.0' } }],
            rps: [...vms(used), ...daily('agent', '2026-10-01', '2026-11-30')],
          },
        ],
      }),
      NOV,
    );
  it('obligation = max(planned, used); shortfall = obligation − capacity', () => {
    const r = hosted(5, 10, 3);
    expect(tenantOf(r, '2026-11', 'b').hosting).toEqual({
      planned: 10,
      used: 3,
      capacity: 5,
      obligation: 10,
      shortfall: 5,
    });
    const v = month(r, '2026-11').violations.find((x) => x.code === 'HOSTING_LICENSE_SHORTFALL');
    expect(v).toMatchObject({ severity: 'error', tenant: 'b', license: 'h' });
    expect(v?.message).toContain('add 5');
  });
  it('used VMs above the plan set the obligation; agents are not VMs', () => {
    const r = hosted(20, 2, 3);
    expect(tenantOf(r, '2026-11', 'b').hosting).toEqual({
      planned: 2,
      used: 3,
      capacity: 20,
      obligation: 3,
      shortfall: 0,
    });
    expect(codes(r, '2026-11')).not.toContain('HOSTING_LICENSE_SHORTFALL');
    expect(codes(r, '2026-11')).not.toContain('HOSTING_LICENSE_MISSING');
  });
});

describe('disabled tenants', () => {
  it('are still evaluated: their usage is real', () => {
    const r = evaluate(build({ tenants: [{ id: 'off', enabled: false, rps: vms(2) }] }), NOV);
    expect(sp(r, '2026-11', 'vm-backup').used).toBe(2);
    expect(tenantOf(r, '2026-11', 'off').counters['vm-backup'].used).toBe(2);
  });
});
