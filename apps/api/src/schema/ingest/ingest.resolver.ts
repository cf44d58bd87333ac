import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { WRITER_ROLES } from '../../auth/principal.js';
import { ingestRestorePoints } from '../../ingest/ingest-restore-points.js';
import { type Context, principalOf } from '../../server/context.js';
import { Access } from '../common/access.js';
import { IngestRestorePointsInput, IngestResult } from './ingest.types.js';

@Resolver()
export class IngestResolver {
  @Mutation(() => IngestResult, {
    description: 'Up to 10,000 restore points, all or nothing, idempotent by key',
  })
  @Access(...WRITER_ROLES)
  async ingestRestorePoints(
    @Ctx() ctx: Context,
    @Arg('input', () => IngestRestorePointsInput) input: IngestRestorePointsInput,
  ): Promise<IngestResult> {
    return ingestRestorePoints(await ctx.tx(), principalOf(ctx), input, {
      onUsageVersion: (tenantIds, version) => ctx.usageWritten(tenantIds, version),
    });
  }
}
