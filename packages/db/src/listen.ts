/**
 * LISTEN on a channel, whichever driver is beneath. `onListen` runs each time the subscription is
 * (re)established: on PostgreSQL the driver reconnects a lost listening connection by itself, and
 * notifications sent while it was down are lost, so a listener must treat every `onListen` after the
 * first as "anything may have changed".
 */
import type { DatabaseHandle } from './client.js';

export async function listen(
  handle: DatabaseHandle,
  channel: string,
  onNotify: (payload: string) => void,
  onListen: () => void,
): Promise<{ unlisten(): Promise<void> }> {
  if (handle.driver.kind === 'postgres') {
    const subscription = await handle.driver.sql.listen(channel, onNotify, onListen);
    return { unlisten: () => subscription.unlisten() };
  }
  const unsubscribe = await handle.driver.pg.listen(channel, onNotify);
  onListen();
  return { unlisten: () => unsubscribe() };
}
