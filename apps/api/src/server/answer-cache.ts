/**
 * Whole answers to read-only report queries, kept in process and served without touching Apollo or
 * the database: a dashboard polled by many clients costs a hash and a map look-up per request.
 *
 * An answer is stored only when it is safe to replay: a query (never a mutation) whose root fields
 * all read the estate through the report service (CACHEABLE_FIELDS), answered without errors, for an
 * authenticated caller, while the change feed is live and knows the caller's estate version. It is
 * keyed by the exact credential and request body (query text, variables, operation name), and
 * replayed only while the versions it was computed at are still the latest (an SP caller's: the
 * estate version; a tenant caller's: the config version and its tenant's usage version, so that
 * other tenants' ingestion leaves it be), the credential epoch
 * has not moved (no key revoked, no user disabled since), the credential has not expired, and for a
 * minute at most. The data an answer holds is never older than its version: the version was known
 * before the query read the database. A replay counts against the same rate limits as any request
 * (the front door counts every request it reads).
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Database } from '@vcc/db';
import type { Request } from 'express';
import { Kind, type OperationDefinitionNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import { type Principal, scopeOf } from '../auth/principal.js';
import type { ChangeFeed } from './change-feed.js';
import { requestId } from './request-id.js';

/** Root fields whose answers depend only on the estate (and so on its version) and the caller. */
const CACHEABLE_FIELDS = new Set([
  'licenseReport',
  'licenseTrend',
  'tenantUsage',
  'violationSummary',
  'machines',
  '__typename',
]);

/** What a request that may be stored carries from its start to its answer. */
export interface AnswerTicket {
  key: string;
  spId: string;
  /** The caller's tenant, for a tenant caller. */
  tenantId: string | null;
  /** The versions the answer depends on, as ChangeFeed labels them. */
  version: string;
  epoch: number;
  validUntil: number;
}

interface Answer extends Omit<AnswerTicket, 'key'> {
  /** Bytes, encoded once: every replay writes the same buffer, however large, without copying it. */
  body: Buffer;
  storedAt: number;
}

/**
 * An answer is replayed for a minute at most: then the request goes through again, so the
 * credential is checked in the database and its last use recorded (at most once a minute anyway).
 */
const REPLAY_MS = 60_000;

export interface AnswerCacheContext {
  answerTicket: AnswerTicket | null;
}

export class AnswerCache {
  private readonly answers = new LRUCache<string, Answer>({
    maxSize: 64 * 1024 * 1024,
    sizeCalculation: (a) => a.body.length + 200,
  });

  /** Requests being answered, by key: what an identical request arriving meanwhile waits for. */
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(
    private readonly feed: ChangeFeed,
    private readonly db: Database,
  ) {}

  /** The key of a request's answer: its exact credential and body. */
  static keyOf(authorization: string, raw: Buffer): string {
    return createHash('sha256').update(authorization).update('\u0000').update(raw).digest('base64url');
  }

  /** Writes back the stored answer under `key` when it is still valid and returns true; else false. */
  replay(key: string, req: IncomingMessage, res: ServerResponse): boolean {
    const answer = this.answers.get(key);
    if (!answer || !this.stillValid(answer)) return false;
    res.setHeader('x-request-id', requestId(req));
    res.setHeader('content-type', 'application/json; charset=utf-8');
    // Tells a client (and the tests) that no database work was done for this answer.
    res.setHeader('x-answer', 'replayed');
    res.end(answer.body);
    return true;
  }

  /**
   * Replays the answer under `key`, or, when an identical request (same credential, same bytes) is
   * being answered, waits for it to end and replays what it stored; true when the request was
   * answered. Otherwise the request goes on and identical ones wait for it: fifty dashboards asking
   * at once for the SP's 14 MB answer compute and serialise it once, not fifty times (each copy
   * held at once took the API past 1 GiB). An answer that may not be stored (a mutation, errors)
   * leaves those that waited to go on by themselves.
   */
  async replayOrLead(key: string, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    if (this.replay(key, req, res)) return true;
    const leading = this.inFlight.get(key);
    if (leading) {
      await leading;
      return this.replay(key, req, res);
    }
    let ended = () => {};
    this.inFlight.set(key, new Promise((resolve) => (ended = resolve)));
    res.once('close', () => {
      this.inFlight.delete(key);
      ended();
    });
    return false;
  }

  /** At the start of a request: the ticket it needs to store its answer, or null when it may not. */
  async ticket(req: Request, principal: Principal | null): Promise<AnswerTicket | null> {
    const key = (req as RequestWithAnswerKey).answerKey;
    if (key === undefined || principal === null || !this.feed.live) return null;
    const epoch = this.feed.credentialsEpoch;
    const { spId } = principal;
    const tenantId = scopeOf(principal).tenantId ?? null;
    let version = this.feed.versionOf(spId, tenantId);
    if (version === undefined) {
      await this.feed.catchUp(this.db, spId, tenantId);
      version = this.feed.versionOf(spId, tenantId);
      if (version === undefined) return null;
    }
    return {
      key,
      spId,
      tenantId,
      version,
      epoch,
      validUntil: principal.expiresAt ?? Number.POSITIVE_INFINITY,
    };
  }

  /** The Apollo plugin that stores answers fit to replay. */
  readonly plugin: ApolloServerPlugin<AnswerCacheContext> = {
    requestDidStart: async () => ({
      willSendResponse: async ({ contextValue, operation, response, errors }) => {
        const ticket = contextValue.answerTicket;
        if (!ticket || !operation || !isCacheable(operation) || (errors && errors.length > 0)) return;
        if (response.body.kind !== 'single' || response.body.singleResult.errors) return;
        const { data, extensions } = response.body.singleResult;
        const { key, ...validity } = ticket;
        this.answers.set(key, {
          ...validity,
          body: Buffer.from(`${JSON.stringify(extensions ? { data, extensions } : { data })}\n`),
          storedAt: Date.now(),
        });
      },
    }),
  };

  private stillValid(answer: Answer): boolean {
    return (
      this.feed.live &&
      this.feed.credentialsEpoch === answer.epoch &&
      this.feed.versionOf(answer.spId, answer.tenantId) === answer.version &&
      Date.now() < Math.min(answer.validUntil, answer.storedAt + REPLAY_MS)
    );
  }
}

/** A request read ahead of Express carries its answer key, when it may be stored, to `ticket`. */
export type RequestWithAnswerKey = IncomingMessage & { body?: unknown; answerKey?: string };

/** A query selecting only cacheable root fields, plainly (no fragments or directives at the root). */
function isCacheable(operation: OperationDefinitionNode): boolean {
  return (
    operation.operation === 'query' &&
    operation.selectionSet.selections.every(
      (s) => s.kind === Kind.FIELD && CACHEABLE_FIELDS.has(s.name.value) && !s.directives?.length,
    )
  );
}
