/**
 * The monthly review through the API and its file exports: adjustments need a reason and are
 * audited, approval freezes the month (later ingestion changes the engine's figures, not the
 * approved ones), only ended months can be approved and only once, the CSV holds exactly the
 * report's figures and a tenant's only its own, and viewers change nothing.
 */
import { queryRows } from '@vcc/db';
import { DATABASE_KINDS } from '@vcc/db/testing';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, expectBadInput } from './support/admin-support.js';
import { startTestApi, type TestApi } from './support/test-api.js';
import { threeTenantScenario } from './support/three-tenants.js';

/** The CSV export's rows, by header. */
const parseCsv = (text: string): Record<string, string>[] => parse(text, { columns: true, bom: true });

const MONTH = '2026-10';
const ADJUST = `mutation($input: AdjustTenantFigureInput!) { adjustTenantFigure(input: $input) {
  id month tenant { externalId } counter field value reason actor actorLabel } }`;
const APPROVE = 'mutation($m: String!) { approveMonth(month: $m) { month status approvedAt approvedBy } }';
const FIGURES = `tenants { tenant { externalId name } counters { counter used new rental units }
  licenses { license { externalId type } used new capacity state } }
  serviceProvider { counters { counter used new rental units } units { used } }`;
const MONTHLY = `query($m: String!) { monthlyReport(month: $m) { month status closed approvedAt approvedBy
  engine { ${FIGURES} } adjusted { ${FIGURES} } adjustments { tenant { externalId } counter field value reason actorLabel } } }`;
const LIST = `query($after: String) { monthlyReports(first: 2, after: $after) {
  edges { node { month status closed approvedAt adjustmentCount } } pageInfo { hasNextPage endCursor } } }`;
const INGEST = `mutation($input: IngestRestorePointsInput!) { ingestRestorePoints(input: $input) { accepted } }`;

interface Counter {
  counter: string;
  used: number;
  new: number;
  rental: number;
  units: number;
}
interface Figures {
  tenants: {
    tenant: { externalId: string; name: string };
    counters: Counter[];
    licenses: {
      license: { externalId: string; type: string };
      used: number;
      new: number;
      capacity: number | null;
      state: string;
    }[];
  }[];
  serviceProvider: { counters: Counter[]; units: { used: number } } | null;
}
interface Monthly {
  monthlyReport: {
    month: string;
    status: string;
    closed: boolean;
    approvedAt: string | null;
    approvedBy: string | null;
    engine: Figures;
    adjusted: Figures;
    adjustments: {
      tenant: { externalId: string };
      counter: string;
      field: string;
      value: number;
      reason: string;
      actorLabel: string;
    }[];
  };
}

const currentMonth = () => new Date().toISOString().slice(0, 7);
function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const n = y * 12 + m - 1 + delta;
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
}

/** The counter and license rows a CSV must hold for these figures, as strings. */
function expectedRows(figures: Figures): string[] {
  return figures.tenants.flatMap((t) => [
    ...t.counters.map(
      (c) =>
        `${t.tenant.externalId}|counter|${c.counter.toLowerCase().replace('_', '-')}|${c.used}|${c.new}|${c.rental}|${c.units}`,
    ),
    ...t.licenses.map(
      (l) =>
        `${t.tenant.externalId}|license|${l.license.externalId}|${l.used}|${l.new}|${l.capacity ?? ''}|${l.state.toLowerCase()}`,
    ),
  ]);
}
function csvRows(rows: Record<string, string>[]): string[] {
  return rows.map((r) =>
    r.row === 'counter'
      ? `${r.tenant_external_id}|counter|${r.counter}|${r.used}|${r.new}|${r.rental}|${r.units}`
      : `${r.tenant_external_id}|license|${r.license_external_id}|${r.used}|${r.new}|${r.capacity}|${r.state}`,
  );
}

