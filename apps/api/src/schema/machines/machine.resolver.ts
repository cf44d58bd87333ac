import { schema } from '@vcc/db';
import type { Charge as EngineCharge } from '@vcc/rules';
import { and, eq, inArray } from 'drizzle-orm';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { ALL_ROLES } from '../../auth/principal.js';
import { withinReach } from '../../auth/scope-conditions.js';
import { findMachine } from '../../machines/find-machine.js';
import { monthReport } from '../../reports/report-service.js';
import { type Context, principalOf } from '../../server/context.js';
import { Access } from '../common/access.js';
import { parseMonthArg } from '../common/arguments.js';
import { decodeCursor, encodeCursor, pageSize } from '../common/connection.js';
import { ChargePoolEnum, ChargeStatusEnum, CounterEnum, type MachineKindEnum } from '../common/enums.js';
import { toCharge } from './machine.mapping.js';
import { Machine, MachineConnection } from './machine.types.js';

@Resolver(() => Machine)
export class MachineResolver {
  @Query(() => Machine, {
    nullable: true,
    description: 'One machine with its charges in a month; null when the caller may not see it',
  })
  @Access(...ALL_ROLES)
  async machine(
    @Ctx() ctx: Context,
    @Arg('tenantExternalId', () => String) tenantExternalId: string,
    @Arg('externalId', () => String) externalId: string,
    @Arg('month', () => String) month: string,
  ): Promise<Machine | null> {
    parseMonthArg(month, 'month');
    return findMachine(await ctx.tx(), principalOf(ctx), tenantExternalId, externalId, month);
  }

  @Query(() => MachineConnection, {
    description: 'Machines charged in a month, with their charges and the rules behind them',
  })
  @Access(...ALL_ROLES)
  async machines(
    @Ctx() ctx: Context,
    @Arg('month', () => String) month: string,
    @Arg('tenantExternalId', () => String, { nullable: true }) tenantExternalId: string | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('counter', () => CounterEnum, {
      nullable: true,
      description: 'Only machines with a charge on this counter (and the other filters, on the same charge)',
    })
    counter: CounterEnum | null,
    @Arg('pool', () => ChargePoolEnum, {
      nullable: true,
      description: 'Only machines with a charge in this pool',
    })
    pool: ChargePoolEnum | null,
    @Arg('status', () => ChargeStatusEnum, {
      nullable: true,
      description: 'Only machines with a charge of this status',
    })
    status: ChargeStatusEnum | null,
  ): Promise<MachineConnection> {
    const principal = principalOf(ctx);
    const wanted = (c: EngineCharge) =>
      (counter == null || c.counter === counter) &&
      (pool == null || c.pool === pool) &&
      (status == null || c.status === status);
    parseMonthArg(month, 'month');
    const limit = pageSize(first);
    const position = after ? decodeCursor(after).map(String) : null;
    const tx = await ctx.tx();
    const report = await monthReport(tx, principal, month, {
      machines: tenantExternalId == null ? 'all' : { tenant: tenantExternalId },
    });
    const rows = report.tenants
      .filter((t) => tenantExternalId == null || t.id === tenantExternalId)
      .flatMap((t) => t.machines.map((m) => ({ tenant: t.id, machine: m })))
      .filter((r) => r.machine.charges.some(wanted))
      .sort((a, b) => (a.tenant === b.tenant ? cmp(a.machine.id, b.machine.id) : cmp(a.tenant, b.tenant)))
      .filter(
        (r) =>
          !position ||
          cmp(r.tenant, position[0]!) > 0 ||
          (r.tenant === position[0] && cmp(r.machine.id, position[1]!) > 0),
      );
    const page = rows.slice(0, limit);

    const { tenants, machines } = schema;
    const tenantRows = await tx
      .select()
      .from(tenants)
      .where(
        and(
          inArray(tenants.externalId, [...new Set(page.map((r) => r.tenant)), '']),
          ...withinReach(principal, { spId: tenants.spId, tenantId: tenants.id }),
        ),
      );
    const nodes: Machine[] = [];
    for (const t of tenantRows) {
      const names = page.filter((r) => r.tenant === t.externalId).map((r) => r.machine.id);
      const found = await tx
        .select()
        .from(machines)
        .where(and(eq(machines.tenantId, t.id), inArray(machines.externalId, names)));
      const byName = new Map(found.map((m) => [m.externalId, m]));
      for (const r of page.filter((x) => x.tenant === t.externalId)) {
        const m = byName.get(r.machine.id);
        if (!m) continue;
        nodes.push({
          id: `${t.id}:${m.id}`,
          externalId: m.externalId,
          kind: m.kind as MachineKindEnum,
          agentOs: m.agentOs,
          agentVersion: m.agentVersion,
          tenant: { id: t.id, externalId: t.externalId, name: t.name },
          month,
          charges: r.machine.charges.map(toCharge),
        });
      }
    }
    nodes.sort((a, b) =>
      a.tenant.externalId === b.tenant.externalId
        ? cmp(a.externalId, b.externalId)
        : cmp(a.tenant.externalId, b.tenant.externalId),
    );
    const last = page[page.length - 1];
    return {
      edges: nodes.map((node) => ({ node, cursor: encodeCursor([node.tenant.externalId, node.externalId]) })),
      pageInfo: {
        hasNextPage: rows.length > limit,
        endCursor: last ? encodeCursor([last.tenant, last.machine.id]) : null,
      },
      totalCount: null,
    };
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
