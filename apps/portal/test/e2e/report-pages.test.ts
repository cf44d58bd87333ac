/**
 * The monthly review, licenses and admin pages end to end, on the real API: the CSV the portal
 * serves equals the API's figures (before and after an adjustment made through the form),
 * adjusting and approving through the UI leave audit rows (read on the audit page), viewers get no
 * controls, a tenant user cannot open SP reports and exports only its own tenant; every new page
 * is screenshotted and checked with axe.
 */

import { parse } from 'csv-parse/sync';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';
import {
  apiQuery,
  currentMonth,
  expectForbidden,
  expectNoSeriousA11yViolations,
  open,
  screenshot,
  signInAs,
} from './page-helpers';
import { type RunningPortal, startPortal } from './portal-server';

/** The CSV export's rows, by header. */
const parseCsv = (text: string): Record<string, string>[] => parse(text, { columns: true, bom: true });

const REPORT = `query ($month: String!) { licenseReport(month: $month) { ruleset
  tenants { tenant { externalId } counters { counter used new rental units }
            licenses { license { externalId } used new capacity state } }
} }`;

interface Report {
  licenseReport: {
    ruleset: 'VBR_9_5' | 'VCSP_POINTS';
    tenants: {
      tenant: { externalId: string };
      counters: { counter: string; used: number; new: number; rental: number; units: number }[];
      licenses: {
        license: { externalId: string };
        used: number;
        new: number;
        capacity: number | null;
        state: string;
      }[];
    }[];
  };
}

function previousMonth(): string {
  const [y, m] = currentMonth().split('-').map(Number) as [number, number];
  const n = y * 12 + m - 2;
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
}

