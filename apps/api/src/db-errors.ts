/** Turns database refusals the caller can act on into API errors. */
import { conflict } from './errors.js';

/**
 * PostgreSQL's unique_violation (23505). drizzle wraps driver errors, so the code is on `cause`;
 * both postgres.js and PGlite put it in `code`.
 */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/** Runs a write and answers CONFLICT when it would duplicate a unique key; other errors pass through. */
export async function orConflict<T>(write: Promise<T>, message: string): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(message);
    throw error;
  }
}
