import { startApi } from '../../server/start-server.js';

/** `vcc serve`: the GraphQL API alone, until interrupted. */
export async function serveCommand(port: number | undefined): Promise<void> {
  const api = await startApi(port === undefined ? {} : { API_PORT: port });
  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= api.close().then(() => process.exit(0));
    return stopping;
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
