/** Rulesets as values: vbr-9.5 units per machine, vcsp-points pool of points. */
import { describe, expect, it } from 'vitest';
import { evaluate, getRuleset, RULESET_REGISTRY } from '../../src/index.js';
import { RULESETS } from '../../src/model.js';
import { build, daily, lic, month, server, sp, spCharge, spServer, tenantOf, U2 } from '../support/build.js';

const NOV = ['2026-11'];
const machines = [
  { id: 'srv', kind: 'server' as const, agent: { os: 'windows' as const, version: '2.0' } },
  { id: 'ws', kind: 'workstation' as const, agent: { os: 'linux' as const, version: '2.0' } },
];
const rps = [
  ...daily('vm', '2026-10-01', '2026-11-30'),
  ...daily('vm', '2026-10-01', '2026-11-30', 'cloud-replica'),
  ...daily('srv', '2026-10-01', '2026-11-30'),
  ...daily('ws', '2026-10-01', '2026-11-30'),
];

describe('rulesets', () => {
  it('every ruleset id has a module', () => {
    for (const id of RULESETS) expect(getRuleset(id).id).toBe(id);
    expect(Object.keys(RULESET_REGISTRY).sort()).toEqual([...RULESETS].sort());
  });
  it('vbr-9.5: one unit per machine per counter; units capacity null, state the worst counter', () => {
    const r = evaluate(build({ tenants: [{ id: 't', machines, rps }] }), NOV);
    const u = month(r, '2026-11').serviceProvider.units;
    expect(u).toEqual({ used: 4, capacity: null, state: 'ok' });
    expect(sp(r, '2026-11', 'server').capacity).toBe(100);
  });
  it('vcsp-points: 5 / 10 / 7 / 3 points; counters carry no capacity and the pool state', () => {
    const r = evaluate(build({ ruleset: 'vcsp-points', tenants: [{ id: 't', machines, rps }] }), NOV);
    expect(r.ruleset).toBe('vcsp-points');
    const m = month(r, '2026-11').serviceProvider;
    expect([
      m.counters['vm-backup'].units,
      m.counters['vm-replica'].units,
      m.counters.server.units,
      m.counters.workstation.units,
    ]).toEqual([5, 10, 7, 3]);
    expect(m.units).toEqual({ used: 25, capacity: 1000, state: 'ok' });
    for (const c of Object.values(m.counters)) expect(c.capacity).toBeNull();
    expect(spCharge(r, '2026-11', 't', 'srv', 'server')?.units).toBe(7);
  });
  it('vcsp-points with a rental tenant: backups 0 (rental), replicas 10; too-old agent charged at the right-hand column', () => {
    const servers = [server('t-vbr', [lic('r', 'rental', { instances: 50 })])];
    const r = evaluate(
      build({ ruleset: 'vcsp-points', tenants: [{ id: 't', servers, machines, rps }] }),
      NOV,
    );
    const m = month(r, '2026-11').serviceProvider;
    expect(m.counters['vm-backup']).toMatchObject({ used: 0, rental: 1, units: 0 });
    expect(m.counters['vm-replica'].units).toBe(10);
    expect(m.counters.server).toMatchObject({ used: 1, rental: 0, units: 7 }); // Windows agent 2.0 < 2.1
    expect(m.counters.workstation).toMatchObject({ used: 0, rental: 1, units: 0 }); // Linux agent 2.0 = gate
    expect(m.units.used).toBe(17);
  });
  it('vcsp-points: the pool goes into grace and every counter shows its state', () => {
    const spServers = [spServer([lic('cc', 'cloud-connect-sp', { points: 10 })])];
    const vms = ['a', 'b', 'c'].flatMap((v) => daily(v, '2026-10-01', '2026-11-30'));
    const r = evaluate(build({ ruleset: 'vcsp-points', spServers, tenants: [{ id: 't', rps: vms }] }), NOV);
    const m = month(r, '2026-11').serviceProvider;
    expect(m.units).toEqual({ used: 15, capacity: 10, state: 'grace' });
    expect(m.counters.workstation.state).toBe('grace');
    expect(month(r, '2026-11').violations.map((v) => v.code)).toContain('LICENSE_IN_GRACE');
  });
  it('a too-old tenant server in vcsp-points pays 5 points per backed-up VM', () => {
    const servers = [server('t-vbr', [lic('r', 'rental', { instances: 50 })], U2)];
    const r = evaluate(
      build({
        ruleset: 'vcsp-points',
        tenants: [{ id: 't', servers, rps: daily('vm', '2026-10-01', '2026-11-30') }],
      }),
      NOV,
    );
    expect(tenantOf(r, '2026-11', 't').counters['vm-backup']).toEqual({
      used: 1,
      new: 0,
      rental: 0,
      units: 5,
    });
  });
});
