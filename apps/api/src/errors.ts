/** Errors the API returns, each with the `extensions.code` of docs/contracts.md §3. */
import { GraphQLError } from 'graphql';

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED';

export function apiError(
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export const unauthenticated = (message = 'sign in or pass a valid API key') =>
  apiError('UNAUTHENTICATED', message);
export const forbidden = (message = 'your role may not do this') => apiError('FORBIDDEN', message);
export const notFound = (what: string) => apiError('NOT_FOUND', `${what} not found`);
export const conflict = (message: string) => apiError('CONFLICT', message);

/** Bad input, naming where: `path` is the argument path, e.g. `input.restorePoints[3].at`. */
export function badInput(problems: { path: string; message: string }[]): GraphQLError {
  const first = problems[0];
  const message =
    problems.length === 1 && first
      ? `${first.path}: ${first.message}`
      : `${problems.length} problems in the input`;
  return apiError('BAD_USER_INPUT', message, { path: first?.path, problems });
}
