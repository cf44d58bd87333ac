/**
 * `machine` and `violations` read the same month report as `machines` and `licenseReport`, so they
 * agree with them; each caller sees its reach only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { twoTenantScenario } from '../../../packages/db/test/support/two-tenants.js';
import { codeOf } from './support/admin-support.js';
import { startTestApi, type TestApi } from './support/test-api.js';

const CHARGES = 'charges { pool counter license status units rules }';
const MACHINE = `query($t: String!, $m: String!, $month: String!) {
  machine(tenantExternalId: $t, externalId: $m, month: $month) { externalId kind tenant { externalId } month ${CHARGES} } }`;
const VIOLATIONS = `query($month: String!, $s: Severity, $t: String) {
  violations(month: $month, severity: $s, tenantExternalId: $t) { code severity tenant { externalId } } }`;
type V = { violations: { code: string; severity: string; tenant: { externalId: string } | null }[] };

describe('machine and violations (PostgreSQL)', () => {
  let api: TestApi;
  let spViewer: string;
  let alphaViewer: string;
  beforeAll(async () => {
    api = await startTestApi('postgres');
    const scenario = twoTenantScenario();
    // An SP license that runs out in November, so that the report has violations of both kinds.
    scenario.serviceProvider.backupServers[0]!.licenses[0]!.validTo = '2026-11-20';
    await api.import(scenario);
    spViewer = await api.key('sp-viewer');
    alphaViewer = await api.key('tenant-viewer', 'alpha');
  });
  afterAll(() => api.close());

  it('gives one machine the charges the machines list gives it', async () => {
    const list = await api.gql<{
      machines: { edges: { node: { externalId: string; charges: unknown[] } }[] };
    }>(
      `{ machines(month: "2026-11", tenantExternalId: "alpha") { edges { node { externalId ${CHARGES} } } } }`,
      {},
      spViewer,
    );
    const fromList = list.data!.machines.edges.find((e) => e.node.externalId === 'alpha-vm')!.node;
    const one = await api.gql<{ machine: { charges: unknown[] } }>(
      MACHINE,
      { t: 'alpha', m: 'alpha-vm', month: '2026-11' },
      spViewer,
    );
    expect(one.data!.machine).toMatchObject({
      externalId: 'alpha-vm',
      kind: 'VM',
      tenant: { externalId: 'alpha' },
    });
    expect(one.data!.machine.charges.length).toBeGreaterThan(0);
    expect(one.data!.machine.charges).toEqual(fromList.charges);
    const none = await api.gql<{ machine: { charges: unknown[] } }>(
      MACHINE,
      { t: 'alpha', m: 'alpha-vm', month: '2027-06' },
      spViewer,
    );
    expect(none.data!.machine.charges).toEqual([]);
  });

  it('answers null for a machine beyond the caller’s reach or unknown', async () => {
    const own = await api.gql(MACHINE, { t: 'alpha', m: 'alpha-vm', month: '2026-11' }, alphaViewer);
    expect(own.data).toMatchObject({ machine: { externalId: 'alpha-vm' } });
    expect((await api.gql(MACHINE, { t: 'beta', m: 'beta-vm', month: '2026-11' }, alphaViewer)).data).toEqual(
      {
        machine: null,
      },
    );
    expect((await api.gql(MACHINE, { t: 'alpha', m: 'nope', month: '2026-11' }, spViewer)).data).toEqual({
      machine: null,
    });
    expect(codeOf(await api.gql(MACHINE, { t: 'alpha', m: 'alpha-vm', month: '2026-13' }, spViewer))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('lists the report’s violations, filtered by severity and tenant', async () => {
    const report = await api.gql<{ licenseReport: V }>(
      '{ licenseReport(month: "2026-11") { violations { code severity tenant { externalId } } } }',
      {},
      spViewer,
    );
    const all = await api.gql<V>(VIOLATIONS, { month: '2026-11' }, spViewer);
    expect(all.data!.violations).toEqual((report.data!.licenseReport as unknown as V).violations);
    expect(all.data!.violations.length).toBeGreaterThan(0);
    const warnings = await api.gql<V>(VIOLATIONS, { month: '2026-11', s: 'WARNING' }, spViewer);
    expect(warnings.data!.violations).toEqual(all.data!.violations.filter((v) => v.severity === 'WARNING'));
    const beta = await api.gql<V>(VIOLATIONS, { month: '2026-11', t: 'beta' }, spViewer);
    expect(beta.data!.violations).toEqual(
      all.data!.violations.filter((v) => v.tenant?.externalId === 'beta'),
    );
  });

  it('shows a tenant caller its own violations only', async () => {
    const own = await api.gql<V>(VIOLATIONS, { month: '2026-11' }, alphaViewer);
    expect(own.data!.violations.every((v) => v.tenant?.externalId === 'alpha')).toBe(true);
    const other = await api.gql<V>(VIOLATIONS, { month: '2026-11', t: 'beta' }, alphaViewer);
    expect(other.data!.violations).toEqual([]);
  });
});
