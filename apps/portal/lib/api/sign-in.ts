import 'server-only';
import { gql } from '../graphql/client';
import { isApiError } from '../graphql/errors';
import type {
  SignInMutation,
  SignInMutationVariables,
  SignInWithIdTokenMutation,
  SignInWithIdTokenMutationVariables,
} from '../graphql/generated';

/** The API's answer to `signIn`: its token and who signed in. */
export type SignInResult = NonNullable<SignInMutation['signIn']>;

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
    const data = await gql<SignInMutation, SignInMutationVariables>(
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

const SIGN_IN_WITH_ID_TOKEN = /* GraphQL */ `
  mutation SignInWithIdToken($idToken: String!, $accessToken: String) {
    signInWithIdToken(idToken: $idToken, accessToken: $accessToken) {
      token
      user { id email role tenant { externalId name } }
    }
  }
`;

/**
 * Exchanges an ID token from the configured identity provider for an API token (the access token
 * lets the API ask the provider's userinfo for the address). Null when the API
 * refuses it (not a user, not this provider's tenant, an untrusted token); other failures rethrown.
 */
export async function signInWithIdToken(
  idToken: string,
  accessToken: string | undefined,
): Promise<SignInResult | null> {
  try {
    const data = await gql<SignInWithIdTokenMutation, SignInWithIdTokenMutationVariables>(
      SIGN_IN_WITH_ID_TOKEN,
      { idToken, accessToken: accessToken ?? null },
    );
    return data.signInWithIdToken;
  } catch (error) {
    if (isApiError(error, 'UNAUTHENTICATED')) return null;
    throw error;
  }
}
