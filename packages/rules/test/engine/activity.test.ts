/** R-ACTIVE-31D, R-MONTH-USAGE, R-NEW: the 31-day window, month ends, leap February, new per counter. */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/index.js';
import { build, daily, license, sp, spCharge, unr } from '../support/build.js';

const one = (at: string, months: string[], op: 'cloud-backup' | 'cloud-replica' = 'cloud-backup') =>
  evaluate(
    build({
      tenants: [
        {
          id: 't',
          rps: [
            { machine: 'old', at: '2020-01-05', op },
            { machine: 'a', at, op },
          ],
        },
      ],
    }),
    months,
  );

describe('R-ACTIVE-31D', () => {
  it('a restore point at exactly midnight keeps the machine active 31 whole days, not a 32nd', () => {
    // 2026-10-01T00:00Z: active on Oct 1..31 only (the window (t−31d, t] is open at its start).
    const r = one('2026-10-01T00:00:00.000Z', ['2026-10', '2026-11']);
    expect(unr(sp(r, '2026-10', 'vm-backup'))).toEqual([0, 1, 0]);
    expect(unr(sp(r, '2026-11', 'vm-backup'))).toEqual([0, 0, 0]);
  });
  it('one millisecond after midnight reaches the 32nd day (1 November)', () => {
    const r = one('2026-10-01T00:00:00.001Z', ['2026-11']);
    expect(unr(sp(r, '2026-11', 'vm-backup'))).toEqual([1, 0, 0]);
    expect(spCharge(r, '2026-11', 't', 'a', 'vm-backup')?.rules).toContain('R-ACTIVE-31D');
  });
  it('the last instant of a day keeps the machine active 31 days later', () => {
    const r = one('2026-10-01T23:59:59.999Z', ['2026-11', '2026-12']);
    expect(sp(r, '2026-11', 'vm-backup').used).toBe(1);
    expect(sp(r, '2026-12', 'vm-backup').used).toBe(0);
  });
  it('counts a machine once however many jobs and points it has', () => {
    const rps = [
      ...daily('a', '2026-09-01', '2026-09-30'),
      ...daily('a', '2026-09-01', '2026-09-30', 'cloud-backup-copy'),
      { machine: 'a', at: '2026-09-10T13:00:00Z' },
    ];
    const r = evaluate(build({ tenants: [{ id: 't', rps }] }), ['2026-10']);
    expect(unr(sp(r, '2026-10', 'vm-backup'))).toEqual([1, 0, 0]);
    expect(sp(r, '2026-10', 'vm-backup').peak).toBe(1);
  });
  it('daily usage (peak) follows the window day by day', () => {
    // a: active Oct 1..Nov 1 (late RP on Oct 1); b: starts 2 Nov. Never both on the same day in November.
    const rps = [
      { machine: 'a', at: '2026-08-01' },
      { machine: 'a', at: '2026-10-01T06:00:00Z' },
      { machine: 'b', at: '2026-08-01' },
      { machine: 'b', at: '2026-11-02T06:00:00Z' },
    ];
    const r = evaluate(build({ tenants: [{ id: 't', rps }] }), ['2026-11']);
    expect(sp(r, '2026-11', 'vm-backup').used).toBe(2);
    expect(sp(r, '2026-11', 'vm-backup').peak).toBe(1);
  });
});

