import { withDatabase } from '../database.js';
import { info } from '../io.js';

export async function migrateCommand(): Promise<void> {
  const kind = await withDatabase(async (handle) => handle.kind);
  info(`migrations applied (${kind})`);
}
