/** R-TENANT-USAGE, R-TENANT-PAID, R-SP-PLACEMENT. */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/index.js';
import type { LicenseType } from '../../src/model.js';
import { build, charges, codes, daily, lic, license, month, server, sp, tenantOf } from '../support/build.js';

const NOV = ['2026-11'];

describe('R-TENANT-USAGE', () => {
  it('every distinct machine the server processes counts once, local or cloud', () => {
    const rps = [
      ...daily('a', '2026-10-01', '2026-10-20', 'local-backup'),
      ...daily('a', '2026-10-01', '2026-10-20', 'local-replica'),
      ...daily('b', '2026-10-01', '2026-10-20'),
      ...daily('b', '2026-10-01', '2026-10-20', 'cloud-replica'),
      ...daily('c', '2026-11-03', '2026-11-04', 'local-backup'),
    ];
    const r = evaluate(build({ tenants: [{ id: 't', rps }] }), NOV);
    expect(license(r, '2026-11', 't', 'lic-t')).toMatchObject({
      used: 2,
      new: 1,
      capacity: 50,
      peak: 2,
      state: 'ok',
    });
    const c = charges(r, '2026-11', 't', 'a');
    expect(c).toEqual([
      {
        pool: 'tenant-license',
        license: 'lic-t',
        status: 'used',
        units: 1,
        rules: expect.arrayContaining(['R-TENANT-USAGE']),
      },
    ]);
  });
  it('a machine processed by two servers counts on each server license', () => {
    const servers = [
      server('s1', [lic('l1', 'perpetual', { instances: 5 })]),
      server('s2', [lic('l2', 'subscription', { instances: 5 })]),
    ];
    const rps = [
      ...daily('a', '2026-10-01', '2026-10-20', 'local-backup', 's1'),
      ...daily('a', '2026-10-01', '2026-10-20', 'local-backup', 's2'),
    ];
    const r = evaluate(build({ tenants: [{ id: 't', servers, rps }] }), NOV);
    expect(license(r, '2026-11', 't', 'l1')?.used).toBe(1);
    expect(license(r, '2026-11', 't', 'l2')?.used).toBe(1);
  });
  it('a license that expires mid-month covers only its days: later activity is not on it, the state is unlicensed', () => {
    const servers = [
      server('t-vbr', [lic('l', 'subscription', { instances: 5 }, '2020-01-01', '2026-11-10')]),
    ];
    const rps = [
      ...daily('early', '2026-09-01', '2026-09-30', 'local-backup'), // active until 31 Oct only
      { machine: 'first-half', at: '2026-10-15', op: 'local-backup' as const }, // active 15 Oct..15 Nov
      { machine: 'late', at: '2026-08-01', op: 'local-backup' as const },
      { machine: 'late', at: '2026-11-12', op: 'local-backup' as const }, // active only after expiry
    ];
    const r = evaluate(build({ tenants: [{ id: 't', servers, rps }] }), NOV);
    expect(license(r, '2026-11', 't', 'l')).toMatchObject({ used: 1, new: 0, state: 'unlicensed' });
    expect(charges(r, '2026-11', 't', 'late')).toEqual([]);
    expect(codes(r, '2026-11')).toContain('LICENSE_EXPIRED');
  });
  it('counts the same in both rulesets (vbr-9.5 instances, vcsp-points workloads)', () => {
    const machines = [
      { id: 'w', kind: 'workstation' as const, agent: { os: 'windows' as const, version: '2.1' } },
    ];
    const rps = [...daily('v', '2026-10-01', '2026-10-20'), ...daily('w', '2026-10-01', '2026-10-20')];
    for (const ruleset of ['vbr-9.5', 'vcsp-points'] as const) {
      const r = evaluate(build({ ruleset, tenants: [{ id: 't', machines, rps }] }), NOV);
      expect(license(r, '2026-11', 't', 'lic-t')?.used).toBe(2);
    }
  });
});

describe('R-TENANT-PAID', () => {
  const withType = (type: LicenseType) =>
    evaluate(
      build({
        tenants: [
          {
            id: 't',
            servers: [server('t-vbr', [lic('l', type, { instances: 10 })])],
            rps: daily('a', '2026-11-01', '2026-11-02'),
          },
        ],
      }),
      NOV,
    );
  it('free: error; evaluation and NFR: warning; paid types: nothing', () => {
    const find = (type: LicenseType) =>
      month(withType(type), '2026-11').violations.find((v) => v.code === 'TENANT_LICENSE_NOT_PAID');
    expect(find('free')).toMatchObject({ severity: 'error', tenant: 't', server: 't-vbr' });
    expect(find('free')?.message).toContain('free');
    expect(find('evaluation')?.severity).toBe('warning');
    expect(find('nfr')?.severity).toBe('warning');
    for (const t of ['perpetual', 'subscription', 'rental', 'hosting'] as const)
      expect(find(t), t).toBeUndefined();
  });
  it('only cloud jobs need it: a free server with local jobs only is fine', () => {
    const r = evaluate(
      build({
        tenants: [
          {
            id: 't',
            servers: [server('t-vbr', [lic('l', 'free', { instances: 10 })])],
            rps: daily('a', '2026-11-01', '2026-11-02', 'local-backup'),
          },
        ],
      }),
      NOV,
    );
    expect(codes(r, '2026-11')).not.toContain('TENANT_LICENSE_NOT_PAID');
  });
  it('a server with no license at all is an error', () => {
    const r = evaluate(
      build({
        tenants: [{ id: 't', servers: [server('t-vbr', [])], rps: daily('a', '2026-11-01', '2026-11-02') }],
      }),
      NOV,
    );
    expect(month(r, '2026-11').violations.find((v) => v.code === 'TENANT_LICENSE_NOT_PAID')?.severity).toBe(
      'error',
    );
    // Still charged to the SP: the usage is real.
    expect(sp(r, '2026-11', 'vm-backup').new).toBe(1);
  });
});

describe('R-SP-PLACEMENT', () => {
  it('a cloud-connect-sp license on a tenant server covers nothing and is an error', () => {
    const servers = [server('t-vbr', [lic('stray', 'cloud-connect-sp', { 'vm-backup': 10 })])];
    const r = evaluate(
      build({ tenants: [{ id: 't', servers, rps: daily('a', '2026-10-01', '2026-11-02') }] }),
      NOV,
    );
    const v = month(r, '2026-11').violations.find((x) => x.code === 'SP_LICENSE_ON_TENANT_SERVER');
    expect(v).toMatchObject({ severity: 'error', tenant: 't', license: 'stray', server: 't-vbr' });
    expect(tenantOf(r, '2026-11', 't').licenses).toEqual([]);
    expect(charges(r, '2026-11', 't', 'a').map((c) => c.pool)).toEqual(['sp-cloud-connect']);
    expect(codes(r, '2026-11')).toContain('TENANT_LICENSE_NOT_PAID');
  });
});
