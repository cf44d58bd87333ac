import { startApi } from '../../server/start-server.js';

/** `vcc serve`: the GraphQL API alone, until interrupted. */
export async function serveCommand(port: number | undefined): Promise<void> {
  const api = await startApi(port === undefined ? {} : { API_PORT: port });
  const stop = async () => {
    await api.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
