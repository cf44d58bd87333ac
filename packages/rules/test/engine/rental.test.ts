/** R-RENTAL-EXEMPT, R-RENTAL-VERSION, R-RENTAL-NO-REPLICA: version gates just below and at each. */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/index.js';
import type { AgentOs, MachineKind } from '../../src/model.js';
import {
  build,
  daily,
  lic,
  license,
  month,
  server,
  sp,
  spCharge,
  spServer,
  tenantOf,
  U2,
  U3,
  unr,
} from '../support/build.js';

const NOV = ['2026-10', '2026-11'];
const rentalServer = (version = U3, type: 'rental' | 'hosting' = 'rental', from = '2020-01-01') =>
  server('t-vbr', [lic('lic-t', type, { instances: 50 }, from)], version);

function agentEstate(kind: MachineKind, os: AgentOs, version: string, vbr = U3) {
  const machines = [{ id: 'm', kind, agent: { os, version } }];
  return evaluate(
    build({
      tenants: [
        { id: 't', servers: [rentalServer(vbr)], machines, rps: daily('m', '2026-10-01', '2026-10-20') },
      ],
    }),
    NOV,
  );
}

describe('R-RENTAL-EXEMPT', () => {
  it('machines of a rental tenant are rental on the SP counter (0 units), new or not, and used on its license', () => {
    const rps = [...daily('a', '2026-10-01', '2026-10-20'), ...daily('b', '2026-10-05', '2026-10-06')];
    const r = evaluate(build({ tenants: [{ id: 't', servers: [rentalServer()], rps }] }), NOV);
    expect(unr(sp(r, '2026-10', 'vm-backup'))).toEqual([0, 0, 2]);
    expect(unr(sp(r, '2026-11', 'vm-backup'))).toEqual([0, 0, 2]);
    expect(sp(r, '2026-11', 'vm-backup').units).toBe(0);
    expect(license(r, '2026-10', 't', 'lic-t')).toMatchObject({ used: 0, new: 2 });
    expect(license(r, '2026-11', 't', 'lic-t')).toMatchObject({ used: 2, new: 0 });
    const c = spCharge(r, '2026-11', 't', 'a', 'vm-backup');
    expect(c).toMatchObject({ status: 'rental', units: 0 });
    expect(c?.rules).toContain('R-RENTAL-EXEMPT');
  });
  it('a hosting license is a rental license', () => {
    const r = evaluate(
      build({
        tenants: [
          { id: 't', servers: [rentalServer(U3, 'hosting')], rps: daily('a', '2026-10-01', '2026-10-20') },
        ],
      }),
      NOV,
    );
    expect(unr(sp(r, '2026-11', 'vm-backup'))).toEqual([0, 0, 1]);
  });
  it('is decided per server and day: points before the rental license starts are charged', () => {
    // Rental from 15 Nov: the charged points of 1..14 Nov keep `a` charged until 15 Dec; January is rental.
    const r = evaluate(
      build({
        tenants: [
          {
            id: 't',
            servers: [rentalServer(U3, 'rental', '2026-11-15')],
            rps: daily('a', '2026-10-01', '2027-01-31'),
          },
        ],
      }),
      ['2026-11', '2026-12', '2027-01'],
    );
    expect(unr(sp(r, '2026-11', 'vm-backup'))).toEqual([1, 0, 0]);
    expect(unr(sp(r, '2026-12', 'vm-backup'))).toEqual([1, 0, 0]);
    expect(unr(sp(r, '2027-01', 'vm-backup'))).toEqual([0, 0, 1]);
  });
  it('a machine processed by a rental server and a perpetual server is charged (charged activity wins)', () => {
    const servers = [rentalServer(), server('t-2', [lic('lic-2', 'perpetual', { instances: 5 })])];
    const rps = [
      ...daily('a', '2026-10-01', '2026-10-20'),
      ...daily('a', '2026-10-01', '2026-10-02', 'cloud-backup', 't-2'),
    ];
    const r = evaluate(build({ tenants: [{ id: 't', servers, rps }] }), NOV);
    expect(unr(sp(r, '2026-11', 'vm-backup'))).toEqual([1, 0, 0]);
    expect(license(r, '2026-11', 't', 'lic-t')?.used).toBe(1);
    expect(license(r, '2026-11', 't', 'lic-2')?.used).toBe(1);
  });
  it('agents at the gates are exempt: Windows 2.1, Linux 2.0', () => {
    expect(unr(sp(agentEstate('server', 'windows', '2.1'), '2026-11', 'server'))).toEqual([0, 0, 1]);
    expect(unr(sp(agentEstate('workstation', 'windows', '2.1.0.423'), '2026-11', 'workstation'))).toEqual([
      0, 0, 1,
    ]);
    expect(unr(sp(agentEstate('server', 'linux', '2.0'), '2026-11', 'server'))).toEqual([0, 0, 1]);
    expect(unr(sp(agentEstate('workstation', 'linux', '2.0.0.400'), '2026-11', 'workstation'))).toEqual([
      0, 0, 1,
    ]);
  });
});

