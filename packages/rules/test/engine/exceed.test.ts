/** R-EXCEED (allowance, grace per type, daily usage, peak, worst state) and R-EXPIRY. */
import { describe, expect, it } from 'vitest';
import { allowance } from '../../src/engine/exceed.js';
import { standardExceed } from '../../src/engine/rulesets/common.js';
import { evaluate } from '../../src/index.js';
import type { LicenseType } from '../../src/model.js';
import { build, codes, daily, lic, license, month, server, sp, spServer } from '../support/build.js';

/** Two old machines on a 1-instance license: `a` daily from June, `b` from 16 July: over capacity from 16 July. */
function overFrom16July(type: LicenseType, validTo?: string) {
  const servers = [server('t-vbr', [lic('l', type, { instances: 1 }, '2020-01-01', validTo)])];
  const rps = [
    { machine: 'a', at: '2026-01-05', op: 'local-backup' as const },
    { machine: 'b', at: '2026-01-05', op: 'local-backup' as const },
    ...daily('a', '2026-06-01', '2026-12-31', 'local-backup'),
    ...daily('b', '2026-07-16', '2026-12-31', 'local-backup'),
  ];
  return evaluate(build({ tenants: [{ id: 't', servers, rps }] }), [
    '2026-07',
    '2026-08',
    '2026-09',
    '2026-12',
  ]);
}

describe('R-EXCEED', () => {
  it('allowance: max(minimum, ⌈percent of capacity⌉), exact in integers', () => {
    expect(allowance(standardExceed('perpetual'), 1)).toBe(20);
    expect(allowance(standardExceed('perpetual'), 100)).toBe(20);
    expect(allowance(standardExceed('perpetual'), 101)).toBe(21);
    expect(allowance(standardExceed('rental'), 15)).toBe(20);
    expect(allowance(standardExceed('rental'), 1000)).toBe(200);
    expect(allowance(standardExceed('subscription'), 15)).toBe(10);
    expect(allowance(standardExceed('subscription'), 101)).toBe(11);
    expect(standardExceed('cloud-connect-sp').graceDays).toBe(60);
    expect(standardExceed('subscription').graceDays).toBe(Number.POSITIVE_INFINITY);
  });
  it('perpetual: 30 days of grace from 16 July end on 14 August; exceeded from 15 August', () => {
    const r = overFrom16July('perpetual');
    expect(license(r, '2026-07', 't', 'l')).toMatchObject({ used: 2, peak: 2, state: 'grace' });
    expect(codes(r, '2026-07')).toContain('LICENSE_IN_GRACE');
    expect(license(r, '2026-08', 't', 'l')?.state).toBe('exceeded');
    const v = month(r, '2026-08').violations.find((x) => x.code === 'LICENSE_EXCEEDED');
    expect(v).toMatchObject({ severity: 'error', tenant: 't', license: 'l', server: 't-vbr' });
    expect(codes(r, '2026-08')).not.toContain('LICENSE_IN_GRACE');
  });
  it('rental: 60 days of grace (16 July..13 September)', () => {
    const r = overFrom16July('rental');
    expect(license(r, '2026-08', 't', 'l')?.state).toBe('grace');
    expect(license(r, '2026-09', 't', 'l')?.state).toBe('exceeded');
  });
  it('subscription: in grace until the license expires, then unlicensed', () => {
    const r = overFrom16July('subscription', '2026-12-10');
    expect(license(r, '2026-09', 't', 'l')?.state).toBe('grace');
    expect(license(r, '2026-12', 't', 'l')?.state).toBe('unlicensed');
    expect(codes(r, '2026-12')).toEqual(expect.arrayContaining(['LICENSE_IN_GRACE', 'LICENSE_EXPIRED']));
  });
  it('over capacity beyond the allowance is exceeded at once; at the allowance it is grace', () => {
    const run = (n: number) => {
      const servers = [server('t-vbr', [lic('l', 'perpetual', { instances: 1 })])];
      // New in October, used from 1 November: a 30-day November is all within the perpetual grace.
      const rps = Array.from({ length: n }, (_, i) =>
        daily(`m${i}`, '2026-10-20', '2026-11-30', 'local-backup'),
      ).flat();
      return license(
        evaluate(build({ tenants: [{ id: 't', servers, rps }] }), ['2026-11']),
        '2026-11',
        't',
        'l',
      );
    };
    expect(run(1)?.state).toBe('ok');
    expect(run(21)).toMatchObject({ used: 21, peak: 21, state: 'grace' });
    expect(run(22)?.state).toBe('exceeded');
    expect(run(2)?.state).toBe('grace');
  });
  it('a day back at capacity ends the run; going over again starts a new grace', () => {
    // b is active 1..31 Aug, pauses (a gap of 40 days), then again from 10 October: a new run.
    const servers = [server('t-vbr', [lic('l', 'perpetual', { instances: 1 })])];
    const rps = [
      { machine: 'b', at: '2026-01-05', op: 'local-backup' as const },
      ...daily('a', '2026-06-01', '2026-12-31', 'local-backup'),
      ...daily('b', '2026-07-01', '2026-07-31', 'local-backup'),
      ...daily('b', '2026-10-10', '2026-10-31', 'local-backup'),
    ];
    const r = evaluate(build({ tenants: [{ id: 't', servers, rps }] }), ['2026-08', '2026-10']);
    expect(license(r, '2026-08', 't', 'l')?.state).toBe('exceeded');
    expect(license(r, '2026-10', 't', 'l')?.state).toBe('grace');
  });
  it('SP counters: grace of 60 days and LICENSE_IN_GRACE on the SP license', () => {
    const spServers = [
      spServer([
        lic('cc', 'cloud-connect-sp', { 'vm-backup': 10, 'vm-replica': 1, server: 1, workstation: 1 }),
      ]),
    ];
    const rps = [
      ...daily('a', '2026-09-01', '2026-11-30', 'cloud-replica'),
      ...daily('b', '2026-09-01', '2026-11-30', 'cloud-replica'),
    ];
    const r = evaluate(build({ spServers, tenants: [{ id: 't', rps }] }), ['2026-10', '2026-11', '2026-12']);
    expect(sp(r, '2026-10', 'vm-replica')).toMatchObject({ used: 2, peak: 2, capacity: 1, state: 'grace' });
    expect(month(r, '2026-10').violations.find((v) => v.code === 'LICENSE_IN_GRACE')).toMatchObject({
      license: 'cc',
      server: 'sp',
    });
    // The run starts on 1 October: day 60 is 29 November, day 61 (30 November) is exceeded.
    expect(sp(r, '2026-11', 'vm-replica').state).toBe('exceeded');
    expect(codes(r, '2026-11')).toContain('LICENSE_EXCEEDED');
    expect(month(r, '2026-10').serviceProvider.units.state).toBe('grace');
  });
  it('the month state is the worst of its days: exceeded then expired reads unlicensed, both reported', () => {
    const r = overFrom16July('perpetual', '2026-08-20');
    expect(license(r, '2026-08', 't', 'l')?.state).toBe('unlicensed');
    expect(codes(r, '2026-08')).toEqual(expect.arrayContaining(['LICENSE_EXCEEDED', 'LICENSE_EXPIRED']));
  });
});

