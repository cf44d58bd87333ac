import { createServer, type Server } from 'node:http';
import { migrate } from '@vcc/db';
import pino from 'pino';
import { type Config, loadConfig } from '../config.js';
import { startTenantHalfWorker, stopTenantHalfWorker } from '../reports/tenant-half.js';
import { createApp } from './app.js';
import { ChangeFeed } from './change-feed.js';
import { openResilientDatabase } from './resilient-database.js';
import { resolveSecret } from './secret.js';

export interface RunningApi {
  server: Server;
  port: number;
  close(): Promise<void>;
}

/** Opens the configured database, migrates it, and serves the API until closed. */
export async function startApi(overrides: Partial<Config> = {}): Promise<RunningApi> {
  const config = { ...loadConfig(), ...overrides };
  const log = pino({
    level: config.LOG_LEVEL,
    redact: ['req.headers.authorization', 'password', '*.password', 'token', '*.token'],
  });
  // The pool is replaced if the driver loses a connection mid-transaction (resilient-database.ts).
  const handle = await openResilientDatabase(log);
  await migrate(handle.handle());
  const changes = new ChangeFeed(log);
  await changes.start(handle.handle());
  handle.onReplaced((replacement) => {
    changes
      .start(replacement)
      .catch((error: unknown) => log.error({ err: error }, 'could not listen for changes'));
  });
  // The SP report's second thread loads while the API starts, not during the first report.
  if (handle.kind === 'postgres') startTenantHalfWorker();
  const { handler, apollo } = await createApp({
    db: handle.db,
    config,
    log,
    secret: resolveSecret(config),
    changes,
  });
  const server = await new Promise<Server>((resolve) => {
    const s = createServer(handler).listen(config.API_PORT, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.API_PORT;
  log.info({ port, database: handle.kind }, 'API listening');
  return {
    server,
    port,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
      await changes.stop();
      await stopTenantHalfWorker();
      await handle.close();
    },
  };
}
