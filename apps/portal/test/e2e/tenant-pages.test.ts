import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';
import { expectNoSeriousA11yViolations, open, screenshot, signInAs } from './page-helpers';
import { type RunningPortal, startPortal } from './portal-server';

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

      it('lists its own machines with charges explained', async () => {
        expect(await open(page, `${portal.url}/tenant/machines`)).toBe(200);
        const body = (await page.locator('main').textContent()) ?? '';
        expect(body).toContain('Why');
        expect(await page.locator('table tbody').count()).toBeGreaterThan(0);
        await screenshot(page, `${role}-machines`);
        await expectNoSeriousA11yViolations(page);
      });

      it('never shows another tenant', async () => {
        const other = own === 't-1' ? 't-3' : 't-4';
        for (const path of ['/sp', '/sp/tenants', `/sp/tenants/${other}`]) {
          await open(page, `${portal.url}${path}`);
          expect(new URL(page.url()).pathname, path).toBe('/tenant');
        }
        // Query parameters cannot point the tenant pages at another tenant either.
        await open(page, `${portal.url}/tenant?tenant=${other}&tenantExternalId=${other}`);
        const body = (await page.locator('main').textContent()) ?? '';
        expect(body).toContain(`${own}-vbr`);
        expect(body).not.toContain(`${other}-vbr`);
      });
    });
  }
});
