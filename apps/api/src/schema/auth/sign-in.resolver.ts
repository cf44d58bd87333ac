import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { signInWithIdToken } from '../../auth/identity-sign-in.js';
import { signIn } from '../../auth/sign-in.js';
import type { Context } from '../../server/context.js';
import { Access } from '../common/access.js';
import type { RoleEnum } from '../common/enums.js';
import { SignInResult } from './sign-in.types.js';

@Resolver()
export class SignInResolver {
  @Mutation(() => SignInResult, { description: 'Exchanges a portal login for a short-lived token' })
  @Access.public()
  async signIn(
    @Ctx() ctx: Context,
    @Arg('email', () => String) email: string,
    @Arg('password', () => String) password: string,
  ): Promise<SignInResult> {
    const result = await signIn(ctx.db, ctx.secret, email, password);
    ctx.log.info({ user: result.user.id }, 'signed in');
    return asSignInResult(result);
  }

  @Mutation(() => SignInResult, {
    description:
      'Exchanges an ID token from the configured OpenID Connect provider for a short-lived token; ' +
      'its verified email must be an existing user’s',
  })
  @Access.public()
  async signInWithIdToken(
    @Ctx() ctx: Context,
    @Arg('idToken', () => String) idToken: string,
    @Arg('accessToken', () => String, {
      nullable: true,
      description:
        'Issued with the ID token: lets the API read the address from userinfo when the ID token lacks it',
    })
    accessToken: string | undefined,
  ): Promise<SignInResult> {
    const tokens = { idToken, accessToken: accessToken ?? undefined };
    const result = await signInWithIdToken(ctx.db, ctx.secret, ctx.identityProvider, tokens, ctx.log);
    ctx.log.info({ user: result.user.id }, 'signed in through the identity provider');
    return asSignInResult(result);
  }
}

function asSignInResult(result: Awaited<ReturnType<typeof signIn>>): SignInResult {
  return { ...result, user: { ...result.user, role: result.user.role as RoleEnum } };
}
