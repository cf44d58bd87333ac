/**
 * The HTTP side: `POST /graphql` (bearer auth, rate limits per key and per address, a request size
 * limit, a request id in every log line), `GET /reports/<month>.csv|.pdf` (report-exports.ts, same
 * auth and limits), `GET /healthz` (the process is up) and `GET /readyz` (the database answers).
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { expressMiddleware } from '@as-integrations/express5';
import type { Database } from '@vcc/db';
import { sql } from 'drizzle-orm';
import express, { type Request, type RequestHandler, type Response } from 'express';
import { ipKeyGenerator, MemoryStore, rateLimit } from 'express-rate-limit';
import { GraphQLError } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import { identityProviderFrom } from '../auth/identity-provider.js';
import { scopeOf } from '../auth/principal.js';
import { PrincipalCache } from '../auth/principal-cache.js';
import type { Config } from '../config.js';
import { unauthenticated } from '../errors.js';
import { MachineDirectory } from '../ingest/machine-directory.js';
import { getSchema } from '../schema/build-schema.js';
import { AnswerCache } from './answer-cache.js';
import { createApollo } from './apollo.js';
import type { ChangeFeed } from './change-feed.js';
import { frontDoor } from './front-door.js';
import { IngestLane } from './ingest-lane.js';
import { createLoaders } from './loaders.js';
import { reportExports } from './report-exports.js';
import { requestId as requestIdOf } from './request-id.js';
import { RequestTransaction } from './request-transaction.js';
import { tokenLimit } from './token-limit.js';

export interface AppOptions {
  db: Database;
  config: Config;
  log: Logger;
  secret: string;
  /** The database's change notifications; without them no answer is replayed from memory. */
  changes?: ChangeFeed | undefined;
}

/** A batch of 10,000 restore points is about 2.5 MB of JSON. */
const BODY_LIMIT = 8 * 1024 * 1024;

const PER_IP_REFUSAL = 'too many requests from this address; slow down';
const PER_KEY_REFUSAL = 'too many requests for this API key; slow down';

