/** The real API over HTTP on a free port, on a fresh test database of either kind. */

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { importScenario, schema } from '@vcc/db';
import type { Role } from '@vcc/db/schema';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from '@vcc/db/testing';
import type { Scenario } from '@vcc/rules';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { loadConfig } from '../../src/config.js';
import { createApiKey } from '../../src/keys/create-api-key.js';
import { createApp } from '../../src/server/app.js';
import { ChangeFeed } from '../../src/server/change-feed.js';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: {
    message: string;
    path?: string[];
    extensions?: { code?: string; path?: string; problems?: { path: string; message: string }[] };
  }[];
}

export interface TestApi {
  url: string;
  database: TestDatabase;
  secret: string;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GraphQLResponse<T>>;
  key(role: Role, tenantExternalId?: string): Promise<string>;
  import(scenario: Scenario): Promise<void>;
  close(): Promise<void>;
}

export async function startTestApi(kind: DatabaseKind, env: Record<string, string> = {}): Promise<TestApi> {
  const database = await createTestDatabase(kind);
  const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env }) };
  const secret = 'test-secret-that-is-long-enough-for-hs256-signing';
  const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  // As served: answers replayed from memory while the database's change feed says they are current.
  const changes = new ChangeFeed(log);
  await changes.start(database);
  const { handler, apollo } = await createApp({ db: database.db, config, log, secret, changes });
  const server = await new Promise<Server>((resolve) => {
    const s = createServer(handler).listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    database,
    secret,
    async gql(query, variables, token) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as GraphQLResponse<never>;
    },
    async key(role, tenantExternalId) {
      const [sp] = await database.db.select().from(schema.serviceProviders);
      const tenantId = tenantExternalId
        ? (
            await database.db
              .select()
              .from(schema.tenants)
              .where(eq(schema.tenants.externalId, tenantExternalId))
          )[0]!.id
        : null;
      const created = await createApiKey(database.db, {
        spId: sp!.id,
        tenantId,
        role,
        name: 'test',
        expiresAt: null,
        env: 'test',
        actor: 'test',
      });
      return created.key;
    },
    async import(scenario) {
      await importScenario(database.db, scenario);
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
      await changes.stop();
      await database.drop();
    },
  };
}