describe.each(DATABASE_KINDS)('monthly reports (%s)', (kind) => {
  let api: TestApi;
  let admin: string;
  let spViewer: string;
  let alphaAdmin: string;
  let alphaViewer: string;
  const monthly = async (month: string, key = admin) => {
    const res = await api.gql<Monthly>(MONTHLY, { m: month }, key);
    expect(res.errors).toBeUndefined();
    return res.data!.monthlyReport;
  };
  const exportFile = (file: string, key?: string) =>
    fetch(`${api.url}/reports/${file}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
  const adjustInput = (extra: Record<string, unknown> = {}) => ({
    month: MONTH,
    tenantExternalId: 'alpha',
    counter: 'VM_BACKUP',
    field: 'USED',
    value: 7,
    reason: 'Tenant reinstalled its server: machines counted twice',
    ...extra,
  });
  const counts = async () =>
    (
      await queryRows<{ adjustments: number; snapshots: number; parts: number; audit: number }>(
        api.database.db,
        sql`select (select count(*) from report_adjustments)::int as adjustments, (select count(*) from report_snapshots)::int as snapshots,
                   (select count(*) from report_snapshot_tenants)::int as parts, (select count(*) from audit_log)::int as audit`,
      )
    )[0]!;

  beforeAll(async () => {
    api = await startTestApi(kind);
    await api.import(threeTenantScenario());
    admin = await api.key('sp-admin');
    spViewer = await api.key('sp-viewer');
    alphaAdmin = await api.key('tenant-admin', 'alpha');
    alphaViewer = await api.key('tenant-viewer', 'alpha');
  });
  afterAll(() => api.close());

  it('refuses an adjustment without a valid reason, value, month or tenant', async () => {
    const before = await counts();
    expectBadInput(await api.gql(ADJUST, { input: adjustInput({ reason: '   ' }) }, admin), 'input.reason');
    expectBadInput(
      await api.gql(ADJUST, { input: adjustInput({ reason: 'x'.repeat(501) }) }, admin),
      'input.reason',
    );
    expectBadInput(await api.gql(ADJUST, { input: adjustInput({ value: -1 }) }, admin), 'input.value');
    expectBadInput(await api.gql(ADJUST, { input: adjustInput({ month: '2026-13' }) }, admin), 'input.month');
    expectBadInput(
      await api.gql(ADJUST, { input: adjustInput({ month: addMonths(currentMonth(), 1) }) }, admin),
      'input.month',
    );
    expect(codeOf(await api.gql(ADJUST, { input: adjustInput({ tenantExternalId: 'nobody' }) }, admin))).toBe(
      'NOT_FOUND',
    );
    expect(await counts()).toEqual(before);
  });

  it('lets no viewer or tenant adjust or approve, and writes nothing', async () => {
    const before = await counts();
    for (const key of [spViewer, alphaAdmin, alphaViewer]) {
      expect(codeOf(await api.gql(ADJUST, { input: adjustInput() }, key))).toBe('FORBIDDEN');
      expect(codeOf(await api.gql(APPROVE, { m: MONTH }, key))).toBe('FORBIDDEN');
    }
    expect(await counts()).toEqual(before);
  });

  it('applies an adjustment to the adjusted figures only, audited with its reason', async () => {
    const engineBefore = (await monthly(MONTH)).engine;
    const res = await api.gql<{ adjustTenantFigure: { value: number; reason: string; actor: string } }>(
      ADJUST,
      { input: adjustInput() },
      admin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.adjustTenantFigure).toMatchObject({ value: 7, reason: adjustInput().reason });

    const [audit] = await queryRows<{ action: string; subject: string; reason: string; details: unknown }>(
      api.database.db,
      sql`select action, subject, reason, details from audit_log where action = 'report.adjust' order by id desc limit 1`,
    );
    expect(audit).toMatchObject({ subject: `report:${MONTH}`, reason: adjustInput().reason });
    expect(audit!.details).toMatchObject({ tenant: 'alpha', counter: 'vm-backup', field: 'used', value: 7 });

    const report = await monthly(MONTH);
    expect(report.status).toBe('OPEN');
    expect(report.engine).toEqual(engineBefore);
    const alpha = report.adjusted.tenants.find((t) => t.tenant.externalId === 'alpha')!;
    const engineAlpha = report.engine.tenants.find((t) => t.tenant.externalId === 'alpha')!;
    const vmBackup = alpha.counters.find((c) => c.counter === 'VM_BACKUP')!;
    const engineVmBackup = engineAlpha.counters.find((c) => c.counter === 'VM_BACKUP')!;
    expect(vmBackup).toEqual({ ...engineVmBackup, used: 7, units: 7 });
    // The SP's counters stay the sums of the tenants' figures.
    for (const c of report.adjusted.serviceProvider!.counters) {
      for (const f of ['used', 'new', 'rental', 'units'] as const) {
        const sum = report.adjusted.tenants.reduce(
          (s, t) => s + t.counters.find((x) => x.counter === c.counter)![f],
          0,
        );
        expect(c[f], `${c.counter} ${f}`).toBe(sum);
      }
    }
    expect(report.adjustments).toEqual([
      expect.objectContaining({
        tenant: { externalId: 'alpha' },
        counter: 'VM_BACKUP',
        field: 'USED',
        value: 7,
      }),
    ]);
    // licenseReport stays the engine's (the contract).
    const lr = await api.gql<{ licenseReport: Figures }>(
      `query($m: String!) { licenseReport(month: $m) { ${FIGURES} } }`,
      { m: MONTH },
      admin,
    );
    expect(lr.data!.licenseReport).toEqual(report.engine);

    // The tenant sees its own adjustment and its adjusted figure, nothing of the others.
    const own = await monthly(MONTH, alphaViewer);
    expect(own.adjusted.tenants.map((t) => t.tenant.externalId)).toEqual(['alpha']);
    expect(own.adjusted.serviceProvider).toBeNull();
    expect(own.adjusted.tenants[0]!.counters.find((c) => c.counter === 'VM_BACKUP')!.used).toBe(7);
    expect(own.adjustments).toHaveLength(1);
  });

  it('exports a CSV holding exactly the adjusted figures; a tenant’s holds its own only', async () => {
    const report = await monthly(MONTH);
    const res = await exportFile(`${MONTH}.csv`, admin);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = parseCsv(await res.text());
    expect(rows.every((r) => r.month === MONTH && r.status === 'open')).toBe(true);
    expect(csvRows(rows)).toEqual(expectedRows(report.adjusted));
    expect(rows.filter((r) => r.row === 'counter')).toHaveLength(3 * 4);

    const own = parseCsv(await (await exportFile(`${MONTH}.csv`, alphaViewer)).text());
    expect(new Set(own.map((r) => r.tenant_external_id))).toEqual(new Set(['alpha']));
    expect(csvRows(own)).toEqual(expectedRows((await monthly(MONTH, alphaViewer)).adjusted));

    const pdf = await exportFile(`${MONTH}.pdf`, admin);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    expect((await exportFile(`${MONTH}.csv`)).status).toBe(401);
    expect((await exportFile(`${MONTH}.csv`, 'vcc_test_not-a-key')).status).toBe(401);
    expect((await exportFile(`${MONTH}.xls`, admin)).status).toBe(404);
    expect((await exportFile('2026-13.csv', admin)).status).toBe(404);
  });

  it('gives the same files through GraphQL (reportFile), base64-encoded, within reach', async () => {
    const FILE = `query ($m: String!, $f: ReportFormat!) { reportFile(month: $m, format: $f) {
      filename contentType contentBase64 } }`;
    type Answer = { reportFile: { filename: string; contentType: string; contentBase64: string } };
    for (const [key, format] of [
      [admin, 'CSV'],
      [alphaViewer, 'CSV'],
      [admin, 'PDF'],
    ] as const) {
      const res = await api.gql<Answer>(FILE, { m: MONTH, f: format }, key);
      const file = res.data!.reportFile;
      const extension = format.toLowerCase();
      expect(file.filename).toBe(`vcc-report-${MONTH}.${extension}`);
      const served = await exportFile(`${MONTH}.${extension}`, key);
      expect(file.contentType).toBe(served.headers.get('content-type'));
      const bytes = Buffer.from(file.contentBase64, 'base64');
      if (format === 'CSV') {
        expect(bytes.toString('utf8')).toBe(await served.text());
        const tenants = new Set(parseCsv(bytes.toString('utf8')).map((r) => r.tenant_external_id));
        expect(tenants).toEqual(new Set(key === alphaViewer ? ['alpha'] : ['alpha', 'bravo', 'charlie']));
      } else expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    }
    expect(codeOf(await api.gql(FILE, { m: MONTH, f: 'CSV' }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await api.gql(FILE, { m: '2026-13', f: 'CSV' }, admin))).toBe('BAD_USER_INPUT');
  });

  it('refuses to approve a month that has not ended', async () => {
    for (const m of [currentMonth(), addMonths(currentMonth(), 1)]) {
      const res = await api.gql(APPROVE, { m }, admin);
      expect(codeOf(res), m).toBe('CONFLICT');
    }
    expect((await counts()).snapshots).toBe(0);
  });

  it('freezes an approved month: later ingestion changes the engine, not the approved figures', async () => {
    const before = await monthly(MONTH);
    const res = await api.gql<{ approveMonth: { status: string; approvedBy: string } }>(
      APPROVE,
      { m: MONTH },
      admin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.approveMonth.status).toBe('APPROVED');
    const c = await counts();
    expect(c.snapshots).toBe(1);
    expect(c.parts).toBe(3);
    const [audit] = await queryRows<{ subject: string }>(
      api.database.db,
      sql`select subject from audit_log where action = 'report.approve'`,
    );
    expect(audit!.subject).toBe(`report:${MONTH}`);

    const approved = await monthly(MONTH);
    expect(approved.status).toBe('APPROVED');
    expect(approved.adjusted).toEqual(before.adjusted);
    expect(approved.engine).toEqual(before.engine);

    const ingest = await api.gql(
      INGEST,
      {
        input: {
          idempotencyKey: 'after-approval',
          restorePoints: ['late-1', 'late-2'].map((machine) => ({
            tenant: 'alpha',
            machine,
            machineKind: 'VM',
            server: 'alpha-vbr',
            operation: 'CLOUD_BACKUP',
            at: `${MONTH}-20T01:00:00Z`,
          })),
        },
      },
      admin,
    );
    expect(ingest.errors).toBeUndefined();
    expect(ingest.data).toEqual({ ingestRestorePoints: { accepted: 2 } });
    // A configuration change as well: it bumps the estate version whatever the engine caches.
    const update = await api.gql(
      'mutation { updateLicense(externalId: "lic-alpha", input: { capacity: { instances: 1 } }) { externalId } }',
      {},
      admin,
    );
    expect(update.errors).toBeUndefined();
    const live = await api.gql<{ licenseReport: Figures }>(
      `query($m: String!) { licenseReport(month: $m) { ${FIGURES} } }`,
      { m: MONTH },
      admin,
    );
    expect(live.data!.licenseReport).not.toEqual(before.engine);
    const still = await monthly(MONTH);
    expect(still.adjusted).toEqual(before.adjusted);
    expect(still.engine).toEqual(before.engine);

    const csv = parseCsv(await (await exportFile(`${MONTH}.csv`, admin)).text());
    expect(csvRows(csv)).toEqual(expectedRows(before.adjusted));
    expect(csv.every((r) => r.status === 'approved')).toBe(true);
  });

  it('refuses a second approval and any adjustment of an approved month', async () => {
    const before = await counts();
    expect(codeOf(await api.gql(APPROVE, { m: MONTH }, admin))).toBe('CONFLICT');
    expect(codeOf(await api.gql(ADJUST, { input: adjustInput({ value: 1 }) }, admin))).toBe('CONFLICT');
    expect(await counts()).toEqual(before);
  });

  it('lets a tenant read its own part of the approved month, and its months’ status', async () => {
    const own = await monthly(MONTH, alphaAdmin);
    expect(own.status).toBe('APPROVED');
    expect(own.approvedAt).not.toBeNull();
    expect(own.adjusted.tenants.map((t) => t.tenant.externalId)).toEqual(['alpha']);
    expect(own.adjusted.serviceProvider).toBeNull();
    expect(JSON.stringify(own)).not.toMatch(/bravo|charlie|lic-cc/);
    const csv = parseCsv(await (await exportFile(`${MONTH}.csv`, alphaAdmin)).text());
    expect(new Set(csv.map((r) => r.tenant_external_id))).toEqual(new Set(['alpha']));

    const list = await api.gql<{ monthlyReports: { edges: { node: { month: string; status: string } }[] } }>(
      LIST,
      {},
      alphaViewer,
    );
    expect(list.errors).toBeUndefined();
    const statuses = new Map(list.data!.monthlyReports.edges.map((e) => [e.node.month, e.node.status]));
    expect(statuses.get(MONTH)).toBe('APPROVED');
  });

  it('lists months newest first, a page at a time, with their status', async () => {
    const months: { month: string; status: string; adjustmentCount: number }[] = [];
    let after: string | null = null;
    for (;;) {
      const res: {
        data?: {
          monthlyReports: {
            edges: { node: (typeof months)[number] }[];
            pageInfo: { hasNextPage: boolean; endCursor: string };
          };
        } | null;
      } = await api.gql(LIST, { after }, spViewer);
      months.push(...res.data!.monthlyReports.edges.map((e) => e.node));
      if (!res.data!.monthlyReports.pageInfo.hasNextPage) break;
      after = res.data!.monthlyReports.pageInfo.endCursor;
    }
    const names = months.map((m) => m.month);
    expect(names).toEqual([...names].sort().reverse());
    expect(names).toContain(MONTH);
    expect(names).toContain(addMonths(MONTH, 1));
    expect(months.find((m) => m.month === MONTH)).toMatchObject({ status: 'APPROVED', adjustmentCount: 1 });
    expect(months.find((m) => m.month === addMonths(MONTH, 1))).toMatchObject({ status: 'OPEN' });
    expect(codeOf(await api.gql(LIST, { after: 'garbage' }, spViewer))).toBe('BAD_USER_INPUT');
  });
});
