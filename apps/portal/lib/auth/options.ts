import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { signInWithPassword } from '../api/sign-in';
import { identityProvider } from './identity-provider';
import { portalUserOf } from './portal-user';
import { authSecret } from './secret';
import { apiTokenExpiresAt } from './token-expiry';

// Short sessions: a portal left open on a shared screen should not stay signed in for long.
// The API re-checks the user on every request and its token carries its own expiry.
export const SESSION_MAX_AGE_SECONDS = 30 * 60;

const oidc = identityProvider();

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/signin', error: '/signin' },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: {
        email: { label: 'Email', type: 'email' },
        password: { label: 'Password', type: 'password' },
      },
      async authorize(credentials, req) {
        const email = credentials?.email?.trim();
        const password = credentials?.password;
        if (!email || !password) return null;
        try {
          // The browser's address as Next's server saw it (the first hop): sign-in attempts are
          // limited per address by the API, which trusts this header from a loopback portal only.
          const forwarded = req?.headers?.['x-forwarded-for'];
          const clientAddress = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
          return portalUserOf(await signInWithPassword(email, password, clientAddress || undefined));
        } catch (error) {
          // Logged here, shown to the user only as the generic sign-in error.
          console.error('[auth] sign-in call failed:', (error as Error).message);
          return null;
        }
      },
    }),
    ...(oidc ? [oidc] : []),
  ],
  callbacks: {
    // A user the identity provider vouched for but the API refused has no API token (identity-provider.ts).
    signIn({ user }) {
      return Boolean(user.apiToken);
    },
    jwt({ token, user }) {
      // `user` is only set on the sign-in request: copy what later requests need.
      if (user) {
        token.sub = user.id;
        token.email = user.email;
        token.role = user.role;
        token.tenant = user.tenant;
        token.apiToken = user.apiToken;
        token.apiTokenExpiresAt = apiTokenExpiresAt(user.apiToken);
      }
      return token;
    },
    session({ session, token }) {
      // Deliberately rebuilt field by field so the API token can never leak into it.
      session.user = {
        id: token.sub ?? '',
        email: token.email ?? '',
        role: token.role ?? 'tenant-viewer',
        tenant: token.tenant ?? null,
      };
      return session;
    },
  },
};
