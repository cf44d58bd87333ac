import { describe, expect, it } from 'vitest';
import {
  parseScenario,
  parseScenarioText,
  scenarioMonths,
  scenarioToFacts,
} from '../../src/scenario/index.js';
import { SHARED_SCENARIOS, sharedScenarioText, validScenario } from './fixtures.js';

function parsedShared(file: string) {
  const result = parseScenarioText(sharedScenarioText(file));
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return result.scenario;
}

describe('the shared example scenarios', () => {
  it.each(SHARED_SCENARIOS)('%s parses, its `expect` block ignored', (file) => {
    const scenario = parsedShared(file);
    expect(scenario.format).toBe('vcc-scenario/1');
    expect(scenario.ruleset).toBe('vbr-9.5');
    expect(scenario).not.toHaveProperty('expect');
    expect(scenario.tenants.map((t) => t.id)).toEqual(['alpha']);
    expect(scenario.tenants[0]!.restorePoints).toHaveLength(4);
  });

  it('scenario 1 gives the expected activity facts', () => {
    const facts = scenarioToFacts(parsedShared('example-1-perpetual.json'));
    expect(facts.ruleset).toBe('vbr-9.5');
    expect(facts.serviceProvider).toEqual({
      id: 'acme',
      name: 'Acme Cloud',
      backupServers: [
        {
          id: 'acme-cc',
          version: '9.5.0.1536',
          licenses: [
            {
              id: 'lic-cc',
              type: 'cloud-connect-sp',
              validFrom: '2026-01-01',
              validTo: '2027-12-31',
              capacity: { 'vm-backup': 100, 'vm-replica': 20, server: 10, workstation: 10 },
            },
          ],
        },
      ],
    });
    const [alpha] = facts.tenants;
    expect(alpha).toMatchObject({ id: 'alpha', name: 'Alpha Ltd', enabled: true, managedBySp: false });
    expect(alpha!.plan).toEqual({ 'vm-backup': 2, 'vm-replica': 1, server: 0, workstation: 0, vms: 0 });
    expect(alpha!.backupServers[0]!.licenses[0]).toEqual({
      id: 'lic-alpha',
      type: 'perpetual',
      validFrom: '2025-01-01',
      capacity: { instances: 50 },
    });
    const byId = new Map(alpha!.machines.map((m) => [m.id, m]));
    // a: cloud backup on 2 October (bit 1), cloud replica on 3 October (bit 2), both after midnight.
    expect(byId.get('a')).toEqual({
      id: 'a',
      kind: 'vm',
      activity: expect.arrayContaining([
        { server: 'alpha-vbr', opClass: 'cloud-backup', month: '2026-10', days: 1 << 1, lateDays: 1 << 1 },
        { server: 'alpha-vbr', opClass: 'cloud-replica', month: '2026-10', days: 1 << 2, lateDays: 1 << 2 },
      ]),
      firsts: expect.arrayContaining([
        { server: 'alpha-vbr', opClass: 'cloud-backup', at: Date.parse('2026-10-02T01:00:00Z') },
        { server: 'alpha-vbr', opClass: 'cloud-replica', at: Date.parse('2026-10-03T01:00:00Z') },
      ]),
    });
    expect(byId.get('a')!.activity).toHaveLength(2);
    // b: two cloud backups on 5 October (bit 4) make one day; the first is the earlier one.
    expect(byId.get('b')).toEqual({
      id: 'b',
      kind: 'vm',
      activity: [
        { server: 'alpha-vbr', opClass: 'cloud-backup', month: '2026-10', days: 1 << 4, lateDays: 1 << 4 },
      ],
      firsts: [{ server: 'alpha-vbr', opClass: 'cloud-backup', at: Date.parse('2026-10-05T01:00:00Z') }],
    });
  });

  it('reports the months the file lists', () => {
    expect(scenarioMonths(parsedShared('example-1-perpetual.json'))).toEqual([
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
  });
});

describe('scenarioToFacts and scenarioMonths on the test estate', () => {
  const data = validScenario();
  delete data.months;
  const result = parseScenario(data);
  if (!result.ok) throw new Error('fixture should parse');
  const facts = scenarioToFacts(result.scenario);

  it('without `months`, reports every month that has restore points, sorted', () => {
    expect(result.scenario.months).toBeUndefined();
    expect(scenarioMonths(result.scenario)).toEqual(['2026-10', '2026-11']);
  });

  it('reports the given months, sorted', () => {
    const r = parseScenario({ ...validScenario(), months: ['2026-12', '2026-01'] });
    expect(r.ok && scenarioMonths(r.scenario)).toEqual(['2026-01', '2026-12']);
  });

  it('keeps agents, groups points per tenant and machine, and marks midnight points as not late', () => {
    const [alpha, beta] = facts.tenants;
    const srv1 = alpha!.machines.find((m) => m.id === 'srv1')!;
    expect(srv1.agent).toEqual({ os: 'windows', version: '2.1.0' });
    expect(srv1.activity).toEqual([
      { server: 'alpha-vbr', opClass: 'cloud-backup', month: '2026-10', days: 1 << 3, lateDays: 0 },
    ]);
    expect(alpha!.machines.find((m) => m.id === 'a')!.agent).toBeUndefined();
    // Two machines called "a" in two tenants stay apart.
    expect(beta!.machines).toEqual([
      {
        id: 'a',
        kind: 'vm',
        activity: [{ server: 'beta-vbr', opClass: 'local', month: '2026-11', days: 1, lateDays: 0 }],
        firsts: [{ server: 'beta-vbr', opClass: 'local', at: Date.parse('2026-11-01T00:00:00Z') }],
      },
    ]);
    expect(beta!.backupServers[0]!.licenses[0]!.validTo).toBe('2026-12-31');
  });

  it('gives machines without restore points empty activity', () => {
    const d = validScenario();
    d.tenants[0].machines.push({ id: 'idle', kind: 'vm' });
    const r = parseScenario(d);
    if (!r.ok) throw new Error('should parse');
    const idle = scenarioToFacts(r.scenario).tenants[0]!.machines.find((m) => m.id === 'idle');
    expect(idle).toEqual({ id: 'idle', kind: 'vm', activity: [], firsts: [] });
  });
});
