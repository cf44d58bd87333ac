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
  tenants { tenant { externalId name } counters { units } licenses { state } }
  violations { severity tenant { externalId } }
} }`;

interface ReportTenants {
  licenseReport: {
    tenants: {
      tenant: { externalId: string; name: string };
      counters: { units: number }[];
      licenses: { state: string }[];
    }[];
    violations: { severity: string; tenant: { externalId: string } | null }[];
  };
}

const STATE_RANK: Record<string, number> = { OK: 0, GRACE: 1, EXCEEDED: 2, UNLICENSED: 3 };
const STATE_LABEL: Record<string, string> = {
  OK: 'OK',
  GRACE: 'Grace',
  EXCEEDED: 'Exceeded',
  UNLICENSED: 'Unlicensed',
};

/** Each tenant's row of the tenants table as licenseReport has it. */
function expectedRows(report: ReportTenants['licenseReport']) {
  return report.tenants.map((t) => ({
    externalId: t.tenant.externalId,
    name: t.tenant.name,
    units: t.counters.reduce((sum, c) => sum + c.units, 0),
    state: t.licenses.reduce<string | null>(
      (worst, l) => (worst === null || STATE_RANK[l.state]! > STATE_RANK[worst]! ? l.state : worst),
      null,
    ),
    violations: report.violations.filter((v) => v.tenant?.externalId === t.tenant.externalId).length,
  }));
}
type Row = ReturnType<typeof expectedRows>[number];
const byName = (a: Row, b: Row) =>
  a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : 0;

/** The table's rows as shown: external id and the figures columns. */
async function shownRows(page: Page) {
  return page.locator('[data-testid="tenant-usage"] tbody tr').evaluateAll((rows) =>
    rows.map((row) => ({
      externalId: row.getAttribute('data-tenant'),
      units: row.querySelector('[data-field="units"]')?.textContent?.trim(),
      // The badge's symbol is decoration (aria-hidden): compare the word.
      state: row
        .querySelector('[data-field="state"]')
        ?.textContent?.replace(/^[^A-Za-z]+/, '')
        .trim(),
      violations: row.querySelector('[data-field="violations"]')?.textContent?.trim(),
    })),
  );
}

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

        // The top tenants are the largest by units, as licenseReport ranks them.
        const report = await apiQuery<ReportTenants>(estate.apiUrl, estate.spKey, REPORT, { month });
        const largest = expectedRows(report.licenseReport)
          .filter((r) => r.units > 0)
          .sort((a, b) => b.units - a.units || byName(a, b))
          .slice(0, 10);
        expect(
          await top.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-tenant'))),
        ).toEqual(largest.map((r) => r.externalId));

        // Violations: a count per severity, as many as licenseReport has; at most 5 listed in each.
        const violations = page.getByRole('region', { name: 'Violations' });
        for (const severity of ['ERROR', 'WARNING', 'INFO']) {
          const count = report.licenseReport.violations.filter((v) => v.severity === severity).length;
          const group = violations.locator(`[data-severity="${severity}"]`);
          if (count === 0) {
            expect(await group.count()).toBe(0);
            continue;
          }
          expect(await group.locator('[data-field="count"]').textContent(), severity).toBe(fmt(count));
          expect(await group.locator('li').count()).toBe(Math.min(count, 5));
        }
        // Each listed violation links to what it concerns: its tenant's page, or the licenses.
        const links = await violations
          .locator('li a.violation__link')
          .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
        expect(links.length).toBe(await violations.locator('li').count());
        for (const href of links)
          expect(href).toMatch(
            /^\/sp\/(tenants\/[^/?#]+\?month=\d{4}-\d{2}#(machines|violations)-title|licenses)$/,
          );

        await screenshot(page, `${role}-overview`);
        await expectNoSeriousA11yViolations(page);
      });

      it('lists tenants with search, and each links to its page', async () => {
        expect(await open(page, `${portal.url}/sp/tenants`)).toBe(200);
        const rows = page.locator('table tbody tr');
        expect(await rows.count()).toBe(12);
        const report = await apiQuery<ReportTenants>(estate.apiUrl, estate.spKey, REPORT, {
          month: currentMonth(),
        });
        // By name, with licenseReport's figures.
        expect(await shownRows(page)).toEqual(
          expectedRows(report.licenseReport)
            .sort(byName)
            .map((r) => ({
              externalId: r.externalId,
              units: fmt(r.units),
              state: r.state ? STATE_LABEL[r.state] : 'No license usage',
              violations: fmt(r.violations),
            })),
        );
        expect(await page.getByRole('columnheader', { name: 'Name' }).getAttribute('aria-sort')).toBe(
          'ascending',
        );
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

      it('sorts by a column header, from the keyboard too, in the order licenseReport gives', async () => {
        await open(page, `${portal.url}/sp/tenants`);
        const report = await apiQuery<ReportTenants>(estate.apiUrl, estate.spKey, REPORT, {
          month: currentMonth(),
        });
        const rows = expectedRows(report.licenseReport);
        const orders: [string, string, Row[]][] = [
          ['SP units', 'units', [...rows].sort((a, b) => b.units - a.units || byName(a, b))],
          [
            'Open violations',
            'violations',
            [...rows].sort((a, b) => b.violations - a.violations || byName(a, b)),
          ],
          [
            'License state',
            'state',
            [...rows].sort(
              (a, b) =>
                (b.state === null ? -1 : STATE_RANK[b.state]!) -
                  (a.state === null ? -1 : STATE_RANK[a.state]!) || byName(a, b),
            ),
          ],
          ['External id', 'external-id', [...rows].sort((a, b) => (a.externalId < b.externalId ? -1 : 1))],
        ];
        for (const [label, sort, expected] of orders) {
          const header = page.getByRole('columnheader', { name: label });
          // Tab to the header's link and press Enter, as a keyboard user would.
          await header.getByRole('link').focus();
          await page.keyboard.press('Enter');
          await page.waitForURL(new RegExp(`sort=${sort}`));
          await page.locator('[aria-busy="true"]').waitFor({ state: 'detached' });
          expect(await page.getByRole('columnheader', { name: label }).getAttribute('aria-sort')).toBe(
            sort === 'external-id' ? 'ascending' : 'descending',
          );
          expect(await page.locator('th[aria-sort]').count(), 'one sorted column').toBe(1);
          expect(
            (await shownRows(page)).map((r) => r.externalId),
            label,
          ).toEqual(expected.map((r) => r.externalId));
        }

        // A search keeps the order.
        await open(page, `${portal.url}/sp/tenants?sort=units`);
        await page.getByLabel('Search').fill('t-1');
        await page.getByRole('button', { name: 'Search' }).click();
        await page.waitForURL(/search=t-1/);
        expect(new URL(page.url()).searchParams.get('sort')).toBe('units');
        expect((await shownRows(page)).map((r) => r.externalId)).toEqual(
          orders[0]![2].filter((r) => r.externalId.includes('t-1')).map((r) => r.externalId),
        );
        await screenshot(page, `${role}-tenants-sorted`);
        await expectNoSeriousA11yViolations(page);
      });

      it('pages through the tenants, each exactly once, in the chosen order', async () => {
        await open(page, `${portal.url}/sp/tenants?sort=units&size=10`);
        expect(await page.getByTestId('tenant-count').textContent()).toContain('12 tenants · page 1 of 2');
        const first = (await shownRows(page)).map((r) => r.externalId);
        expect(first).toHaveLength(10);
        await page.getByRole('link', { name: 'Next page' }).click();
        await page.waitForURL(/after=/);
        await page.locator('[aria-busy="true"]').waitFor({ state: 'detached' });
        expect(await page.getByTestId('tenant-count').textContent()).toContain('page 2 of 2');
        const second = (await shownRows(page)).map((r) => r.externalId);
        expect(second).toHaveLength(2);
        expect(await page.getByRole('link', { name: 'Next page' }).count()).toBe(0);

        const report = await apiQuery<ReportTenants>(estate.apiUrl, estate.spKey, REPORT, {
          month: currentMonth(),
        });
        const expected = expectedRows(report.licenseReport).sort((a, b) => b.units - a.units || byName(a, b));
        expect([...first, ...second]).toEqual(expected.map((r) => r.externalId));

        await page.getByRole('link', { name: 'First page' }).click();
        await page.waitForURL((url) => !url.searchParams.has('after'));
        await page.locator('[aria-busy="true"]').waitFor({ state: 'detached' });
        expect((await shownRows(page)).map((r) => r.externalId)).toEqual(first);
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
