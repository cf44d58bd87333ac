/**
 * The principals of credentials seen lately, so that a request need not look its credential up in
 * the database every time. A principal is reused on the terms a replayed answer is (answer-cache.ts):
 * while the change feed is live, no credential has changed anywhere since it was looked up (the
 * credentials epoch: a revoked key or a disabled user, announced by this process at once and by
 * others through NOTIFY), the credential has not expired, and for a minute at most; then it is looked
 * up again, which also records its use. Refusals are never kept: each is looked up anew.
 */
import { createHash } from 'node:crypto';
import type { Database } from '@vcc/db';
import { LRUCache } from 'lru-cache';
import type { ChangeFeed } from '../server/change-feed.js';
import { authenticate } from './authenticate.js';
import type { Principal } from './principal.js';

const REUSE_MS = 60_000;

interface Known {
  principal: Principal;
  epoch: number;
  until: number;
}

export class PrincipalCache {
  /** Keyed by a hash of the credential: the credential itself is not kept. */
  private readonly known = new LRUCache<string, Known>({ max: 20_000 });

  /** Without a feed (no notifications), every request is looked up. */
  constructor(private readonly feed: ChangeFeed | undefined) {}

  async authenticate(
    db: Database,
    authorization: string | undefined,
    secret: string,
  ): Promise<Principal | null> {
    const feed = this.feed;
    if (!authorization || !feed?.live) return authenticate(db, authorization, secret);
    const key = createHash('sha256').update(authorization).digest('base64url');
    const now = Date.now();
    const hit = this.known.get(key);
    if (hit && hit.epoch === feed.credentialsEpoch && now < hit.until) return hit.principal;
    // Taken before the look-up: a change announced meanwhile leaves this principal unkept.
    const epoch = feed.credentialsEpoch;
    const principal = await authenticate(db, authorization, secret);
    if (principal && feed.live && epoch === feed.credentialsEpoch) {
      this.known.set(key, {
        principal,
        epoch,
        until: Math.min(now + REUSE_MS, principal.expiresAt ?? Infinity),
      });
    }
    return principal;
  }
}