describe('R-RENTAL-VERSION', () => {
  it('tenant server at 9.5 U2 (9.5.0.1038): charged, with RENTAL_VERSION_TOO_OLD naming the server', () => {
    const r = evaluate(
      build({
        tenants: [{ id: 't', servers: [rentalServer(U2)], rps: daily('a', '2026-10-01', '2026-10-20') }],
      }),
      NOV,
    );
    expect(unr(sp(r, '2026-11', 'vm-backup'))).toEqual([1, 0, 0]);
    const v = month(r, '2026-11').violations.find((x) => x.code === 'RENTAL_VERSION_TOO_OLD');
    expect(v).toMatchObject({ severity: 'info', tenant: 't', server: 't-vbr', machine: null });
    expect(v?.message).toContain('9.5.0.1038');
    expect(spCharge(r, '2026-11', 't', 'a', 'vm-backup')?.rules).toContain('R-RENTAL-VERSION');
  });
  it('one build below U3 is too old; U3 itself and U4 are not', () => {
    const at = (v: string) =>
      sp(
        evaluate(
          build({
            tenants: [{ id: 't', servers: [rentalServer(v)], rps: daily('a', '2026-10-01', '2026-10-20') }],
          }),
          NOV,
        ),
        '2026-11',
        'vm-backup',
      );
    expect(unr(at('9.5.0.1535'))).toEqual([1, 0, 0]);
    expect(unr(at('9.5.0.1536'))).toEqual([0, 0, 1]);
    expect(unr(at('9.5.4.2615'))).toEqual([0, 0, 1]);
    expect(unr(at('10.0.0.4461'))).toEqual([0, 0, 1]);
  });
  it('SP server below U3: no exemption for anyone, the SP server is named', () => {
    const r = evaluate(
      build({
        spServers: [spServer(undefined, U2)],
        tenants: [{ id: 't', servers: [rentalServer()], rps: daily('a', '2026-10-01', '2026-10-20') }],
      }),
      NOV,
    );
    expect(unr(sp(r, '2026-11', 'vm-backup'))).toEqual([1, 0, 0]);
    expect(month(r, '2026-11').violations.find((x) => x.code === 'RENTAL_VERSION_TOO_OLD')?.server).toBe(
      'sp',
    );
  });
  it('agents just below the gates: Windows 2.0.x, Linux 1.x are charged and named', () => {
    for (const [kind, os, version, counter] of [
      ['server', 'windows', '2.0.1.665', 'server'],
      ['workstation', 'windows', '2.0', 'workstation'],
      ['server', 'linux', '1.0.1.364', 'server'],
      ['workstation', 'linux', '1.9', 'workstation'],
    ] as const) {
      const r = agentEstate(kind, os, version);
      expect(unr(sp(r, '2026-11', counter)), `${os} ${version}`).toEqual([1, 0, 0]);
      const v = month(r, '2026-11').violations.find((x) => x.code === 'RENTAL_VERSION_TOO_OLD');
      expect(v).toMatchObject({ machine: 'm', server: 't-vbr' });
      expect(v?.message).toContain(version);
    }
  });
  it('no violation for a tenant without a rental license', () => {
    const r = evaluate(
      build({
        tenants: [
          {
            id: 't',
            servers: [server('t-vbr', [lic('p', 'perpetual', { instances: 5 })], U2)],
            rps: daily('a', '2026-10-01', '2026-10-20'),
          },
        ],
      }),
      NOV,
    );
    expect(month(r, '2026-11').violations.map((v) => v.code)).not.toContain('RENTAL_VERSION_TOO_OLD');
  });
});

describe('R-RENTAL-NO-REPLICA', () => {
  it('replicas of a rental tenant stay on the SP license', () => {
    const rps = [
      ...daily('a', '2026-10-01', '2026-10-20'),
      ...daily('a', '2026-10-01', '2026-10-20', 'cloud-replica'),
    ];
    const r = evaluate(build({ tenants: [{ id: 't', servers: [rentalServer()], rps }] }), NOV);
    expect(unr(sp(r, '2026-11', 'vm-backup'))).toEqual([0, 0, 1]);
    expect(unr(sp(r, '2026-11', 'vm-replica'))).toEqual([1, 0, 0]);
    expect(spCharge(r, '2026-11', 't', 'a', 'vm-replica')?.rules).toContain('R-RENTAL-NO-REPLICA');
    expect(tenantOf(r, '2026-11', 't').counters['vm-replica'].units).toBe(1);
    expect(license(r, '2026-11', 't', 'lic-t')?.used).toBe(1);
  });
});
