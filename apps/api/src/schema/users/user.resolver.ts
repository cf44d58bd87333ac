import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { WRITER_ROLES } from '../../auth/principal.js';
import { type Context, principalOf } from '../../server/context.js';
import { inviteUser } from '../../users/invite-user.js';
import { listUsers } from '../../users/list-users.js';
import { setUserDisabled } from '../../users/set-user-disabled.js';
import { Access } from '../common/access.js';
import { CreatedUser, CreateUserInput, User, UserConnection } from './user.types.js';

/** Portal logins: SP admins manage all of the SP's, tenant admins their own tenant's. */
@Resolver(() => User)
export class UserResolver {
  @Query(() => UserConnection)
  @Access(...WRITER_ROLES)
  async users(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<UserConnection> {
    return listUsers(await ctx.tx(), principalOf(ctx), first, after);
  }

  @Mutation(() => CreatedUser, { description: 'The one-time password is in the answer, and never again' })
  @Access(...WRITER_ROLES)
  async createUser(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateUserInput) input: CreateUserInput,
  ): Promise<CreatedUser> {
    return inviteUser(await ctx.tx(), principalOf(ctx), input);
  }

  @Mutation(() => User, { description: 'A disabled user is refused at its next request' })
  @Access(...WRITER_ROLES)
  async setUserDisabled(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('disabled', () => Boolean) disabled: boolean,
  ): Promise<User> {
    const user = await setUserDisabled(await ctx.tx(), principalOf(ctx), id, disabled);
    ctx.credentialsChanged();
    return user;
  }
}
