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

const TENANT_REPORT = `query ($month: String!) { licenseReport(month: $month) { tenants {
  tenant { externalId }
  counters { counter used new rental units }
  licenses { license { externalId } used new capacity peak state }
  hosting { planned used capacity obligation shortfall } } } }`;

interface TenantFigures {
  tenant: { externalId: string };
  counters: { counter: string; used: number; new: number; rental: number; units: number }[];
  licenses: {
    license: { externalId: string };
    used: number;
    new: number;
    capacity: number;
    peak: number;
    state: string;
  }[];
  hosting: { planned: number; used: number; capacity: number; obligation: number; shortfall: number } | null;
}

/** The tenant's month as licenseReport gives it to the SP (a tenant sees the same of itself). */
async function reportedFigures(apiUrl: string, key: string, tenant: string): Promise<TenantFigures> {
  const { licenseReport } = await apiQuery<{ licenseReport: { tenants: TenantFigures[] } }>(
    apiUrl,
    key,
    TENANT_REPORT,
    { month: currentMonth() },
  );
  const figures = licenseReport.tenants.find((t) => t.tenant.externalId === tenant);
  if (!figures) throw new Error(`licenseReport has no ${tenant}`);
  return figures;
}

/** A table's body rows as the page shows them: the row header, then each cell's text. */
function rowsOf(page: Page, section: string): Promise<string[][]> {
  return page
    .locator(`section[aria-labelledby="${section}"] tbody tr`)
    .evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())),
    );
}

const count = (text: string | undefined) => Number((text ?? '').replace(/[^\d-]/g, ''));

