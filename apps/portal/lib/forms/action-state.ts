/**
 * What a server action answers a form: nothing yet, done (perhaps with a secret to show once), or
 * failed with a message and the API's problems by field path (`input.reason`), so each shows
 * next to its field. Plain data: it crosses from the server action to the client component.
 */
export interface ActionState {
  status: 'idle' | 'ok' | 'error';
  message?: string;
  /** BAD_USER_INPUT problems keyed by the API's argument path, e.g. `input.capacity.instances`. */
  fieldErrors?: Record<string, string>;
  /** A one-time secret (API key, password) to show once; never stored by the portal. */
  secret?: string;
}

export const IDLE: ActionState = { status: 'idle' };
