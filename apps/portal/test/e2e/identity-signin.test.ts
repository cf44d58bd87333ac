import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';
import { expectNoSeriousA11yViolations, screenshot } from './page-helpers';
import { type RunningPortal, startPortal } from './portal-server';

const PROVIDER_NAME = 'Tenant One ID';

describe('sign-in through an OpenID Connect provider', () => {
  const estate = inject('e2eEstate');
  const identity = inject('identityProvider');
  let portal: RunningPortal;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    portal = await startPortal(
      {
        API_URL: estate.apiUrl,
        OIDC_ISSUER: identity.issuer,
        OIDC_CLIENT_ID: identity.clientId,
        OIDC_CLIENT_SECRET: identity.clientSecret,
        OIDC_NAME: PROVIDER_NAME,
      },
      identity.portalPort,
    );
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await portal?.stop();
  });

  /** A fresh browser (no portal or provider cookies) that signs in at the provider as `email`. */
  async function signInAtProvider(email: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${portal.url}/signin`);
    await page.getByRole('button', { name: `Sign in with ${PROVIDER_NAME}` }).click();
    // The provider's own pages: its login form, then its consent screen.
    await page.waitForURL((url) => url.origin === identity.issuer, { timeout: 30_000 });
    await page.locator('input[name="login"]').fill(email);
    await page.locator('input[name="password"]').fill('anything the provider checks');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL((url) => url.origin === portal.url, { timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    return page;
  }

  async function sessionOf(page: Page): Promise<Record<string, unknown>> {
    const response = await page.request.get(`${portal.url}/api/auth/session`);
    return (await response.json()) as Record<string, unknown>;
  }

  it('offers the provider beside the password form, accessibly', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${portal.url}/signin`);
    expect(await page.getByRole('button', { name: 'Sign in', exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: `Sign in with ${PROVIDER_NAME}` }).isVisible()).toBe(true);
    await screenshot(page, 'signin-with-identity-provider');
    await expectNoSeriousA11yViolations(page);
  });

  it("signs in a user of the provider's tenant, who sees that tenant's pages", async () => {
    const login = estate.logins.find((l) => l.role === 'tenant-admin')!;
    expect(login.tenant).toBe('t-1');
    const page = await signInAtProvider(login.email);
    expect(new URL(page.url()).pathname).toBe('/tenant');
    await page.locator('[aria-busy="true"]').waitFor({ state: 'detached' });
    expect(await page.locator('main').textContent()).toContain('t-1-vbr');
    expect(await page.getByRole('banner').textContent()).toContain(login.email);
    const session = await sessionOf(page);
    expect(session.user).toMatchObject({
      email: login.email,
      role: 'tenant-admin',
      tenant: { externalId: 't-1' },
    });
    // The session holds no token of the API's or the provider's.
    expect(JSON.stringify(session)).not.toMatch(/eyJ/);
    await screenshot(page, 'tenant-admin-after-identity-provider');
  });

  for (const [who, email] of [
    ["another tenant's user", estate.logins.find((l) => l.role === 'tenant-viewer')!.email],
    ['an SP admin', estate.logins.find((l) => l.role === 'sp-admin')!.email],
    ['an address with no account', 'nobody@test.local'],
  ] as const) {
    it(`turns away ${who}: a clear message, no session`, async () => {
      const page = await signInAtProvider(email);
      expect(new URL(page.url()).pathname).toBe('/signin');
      expect(await page.locator('#signin-error').textContent()).toContain(
        'Sign-in through your identity provider failed',
      );
      expect(await sessionOf(page)).toEqual({});
      expect((await page.goto(`${portal.url}/tenant`))?.url()).toContain('/signin');
    });
  }
});
