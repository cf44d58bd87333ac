import 'server-only';
import { gql } from '../graphql/client';
import { isApiError } from '../graphql/errors';

/** The API's answer to `signIn` (contract agreed with apps/api). */
export interface SignInResult {
  token: string;
  user: {
    id: string;
    email: string;
    role: string;
    tenant: { externalId: string; name: string } | null;
  };
}

const SIGN_IN = /* GraphQL */ `
  mutation SignIn($email: String!, $password: String!) {
    signIn(email: $email, password: $password) {
      token
      user { id email role tenant { externalId name } }
    }
  }
`;

/**
 * Exchanges credentials for an API token. Returns null for wrong credentials, so the caller
 * shows one generic message and an attacker learns nothing about which part was wrong.
 * Other failures (API down, rate limit) are rethrown for the caller to log.
 */
export async function signInWithPassword(
  email: string,
  password: string,
  clientAddress?: string,
): Promise<SignInResult | null> {
  try {
    const data = await gql<{ signIn: SignInResult | null }, { email: string; password: string }>(
      SIGN_IN,
      { email, password },
      undefined,
      clientAddress,
    );
    return data.signIn;
  } catch (error) {
    if (isApiError(error, 'UNAUTHENTICATED') || isApiError(error, 'BAD_USER_INPUT')) return null;
    throw error;
  }
}
