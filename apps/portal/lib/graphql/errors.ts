/** The `extensions.code` values the API promises (contracts.md §3), plus our own transport codes. */
export type ApiErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'INTERNAL_SERVER_ERROR'
  // Not from the API: the request never got a GraphQL answer (down, timeout, non-JSON reply).
  | 'NETWORK_ERROR';

export interface GraphQLErrorEntry {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; [key: string]: unknown };
}

/**
 * One error type for every failed call, so callers branch on `code` instead of parsing messages.
 * Only the first GraphQL error decides the code; all of them are kept for logging.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly code: ApiErrorCode | (string & {}),
    message: string,
    readonly errors: readonly GraphQLErrorEntry[] = [],
    readonly status?: number,
  ) {
    super(message);
  }

  is(code: ApiErrorCode): boolean {
    return this.code === code;
  }
}

export function isApiError(error: unknown, code?: ApiErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}
