import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COUNTERS, LICENSE_TYPES, MACHINE_KINDS, OPERATIONS, RULESETS } from '../../src/model.js';
import {
  parseScenario,
  parseScenarioText,
  type ScenarioParseResult,
  scenarioMonths,
  scenarioToFacts,
} from '../../src/scenario/index.js';
import { type Json, validScenario } from './fixtures.js';

/** `$` then `.name`, `[3]` or `["any key"]` segments. */
const JSON_PATH = /^\$(?:\.[A-Za-z_$][A-Za-z0-9_$]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\])*$/;

function expectWellFormed(result: ScenarioParseResult): void {
  if (result.ok) return;
  expect(result.errors.length).toBeGreaterThan(0);
  for (const e of result.errors) {
    expect(e.path).toMatch(JSON_PATH);
    expect(typeof e.message).toBe('string');
    expect(e.message.length).toBeGreaterThan(0);
  }
}

/** Every path into a JSON value, as key lists. */
function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out = [prefix];
  if (Array.isArray(value))
    value.forEach((v, i) => {
      out.push(...pathsOf(v, [...prefix, i]));
    });
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...prefix, k]));
  return out;
}

describe('parseScenario on arbitrary input', () => {
  it('never throws on arbitrary JSON values, and every error has a JSON path from $', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expectWellFormed(parseScenario(value));
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        const result = parseScenarioText(text);
        expectWellFormed(result);
      }),
      { numRuns: 500 },
    );
  });

  it('reports a valid estate with one value replaced or removed without throwing', () => {
    const base = validScenario();
    const paths = pathsOf(base).filter((p) => p.length > 0);
    fc.assert(
      fc.property(
        fc.constantFrom(...paths),
        fc.option(fc.jsonValue(), { nil: undefined }),
        (path, replacement) => {
          const data = validScenario();
          let parent: Json = data;
          for (const key of path.slice(0, -1)) parent = parent[key];
          const last = path[path.length - 1]!;
          if (replacement === undefined) delete parent[last];
          else parent[last] = replacement;
          expectWellFormed(parseScenario(data));
          expectWellFormed(parseScenarioText(JSON.stringify(data)));
        },
      ),
      { numRuns: 1000 },
    );
  });
});

// A generator of valid scenarios: shapes first, then ids and references made consistent.

const text = fc.string({ minLength: 1, maxLength: 20 });
const count = fc.nat({ max: 1000 });
const version = fc
  .array(fc.nat({ max: 99999 }), { minLength: 1, maxLength: 4 })
  .map((parts) => parts.join('.'));
const instant = fc.date({
  min: new Date('1970-01-01T00:00:00Z'),
  max: new Date('9999-12-31T23:59:59.999Z'),
  noInvalidDate: true,
});
const date = instant.map((d) => d.toISOString().slice(0, 10));
const time = fc.tuple(instant, fc.constantFrom('ms', 's', 'us')).map(([d, style]) => {
  const iso = d.toISOString();
  return style === 'ms' ? iso : style === 's' ? `${iso.slice(0, 19)}Z` : `${iso.slice(0, 23)}417Z`;
});
const capacity = fc.record(
  {
    'vm-backup': count,
    'vm-replica': count,
    server: count,
    workstation: count,
    points: count,
    instances: count,
  },
  { requiredKeys: [] },
);
const license = fc.record({
  id: text,
  type: fc.constantFrom(...LICENSE_TYPES),
  dates: fc.tuple(date, date, fc.boolean()),
  capacity,
});
const server = fc.record({ id: text, version, licenses: fc.array(license, { maxLength: 2 }) });
const machine = fc.record({
  id: text,
  kind: fc.constantFrom(...MACHINE_KINDS),
  os: fc.constantFrom('windows', 'linux'),
  version,
});
const restorePoint = fc.record({
  machine: fc.nat(),
  server: fc.nat(),
  operation: fc.constantFrom(...OPERATIONS),
  at: time,
});
const tenant = fc.record({
  id: text,
  name: text,
  enabled: fc.boolean(),
  managedBySp: fc.boolean(),
  plan: fc.record({ 'vm-backup': count, 'vm-replica': count, server: count, workstation: count, vms: count }),
  servers: fc.array(server, { maxLength: 2 }),
  machines: fc.array(machine, { maxLength: 4 }),
  restorePoints: fc.array(restorePoint, { maxLength: 8 }),
});
const shape = fc.record({
  ruleset: fc.constantFrom(...RULESETS),
  months: fc.option(
    fc.uniqueArray(
      date.map((d) => d.slice(0, 7)),
      { minLength: 1, maxLength: 4 },
    ),
    { nil: undefined },
  ),
  sp: fc.record({ id: text, name: text, servers: fc.array(server, { maxLength: 2 }) }),
  tenants: fc.array(tenant, { maxLength: 3 }),
});

