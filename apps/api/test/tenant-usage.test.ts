/**
 * `tenantUsage`, `licenseTrend` and `violationSummary`: the SP's tenant list, trend and violation
 * groups, computed by the API from the same month report as `licenseReport`, so their figures are
 * licenseReport's; sorted, searched and paged by the API; SP roles only where the SP's figures show.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf } from './support/admin-support.js';
import { RANKED_TENANTS, rankedTenantScenario } from './support/ranked-tenants.js';
import { LICENSE_REPORT } from './support/report-query.js';
import { startTestApi, type TestApi } from './support/test-api.js';

const MONTHS = ['2026-10', '2026-11'];
const STATE_RANK: Record<string, number> = { OK: 0, GRACE: 1, EXCEEDED: 2, UNLICENSED: 3 };

const TENANT_USAGE = /* GraphQL */ `
  query Usage($month: String!, $search: String, $sort: TenantUsageSort, $first: Int, $after: String) {
    tenantUsage(month: $month, search: $search, sort: $sort, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node {
        tenant { externalId name }
        units share openViolations licenseState
        counters { counter used new rental units }
        licenses { license { id externalId type } used new capacity peak state }
        hosting { planned used capacity obligation shortfall }
      } }
    }
  }`;

interface UsageNode {
  tenant: { externalId: string; name: string };
  units: number;
  share: number;
  openViolations: number;
  licenseState: string | null;
  counters: { counter: string; units: number }[];
  licenses: { state: string }[];
  hosting: unknown;
}
// A type, not an interface: codeOf() takes any Record-shaped answer.
type UsagePage = {
  tenantUsage: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: UsageNode }[];
  };
};
interface Report {
  licenseReport: {
    serviceProvider: { counters: unknown[]; units: unknown };
    tenants: {
      tenant: { externalId: string; name: string };
      counters: { units: number }[];
      licenses: { state: string }[];
      hosting: unknown;
    }[];
    violations: { severity: string; code: string; message: string; tenant: { externalId: string } | null }[];
  };
}

