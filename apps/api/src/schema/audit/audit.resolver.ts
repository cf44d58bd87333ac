import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { listAuditLog } from '../../audit/list-audit-log.js';
import { WRITER_ROLES } from '../../auth/principal.js';
import { type Context, principalOf } from '../../server/context.js';
import { Access } from '../common/access.js';
import { AuditEntry, AuditEntryConnection } from './audit.types.js';

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Query(() => AuditEntryConnection, {
    description: 'Newest first. SP admin: the whole SP; tenant admin: its own tenant’s changes',
  })
  @Access(...WRITER_ROLES)
  async auditLog(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('action', () => String, {
      nullable: true,
      description: 'An exact action, or a prefix ending in a dot (tenant.)',
    })
    action: string | null,
  ): Promise<AuditEntryConnection> {
    return listAuditLog(await ctx.tx(), principalOf(ctx), first, after, action);
  }
}
