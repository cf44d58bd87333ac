/**
 * The portal at SP scale (issue #6, item 6): the SP overview and the tenants table with 10,000
 * tenants, in Chromium against `next start` and `vcc serve` on PostgreSQL, from navigation start
 * to content painted. Each page is measured cold (a fresh browser context: empty HTTP cache) and
 * warm (the same page again, BENCH_PORTAL_RUNS times), against a bare node:http server serving the
 * same page's HTML and CSS, navigated the same way in the same run. Target: under 1.5 s each.
 *
 * The estate (BENCH_TENANTS × BENCH_MACHINES × BENCH_MONTHS, default 10,000 × 100,000 × 2) is seeded
 * once by the API's benchmark helper and reused; BENCH_PORTAL_DATABASE_URL names another one instead.
 * Two months, because in an estate's first month every machine is new, and new machines are free:
 * every tenant would use 0 units, and the top 10 and the sort by units would have nothing to show.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser } from '../test/e2e/browser';
import buildPortalIfStale from '../test/e2e/global-setup';
import { type RunningPortal, startPortal } from '../test/e2e/portal-server';
import { ensureLogin, type RunningApi, startApi } from './api-process';
import { type Figures, type FirstVisit, printTable } from './figures-table';
import { contentPainted, navigateToContent, percentile } from './paint-timing';
import { type StaticBaseline, startStaticBaseline, withoutScripts } from './static-baseline';

const TENANTS = Number(process.env.BENCH_TENANTS ?? 10_000);
const MACHINES = Number(process.env.BENCH_MACHINES ?? 100_000);
const MONTHS = Number(process.env.BENCH_MONTHS ?? 2);
const RUNS = Number(process.env.BENCH_PORTAL_RUNS ?? 20);
const LOGIN = { email: 'bench-sp-admin@bench.local', password: 'bench-sp-admin-password-1' };

interface Case {
  name: string;
  /** The page's path, or how to find it from the portal (a later page's cursor). */
  path: string | ((context: BrowserContext, portal: string) => Promise<string>);
  /** What must be on screen for the page to count as painted. */
  content: string[];
  /** Whether every streamed section must have arrived too (default: yes). */
  settled?: boolean;
}

const TENANT_ROWS = '[data-testid="tenant-usage"] tbody tr';
const OVERVIEW = [
  '[data-counter="VM_BACKUP"]',
  'section[aria-labelledby="top-title"] tbody tr',
  'section[aria-labelledby="violations-title"] .violation-groups',
];
const OVERVIEW_WITH_TREND = [...OVERVIEW, '.trend-grid .trend:nth-child(4) svg'];
const CASES: Case[] = [
  // The overview's figures come first; its 12-month trend streams in behind them.
  { name: 'SP overview: counters, top 10, violations', path: '/sp', content: OVERVIEW, settled: false },
  {
    name: 'SP overview with the trend drawn',
    path: '/sp',
    content: OVERVIEW_WITH_TREND,
  },
  { name: 'tenants, first page (by name)', path: '/sp/tenants', content: [TENANT_ROWS] },
  { name: 'tenants, sorted by units', path: '/sp/tenants?sort=units', content: [TENANT_ROWS] },
  { name: 'tenants, search "alp"', path: '/sp/tenants?search=alp', content: [TENANT_ROWS] },
  { name: 'tenants, by units, page 3', path: laterPage('/sp/tenants?sort=units', 2), content: [TENANT_ROWS] },
];

/** The path `pages` "Next page" links after `start` (cursors are the API's, so follow the links). */
function laterPage(start: string, pages: number) {
  return async (context: BrowserContext, portal: string): Promise<string> => {
    const page = await context.newPage();
    let path = start;
    for (let i = 0; i < pages; i++) {
      await navigateToContent(page, `${portal}${path}`, [TENANT_ROWS]);
      const next = await page.getByRole('link', { name: 'Next page' }).getAttribute('href');
      if (!next) throw new Error(`no page ${i + 2} after ${path}`);
      path = next;
    }
    await page.close();
    return path;
  };
}

