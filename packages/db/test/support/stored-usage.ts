import { type ActivityFact, type FirstFact, monthOfIndex, rollUp } from '@vcc/rules';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/rows.js';
import type { Executor } from '../../src/scope.js';

type Keyed = { server: string; opClass: string };
const byKey = <T extends Keyed>(xs: T[]) =>
  [...xs].sort((a, b) =>
    `${a.server}${a.opClass}${JSON.stringify(a)}`.localeCompare(
      `${b.server}${b.opClass}${JSON.stringify(b)}`,
    ),
  );

/** One machine's usage rows as the engine's facts (servers by external id), in a stable order. */
export async function storedUsage(
  db: Executor,
  machineId: number,
): Promise<{ activity: ActivityFact[]; firsts: FirstFact[] }> {
  const usage = await queryRows<{
    server: string;
    opClass: ActivityFact['opClass'];
    at: number;
    lo: number;
    days: number[];
    late: number[];
  }>(
    db,
    sql`select s.external_id as server, u.op_class::text as "opClass", (extract(epoch from u.first_at) * 1000)::float8 as at,
               array_lower(u.days, 1) as lo, u.days[array_lower(u.days, 1):array_upper(u.days, 1)] as days,
               u.late_days[array_lower(u.days, 1):array_upper(u.days, 1)] as late
          from machine_usage u join backup_servers s on s.id = u.server_id
         where u.machine_id = ${machineId}`,
  );
  const activity = usage.flatMap((u) =>
    u.days.flatMap((days, i) =>
      days
        ? [
            {
              server: u.server,
              opClass: u.opClass,
              month: monthOfIndex(u.lo + i),
              days,
              lateDays: u.late[i] ?? 0,
            },
          ]
        : [],
    ),
  );
  const firsts = usage.map((u) => ({ server: u.server, opClass: u.opClass, at: Number(u.at) }));
  return { activity: byKey(activity), firsts: byKey(firsts) };
}

/** What the engine computes from one machine's stored restore points, in the same order. */
export async function usageOfStoredPoints(
  db: Executor,
  machineId: number,
): Promise<{ activity: ActivityFact[]; firsts: FirstFact[] }> {
  const points = await queryRows<{ server: string; operation: string; at: number }>(
    db,
    sql`select s.external_id as server, p.operation::text as operation, (extract(epoch from p.at) * 1000)::float8 as at
          from restore_points p join backup_servers s on s.id = p.server_id
         where p.machine_id = ${machineId}`,
  );
  const { activity, firsts } = rollUp(
    points.map((p) => ({ server: p.server, operation: p.operation as never, at: Number(p.at) })),
  );
  return { activity: byKey(activity), firsts: byKey(firsts) };
}
