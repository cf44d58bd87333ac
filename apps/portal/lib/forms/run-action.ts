import 'server-only';
import { getApiToken } from '../auth/session';
import { ApiError } from '../graphql/errors';
import type { ActionState } from './action-state';

const MESSAGES: Record<string, string> = {
  UNAUTHENTICATED: 'Your session has expired. Sign in again, then retry.',
  FORBIDDEN: 'Your role may not make this change.',
  RATE_LIMITED: 'Too many requests; wait a moment and retry.',
  NETWORK_ERROR: 'The API could not be reached; nothing was changed. Try again.',
};

/** The API's answer to a failed call, worded for the form (problems by path, the rest as a message). */
export function toActionState(error: unknown): ActionState {
  if (!(error instanceof ApiError)) {
    console.error('[action] unexpected failure:', (error as Error)?.message);
    return { status: 'error', message: 'Something went wrong; nothing was changed.' };
  }
  if (error.code === 'BAD_USER_INPUT') {
    const problems = error.errors.flatMap((e) => {
      const list = e.extensions?.problems;
      return Array.isArray(list) ? (list as { path: string; message: string }[]) : [];
    });
    const fieldErrors = Object.fromEntries(problems.map((p) => [p.path, p.message]));
    return { status: 'error', message: 'Please correct the fields marked below.', fieldErrors };
  }
  // NOT_FOUND and CONFLICT carry a sentence a person can act on (e.g. "2026-10 is already approved").
  return { status: 'error', message: MESSAGES[error.code] ?? error.message };
}

/** Runs a server action's API calls with the signed-in user's token; every failure becomes state. */
export async function runAction(
  run: (token: string) => Promise<ActionState | undefined>,
): Promise<ActionState> {
  const token = await getApiToken();
  if (!token) return { status: 'error', message: MESSAGES.UNAUTHENTICATED };
  try {
    return (await run(token)) ?? { status: 'ok' };
  } catch (error) {
    return toActionState(error);
  }
}

/** A form field as text ('' when absent). */
export function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

/**
 * Reads whole numbers from a form before the call: GraphQL would refuse a non-number for the whole
 * request without naming the field, so the portal names it (with the API's path) itself. Everything
 * else (ranges, dates, reasons) is left to the API, the one judge of input.
 */
export class NumberFields {
  readonly fieldErrors: Record<string, string> = {};

  constructor(private readonly form: FormData) {}

  /** The number in field `name`; a problem at `path` when it is not a whole number. */
  int(name: string, path: string): number {
    const raw = text(this.form, name).trim();
    if (/^-?\d{1,9}$/.test(raw)) return Number(raw);
    this.fieldErrors[path] = 'enter a whole number';
    return 0;
  }

  /** Like int(), but an empty field is null (e.g. "not licensed"). */
  optionalInt(name: string, path: string): number | null {
    return text(this.form, name).trim() === '' ? null : this.int(name, path);
  }

  /** The state to answer with when a field was not a number, else null. */
  problems(): ActionState | null {
    return Object.keys(this.fieldErrors).length > 0
      ? { status: 'error', message: 'Please correct the fields marked below.', fieldErrors: this.fieldErrors }
      : null;
  }
}
