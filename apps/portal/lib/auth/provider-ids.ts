/** next-auth's id of the OpenID Connect provider (its URLs: /api/auth/signin/oidc, /api/auth/callback/oidc). No imports: the sign-in form, a client component, uses it. */
export const IDENTITY_PROVIDER_ID = 'oidc';