/** Cold in a fresh context (cookies only), then `runs` warm navigations in that same context. */
async function measure(
  browser: Browser,
  session: Awaited<ReturnType<BrowserContext['storageState']>>,
  url: string,
  { content, settled = true }: Pick<Case, 'content' | 'settled'>,
): Promise<Figures & { html: string }> {
  const context = await browser.newContext({ storageState: session, viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const cold = await navigateToContent(page, url, content, settled);
    const html = await page.content();
    const warm: number[] = [];
    for (let i = 0; i < RUNS; i++) warm.push(await navigateToContent(page, url, content, settled));
    return { cold, p50: percentile(warm, 50), p95: percentile(warm, 95), html };
  } finally {
    await context.close();
  }
}

/**
 * The very first overview after the API started: its figures (the month report computed), then, on
 * the same page, the trend (eleven more month reports computed: the report benchmark's subject).
 */
async function firstVisit(
  browser: Browser,
  session: Awaited<ReturnType<BrowserContext['storageState']>>,
  url: string,
): Promise<FirstVisit> {
  const context = await browser.newContext({ storageState: session, viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const figures = await navigateToContent(page, url, OVERVIEW, false);
    const trend = await contentPainted(page, OVERVIEW_WITH_TREND).catch(() => null);
    return { figures, trend };
  } catch (error) {
    return { figures: null, trend: null, problem: (error as Error).message.split('\n')[1] ?? '' };
  } finally {
    await context.close();
  }
}

/** Opens the overview until it shows everything: the API's report cache is then warm. */
async function warmUp(
  browser: Browser,
  session: Awaited<ReturnType<BrowserContext['storageState']>>,
  url: string,
): Promise<void> {
  const context = await browser.newContext({ storageState: session });
  try {
    const page = await context.newPage();
    for (let attempt = 1; ; attempt++) {
      try {
        await navigateToContent(page, url, OVERVIEW_WITH_TREND);
        return;
      } catch (error) {
        if (attempt === 5) throw error;
      }
    }
  } finally {
    await context.close();
  }
}

async function signIn(browser: Browser, portal: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Landing on the licenses page, which reads no report: the first overview is measured on its own.
  await page.goto(`${portal}/signin?callbackUrl=${encodeURIComponent('/sp/licenses')}`);
  await page.getByLabel('Email').fill(LOGIN.email);
  await page.getByLabel('Password').fill(LOGIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === '/sp/licenses', { timeout: 120_000 });
  return context;
}

async function seededDatabase(): Promise<string> {
  if (process.env.BENCH_PORTAL_DATABASE_URL) return process.env.BENCH_PORTAL_DATABASE_URL;
  // Imported at run time by path: the estate helper is the API's (it speaks to the database through
  // @vcc/db), and the portal's own build and type check never see API code.
  const helper = new URL('../../api/bench/seeded-estate.ts', import.meta.url).href;
  const { seededEstate } = (await import(helper)) as {
    seededEstate(size: { tenants: number; machines: number; months: number }): Promise<string>;
  };
  // It runs `node --import tsx`, which resolves tsx from the working directory: the API's.
  const cwd = process.cwd();
  process.chdir(new URL('../../api', import.meta.url).pathname);
  try {
    return await seededEstate({ tenants: TENANTS, machines: MACHINES, months: MONTHS });
  } finally {
    process.chdir(cwd);
  }
}

const children: { stop(): Promise<void> }[] = [];
let browser: Browser | null = null;
try {
  const databaseUrl = await seededDatabase();
  buildPortalIfStale();
  ensureLogin(databaseUrl, LOGIN.email, LOGIN.password);
  const api: RunningApi = await startApi(databaseUrl);
  children.push(api);
  const portal: RunningPortal = await startPortal({ API_URL: api.graphqlUrl });
  children.push(portal);
  const baseline: StaticBaseline = await startStaticBaseline();
  children.push(baseline);
  browser = await launchBrowser();
  console.log(
    `Portal pages with ${TENANTS.toLocaleString('en')} tenants, ${MACHINES.toLocaleString('en')} machines, ${MONTHS} months: Chromium, next start, vcc serve on PostgreSQL; ${RUNS} warm runs`,
  );

  const signedIn = await signIn(browser, portal.url);
  const session = await signedIn.storageState();
  await signedIn.close();

  // Every measurement after this one finds the month reports cached, as a working portal does.
  const first = await firstVisit(browser, session, `${portal.url}/sp`);
  if (first.trend === null) await warmUp(browser, session, `${portal.url}/sp`);

  const rows: Parameters<typeof printTable>[0] = [];
  for (const [i, c] of CASES.entries()) {
    let path = c.path;
    if (typeof path === 'function') {
      const context = await browser.newContext({ storageState: session });
      path = await path(context, portal.url);
      await context.close();
    }
    const measured = await measure(browser, session, `${portal.url}${path}`, c);
    const baselinePath = `/baseline-${i}`;
    baseline.set(baselinePath, withoutScripts(measured.html));
    const floor = await measure(browser, session, `${baseline.url}${baselinePath}`, c);
    rows.push({ name: c.name, portal: measured, baseline: floor });
    console.log(`  measured ${c.name}: ${(measured.html.length / 1024).toFixed(0)} KiB of HTML`);
  }
  printTable(rows, first);
} finally {
  await browser?.close();
  for (const child of children.reverse()) await child.stop();
}
