import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';
import {
  apiQuery,
  currentMonth,
  expectNoSeriousA11yViolations,
  open,
  screenshot,
  signInAs,
} from './page-helpers';
import { type RunningPortal, startPortal } from './portal-server';

interface SpCounter {
  counter: string;
  used: number;
  new: number;
  rental: number;
  capacity: number | null;
  peak: number;
}

const REPORT = `query ($month: String!) { licenseReport(month: $month) {
  serviceProvider { counters { counter used new rental capacity peak } units { used } }
  tenants { tenant { externalId name } counters { units } }
} }`;

const fmt = (n: number) => new Intl.NumberFormat('en-GB').format(n);

describe('SP pages', () => {
  const estate = inject('e2eEstate');
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

  for (const role of ['sp-admin', 'sp-viewer'] as const) {
    describe(role, () => {
      let context: BrowserContext;
      let page: Page;

      beforeAll(async () => {
        const login = estate.logins.find((l) => l.role === role)!;
        ({ context, page } = await signInAs(browser, portal.url, login));
      });

      afterAll(async () => {
        await context?.close();
      });

      it('lands on the overview, whose figures equal licenseReport from the API', async () => {
        expect(new URL(page.url()).pathname).toBe('/sp');
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Consumption overview');

        const month = currentMonth();
        const data = await apiQuery<{
          licenseReport: { serviceProvider: { counters: SpCounter[]; units: { used: number } } };
        }>(estate.apiUrl, estate.spKey, REPORT, { month });
        const sp = data.licenseReport.serviceProvider;
        expect(sp.units.used).toBeGreaterThan(0);
        for (const c of sp.counters) {
          const card = page.locator(`[data-counter="${c.counter}"]`);
          for (const field of ['used', 'new', 'rental', 'peak'] as const) {
            expect(await card.locator(`[data-field="${field}"]`).textContent(), `${c.counter} ${field}`).toBe(
              fmt(c[field]),
            );
          }
          if (c.capacity != null) expect(await card.textContent()).toContain(`/ ${fmt(c.capacity)}`);
        }
        expect(await page.getByTestId('units-total').textContent()).toContain(fmt(sp.units.used));

        // Trend of 12 months (charts render client-side) and the top tenants link to tenant pages.
        expect(await page.locator('.trend svg').count()).toBeGreaterThanOrEqual(4);
        const top = page.getByRole('region', { name: 'Top 10 tenants' });
        expect(await top.locator('tbody tr').count()).toBeGreaterThan(0);
        expect(await top.locator('a[href^="/sp/tenants/"]').count()).toBeGreaterThan(0);

        await screenshot(page, `${role}-overview`);
        await expectNoSeriousA11yViolations(page);
      });

      it('lists tenants with search, and each links to its page', async () => {
        expect(await open(page, `${portal.url}/sp/tenants`)).toBe(200);
        const rows = page.locator('table tbody tr');
        expect(await rows.count()).toBe(12);
        await screenshot(page, `${role}-tenants`);
        await expectNoSeriousA11yViolations(page);

        await page.getByLabel('Search').fill('t-1');
        await page.getByRole('button', { name: 'Search' }).click();
        await page.waitForURL(/search=t-1/);
        const ids = await page.locator('table tbody tr td:nth-child(2)').allTextContents();
        expect(ids.sort()).toEqual(['t-1', 't-10', 't-11', 't-12']);

        await open(page, `${portal.url}/sp/tenants?search=no-such-tenant-zz`);
        expect(await page.getByText('No tenant matches').count()).toBe(1);
      });

      it('shows a tenant with licenses, machines and charges explained in words', async () => {
        expect(await open(page, `${portal.url}/sp/tenants/t-1`)).toBe(200);
        expect(await page.getByRole('heading', { level: 1 }).textContent()).not.toBe('');
        for (const name of [
          'Cloud Connect usage',
          'Plan',
          'License usage',
          'Backup servers and licenses',
          'Machines',
        ]) {
          expect(await page.getByRole('heading', { level: 2, name }).count(), name).toBe(1);
        }
        const body = await page.locator('main').textContent();
        expect(body).toContain('t-1-vbr');
        expect(body).toContain('backed up within the last 31 days');
        await screenshot(page, `${role}-tenant`);
        await expectNoSeriousA11yViolations(page);
      });

      it('filters machines by counter and status through the URL', async () => {
        await open(page, `${portal.url}/sp/tenants/t-1?counter=vm-backup&status=used`);
        // Each machine (one tbody) shown has a used SP VM-backup charge.
        const machines = await page
          .getByRole('region', { name: 'Machines' })
          .locator('table tbody')
          .allTextContents();
        expect(machines.length).toBeGreaterThan(0);
        for (const text of machines) expect(text).toMatch(/SP · VM backup\s*Used/);
        expect(await page.getByLabel('Counter').inputValue()).toBe('vm-backup');
        expect(await page.getByLabel('Status').inputValue()).toBe('used');
      });

      it('answers an unknown tenant with a not-found page', async () => {
        // The status is already sent (200) when the page streams behind loading.tsx, so the
        // not-found UI, not the HTTP status, is what the user gets.
        await open(page, `${portal.url}/sp/tenants/no-such-tenant`);
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Tenant not found');
      });
    });
  }
});