describe('tenantUsage, licenseTrend and violationSummary (PostgreSQL)', () => {
  let api: TestApi;
  let spViewer: string;
  const reports = new Map<string, Report['licenseReport']>();

  beforeAll(async () => {
    api = await startTestApi('postgres');
    await api.import(rankedTenantScenario());
    spViewer = await api.key('sp-viewer');
    for (const month of MONTHS) {
      const res = await api.gql<Report>(LICENSE_REPORT, { month }, spViewer);
      expect(res.errors).toBeUndefined();
      reports.set(month, res.data!.licenseReport);
    }
  });
  afterAll(() => api.close());

  async function usage(vars: Record<string, unknown>, key = spViewer) {
    return api.gql<UsagePage>(TENANT_USAGE, { month: '2026-10', ...vars }, key);
  }

  /** Every page of one order and search, `first` at a time. */
  async function allPages(vars: Record<string, unknown>, first: number) {
    const nodes: UsageNode[] = [];
    let after: string | null = null;
    let totalCount = 0;
    for (let pages = 0; pages < 20; pages++) {
      const res = await usage({ ...vars, first, after });
      expect(res.errors).toBeUndefined();
      const page = res.data!.tenantUsage;
      expect(page.edges.length).toBeLessThanOrEqual(first);
      // Every page counts the whole result, not itself.
      if (nodes.length > 0) expect(page.totalCount).toBe(totalCount);
      totalCount = page.totalCount;
      nodes.push(...page.edges.map((e) => e.node));
      if (!page.pageInfo.hasNextPage) return { nodes, totalCount };
      after = page.pageInfo.endCursor;
    }
    throw new Error('more than 20 pages');
  }

  /** What licenseReport says of each tenant, in the list's terms. */
  function expectedRows(month: string) {
    const report = reports.get(month)!;
    const total = report.tenants.reduce((s, t) => s + t.counters.reduce((u, c) => u + c.units, 0), 0);
    return report.tenants.map((t) => {
      const units = t.counters.reduce((s, c) => s + c.units, 0);
      const worst = t.licenses.reduce<string | null>(
        (w, l) => (w === null || STATE_RANK[l.state]! > STATE_RANK[w]! ? l.state : w),
        null,
      );
      return {
        externalId: t.tenant.externalId,
        name: t.tenant.name,
        units,
        share: total > 0 ? units / total : 0,
        licenseState: worst,
        openViolations: report.violations.filter((v) => v.tenant?.externalId === t.tenant.externalId).length,
      };
    });
  }

  it('gives each tenant the figures licenseReport gives it, in every month', async () => {
    for (const month of MONTHS) {
      const { nodes, totalCount } = await allPages({ month }, 3);
      expect(totalCount).toBe(RANKED_TENANTS.length);
      const report = reports.get(month)!;
      for (const row of expectedRows(month)) {
        const node = nodes.find((n) => n.tenant.externalId === row.externalId)!;
        expect(node, row.externalId).toBeDefined();
        const { externalId, name, share, ...figures } = row;
        expect(node.tenant).toEqual({ externalId, name });
        expect(node).toMatchObject(figures);
        expect(node.share).toBeCloseTo(share, 10);
        const fromReport = report.tenants.find((t) => t.tenant.externalId === row.externalId)!;
        expect(node.counters).toEqual(fromReport.counters);
        expect(node.licenses).toEqual(fromReport.licenses);
        expect(node.hosting).toEqual(fromReport.hosting);
      }
    }
    // The estate was made to have something to rank: violations and several states.
    const rows = expectedRows('2026-10');
    expect(rows.some((r) => r.openViolations > 0)).toBe(true);
    expect(new Set(rows.map((r) => r.licenseState)).size).toBeGreaterThan(1);
  });

  it('sorts by each column, in its one direction, and pages through each order without gaps', async () => {
    const rows = expectedRows('2026-10');
    const byName = (a: (typeof rows)[number], b: (typeof rows)[number]) =>
      a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : 0;
    const expected: Record<string, typeof rows> = {
      NAME: [...rows].sort(byName),
      EXTERNAL_ID: [...rows].sort((a, b) => (a.externalId < b.externalId ? -1 : 1)),
      UNITS: [...rows].sort((a, b) => b.units - a.units || byName(a, b)),
      VIOLATIONS: [...rows].sort((a, b) => b.openViolations - a.openViolations || byName(a, b)),
      STATE: [...rows].sort(
        (a, b) =>
          (b.licenseState === null ? -1 : STATE_RANK[b.licenseState]!) -
            (a.licenseState === null ? -1 : STATE_RANK[a.licenseState]!) || byName(a, b),
      ),
    };
    expect(expected.NAME!.map((r) => r.name)).toEqual([
      'Alpha Ltd',
      'Bravo',
      'charlie & co',
      'delta Works',
      'echo',
      'Foxtrot 100%',
      'golf',
    ]);
    for (const [sort, order] of Object.entries(expected)) {
      for (const first of [1, 2, 50]) {
        const { nodes } = await allPages({ sort }, first);
        expect(
          nodes.map((n) => n.tenant.externalId),
          `${sort} by ${first}`,
        ).toEqual(order.map((r) => r.externalId));
      }
    }
    // Without a sort, by name.
    const { nodes } = await allPages({}, 50);
    expect(nodes.map((n) => n.tenant.externalId)).toEqual(expected.NAME!.map((r) => r.externalId));
  });

  it('searches names and external ids as substrings, any case, wildcards taken literally', async () => {
    const ids = async (search: string) =>
      (await allPages({ search, sort: 'EXTERNAL_ID' }, 50)).nodes.map((n) => n.tenant.externalId);
    expect(await ids('ALPHA')).toEqual(['t1']);
    expect(await ids('t5')).toEqual(['t5']);
    expect(await ids('100%')).toEqual(['t5']);
    expect(await ids('%')).toEqual(['t5']);
    expect(await ids('_')).toEqual([]);
    expect(await ids('o')).toEqual(['t0', 't2', 't3', 't4', 't5', 't6']);
    const searched = await usage({ search: 'o', sort: 'UNITS', first: 2 });
    expect(searched.data!.tenantUsage.totalCount).toBe(6);
    expect(searched.data!.tenantUsage.pageInfo.hasNextPage).toBe(true);
  });

  it('refuses a cursor of another order, a bad month and a page size out of range', async () => {
    const first = await usage({ sort: 'UNITS', first: 2 });
    const cursor = first.data!.tenantUsage.pageInfo.endCursor;
    expect(codeOf(await usage({ sort: 'NAME', first: 2, after: cursor }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await usage({ after: 'not-a-cursor' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await usage({ month: '2026-13' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await usage({ first: 0 }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await usage({ first: 501 }))).toBe('BAD_USER_INPUT');
  });

  it('answers tenant roles FORBIDDEN for the list and the trend, with no data', async () => {
    for (const role of ['tenant-admin', 'tenant-viewer'] as const) {
      const key = await api.key(role, 't1');
      const list = await usage({}, key);
      expect(codeOf(list)).toBe('FORBIDDEN');
      expect(list.data ?? null).toBeNull();
      const trend = await api.gql('{ licenseTrend(to: "2026-10") { month } }', {}, key);
      expect(codeOf(trend)).toBe('FORBIDDEN');
      expect(trend.data ?? null).toBeNull();
    }
    expect(codeOf(await api.gql('{ tenantUsage(month: "2026-10") { totalCount } }'))).toBe('UNAUTHENTICATED');
  });

  it('licenseTrend gives each month the SP figures of that month’s licenseReport, oldest first', async () => {
    const res = await api.gql<{ licenseTrend: { month: string; counters: unknown[]; units: unknown }[] }>(
      `{ licenseTrend(to: "2026-11", months: 3) {
          month counters { counter used new rental units capacity peak state } units { used capacity state } } }`,
      {},
      spViewer,
    );
    expect(res.errors).toBeUndefined();
    const trend = res.data!.licenseTrend;
    expect(trend.map((m) => m.month)).toEqual(['2026-09', '2026-10', '2026-11']);
    for (const month of MONTHS) {
      const point = trend.find((m) => m.month === month)!;
      const sp = reports.get(month)!.serviceProvider;
      expect({ counters: point.counters, units: point.units }).toEqual(sp);
    }
    const twelve = await api.gql<{ licenseTrend: { month: string }[] }>(
      '{ licenseTrend(to: "2026-11") { month } }',
      {},
      spViewer,
    );
    expect(twelve.data!.licenseTrend.map((m) => m.month)).toHaveLength(12);
    expect(twelve.data!.licenseTrend[0]!.month).toBe('2025-12');
    for (const months of [0, 37])
      expect(
        codeOf(await api.gql(`{ licenseTrend(to: "2026-11", months: ${months}) { month } }`, {}, spViewer)),
      ).toBe('BAD_USER_INPUT');
  });

  it('violationSummary counts each severity as licenseReport does and lists the first of each', async () => {
    const report = reports.get('2026-10')!;
    const res = await api.gql<{
      violationSummary: {
        severity: string;
        count: number;
        violations: { code: string; message: string }[];
      }[];
    }>(
      '{ violationSummary(month: "2026-10", first: 1) { severity count violations { code message } } }',
      {},
      spViewer,
    );
    expect(res.errors).toBeUndefined();
    const groups = res.data!.violationSummary;
    expect(groups.map((g) => g.severity)).toEqual(['ERROR', 'WARNING', 'INFO']);
    for (const group of groups) {
      const all = report.violations.filter((v) => v.severity === group.severity);
      expect(group.count, group.severity).toBe(all.length);
      expect(group.violations).toEqual(all.slice(0, 1).map((v) => ({ code: v.code, message: v.message })));
    }
    expect(groups.reduce((s, g) => s + g.count, 0)).toBe(report.violations.length);
    expect(report.violations.length).toBeGreaterThan(1);

    // A tenant caller's groups hold its own violations only.
    const own = await api.gql<{
      violationSummary: { count: number; violations: { tenant: { externalId: string } | null }[] }[];
    }>(
      '{ violationSummary(month: "2026-10", first: 100) { count violations { tenant { externalId } } } }',
      {},
      await api.key('tenant-viewer', 't1'),
    );
    const mine = own.data!.violationSummary.flatMap((g) => g.violations);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((v) => v.tenant?.externalId === 't1')).toBe(true);
  });
});
