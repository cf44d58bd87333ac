import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { encode } from 'next-auth/jwt';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import { PORTAL_DIR, type RunningPortal, startPortal } from './portal-server';

const SCREENSHOT_DIR = join(PORTAL_DIR, 'test-results', 'screenshots');
// Known here, so that the test can write the session cookie a signed-in browser would hold.
const SECRET = randomBytes(32).toString('hex');

describe('sign-in page', () => {
  let portal: RunningPortal;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    // Nothing here calls the API; point it at a closed port so a stray call fails fast.
    portal = await startPortal({ API_URL: 'http://127.0.0.1:9/graphql', NEXTAUTH_SECRET: SECRET });
    browser = await launchBrowser();
    // AxeBuilder opens helper pages in the page's context, so the page needs an explicit one.
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await portal?.stop();
  });

  it('serves the health check', async () => {
    const response = await fetch(`${portal.url}/api/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('shows a labelled email and password form', async () => {
    const response = await page.goto(`${portal.url}/signin`);
    expect(response?.status()).toBe(200);
    await expect(page.title()).resolves.toContain('Sign in');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in');

    const email = page.getByLabel('Email');
    const password = page.getByLabel('Password');
    expect(await email.getAttribute('type')).toBe('email');
    expect(await password.getAttribute('type')).toBe('password');
    expect(await page.getByRole('button', { name: 'Sign in' }).isVisible()).toBe(true);
    expect(await page.getByRole('banner').textContent()).toContain('vcc-portal');

    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'signin.png'), fullPage: true });
  });

  it('has no serious or critical accessibility violations', async () => {
    await page.goto(`${portal.url}/signin`);
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze();
    const blocking = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact}: ${v.id} (${v.nodes.length}) ${v.help}`);
    expect(blocking).toEqual([]);
  });

  it('shows one generic message after a failed attempt', async () => {
    await page.goto(`${portal.url}/signin?error=CredentialsSignin`);
    // By id: Next's route announcer is a second, empty role="alert" on every page.
    const alert = page.locator('#signin-error[role="alert"]');
    expect(await alert.textContent()).toMatch(/Sign-in failed/);
    // The raw next-auth code must not reach the user.
    expect(await page.content()).not.toContain('CredentialsSignin</');
  });

  it('sends a session whose API token has expired to sign in again, and says why', async () => {
    const session = await encode({
      secret: SECRET,
      token: {
        sub: '00000000-0000-0000-0000-000000000001',
        email: 'expired@test.local',
        role: 'tenant-admin',
        tenant: { externalId: 't-1', name: 'T One' },
        apiToken: 'no-longer-accepted',
        apiTokenExpiresAt: Date.now() - 60_000,
      },
    });
    const expired = await browser.newContext();
    try {
      await expired.addCookies([{ name: 'next-auth.session-token', value: session, url: portal.url }]);
      const tab = await expired.newPage();
      await tab.goto(`${portal.url}/tenant/machines`);
      const url = new URL(tab.url());
      expect(url.pathname).toBe('/signin');
      expect(url.searchParams.get('expired')).toBe('1');
      expect(url.searchParams.get('callbackUrl')).toBe('/tenant/machines');
      expect(await tab.getByRole('status').first().textContent()).toContain('Your session has expired');
    } finally {
      await expired.close();
    }
  });

  it('sends signed-out users from protected pages to sign-in', async () => {
    for (const path of ['/', '/sp', '/tenant']) {
      await page.goto(`${portal.url}${path}`);
      expect(new URL(page.url()).pathname).toBe('/signin');
    }
  });
});
