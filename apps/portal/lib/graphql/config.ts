import 'server-only';

const DEFAULT_API_URL = 'http://localhost:4000/graphql';

/** Read at call time, not import time, so `next start` picks up the runtime environment. */
export function apiUrl(): string {
  return process.env.API_URL || DEFAULT_API_URL;
}

/** A hung API must not hang a page render or a sign-in for ever. */
export const API_TIMEOUT_MS = 10_000;

/**
 * For a section streamed after the rest of its page (it blocks nothing while it waits): long enough
 * for the API to compute a year of month reports with its cache cold.
 */
export const STREAMED_SECTION_TIMEOUT_MS = 60_000;
