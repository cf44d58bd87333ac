import { describe, expect, it } from 'vitest';
import { formatScenarioErrors, parseScenario, parseScenarioText } from '../../src/scenario/index.js';
import { errorsOf, expectError, type Json, validScenario } from './fixtures.js';

/** The test estate with one change made by `edit`. */
function changed(edit: (s: Json) => void): Json {
  const s = validScenario();
  edit(s);
  return s;
}

const SP_LICENSE = (s: Json) => s.serviceProvider.backupServers[0].licenses[0];
const ALPHA = (s: Json) => s.tenants[0];

describe('the test estate', () => {
  it('parses, and unknown top-level keys are dropped', () => {
    const result = parseScenario({ ...validScenario(), expect: { anything: 1 }, comment: 'x' });
    expect(result.ok).toBe(true);
    expect(result.ok && Object.keys(result.scenario)).toEqual([
      'format',
      'ruleset',
      'months',
      'serviceProvider',
      'tenants',
    ]);
  });

  it('accepts lists left out as empty, validTo left out, and months left out', () => {
    const result = parseScenario(
      changed((s) => {
        delete s.months;
        delete s.serviceProvider.backupServers[0].licenses[0].validTo;
        s.tenants[1] = {
          id: 'empty',
          name: 'Empty',
          enabled: false,
          managedBySp: false,
          plan: s.tenants[1].plan,
        };
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario.months).toBeUndefined();
    expect(result.scenario.tenants[1]).toMatchObject({ backupServers: [], machines: [], restorePoints: [] });
  });
});

describe('the top level', () => {
  it.each([
    [null, 'got null'],
    [[], 'got an array'],
    ['vcc-scenario/1', 'got "vcc-scenario/1"'],
    [42, 'got 42'],
  ])('refuses %j as a whole', (input, message) => {
    expect(errorsOf(parseScenario(input))).toEqual([
      { path: '$', message: `expected a JSON object (a vcc-scenario/1 scenario), ${message}` },
    ]);
  });

  it('lists every missing key of an empty object', () => {
    expect(errorsOf(parseScenario({})).map((e) => e.path)).toEqual([
      '$.format',
      '$.ruleset',
      '$.serviceProvider',
      '$.tenants',
    ]);
  });

  it('refuses another format', () => {
    expectError(
      changed((s) => (s.format = 'vcc-scenario/2')),
      '$.format',
      'unsupported format "vcc-scenario/2"',
    );
    expectError(
      changed((s) => delete s.format),
      '$.format',
      'missing',
    );
  });

  it('refuses an unknown ruleset', () => {
    expectError(
      changed((s) => (s.ruleset = 'vbr-12')),
      '$.ruleset',
      'unknown ruleset "vbr-12"',
    );
  });
});

describe('scalar formats', () => {
  it.each(['2026-13', '2026-00', '2026-1', '26-10', '2026-10-01'])('refuses month %s', (month) => {
    expectError(
      changed((s) => (s.months = ['2026-10', month])),
      '$.months[1]',
      'expected a month YYYY-MM',
    );
  });

  it('refuses a month listed twice, and an empty months list', () => {
    expectError(
      changed((s) => s.months.push('2026-10')),
      '$.months[2]',
      'duplicate month "2026-10" (first at $.months[0])',
    );
    expectError(
      changed((s) => (s.months = [])),
      '$.months',
      'at least one month',
    );
  });

  it.each(['9.5.x', '', '9..5', 'v10', '9.5.0.1536 ', 9.5])('refuses version %j', (version) => {
    expectError(
      changed((s) => (s.serviceProvider.backupServers[0].version = version)),
      '$.serviceProvider.backupServers[0].version',
      /expected a dotted build number|got/,
    );
  });

  it.each([
    '2026-02-30',
    '2027-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-1-01',
    '20260101',
    '2026-01-01T00:00:00Z',
  ])('refuses date %s', (date) => {
    expectError(
      changed((s) => (SP_LICENSE(s).validFrom = date)),
      '$.serviceProvider.backupServers[0].licenses[0].validFrom',
      `expected a real calendar date YYYY-MM-DD such as 2026-10-01, got "${date}"`,
    );
  });

  it('accepts a leap day', () => {
    expect(parseScenario(changed((s) => (SP_LICENSE(s).validFrom = '2024-02-29'))).ok).toBe(true);
  });

  it.each([
    '2026-13-01T00:00:00Z',
    '2026-02-30T01:00:00Z',
    '2026-10-02T24:00:00Z',
    '2026-10-02T23:60:00Z',
    '2026-10-02T23:59:60Z',
    '2026-10-02T01:00:00',
    '2026-10-02T01:00:00+00:00',
    '2026-10-02T01:00Z',
    '2026-10-02 01:00:00Z',
    '2026-10-02T01:00:00.Z',
    '2026-10-02T01:00:00z',
    '2026-10-02',
  ])('refuses time %s', (at) => {
    expectError(
      changed((s) => (ALPHA(s).restorePoints[3].at = at)),
      '$.tenants[0].restorePoints[3].at',
      `expected an ISO 8601 UTC time such as 2026-10-02T01:00:00Z, got "${at}"`,
    );
  });

  it.each([
    '2026-10-02T01:00:00.5Z',
    '2026-10-02T01:00:00.123Z',
    '2026-10-02T01:00:00.123456789Z',
    '2028-02-29T23:59:59Z',
  ])('accepts time %s', (at) => {
    expect(parseScenario(changed((s) => (ALPHA(s).restorePoints[3].at = at))).ok).toBe(true);
  });
});

describe('objects and values', () => {
  it('refuses unknown keys inside objects, naming each at its own path', () => {
    const errors = expectError(
      changed((s) => {
        ALPHA(s).colour = 'red';
        ALPHA(s).machines[0].size = 3;
      }),
      '$.tenants[0].colour',
      'unknown key "colour" (allowed: id, name, enabled, managedBySp, plan, backupServers, machines, restorePoints)',
    );
    expect(errors).toContainEqual({
      path: '$.tenants[0].machines[0].size',
      message: 'unknown key "size" (allowed: id, kind, agent)',
    });
  });

  it('refuses bad ids and names', () => {
    expectError(
      changed((s) => (ALPHA(s).id = '')),
      '$.tenants[0].id',
      'must not be empty',
    );
    expectError(
      changed((s) => (ALPHA(s).id = 'x'.repeat(201))),
      '$.tenants[0].id',
      'too long (201 characters); at most 200',
    );
    expectError(
      changed((s) => (ALPHA(s).name = '')),
      '$.tenants[0].name',
      'must not be empty',
    );
    expectError(
      changed((s) => (s.serviceProvider.name = 7)),
      '$.serviceProvider.name',
      'expected a string, got 7',
    );
    expectError(
      changed((s) => delete ALPHA(s).machines[0].id),
      '$.tenants[0].machines[0].id',
      'missing; expected a string',
    );
  });

  it('refuses tenant flags that are not booleans', () => {
    expectError(
      changed((s) => (ALPHA(s).enabled = 'yes')),
      '$.tenants[0].enabled',
      'expected true or false, got "yes"',
    );
    expectError(
      changed((s) => delete ALPHA(s).managedBySp),
      '$.tenants[0].managedBySp',
      'missing',
    );
  });

  it('refuses a bad plan', () => {
    expectError(
      changed((s) => (ALPHA(s).plan.vms = -1)),
      '$.tenants[0].plan.vms',
      'must be at least 0, got -1',
    );
    expectError(
      changed((s) => (ALPHA(s).plan['vm-backup'] = 1.5)),
      '$.tenants[0].plan["vm-backup"]',
      'expected a whole number, got 1.5',
    );
    expectError(
      changed((s) => delete ALPHA(s).plan.server),
      '$.tenants[0].plan.server',
      'missing',
    );
    expectError(
      changed((s) => (ALPHA(s).plan.points = 1)),
      '$.tenants[0].plan.points',
      'unknown key "points"',
    );
  });

  it('refuses bad capacities', () => {
    const path = '$.serviceProvider.backupServers[0].licenses[0].capacity';
    expectError(
      changed((s) => (SP_LICENSE(s).capacity.server = -2)),
      `${path}.server`,
      'must be at least 0',
    );
    expectError(
      changed((s) => (SP_LICENSE(s).capacity.server = '10')),
      `${path}.server`,
      'expected a number, got "10"',
    );
    expectError(
      changed((s) => (SP_LICENSE(s).capacity.agents = 1)),
      `${path}.agents`,
      'unknown key "agents"',
    );
    expectError(
      changed((s) => delete SP_LICENSE(s).capacity),
      path,
      'missing; expected an object',
    );
  });

  it('refuses unknown enum values', () => {
    expectError(
      changed((s) => (ALPHA(s).restorePoints[0].operation = 'cloud-archive')),
      '$.tenants[0].restorePoints[0].operation',
      'unknown operation "cloud-archive" (expected one of "cloud-backup", ',
    );
    expectError(
      changed((s) => (ALPHA(s).machines[0].kind = 'container')),
      '$.tenants[0].machines[0].kind',
      'unknown machine kind',
    );
    expectError(
      changed((s) => (ALPHA(s).machines[1].agent.os = 'macos')),
      '$.tenants[0].machines[1].agent.os',
      'unknown agent OS',
    );
    expectError(
      changed((s) => (SP_LICENSE(s).type = 'gold')),
      '$.serviceProvider.backupServers[0].licenses[0].type',
      'unknown license type',
    );
  });

  it('wants an agent exactly on server and workstation machines', () => {
    expectError(
      changed((s) => delete ALPHA(s).machines[1].agent),
      '$.tenants[0].machines[1].agent',
      'missing; a server machine needs its agent',
    );
    expectError(
      changed((s) => delete ALPHA(s).machines[2].agent),
      '$.tenants[0].machines[2].agent',
      'missing; a workstation machine needs its agent',
    );
    expectError(
      changed((s) => (ALPHA(s).machines[0].agent = { os: 'linux', version: '2.0' })),
      '$.tenants[0].machines[0].agent',
      'a vm has no agent',
    );
    expectError(
      changed((s) => (ALPHA(s).machines[1].agent.version = 'latest')),
      '$.tenants[0].machines[1].agent.version',
      'expected a dotted build number',
    );
  });
});

describe('cross-references', () => {
  it('refuses duplicate tenant ids', () => {
    expectError(
      changed((s) => (s.tenants[1].id = 'alpha')),
      '$.tenants[1].id',
      'duplicate tenant id "alpha" (first at $.tenants[0].id)',
    );
  });

  it('refuses duplicate machine ids within a tenant, not across tenants', () => {
    expectError(
      changed((s) => ALPHA(s).machines.push({ id: 'srv1', kind: 'vm' })),
      '$.tenants[0].machines[3].id',
      'duplicate machine id "srv1" in tenant "alpha" (first at $.tenants[0].machines[1].id)',
    );
    // Both tenants of the test estate have a machine "a".
    expect(parseScenario(validScenario()).ok).toBe(true);
  });

  it('refuses duplicate backup server ids across the estate', () => {
    expectError(
      changed((s) => (s.tenants[1].backupServers[0].id = 'alpha-vbr')),
      '$.tenants[1].backupServers[0].id',
      'duplicate backup server id "alpha-vbr" (first at $.tenants[0].backupServers[0].id)',
    );
    expectError(
      changed((s) => (ALPHA(s).backupServers[0].id = 'acme-cc')),
      '$.tenants[0].backupServers[0].id',
      'duplicate backup server id "acme-cc" (first at $.serviceProvider.backupServers[0].id)',
    );
  });

  it('refuses duplicate license ids across the estate', () => {
    expectError(
      changed((s) => (s.tenants[1].backupServers[0].licenses[0].id = 'lic-cc')),
      '$.tenants[1].backupServers[0].licenses[0].id',
      'duplicate license id "lic-cc" (first at $.serviceProvider.backupServers[0].licenses[0].id)',
    );
  });

  it('refuses a restore point of an unknown machine', () => {
    const errors = expectError(
      changed((s) => (ALPHA(s).restorePoints[2].machine = 'zz')),
      '$.tenants[0].restorePoints[2].machine',
      'unknown machine "zz" in tenant "alpha"',
    );
    expect(errors).toHaveLength(1);
  });

  it('refuses a restore point by an unknown server or by another tenant’s server', () => {
    expectError(
      changed((s) => (ALPHA(s).restorePoints[0].server = 'nowhere')),
      '$.tenants[0].restorePoints[0].server',
      'unknown backup server "nowhere": neither a backup server of tenant "alpha" nor one of the service provider',
    );
    expectError(
      changed((s) => (ALPHA(s).restorePoints[0].server = 'beta-vbr')),
      '$.tenants[0].restorePoints[0].server',
      'backup server "beta-vbr" belongs to tenant "beta", not to tenant "alpha"',
    );
    // An SP backup server is allowed (R-SP-OWN-JOBS is the engine's business).
    expect(parseScenario(changed((s) => (ALPHA(s).restorePoints[0].server = 'acme-cc'))).ok).toBe(true);
  });

  it.each(['cloud-replica', 'local-replica'])('refuses %s of an agent machine', (operation) => {
    expectError(
      changed((s) => (ALPHA(s).restorePoints[2].operation = operation)),
      '$.tenants[0].restorePoints[2].operation',
      `"${operation}" of server machine "srv1": only VMs can be replicated`,
    );
    expectError(
      changed((s) => (ALPHA(s).restorePoints[3].operation = operation)),
      '$.tenants[0].restorePoints[3].operation',
      `"${operation}" of workstation machine "ws1": only VMs can be replicated`,
    );
  });

  it('refuses validTo before validFrom, and accepts a one-day license', () => {
    expectError(
      changed((s) => (SP_LICENSE(s).validTo = '2025-12-31')),
      '$.serviceProvider.backupServers[0].licenses[0].validTo',
      'validTo 2025-12-31 is before validFrom 2026-01-01',
    );
    expect(parseScenario(changed((s) => (SP_LICENSE(s).validTo = '2026-01-01'))).ok).toBe(true);
  });

  it('refuses capacity keys that do not fit the license type and ruleset', () => {
    const path = '$.serviceProvider.backupServers[0].licenses[0].capacity';
    expectError(
      changed((s) => (SP_LICENSE(s).capacity.points = 500)),
      `${path}.points`,
      '"points" does not apply to a cloud-connect-sp license under ruleset vbr-9.5; use "vm-backup", "vm-replica", "server", "workstation"',
    );
    expectError(
      changed((s) => (SP_LICENSE(s).capacity.instances = 5)),
      `${path}.instances`,
      'does not apply',
    );
    const points = changed((s) => (s.ruleset = 'vcsp-points'));
    const errors = expectError(points, `${path}["vm-backup"]`, 'under ruleset vcsp-points; use "points"');
    expect(errors.map((e) => e.path)).toEqual([
      `${path}["vm-backup"]`,
      `${path}["vm-replica"]`,
      `${path}.server`,
      `${path}.workstation`,
    ]);
    expectError(
      changed((s) => (ALPHA(s).backupServers[0].licenses[0].capacity['vm-backup'] = 5)),
      '$.tenants[0].backupServers[0].licenses[0].capacity["vm-backup"]',
      'does not apply to a perpetual license (a tenant license counts instances); use "instances"',
    );
  });

  it('accepts a vcsp-points estate with points on the SP license', () => {
    const points = changed((s) => {
      s.ruleset = 'vcsp-points';
      SP_LICENSE(s).capacity = { points: 1000 };
    });
    expect(parseScenario(points).ok).toBe(true);
  });

  it('leaves a cloud-connect-sp license on a tenant server to the engine (not a parse error)', () => {
    const misplaced = changed((s) =>
      ALPHA(s).backupServers[0].licenses.push({
        id: 'lic-cc-2',
        type: 'cloud-connect-sp',
        validFrom: '2026-01-01',
        capacity: { 'vm-backup': 5 },
      }),
    );
    expect(parseScenario(misplaced).ok).toBe(true);
  });
});

describe('a file with many problems', () => {
  it('lists every one of them, schema and cross-reference problems together', () => {
    const broken = changed((s) => {
      s.ruleset = 'vbr-9.6';
      s.months = ['2026-10', '2026-10', '2026-13'];
      SP_LICENSE(s).validTo = '2025-01-01';
      s.serviceProvider.backupServers[0].version = '9.5 U4';
      ALPHA(s).enabled = 1;
      ALPHA(s).machines.push({ id: 'a', kind: 'vm' }, { id: 'srv2', kind: 'server' });
      ALPHA(s).restorePoints.push(
        { machine: 'zz', server: 'alpha-vbr', operation: 'cloud-backup', at: '2026-10-02T01:00:00Z' },
        { machine: 'srv1', server: 'gone', operation: 'cloud-replica', at: '2026-02-30T00:00:00Z' },
        {
          machine: 'a',
          server: 'alpha-vbr',
          operation: 'cloud-backup',
          at: '2026-10-02T01:00:00Z',
          note: 'x',
        },
      );
      s.tenants[1].id = 'alpha';
      s.tenants[1].backupServers[0].licenses[0].id = 'lic-alpha';
    });
    const errors = errorsOf(parseScenario(broken));
    expect(errors.map((e) => e.path).sort()).toEqual(
      [
        '$.ruleset',
        '$.months[1]',
        '$.months[2]',
        '$.serviceProvider.backupServers[0].version',
        '$.serviceProvider.backupServers[0].licenses[0].validTo',
        '$.tenants[0].enabled',
        '$.tenants[0].machines[3].id',
        '$.tenants[0].machines[4].agent',
        '$.tenants[0].restorePoints[4].machine',
        '$.tenants[0].restorePoints[5].server',
        '$.tenants[0].restorePoints[5].operation',
        '$.tenants[0].restorePoints[5].at',
        '$.tenants[0].restorePoints[6].note',
        '$.tenants[1].id',
        '$.tenants[1].backupServers[0].licenses[0].id',
      ].sort(),
    );
    const text = formatScenarioErrors(errors);
    expect(text.split('\n')).toHaveLength(errors.length);
    expect(text).toContain('$.tenants[0].restorePoints[4].machine: unknown machine "zz" in tenant "alpha"');
  });
});

describe('parseScenarioText', () => {
  it.each([
    ['', 'invalid JSON at the end of the text'],
    ['{', 'invalid JSON at the end of the text'],
    ['{\n  "format": "vcc-scenario/1",\n}', 'invalid JSON at line 3, column 1'],
    ['[1, ]', 'invalid JSON at line 1, column 5'],
    ['{"a" 1}', 'invalid JSON at line 1, column 6'],
    ['{} x', 'invalid JSON at line 1, column 4'],
    ['{"a": "\\q"}', 'invalid JSON at line 1, column 9'],
  ])('reports invalid JSON %j at $ with its position', (text, message) => {
    const errors = errorsOf(parseScenarioText(text));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe('$');
    expect(errors[0]!.message).toContain(message);
  });

  it('reads a file with a byte order mark', () => {
    expect(parseScenarioText(`\uFEFF${JSON.stringify(validScenario())}`).ok).toBe(true);
  });

  it('reports scenario problems of valid JSON like parseScenario', () => {
    const text = JSON.stringify(changed((s) => (s.ruleset = 'x')));
    expect(parseScenarioText(text)).toEqual(parseScenario(JSON.parse(text)));
  });
});

describe('formatScenarioErrors', () => {
  it('writes one `path: message` line per error', () => {
    expect(
      formatScenarioErrors([
        { path: '$.a', message: 'one' },
        { path: '$.b[0]', message: 'two' },
      ]),
    ).toBe('$.a: one\n$.b[0]: two');
    expect(formatScenarioErrors([])).toBe('');
  });
});

describe('values no store could keep', () => {
  it('refuses an id or a name with NUL or an unpaired surrogate, at its path', () => {
    expectError(
      changed((s) => {
        ALPHA(s).id = 'alpha\ud800';
      }),
      '$.tenants[0].id',
      'cannot be stored',
    );
    expectError(
      changed((s) => {
        ALPHA(s).name = 'Alpha\u0000Ltd';
      }),
      '$.tenants[0].name',
      'cannot be stored',
    );
  });

  it('accepts a character outside the basic plane (a surrogate pair)', () => {
    const withPair = changed((s) => {
      ALPHA(s).name = 'Alpha 🚀';
    });
    expect(parseScenario(withPair).ok).toBe(true);
  });

  it('refuses a count beyond a 32-bit integer', () => {
    expectError(
      changed((s) => {
        SP_LICENSE(s).capacity = { 'vm-backup': 2_147_483_648 };
      }),
      '$.serviceProvider.backupServers[0].licenses[0].capacity["vm-backup"]',
      'must be at most 2147483647, got 2147483648',
    );
  });
});