export async function createApp({ db, config, log, secret, changes }: AppOptions) {
  const production = config.NODE_ENV === 'production';
  const ipStore = new MemoryStore();
  const callerStore = new MemoryStore();
  const callerKey = (authorization: string) => createHash('sha256').update(authorization).digest('base64url');
  // An address's rate-limit key (IPv6 grouped by /56): parsing the address costs more than a
  // replayed answer, and a client sends many requests from one address. (Named so that
  // express-rate-limit's check for IPv6-unaware key generators recognises it.)
  const ipKeys = new LRUCache<string, string>({ max: 10_000 });
  const ipKeyGeneratorCached = (address: string) => {
    let key = ipKeys.get(address);
    if (key === undefined) {
      key = ipKeyGenerator(address);
      ipKeys.set(address, key);
    }
    return key;
  };
  // A request the front door reads counts there against the same budgets as any other, once:
  // should it go on to Express, Express's limiters skip it. Null when admitted, else the refusal.
  const counted = new WeakSet<IncomingMessage>();
  const admit = async (req: IncomingMessage): Promise<string | null> => {
    counted.add(req);
    if (
      (await ipStore.increment(ipKeyGeneratorCached(req.socket.remoteAddress ?? ''))).totalHits >
      config.RATE_LIMIT_PER_IP
    )
      return PER_IP_REFUSAL;
    if (
      (await callerStore.increment(callerKey(req.headers.authorization ?? ''))).totalHits >
      config.RATE_LIMIT_PER_KEY
    )
      return PER_KEY_REFUSAL;
    return null;
  };
  const answers = changes ? new AnswerCache(changes, db) : null;
  const identityProvider = identityProviderFrom(config, log);
  const principals = new PrincipalCache(changes);
  const lane = new IngestLane(
    getSchema(),
    db,
    secret,
    log,
    changes,
    changes && new MachineDirectory(changes),
  );
  const apollo = createApollo(production, answers ? [answers.plugin] : []);
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await db.execute(sql`select 1`);
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'unavailable', reason: 'database' });
    }
  });

  const limitedResponse = (message: string) => (_req: Request, res: Response) => {
    res.status(429).json({ errors: [{ message, extensions: { code: 'RATE_LIMITED' } }] });
  };
  const perIp = rateLimit({
    store: ipStore,
    windowMs: 60_000,
    limit: config.RATE_LIMIT_PER_IP,
    keyGenerator: (req) => ipKeyGeneratorCached(req.ip ?? ''),
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: limitedResponse(PER_IP_REFUSAL),
  });
  const perCaller = rateLimit({
    store: callerStore,
    windowMs: 60_000,
    limit: config.RATE_LIMIT_PER_KEY,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // One budget per credential; the store keeps a hash of it, never the secret itself.
    keyGenerator: (req) =>
      req.headers.authorization
        ? callerKey(req.headers.authorization)
        : `ip:${ipKeyGeneratorCached(req.ip ?? '')}`,
    handler: limitedResponse(PER_KEY_REFUSAL),
  });

  // A request the front door counted (and so limited) passes the limiters by.
  const unlessCounted =
    (limiter: RequestHandler): RequestHandler =>
    (req, res, next) =>
      counted.has(req) ? next() : limiter(req, res, next);

  app.use(
    '/graphql',
    unlessCounted(perIp),
    unlessCounted(perCaller),
    express.json({ limit: BODY_LIMIT }),
    tokenLimit,
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = requestIdOf(req);
        res.setHeader('x-request-id', requestId);
        const requestLog = log.child({ requestId });
        let principal = null;
        try {
          principal = await principals.authenticate(db, req.headers.authorization, secret);
        } catch (error) {
          if (error instanceof GraphQLError) {
            // A bad key or token is the caller's problem (401), not the server's (Apollo's default 500).
            error.extensions.http = { status: 401 };
            throw error;
          }
          requestLog.error({ err: error }, 'authentication failed');
          // The database did not answer: a temporary failure (503), which a client retries.
          const unavailable = unauthenticated('authentication is unavailable; try again');
          unavailable.extensions.http = { status: 503, headers: new Map([['retry-after', '1']]) };
          throw unavailable;
        }
        // Anonymous callers get a scope that matches no row.
        const transaction = new RequestTransaction(
          db,
          principal ? scopeOf(principal) : { spId: '00000000-0000-0000-0000-000000000000' },
        );
        const tx = () => transaction.get();
        return {
          requestId,
          principal,
          db,
          config,
          log: requestLog,
          secret,
          identityProvider,
          tx,
          loaders: createLoaders(tx, principal),
          ip: req.ip ?? '',
          credentialsChanged: () => transaction.afterCommit(() => changes?.credentialsChanged()),
          usageWritten: (tenantIds, version) =>
            transaction.afterCommit(() => {
              if (principal) changes?.usageWritten(principal.spId, tenantIds, version);
            }),
          knownVersion: () =>
            principal ? changes?.versionOf(principal.spId, scopeOf(principal).tenantId ?? null) : undefined,
          catchUpWithWrites: async () => {
            if (changes && principal) await changes.catchUp(db, principal.spId);
          },
          transaction,
          answerTicket: answers ? await answers.ticket(req, principal) : null,
        };
      },
    }),
  );

  app.use('/reports', perIp, perCaller, reportExports({ db, log, secret }));

  app.use((_req, res) => {
    res.status(404).json({ error: 'not found' });
  });
  // A body that is not JSON, too large, or in an unknown charset: a coded error, never the default
  // HTML page (which shows a stack trace outside production) and never the body in the logs (it may
  // hold a password).
  app.use((error: unknown, req: Request, res: Response, next: (error?: unknown) => void) => {
    const status = (error as { status?: unknown }).status;
    if (res.headersSent || typeof status !== 'number' || status < 400 || status >= 500) return next(error);
    const type = (error as { type?: unknown }).type;
    log.info({ status, type, path: req.path }, 'request refused');
    const message =
      status === 413
        ? 'the request body is larger than 8mb'
        : status === 415
          ? 'the request body has an unsupported encoding or charset'
          : 'the request body is not valid JSON';
    res.status(status).json({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
  });

  /** The HTTP handler: replayed answers and ingestion batches ahead of Express, the rest through it. */
  const handler = frontDoor({ answers, lane, admit, bodyLimit: BODY_LIMIT }, app);
  return { app, apollo, handler };
}
