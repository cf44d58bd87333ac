/** R-SP-REQUIRED, R-SP-SIZING, and the SP side of R-EXPIRY. */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/index.js';
import { build, codes, daily, lic, month, server, sp, spServer, U3, unr } from '../support/build.js';

const NOV = ['2026-11'];

describe('R-SP-REQUIRED', () => {
  it('a replication-only SP license: cloud backups are counted, the counter is unlicensed, an error names it', () => {
    const spServers = [spServer([lic('repl', 'cloud-connect-sp', { 'vm-replica': 10 })])];
    const rps = [
      ...daily('a', '2026-10-01', '2026-11-20'),
      ...daily('b', '2026-10-01', '2026-11-20', 'cloud-replica'),
    ];
    const r = evaluate(build({ spServers, tenants: [{ id: 't', rps }] }), NOV);
    expect(sp(r, '2026-11', 'vm-backup')).toMatchObject({
      used: 1,
      units: 1,
      capacity: null,
      state: 'unlicensed',
    });
    expect(sp(r, '2026-11', 'vm-replica')).toMatchObject({ used: 1, capacity: 10, state: 'ok' });
    const v = month(r, '2026-11').violations.filter((x) => x.code === 'SP_COUNTER_NOT_LICENSED');
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ severity: 'error', license: 'repl', server: 'sp' });
    expect(v[0]!.message).toContain('vm-backup');
  });
  it('an unused unlicensed counter is unlicensed but raises nothing', () => {
    const spServers = [spServer([lic('repl', 'cloud-connect-sp', { 'vm-replica': 10 })])];
    const r = evaluate(
      build({
        spServers,
        tenants: [{ id: 't', rps: daily('b', '2026-10-01', '2026-11-20', 'cloud-replica') }],
      }),
      NOV,
    );
    expect(sp(r, '2026-11', 'vm-backup').state).toBe('unlicensed');
    expect(codes(r, '2026-11')).not.toContain('SP_COUNTER_NOT_LICENSED');
  });
  it('an SP license ending mid-month leaves the rest of the month unlicensed', () => {
    const spServers = [
      spServer([lic('cc', 'cloud-connect-sp', { 'vm-backup': 10 }, '2020-01-01', '2026-11-15')]),
    ];
    const r = evaluate(
      build({ spServers, tenants: [{ id: 't', rps: daily('a', '2026-10-01', '2026-11-30') }] }),
      NOV,
    );
    expect(sp(r, '2026-11', 'vm-backup')).toMatchObject({ used: 1, capacity: 10, state: 'unlicensed' });
    expect(codes(r, '2026-11')).toEqual(
      expect.arrayContaining(['LICENSE_EXPIRED', 'SP_COUNTER_NOT_LICENSED']),
    );
  });
  it('two SP licenses add up, and a license on an SP server of another type is not an SP license', () => {
    const spServers = [
      server('sp1', [lic('c1', 'cloud-connect-sp', { 'vm-backup': 3 })]),
      server('sp2', [
        lic('c2', 'cloud-connect-sp', { 'vm-backup': 4 }),
        lic('p', 'perpetual', { 'vm-backup': 100 }),
      ]),
    ];
    const r = evaluate(
      build({ spServers, tenants: [{ id: 't', rps: daily('a', '2026-10-01', '2026-11-30') }] }),
      NOV,
    );
    expect(sp(r, '2026-11', 'vm-backup').capacity).toBe(7);
  });
});

describe('R-SP-SIZING', () => {
  it('plans summed over tenants beyond capacity: SP_LICENSE_UNDERSIZED with the missing amount', () => {
    const spServers = [
      spServer([
        lic('cc', 'cloud-connect-sp', { 'vm-backup': 10, 'vm-replica': 10, server: 1, workstation: 1 }),
      ]),
    ];
    const r = evaluate(
      build({
        spServers,
        tenants: [
          { id: 'a', plan: { 'vm-backup': 6, server: 1 }, rps: [] },
          { id: 'b', plan: { 'vm-backup': 7, 'vm-replica': 10 }, rps: [] },
        ],
      }),
      NOV,
    );
    const v = month(r, '2026-11').violations.filter((x) => x.code === 'SP_LICENSE_UNDERSIZED');
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ severity: 'warning', license: 'cc', server: 'sp', tenant: null });
    expect(v[0]!.message).toContain('add 3 vm-backup');
  });
  it('leaves out what the rental exemption moves to tenant licenses, but not replicas', () => {
    const spServers = [
      spServer([
        lic('cc', 'cloud-connect-sp', { 'vm-backup': 1, 'vm-replica': 1, server: 0, workstation: 0 }),
      ]),
    ];
    const rental = server('r-vbr', [lic('lr', 'rental', { instances: 50 })], U3);
    const r = evaluate(
      build({
        spServers,
        tenants: [
          { id: 'r', servers: [rental], plan: { 'vm-backup': 40, server: 5, 'vm-replica': 2 }, rps: [] },
        ],
      }),
      NOV,
    );
    const v = month(r, '2026-11').violations.filter((x) => x.code === 'SP_LICENSE_UNDERSIZED');
    expect(v).toHaveLength(1);
    expect(v[0]!.message).toContain('vm-replica');
  });
  it('in vcsp-points the plans are counted in points', () => {
    const spServers = [spServer([lic('cc', 'cloud-connect-sp', { points: 20 })])];
    const plan = { 'vm-backup': 2, 'vm-replica': 1 }; // 2×5 + 10 = 20 points
    const ok = evaluate(
      build({ ruleset: 'vcsp-points', spServers, tenants: [{ id: 'a', plan, rps: [] }] }),
      NOV,
    );
    expect(codes(ok, '2026-11')).not.toContain('SP_LICENSE_UNDERSIZED');
    const short = evaluate(
      build({
        ruleset: 'vcsp-points',
        spServers,
        tenants: [{ id: 'a', plan: { ...plan, workstation: 1 }, rps: [] }],
      }),
      NOV,
    );
    expect(
      month(short, '2026-11').violations.find((v) => v.code === 'SP_LICENSE_UNDERSIZED')?.message,
    ).toContain('add 3 points');
  });
});

describe('usage figures are unaffected by SP licensing problems', () => {
  it('with no SP license at all, usage is still reported', () => {
    const r = evaluate(
      build({
        spServers: [server('sp', [])],
        tenants: [{ id: 't', rps: daily('a', '2026-10-01', '2026-11-30') }],
      }),
      NOV,
    );
    expect(unr(sp(r, '2026-11', 'vm-backup'))).toEqual([1, 0, 0]);
    expect(sp(r, '2026-11', 'vm-backup').state).toBe('unlicensed');
  });
});
