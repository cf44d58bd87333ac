import 'server-only';
import { API_TIMEOUT_MS, apiUrl } from './config';
import { ApiError, type GraphQLErrorEntry } from './errors';

interface GraphQLResponse<TData> {
  data?: TData | null;
  errors?: GraphQLErrorEntry[];
}

/**
 * Server-side GraphQL call. The token is the signed-in user's API token; it never reaches the
 * browser because this module is server-only. Throws ApiError on any failure, so a resolved
 * promise always carries complete data.
 */
export async function gql<TData, TVars extends Record<string, unknown> = Record<string, never>>(
  query: string,
  variables: TVars,
  token?: string,
  /** The address of the browser this call serves, so the API's per-address limits see it, not the portal. */
  clientAddress?: string,
  { timeoutMs = API_TIMEOUT_MS }: { timeoutMs?: number } = {},
): Promise<TData> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (clientAddress) headers['x-forwarded-for'] = clientAddress;

  let response: Response;
  try {
    response = await fetch(apiUrl(), {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
      // Per-user data: never let Next's fetch cache share it between requests.
      cache: 'no-store',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (cause) {
    throw new ApiError('NETWORK_ERROR', `API unreachable: ${(cause as Error).message}`);
  }

  let body: GraphQLResponse<TData>;
  try {
    body = (await response.json()) as GraphQLResponse<TData>;
  } catch {
    throw new ApiError('NETWORK_ERROR', `API answered ${response.status} without JSON`, [], response.status);
  }

  const first = body.errors?.[0];
  if (first) {
    const code = typeof first.extensions?.code === 'string' ? first.extensions.code : 'INTERNAL_SERVER_ERROR';
    throw new ApiError(code, first.message, body.errors, response.status);
  }
  if (!response.ok || body.data == null) {
    throw new ApiError('NETWORK_ERROR', `API answered ${response.status} without data`, [], response.status);
  }
  return body.data;
}
