import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { WRITER_ROLES } from '../../auth/principal.js';
import { issueApiKey } from '../../keys/issue-api-key.js';
import { listApiKeys } from '../../keys/list-api-keys.js';
import { revokeApiKey } from '../../keys/revoke-api-key.js';
import { type Context, principalOf } from '../../server/context.js';
import { Access } from '../common/access.js';
import { ApiKey, ApiKeyConnection, CreateApiKeyInput, CreatedApiKey } from './api-key.types.js';

/** API keys: SP admins manage all of the SP's, tenant admins their own tenant's. */
@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @Query(() => ApiKeyConnection)
  @Access(...WRITER_ROLES)
  async apiKeys(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<ApiKeyConnection> {
    return listApiKeys(await ctx.tx(), principalOf(ctx), first, after);
  }

  @Mutation(() => CreatedApiKey, { description: 'The key’s secret is in the answer, and never again' })
  @Access(...WRITER_ROLES)
  async createApiKey(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateApiKeyInput) input: CreateApiKeyInput,
  ): Promise<CreatedApiKey> {
    return issueApiKey(await ctx.tx(), principalOf(ctx), input, ctx.config.VCC_KEY_ENV);
  }

  @Mutation(() => ApiKey, { description: 'Effective at once' })
  @Access(...WRITER_ROLES)
  async revokeApiKey(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<ApiKey> {
    const revoked = await revokeApiKey(await ctx.tx(), principalOf(ctx), id);
    ctx.credentialsChanged();
    return revoked;
  }
}
