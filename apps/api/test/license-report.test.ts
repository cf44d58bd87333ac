import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DATABASE_KINDS } from '@vcc/db/testing';
import { evaluate, type MonthReport, parseScenarioText, scenarioMonths, scenarioToFacts } from '@vcc/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LICENSE_REPORT, LICENSE_REPORT_FOR_TENANT, toReportMonth } from './support/report-query.js';
import { startTestApi, type TestApi } from './support/test-api.js';

const SCENARIOS = path.resolve(import.meta.dirname, '../../../../shared/scenarios');
const files = readdirSync(SCENARIOS).filter((f) => f.endsWith('.json'));

function withoutMachines(m: MonthReport) {
  return { ...m, tenants: m.tenants.map(({ machines: _m, ...t }) => t) };
}

describe.each(DATABASE_KINDS)('licenseReport equals vcc evaluate on %s', (kind) => {
  it.each(files)('%s', async (file) => {
    const parsed = parseScenarioText(readFileSync(path.join(SCENARIOS, file), 'utf8'));
    if (!parsed.ok) throw new Error('bad scenario');
    const expected = evaluate(scenarioToFacts(parsed.scenario), scenarioMonths(parsed.scenario));
    const api = await startTestApi(kind);
    try {
      await api.import(parsed.scenario);
      const key = await api.key('sp-viewer');
      for (const month of expected.months) {
        const res = await api.gql<{ licenseReport: Parameters<typeof toReportMonth>[0] }>(
          LICENSE_REPORT,
          { month: month.month },
          key,
        );
        expect(res.errors).toBeUndefined();
        expect(toReportMonth(res.data!.licenseReport)).toEqual(withoutMachines(month));
      }
    } finally {
      await api.close();
    }
  });
});

describe('tenant callers', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('postgres');
    const { twoTenantScenario } = await import('../../../packages/db/test/support/two-tenants.js');
    await api.import(twoTenantScenario());
  });
  afterAll(() => api.close());

  it('get their own tenant only, no SP figures and only their own violations', async () => {
    const key = await api.key('tenant-viewer', 'alpha');
    const res = await api.gql<{ licenseReport: Parameters<typeof toReportMonth>[0] }>(
      LICENSE_REPORT,
      { month: '2026-11' },
      key,
    );
    expect(res.errors).toBeUndefined();
    const report = res.data!.licenseReport;
    expect(report.serviceProvider).toBeNull();
    expect(report.tenants.map((t) => t.tenant.externalId)).toEqual(['alpha']);
    expect(report.violations.every((v) => v.tenant?.externalId === 'alpha')).toBe(true);
  });

  it('see the same figures for their tenant as the SP does', async () => {
    const spRes = await api.gql<{ licenseReport: Parameters<typeof toReportMonth>[0] }>(
      LICENSE_REPORT,
      { month: '2026-11' },
      await api.key('sp-admin'),
    );
    const tenantRes = await api.gql<{ licenseReport: Parameters<typeof toReportMonth>[0] }>(
      LICENSE_REPORT,
      { month: '2026-11' },
      await api.key('tenant-admin', 'beta'),
    );
    const fromSp = toReportMonth(spRes.data!.licenseReport).tenants.find((t) => t.id === 'beta');
    expect(toReportMonth(tenantRes.data!.licenseReport).tenants).toEqual([fromSp]);
  });

  it('give the SP one tenant’s part on asking, with the same figures and only that tenant’s violations', async () => {
    const key = await api.key('sp-viewer');
    type Answer = { licenseReport: Parameters<typeof toReportMonth>[0] };
    const whole = await api.gql<Answer>(LICENSE_REPORT, { month: '2026-11' }, key);
    const part = await api.gql<Answer>(LICENSE_REPORT_FOR_TENANT, { month: '2026-11', tenant: 'beta' }, key);
    expect(part.errors).toBeUndefined();
    const wholeReport = toReportMonth(whole.data!.licenseReport);
    const partReport = toReportMonth(part.data!.licenseReport);
    expect(partReport.tenants).toEqual(wholeReport.tenants.filter((t) => t.id === 'beta'));
    expect(partReport.violations).toEqual(wholeReport.violations.filter((v) => v.tenant === 'beta'));
    expect(partReport.serviceProvider).toEqual(wholeReport.serviceProvider);
    // A tenant asking for another tenant's part learns nothing of it.
    const other = await api.gql<Answer>(
      LICENSE_REPORT_FOR_TENANT,
      { month: '2026-11', tenant: 'beta' },
      await api.key('tenant-viewer', 'alpha'),
    );
    expect(other.data!.licenseReport.tenants).toEqual([]);
    expect(other.data!.licenseReport.violations).toEqual([]);
  });
});
