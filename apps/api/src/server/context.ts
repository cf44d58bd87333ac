import type { Database, Transaction } from '@vcc/db';
import type { Logger } from 'pino';
import type { IdentityProvider } from '../auth/identity-provider.js';
import type { Principal } from '../auth/principal.js';
import type { Config } from '../config.js';
import type { Loaders } from './loaders.js';

/** What every resolver is given for one request. */
export interface Context {
  requestId: string;
  principal: Principal | null;
  db: Database;
  config: Config;
  /** Signs and checks portal tokens. */
  secret: string;
  /** The OpenID Connect provider users may sign in with, when one is configured. */
  identityProvider: IdentityProvider | null;
  log: Logger;
  /** The request's transaction under the caller's scope (see request-transaction.ts). */
  tx(): Promise<Transaction>;
  loaders: Loaders;
  /** The caller's address, for rate limits and the audit log. */
  ip: string;
  /**
   * Says this request revoked or changed a credential: once it commits, this process stops
   * replaying answers at once, before the response leaves (its NOTIFY may arrive later).
   */
  credentialsChanged(): void;
  /** Says this request's batch stamped these tenants with this version: learnt once it commits. */
  usageWritten(tenantIds: readonly string[], version: number): void;
  /**
   * The versions the caller's reports depend on, as the change feed knows them now (ChangeFeed
   * `versionOf`): a read may serve what was computed at them without asking the database. Undefined
   * when the feed is not live or does not know them.
   */
  knownVersion(): string | undefined;
  /** After a committed mutation: this process learns the versions it made (ChangeFeed.catchUp). */
  catchUpWithWrites(): Promise<void>;
}

/** The principal of a resolver that declared roles (the auth checker has already let it in). */
export function principalOf(context: Context): Principal {
  if (!context.principal) throw new Error('resolver reached without a principal: its @Access is missing');
  return context.principal;
}
