/** The licenseReport query of docs/contracts.md §3, and its answer turned back into vcc-report/1 figures. */
export const LICENSE_REPORT = /* GraphQL */ `
  query Report($month: String!) {
    licenseReport(month: $month) {
      month ruleset
      serviceProvider { counters { counter used new rental units capacity peak state } units { used capacity state } }
      tenants {
        tenant { id externalId name }
        counters { counter used new rental units }
        licenses { license { id externalId type } used new capacity peak state }
        hosting { planned used capacity obligation shortfall }
      }
      violations { code severity message tenant { externalId } license server machine }
    }
  }`;

const lower = (s: string) => s.toLowerCase().replace(/_/g, '-');

interface GqlReport {
  month: string;
  serviceProvider: {
    counters: ({ counter: string; state: string } & Record<string, unknown>)[];
    units: { state: string } & Record<string, unknown>;
  } | null;
  tenants: {
    tenant: { externalId: string };
    counters: ({ counter: string } & Record<string, unknown>)[];
    licenses: { license: { externalId: string; type: string }; state: string }[];
    hosting: unknown;
  }[];
  violations: {
    code: string;
    severity: string;
    message: string;
    tenant: { externalId: string } | null;
    license: string | null;
    server: string | null;
    machine: string | null;
  }[];
}

/** The GraphQL answer in the engine's vcc-report/1 month shape (without machines). */
export function toReportMonth(r: GqlReport) {
  return {
    month: r.month,
    serviceProvider: r.serviceProvider && {
      counters: Object.fromEntries(
        r.serviceProvider.counters.map(({ counter, state, ...rest }) => [
          lower(counter),
          { ...rest, state: lower(state) },
        ]),
      ),
      units: { ...r.serviceProvider.units, state: lower(r.serviceProvider.units.state) },
    },
    tenants: r.tenants.map((t) => ({
      id: t.tenant.externalId,
      counters: Object.fromEntries(t.counters.map(({ counter, ...rest }) => [lower(counter), rest])),
      licenses: t.licenses.map(({ license, state, ...rest }) => ({
        id: license.externalId,
        type: lower(license.type),
        ...rest,
        state: lower(state),
      })),
      hosting: t.hosting,
    })),
    violations: r.violations.map((v) => ({
      ...v,
      severity: lower(v.severity),
      tenant: v.tenant?.externalId ?? null,
    })),
  };
}

/** The same report, one tenant's part only. */
export const LICENSE_REPORT_FOR_TENANT = LICENSE_REPORT.replace(
  'query Report($month: String!) {\n    licenseReport(month: $month) {',
  'query ReportForTenant($month: String!, $tenant: String) {\n    licenseReport(month: $month, tenant: $tenant) {',
);