describe('tenant pages', () => {
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

  for (const role of ['tenant-admin', 'tenant-viewer'] as const) {
    describe(role, () => {
      const login = estate.logins.find((l) => l.role === role)!;
      const own = login.tenant!;
      let context: BrowserContext;
      let page: Page;

      beforeAll(async () => {
        ({ context, page } = await signInAs(browser, portal.url, login));
      });

      afterAll(async () => {
        await context?.close();
      });

      it('lands on its own overview, without SP capacity', async () => {
        expect(new URL(page.url()).pathname).toBe('/tenant');
        for (const name of [
          'Cloud Connect usage',
          'License usage',
          'Violations',
          'Backup servers and licenses',
        ]) {
          expect(await page.getByRole('heading', { level: 2, name }).count(), name).toBe(1);
        }
        const body = (await page.locator('main').textContent()) ?? '';
        expect(body).toContain(`${own}-vbr`);
        // No SP figures: the SP counter cards and units total are SP-only.
        expect(await page.locator('[data-testid="units-total"], .stat-grid').count()).toBe(0);
        expect(body).not.toContain('demo-cc');
        await screenshot(page, `${role}-overview`);
        await expectNoSeriousA11yViolations(page);
      });

      it('shows its counters and license usage as licenseReport has them', async () => {
        const expected = await reportedFigures(estate.apiUrl, estate.spKey, own);
        expect(await open(page, `${portal.url}/tenant?month=${currentMonth()}`)).toBe(200);
        const counters = await page
          .locator('section[aria-labelledby="counters-title"] tbody tr')
          .evaluateAll((rows) =>
            rows.map((r) => [
              r.getAttribute('data-counter'),
              ...[...r.querySelectorAll('td')].map((c) => c.textContent),
            ]),
          );
        const shown = counters.map(([counter, ...cells]) => ({
          counter,
          used: count(cells[0] ?? ''),
          new: count(cells[1] ?? ''),
          rental: count(cells[2] ?? ''),
          units: count(cells[3] ?? ''),
        }));
        for (const c of expected.counters) expect(shown).toContainEqual(c);
        expect(shown.reduce((sum, c) => sum + c.units, 0)).toBe(
          expected.counters.reduce((sum, c) => sum + c.units, 0),
        );

        const licenses = (await rowsOf(page, 'licenses-title')).filter((cells) => cells.length === 7);
        expect(
          licenses.map(([id, , used, added, capacity, peak]) => ({
            id,
            used: count(used),
            new: count(added),
            capacity: count(capacity),
            peak: count(peak),
          })),
        ).toEqual(
          expected.licenses.map((l) => ({
            id: l.license.externalId,
            used: l.used,
            new: l.new,
            capacity: l.capacity,
            peak: l.peak,
          })),
        );
      });

      it('lists its own machines with charges explained', async () => {
        expect(await open(page, `${portal.url}/tenant/machines`)).toBe(200);
        const body = (await page.locator('main').textContent()) ?? '';
        expect(body).toContain('Why');
        expect(await page.locator('table tbody').count()).toBeGreaterThan(0);
        await screenshot(page, `${role}-machines`);
        await expectNoSeriousA11yViolations(page);
      });

      it('lists its monthly reports, one row per month with a status', async () => {
        expect(await open(page, `${portal.url}/tenant/reports`)).toBe(200);
        const months = await page
          .locator('tr[data-month]')
          .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-month')));
        expect(months).toContain(currentMonth());
        await screenshot(page, `${role}-report-list`);
        await expectNoSeriousA11yViolations(page);
      });

      it('gets a 403 page, and no data, on SP pages and another tenant’s page', async () => {
        const other = own === 't-1' ? 't-3' : 't-4';
        const { tenant } = await apiQuery<{ tenant: { name: string } }>(
          estate.apiUrl,
          estate.spKey,
          'query ($id: String!) { tenant(externalId: $id) { name } }',
          { id: other },
        );
        const secrets = [`${other}-vbr`, tenant.name, 'demo-cc'];
        for (const path of ['/sp', '/sp/tenants', `/sp/tenants/${other}`, `/sp/reports`]) {
          await expectForbidden(page, `${portal.url}${path}`, secrets);
        }
        await screenshot(page, `${role}-forbidden`);
        await expectNoSeriousA11yViolations(page);
        // Query parameters cannot point the tenant pages at another tenant either.
        await open(page, `${portal.url}/tenant?tenant=${other}&tenantExternalId=${other}`);
        const body = (await page.locator('main').textContent()) ?? '';
        expect(body).toContain(`${own}-vbr`);
        expect(body).not.toContain(`${other}-vbr`);
      });

      it('signs out: the session ends and its pages ask for sign-in again', async () => {
        // A session of its own, so that the other tests' stays signed in.
        const own = await signInAs(browser, portal.url, login);
        try {
          await own.page.getByRole('button', { name: 'Sign out' }).click();
          await own.page.waitForURL((url) => url.pathname === '/signin');
          expect(await (await own.page.request.get(`${portal.url}/api/auth/session`)).json()).toEqual({});
          await own.page.goto(`${portal.url}/tenant`);
          expect(new URL(own.page.url()).pathname).toBe('/signin');
        } finally {
          await own.context.close();
        }
      });
    });
  }
  describe('a tenant the SP manages', () => {
    const login = estate.logins.find((l) => l.tenant === 't-5')!;
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      ({ context, page } = await signInAs(browser, portal.url, login));
    });

    afterAll(async () => {
      await context?.close();
    });

    it('sees its hosting obligation: planned, used, installed and shortfall as licenseReport has them', async () => {
      const { tenant } = await apiQuery<{ tenant: { managedBySp: boolean } }>(
        estate.apiUrl,
        estate.spKey,
        'query { tenant(externalId: "t-5") { managedBySp } }',
        {},
      );
      expect(tenant.managedBySp).toBe(true);
      const { hosting } = await reportedFigures(estate.apiUrl, estate.spKey, 't-5');
      expect(hosting).not.toBeNull();

      expect(await open(page, `${portal.url}/tenant?month=${currentMonth()}`)).toBe(200);
      const figures = await page
        .locator('section[aria-labelledby="hosting-title"] dl > div')
        .evaluateAll((pairs) =>
          Object.fromEntries(
            pairs.map((p) => [
              p.querySelector('dt')?.textContent ?? '',
              p.querySelector('dd')?.textContent ?? '',
            ]),
          ),
        );
      expect({
        planned: count(figures['Planned VMs']),
        used: count(figures['Used VMs']),
        capacity: count(figures.Installed),
        obligation: count(figures.Obligation),
        shortfall: count(figures.Shortfall),
      }).toEqual(hosting);
      await screenshot(page, 'tenant-viewer-hosting');
      await expectNoSeriousA11yViolations(page);
    });
  });
});