type Shape = typeof shape extends fc.Arbitrary<infer T> ? T : never;

function build(s: Shape): Json {
  let n = 0;
  const unique = (t: string) => `${t}#${n++}`;
  const capacityKeys = (type: string): readonly string[] =>
    type !== 'cloud-connect-sp' ? ['instances'] : s.ruleset === 'vbr-9.5' ? COUNTERS : ['points'];
  const buildServer = (sv: Shape['sp']['servers'][number]) => ({
    id: unique(sv.id),
    version: sv.version,
    licenses: sv.licenses.map((l) => {
      const [from, to, ends] = [...l.dates.slice(0, 2).sort(), l.dates[2]] as [string, string, boolean];
      const keys = capacityKeys(l.type);
      return {
        id: unique(l.id),
        type: l.type,
        validFrom: from,
        ...(ends ? { validTo: to } : {}),
        capacity: Object.fromEntries(Object.entries(l.capacity).filter(([k]) => keys.includes(k))),
      };
    }),
  });
  const spServers = s.sp.servers.map(buildServer);
  return {
    format: 'vcc-scenario/1',
    ruleset: s.ruleset,
    ...(s.months === undefined ? {} : { months: s.months }),
    serviceProvider: { id: s.sp.id, name: s.sp.name, backupServers: spServers },
    tenants: s.tenants.map((t) => {
      const servers = t.servers.map(buildServer);
      const machines = t.machines.map((m) => ({
        id: unique(m.id),
        kind: m.kind,
        ...(m.kind === 'vm' ? {} : { agent: { os: m.os, version: m.version } }),
      }));
      const usable = [...servers, ...spServers];
      const restorePoints =
        machines.length === 0 || usable.length === 0
          ? []
          : t.restorePoints.map((rp) => {
              const m = machines[rp.machine % machines.length]!;
              const replicaOfAgent = m.kind !== 'vm' && rp.operation.endsWith('-replica');
              return {
                machine: m.id,
                server: usable[rp.server % usable.length]!.id,
                operation: replicaOfAgent ? 'cloud-backup' : rp.operation,
                at: rp.at,
              };
            });
      return {
        id: unique(t.id),
        name: t.name,
        enabled: t.enabled,
        managedBySp: t.managedBySp,
        plan: t.plan,
        backupServers: servers,
        machines,
        restorePoints,
      };
    }),
  };
}

const validScenarios = shape.map(build);

describe('valid scenarios', () => {
  it('parse to exactly what they say, and round-trip through JSON', () => {
    fc.assert(
      fc.property(validScenarios, (data) => {
        const first = parseScenario(data);
        if (!first.ok) expect.fail(first.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
        expect(first.scenario).toEqual(data);
        const again = parseScenarioText(JSON.stringify(first.scenario));
        expect(again).toEqual(first);
      }),
      { numRuns: 300 },
    );
  });

  it('turn into facts with one machine per machine and activity only in months with restore points', () => {
    fc.assert(
      fc.property(validScenarios, (data) => {
        const parsed = parseScenario(data);
        if (!parsed.ok) return expect.fail('should parse');
        const facts = scenarioToFacts(parsed.scenario);
        expect(facts.tenants.map((t) => t.machines.map((m) => m.id))).toEqual(
          parsed.scenario.tenants.map((t) => t.machines.map((m) => m.id)),
        );
        const activeMonths = new Set(
          facts.tenants.flatMap((t) => t.machines.flatMap((m) => m.activity.map((a) => a.month))),
        );
        const months = scenarioMonths(parsed.scenario);
        expect(months).toEqual([...months].sort());
        if (parsed.scenario.months === undefined) expect(months).toEqual([...activeMonths].sort());
      }),
      { numRuns: 200 },
    );
  });
});