describe('R-EXPIRY', () => {
  const withEnd = (validTo: string, months = ['2026-11']) =>
    evaluate(
      build({
        tenants: [
          {
            id: 't',
            servers: [server('t-vbr', [lic('l', 'perpetual', { instances: 5 }, '2020-01-01', validTo)])],
            rps: daily('a', '2026-10-01', '2026-11-30', 'local-backup'),
          },
        ],
      }),
      months,
    );
  it('within 30 days of the end of the month: LICENSE_EXPIRING (warning)', () => {
    expect(codes(withEnd('2026-11-30'), '2026-11')).toContain('LICENSE_EXPIRING');
    expect(codes(withEnd('2026-12-30'), '2026-11')).toContain('LICENSE_EXPIRING');
    expect(codes(withEnd('2026-12-31'), '2026-11')).not.toContain('LICENSE_EXPIRING');
    expect(
      month(withEnd('2026-12-15'), '2026-11').violations.find((v) => v.code === 'LICENSE_EXPIRING'),
    ).toMatchObject({
      severity: 'warning',
      license: 'l',
      tenant: 't',
    });
  });
  it('past its end date: LICENSE_EXPIRED (error), and the license covers nothing afterwards', () => {
    const r = withEnd('2026-11-29', ['2026-11', '2026-12']);
    expect(month(r, '2026-11').violations.find((v) => v.code === 'LICENSE_EXPIRED')?.severity).toBe('error');
    expect(license(r, '2026-11', 't', 'l')?.state).toBe('unlicensed');
    expect(license(r, '2026-12', 't', 'l')).toMatchObject({ used: 0, new: 0, state: 'unlicensed' });
    expect(codes(r, '2026-12')).toContain('LICENSE_EXPIRED');
  });
  it('the SP license expiring soon is reported on the SP', () => {
    const spServers = [
      spServer([lic('cc', 'cloud-connect-sp', { 'vm-backup': 5 }, '2020-01-01', '2026-12-01')]),
    ];
    const r = evaluate(build({ spServers, tenants: [{ id: 't', rps: [] }] }), ['2026-11']);
    expect(month(r, '2026-11').violations.find((v) => v.code === 'LICENSE_EXPIRING')).toMatchObject({
      license: 'cc',
      server: 'sp',
      tenant: null,
    });
  });
});
