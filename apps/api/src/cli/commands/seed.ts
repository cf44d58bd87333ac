import { seedEstate } from '@vcc/db';
import type { RulesetId } from '@vcc/rules';
import { monthOf } from '@vcc/rules';
import { SingleBar } from 'cli-progress';
import { withDatabase } from '../database.js';
import { CliError, info } from '../io.js';

export interface SeedArgs {
  tenants: number;
  machines: number;
  months: number;
  sp: string;
  ruleset: RulesetId;
  seed: number;
}

/** `vcc seed`: a synthetic estate with daily restore points up to now, with a progress bar. */
export async function seedCommand(args: SeedArgs): Promise<void> {
  if (args.tenants < 1 || args.machines < args.tenants || args.months < 1 || args.months > 60) {
    throw new CliError('need --tenants ≥ 1, --machines ≥ --tenants, and --months between 1 and 60', 2);
  }
  const now = Date.now();
  const bar = new SingleBar({
    format: 'seeding {bar} {value}/{total} machines | {eta_formatted} left',
    stream: process.stderr,
    hideCursor: true,
    // Without a terminal (CI, a log file) print a line every 10 seconds instead of redrawing.
    noTTYOutput: true,
    notTTYSchedule: 10_000,
  });
  bar.start(args.machines, 0);
  const started = performance.now();
  const result = await withDatabase((handle) =>
    seedEstate(handle.db, {
      spExternalId: args.sp,
      tenants: args.tenants,
      machines: args.machines,
      months: args.months,
      lastMonth: monthOf(now),
      until: now,
      seed: args.seed,
      ruleset: args.ruleset,
      onProgress: (done) => bar.update(done),
    }),
  );
  bar.stop();
  const seconds = (performance.now() - started) / 1000;
  info(
    `seeded ${args.tenants} tenants, ${args.machines} machines, ${result.restorePoints} restore points in ${seconds.toFixed(1)} s`,
  );
}
