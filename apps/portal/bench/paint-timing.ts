/**
 * Navigation to content painted: the time from the navigation's start (the page's `timeOrigin`)
 * to the first animation frame in which the page's content is laid out and, when `settled`,
 * nothing is loading any more (no `aria-busy` skeleton left, such as a section still streaming).
 * The frame callback runs just before that frame paints.
 */
import type { Page } from 'playwright-core';

export async function navigateToContent(
  page: Page,
  url: string,
  selectors: readonly string[],
  settled = true,
): Promise<number> {
  await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
  return contentPainted(page, selectors, settled);
}

/** The same, for the page already loading or loaded: when (since its navigation start) it showed. */
export async function contentPainted(
  page: Page,
  selectors: readonly string[],
  settled = true,
): Promise<number> {
  const handle = await page
    .waitForFunction(
      ({ wanted, settled }: { wanted: readonly string[]; settled: boolean }) => {
        if (settled && document.querySelector('[aria-busy="true"]')) return false;
        const shown = wanted.every((selector) => {
          const element = document.querySelector(selector);
          return element !== null && element.getBoundingClientRect().height > 0;
        });
        return shown ? performance.now() : false;
      },
      { wanted: selectors, settled },
      { polling: 'raf', timeout: 120_000 },
    )
    .catch(async (error: Error) => {
      // Say what the page showed instead: an error page, a sign-in form, a skeleton.
      const missing = await page
        .evaluate((wanted) => wanted.filter((selector) => !document.querySelector(selector)), selectors)
        .catch(() => selectors);
      const busy = await page.locator('[aria-busy="true"]').count();
      const shown =
        (await page
          .locator('main')
          .textContent()
          .catch(() => null)) ?? '';
      throw new Error(
        `${error.message}\nmissing: ${missing.join(', ') || 'none'}; busy: ${busy}; page at ${page.url()} shows: ${shown.slice(0, 300)}`,
      );
    });
  return (await handle.jsonValue()) as number;
}

/** Nearest-rank percentile of a sample (with 20 runs, p95 is the second slowest). */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
