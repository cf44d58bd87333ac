import 'server-only';
import { redirect } from 'next/navigation';
import { getApiToken } from '../auth/session';
import { isApiError } from '../graphql/errors';

/** Where to send a user whose API token is gone, so they come back to the same page. */
function reSignIn(returnTo: string): never {
  redirect(`/signin?expired=1&callbackUrl=${encodeURIComponent(returnTo)}`);
}

/**
 * Runs the API calls of one page with the signed-in user's token. A missing or rejected token
 * becomes a re-sign-in (not an error page); every other failure reaches the error boundary,
 * which shows a friendly message and no details.
 */
export async function withApi<T>(returnTo: string, run: (token: string) => Promise<T>): Promise<T> {
  const token = await getApiToken();
  if (!token) reSignIn(returnTo);
  try {
    return await run(token);
  } catch (error) {
    if (isApiError(error, 'UNAUTHENTICATED')) reSignIn(returnTo);
    throw error;
  }
}
