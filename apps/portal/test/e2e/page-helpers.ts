import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { E2eLogin } from './api-estate';
import { PORTAL_DIR } from './portal-server';

export const SCREENSHOT_DIR = join(PORTAL_DIR, 'test-results', 'screenshots');

/** Signs in through the real form, as a person would, in a fresh context (own cookies). */
export async function signInAs(
  browser: Browser,
  baseUrl: string,
  login: E2eLogin,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/signin`);
  await page.getByLabel('Email').fill(login.email);
  await page.getByLabel('Password').fill(login.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30_000 });
  // The landing page streams (loading.tsx first): wait until its content is in.
  await page.waitForLoadState('networkidle');
  await page.locator('[aria-busy="true"]').waitFor({ state: 'detached' });
  return { context, page };
}

/** Opens a page, waits for the client parts (charts) to settle, returns the HTTP status. */
export async function open(page: Page, url: string): Promise<number | undefined> {
  const response = await page.goto(url);
  await page.waitForLoadState('networkidle');
  await page.locator('[aria-busy="true"]').waitFor({ state: 'detached' });
  return response?.status();
}

/** A page of the other audience: 403 at the address typed, a "No access" page, none of `secrets`. */
export async function expectForbidden(page: Page, url: string, secrets: readonly string[]): Promise<void> {
  const status = await open(page, url);
  expect(status, url).toBe(403);
  expect(page.url(), url).toBe(url);
  expect(await page.getByRole('heading', { level: 1 }).textContent(), url).toBe('No access');
  const body = (await page.locator('body').textContent()) ?? '';
  for (const secret of secrets) expect(body, `${url} shows ${secret}`).not.toContain(secret);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** axe-core with WCAG 2.1 AA and best practices: nothing serious or critical may remain. */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const blocking = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact}: ${v.id} (${v.nodes.length}) ${v.help} — ${v.nodes[0]?.target.join(' ')}`);
  expect(blocking).toEqual([]);
}

/** A GraphQL call straight to the API with an API key, to compare with what the portal shows. */
export async function apiQuery<T>(apiUrl: string, key: string, query: string, variables: object): Promise<T> {
  const response = await fetch(apiUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors || !body.data) throw new Error(`API error: ${JSON.stringify(body.errors)}`);
  return body.data;
}

export function currentMonth(): string {
  const now = new Date();
  return `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
}