describe('R-MONTH-USAGE', () => {
  it('the rulebook example: daily 1 Jan..15 Mar counts in April, not in May', () => {
    const r = evaluate(build({ tenants: [{ id: 't', rps: daily('a', '2026-01-01', '2026-03-15') }] }), [
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
    ]);
    expect(unr(sp(r, '2026-01', 'vm-backup'))).toEqual([0, 1, 0]);
    expect(unr(sp(r, '2026-02', 'vm-backup'))).toEqual([1, 0, 0]);
    expect(unr(sp(r, '2026-04', 'vm-backup'))).toEqual([1, 0, 0]);
    expect(unr(sp(r, '2026-05', 'vm-backup'))).toEqual([0, 0, 0]);
    expect(spCharge(r, '2026-04', 't', 'a', 'vm-backup')?.rules).toContain('R-MONTH-USAGE');
  });
  it('a point on the last day of January reaches into March (non-leap year)', () => {
    const r = one('2026-01-31T12:00:00Z', ['2026-02', '2026-03', '2026-04']);
    expect(sp(r, '2026-02', 'vm-backup').used).toBe(1);
    expect(sp(r, '2026-03', 'vm-backup').used).toBe(1);
    expect(sp(r, '2026-04', 'vm-backup').used).toBe(0);
  });
  it('leap February: 29 Feb 2028 is a day of its own', () => {
    // 2028-02-29 12:00 reaches 31 March (29 Feb + 31 days), not 1 April.
    expect(sp(one('2028-02-29T12:00:00Z', ['2028-04']), '2028-04', 'vm-backup').used).toBe(0);
    // 2028-03-01 12:00 reaches 1 April.
    expect(sp(one('2028-03-01T12:00:00Z', ['2028-04']), '2028-04', 'vm-backup').used).toBe(1);
    // In 2026 (no 29 Feb) a point on 28 Feb 12:00 reaches 31 March only.
    expect(sp(one('2026-02-28T12:00:00Z', ['2026-04']), '2026-04', 'vm-backup').used).toBe(0);
  });
  it('a machine first seen on 29 Feb 2028 is new in February and used in March', () => {
    const r = one('2028-02-29T00:00:00Z', ['2028-02', '2028-03']);
    expect(unr(sp(r, '2028-02', 'vm-backup'))).toEqual([0, 1, 0]);
    expect(unr(sp(r, '2028-03', 'vm-backup'))).toEqual([1, 0, 0]);
  });
  it('the last millisecond of a month belongs to it; the next to the next month', () => {
    const a = one('2026-10-31T23:59:59.999Z', ['2026-10', '2026-11']);
    expect(unr(sp(a, '2026-10', 'vm-backup'))).toEqual([0, 1, 0]);
    expect(unr(sp(a, '2026-11', 'vm-backup'))).toEqual([1, 0, 0]);
    const b = one('2026-11-01T00:00:00.000Z', ['2026-10', '2026-11']);
    expect(unr(sp(b, '2026-10', 'vm-backup'))).toEqual([0, 0, 0]);
    expect(unr(sp(b, '2026-11', 'vm-backup'))).toEqual([0, 1, 0]);
  });
});

describe('R-NEW', () => {
  it('is decided per counter: old in vm-backup, new in vm-replica', () => {
    const rps = [
      ...daily('a', '2026-09-01', '2026-11-30'),
      ...daily('a', '2026-11-10', '2026-11-30', 'cloud-replica'),
    ];
    const r = evaluate(build({ tenants: [{ id: 't', rps }] }), ['2026-11', '2026-12']);
    expect(spCharge(r, '2026-11', 't', 'a', 'vm-backup')?.status).toBe('used');
    expect(spCharge(r, '2026-11', 't', 'a', 'vm-replica')?.status).toBe('new');
    expect(spCharge(r, '2026-11', 't', 'a', 'vm-replica')?.units).toBe(0);
    expect(spCharge(r, '2026-11', 't', 'a', 'vm-replica')?.rules).toContain('R-NEW');
    expect(spCharge(r, '2026-12', 't', 'a', 'vm-replica')?.status).toBe('used');
  });
  it('a new machine is left out of daily usage (peak) in its first month', () => {
    const r = evaluate(build({ tenants: [{ id: 't', rps: daily('a', '2026-11-01', '2026-11-30') }] }), [
      '2026-11',
    ]);
    expect(sp(r, '2026-11', 'vm-backup').peak).toBe(0);
  });
  it('"first" is over all the tenant servers: a second server does not make the machine new again', () => {
    const servers = [
      { id: 's1', version: '9.5.0.1536', licenses: [] },
      { id: 's2', version: '9.5.0.1536', licenses: [] },
    ];
    const rps = [
      ...daily('a', '2026-08-01', '2026-08-05', 'cloud-backup', 's1'),
      ...daily('a', '2026-11-01', '2026-11-03', 'cloud-backup', 's2'),
    ];
    const r = evaluate(build({ tenants: [{ id: 't', servers, rps }] }), ['2026-11']);
    expect(spCharge(r, '2026-11', 't', 'a', 'vm-backup')?.status).toBe('used');
  });
  it('on a tenant license "first" is the first point on it: a license starting mid-month makes old machines new', () => {
    const servers = [
      {
        id: 't-vbr',
        version: '9.5.0.1536',
        licenses: [
          {
            id: 'old',
            type: 'perpetual' as const,
            validFrom: '2020-01-01',
            validTo: '2026-11-14',
            capacity: { instances: 10 },
          },
          { id: 'next', type: 'perpetual' as const, validFrom: '2026-11-15', capacity: { instances: 10 } },
        ],
      },
    ];
    const r = evaluate(
      build({ tenants: [{ id: 't', servers, rps: daily('a', '2026-09-01', '2026-12-31') }] }),
      ['2026-11', '2026-12'],
    );
    expect(spCharge(r, '2026-11', 't', 'a', 'vm-backup')?.status).toBe('used');
    expect(license(r, '2026-11', 't', 'old')).toMatchObject({ used: 1, new: 0 });
    expect(license(r, '2026-11', 't', 'next')).toMatchObject({ used: 0, new: 1 });
    expect(license(r, '2026-12', 't', 'next')).toMatchObject({ used: 1, new: 0 });
    // Renewed without a gap: no expiry violation.
    expect(r.months[0]!.violations.map((v) => v.code)).not.toContain('LICENSE_EXPIRED');
  });
});