/** The report's counter and license rows as `tenant|kind|what|figures`, as the CSV must hold them. */
function expectedRows(report: Report, only?: string): string[] {
  return report.licenseReport.tenants
    .filter((t) => !only || t.tenant.externalId === only)
    .flatMap((t) => [
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

/** The CSV as the browser downloads it: through the portal's export route, with the session cookie. */
async function portalCsv(page: Page, base: string, month: string): Promise<Record<string, string>[]> {
  const response = await page.request.get(`${base}/api/export/${month}/csv`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^text\/csv/);
  return parseCsv(await response.text());
}

describe('monthly reports, licenses and admin pages', () => {
  const estate = inject('e2eEstate');
  const month = previousMonth();
  const reason = 'E2E: tenant reinstalled its backup server, machines counted twice';
  let portal: RunningPortal;
  let browser: Browser;

  beforeAll(async () => {
    portal = await startPortal({ API_URL: estate.apiUrl });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
  });

  describe('sp-admin', () => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      ({ context, page } = await signInAs(
        browser,
        portal.url,
        estate.logins.find((l) => l.role === 'sp-admin')!,
      ));
    });
    afterAll(async () => {
      await context?.close();
    });

    it('lists the months with their status', async () => {
      expect(await open(page, `${portal.url}/sp/reports`)).toBe(200);
      const row = page.locator(`tr[data-month="${month}"]`);
      expect(await row.count()).toBe(1);
      expect(await row.locator('[data-status]').getAttribute('data-status')).toBe('OPEN');
      await screenshot(page, 'sp-admin-reports');
      await expectNoSeriousA11yViolations(page);
    });

    it('serves a CSV equal to the report’s figures', async () => {
      const report = await apiQuery<Report>(estate.apiUrl, estate.spKey, REPORT, { month });
      const rows = await portalCsv(page, portal.url, month);
      expect(rows.every((r) => r.month === month && r.status === 'open')).toBe(true);
      expect(csvRows(rows)).toEqual(expectedRows(report));
      const pdf = await page.request.get(`${portal.url}/api/export/${month}/pdf`);
      expect(pdf.status()).toBe(200);
      expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    });

    it('adjusts a figure through the form, with a reason, and the CSV follows', async () => {
      expect(await open(page, `${portal.url}/sp/reports/${month}`)).toBe(200);
      await screenshot(page, 'sp-admin-report');
      await expectNoSeriousA11yViolations(page);

      const report = await apiQuery<Report>(estate.apiUrl, estate.spKey, REPORT, { month });
      const t1 = report.licenseReport.tenants.find((t) => t.tenant.externalId === 't-1')!;
      const engineUsed = t1.counters.find((c) => c.counter === 'VM_BACKUP')!.used;
      const value = engineUsed + 3;

      const form = page.getByTestId('adjust-form');
      await form.getByLabel('Tenant').selectOption('t-1');
      await form.getByLabel('Counter').selectOption('VM_BACKUP');
      await form.getByLabel('Figure').selectOption('USED');
      await form.getByLabel('New value').fill(String(value));
      await form.getByLabel('Reason (required)').fill(reason);
      await form.getByRole('button', { name: 'Save adjustment' }).click();
      await page.locator('#adjust-ok').getByText('Adjustment saved').waitFor();

      const cell = page.locator('tr[data-tenant="t-1"] td[data-counter="VM_BACKUP"][data-field="used"]');
      expect(await cell.textContent()).toContain(String(value));
      const adjustments = page.getByTestId('adjustments');
      expect(await adjustments.textContent()).toContain(reason);
      expect(await adjustments.textContent()).toContain('e2e-admin@test.local');

      // The CSV now holds the adjusted figure and the engine's everywhere else.
      const rows = await portalCsv(page, portal.url, month);
      const expected = expectedRows(report).map((line) =>
        line.startsWith('t-1|counter|vm-backup|')
          ? (() => {
              const c = t1.counters.find((x) => x.counter === 'VM_BACKUP')!;
              // Units follow `used` at the ruleset's rate for a VM backup: 1, or 5 points.
              const rate = report.licenseReport.ruleset === 'VBR_9_5' ? 1 : 5;
              return `t-1|counter|vm-backup|${value}|${c.new}|${c.rental}|${value * rate}`;
            })()
          : line,
      );
      expect(csvRows(rows)).toEqual(expected);
    });

    it('approves the month after confirmation; the audit page shows both changes', async () => {
      await open(page, `${portal.url}/sp/reports/${month}`);
      const form = page.getByTestId('approve-form');
      await form.getByLabel(/I have reviewed/).check();
      await form.getByRole('button', { name: /^Approve/ }).click();
      // The page re-renders approved (the form goes away with its message).
      await page.locator('[data-testid="report-status"] [data-status="APPROVED"]').waitFor();
      await open(page, `${portal.url}/sp/reports/${month}`);
      expect(
        await page.getByTestId('report-status').locator('[data-status]').getAttribute('data-status'),
      ).toBe('APPROVED');
      expect(await page.getByTestId('adjust-form').count()).toBe(0);
      expect(await page.getByTestId('approve-form').count()).toBe(0);

      expect(await open(page, `${portal.url}/sp/admin?action=report.`)).toBe(200);
      const audit = page.getByTestId('audit');
      expect(await audit.locator('tr[data-action="report.approve"]').count()).toBe(1);
      const adjust = audit.locator('tr[data-action="report.adjust"]');
      expect(await adjust.count()).toBe(1);
      expect(await adjust.textContent()).toContain(reason);
    });

    it('shows users, keys and the audit log to admins', async () => {
      expect(await open(page, `${portal.url}/sp/admin`)).toBe(200);
      expect(await page.getByTestId('users').textContent()).toContain('e2e-viewer@test.local');
      expect(await page.getByTestId('api-keys').textContent()).toContain('portal-e2e');
      await screenshot(page, 'sp-admin-admin');
      await expectNoSeriousA11yViolations(page);
    });

    it('lists licenses with their validity, with create and edit forms', async () => {
      expect(await open(page, `${portal.url}/sp/licenses`)).toBe(200);
      expect(await page.getByTestId('licenses').locator('tbody tr').count()).toBeGreaterThan(1);
      expect(await page.getByTestId('new-license-form').count()).toBe(1);
      await screenshot(page, 'sp-admin-licenses');
      await expectNoSeriousA11yViolations(page);

      // A bad capacity comes back at its field, as the API names it.
      const form = page.getByTestId('new-license-form');
      await form.getByLabel('License id').fill('e2e-lic');
      // On a tenant no other test names, from a date to come: no figure of this run moves.
      await form.getByLabel('Backup server id').fill('t-11-vbr');
      await form.getByLabel('Type').selectOption('RENTAL');
      await form.getByLabel('Valid from').fill('2030-01-01');
      await form.getByLabel('VM backup').fill('5');
      await form.getByRole('button', { name: 'Create license' }).click();
      await page.locator('#new-license-capacity-vmBackup-error').waitFor();
      expect(await page.locator('#new-license-capacity-vmBackup-error').textContent()).toMatch(/instances/);

      // What was typed is still there to correct; corrected, it is created; then edited in its row.
      expect(await form.getByLabel('License id').inputValue()).toBe('e2e-lic');
      expect(await form.getByLabel('Backup server id').inputValue()).toBe('t-11-vbr');
      await form.getByLabel('VM backup').fill('');
      await form.getByLabel('Instances').fill('5');
      await form.getByRole('button', { name: 'Create license' }).click();
      await form.getByText('License created.').waitFor();
      await open(page, `${portal.url}/sp/licenses`);
      const row = page.locator('tr[data-license="e2e-lic"]');
      expect(await row.locator('td').nth(2).textContent()).toBe('5 instances');

      await row.getByText('Edit e2e-lic').click();
      const edit = page.getByTestId('license-e2e-lic-form');
      await edit.getByLabel('Instances').fill('8');
      await edit.getByLabel('Valid to').fill('2031-12-31');
      await edit.getByRole('button', { name: 'Save license' }).click();
      await edit.getByText('License saved.').waitFor();
      const { tenant } = await apiQuery<{
        tenant: { backupServers: { licenses: { externalId: string; validTo: string | null }[] }[] };
      }>(
        estate.apiUrl,
        estate.spKey,
        'query { tenant(externalId: "t-11") { backupServers { licenses { externalId validTo } } } }',
        {},
      );
      const stored = tenant.backupServers.flatMap((b) => b.licenses).find((l) => l.externalId === 'e2e-lic');
      expect(stored?.validTo).toBe('2031-12-31');
      await open(page, `${portal.url}/sp/licenses`);
      expect(await page.locator('tr[data-license="e2e-lic"] td').nth(2).textContent()).toBe('8 instances');
    });

    it('offers the plan form on a tenant page', async () => {
      await open(page, `${portal.url}/sp/tenants/t-1`);
      expect(await page.getByTestId('plan-form').count()).toBe(1);
    });
  });

  describe('sp-viewer', () => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      ({ context, page } = await signInAs(
        browser,
        portal.url,
        estate.logins.find((l) => l.role === 'sp-viewer')!,
      ));
    });
    afterAll(async () => {
      await context?.close();
    });

    it('sees reports and licenses without any edit control, and no admin page', async () => {
      await open(page, `${portal.url}/sp/reports/${previousMonth()}`);
      expect(await page.getByTestId('tenant-figures').count()).toBe(1);
      expect(await page.locator('form[data-testid]').count()).toBe(0);
      await screenshot(page, 'sp-viewer-report');
      await expectNoSeriousA11yViolations(page);
      await open(page, `${portal.url}/sp/licenses`);
      expect(await page.locator('form[data-testid]').count()).toBe(0);
      await screenshot(page, 'sp-viewer-licenses');
      await open(page, `${portal.url}/sp/tenants/t-1`);
      expect(await page.getByTestId('plan-form').count()).toBe(0);
      await expectForbidden(page, `${portal.url}/sp/admin`, ['e2e-admin@test.local', 'portal-e2e']);
      await open(page, `${portal.url}/sp`);
      expect(await page.getByRole('link', { name: 'Admin' }).count()).toBe(0);
    });
  });

  describe('tenant-admin', () => {
    const login = estate.logins.find((l) => l.role === 'tenant-admin')!;
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      ({ context, page } = await signInAs(browser, portal.url, login));
    });
    afterAll(async () => {
      await context?.close();
    });

    it('cannot open the SP reports', async () => {
      for (const path of ['/sp/reports', `/sp/reports/${month}`, '/sp/licenses', '/sp/admin']) {
        await expectForbidden(page, `${portal.url}${path}`, ['t-2', 'demo-cc']);
      }
    });

    it('reads its own approved report and exports its own tenant only', async () => {
      expect(await open(page, `${portal.url}/tenant/reports`)).toBe(200);
      expect(await page.locator(`tr[data-month="${month}"] [data-status]`).getAttribute('data-status')).toBe(
        'APPROVED',
      );
      await screenshot(page, 'tenant-admin-reports');
      await expectNoSeriousA11yViolations(page);

      expect(await open(page, `${portal.url}/tenant/reports/${month}`)).toBe(200);
      const tenants = await page
        .locator('[data-testid="tenant-figures"] tbody tr')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-tenant')));
      expect(tenants).toEqual([login.tenant]);
      await screenshot(page, 'tenant-admin-report');
      await expectNoSeriousA11yViolations(page);

      const rows = await portalCsv(page, portal.url, month);
      expect(rows.length).toBeGreaterThan(0);
      expect(new Set(rows.map((r) => r.tenant_external_id))).toEqual(new Set([login.tenant]));
      expect(rows.every((r) => r.status === 'approved')).toBe(true);
      // Its rows are the SP's rows for this tenant, figure for figure (the approved, adjusted ones).
      const spFile = await fetch(`${estate.apiUrl.replace(/\/graphql$/, '')}/reports/${month}.csv`, {
        headers: { authorization: `Bearer ${estate.spKey}` },
      });
      const spRows = parseCsv(await spFile.text()).filter((r) => r.tenant_external_id === login.tenant);
      expect(rows).toEqual(spRows);
    });

    it('manages its own users and keys', async () => {
      expect(await open(page, `${portal.url}/tenant/admin`)).toBe(200);
      expect(await page.getByTestId('users').textContent()).toContain(login.email);
      expect(await page.getByTestId('users').textContent()).not.toContain('e2e-admin@test.local');
      await screenshot(page, 'tenant-admin-admin');
      await expectNoSeriousA11yViolations(page);

      const form = page.getByTestId('new-key-form');
      await form.getByLabel('Key name (what it is for)').fill('e2e tenant key');
      await form.getByRole('button', { name: 'Create API key' }).click();
      const secret = page.getByTestId('new-key-secret');
      await secret.waitFor();
      expect(await secret.textContent()).toMatch(/^vcc_/);
    });
  });
});
