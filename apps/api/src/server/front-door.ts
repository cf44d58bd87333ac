/**
 * `POST /graphql` read on the raw HTTP request, ahead of Express: a JSON body with a credential is
 * counted against the rate limits before a byte of it is read (a caller over its budget is refused
 * here, unread), then read once, then (1) a small one may be answered from the answer cache (or wait
 * for an identical one in flight and be answered with what it stored), (2) an ingestion batch
 * may be served by the ingestion lane, and (3) everything else goes on to Express with its body
 * already parsed (Express's JSON parser skips a request already read) and, when small, its answer
 * key for the answer cache to store the answer under. Requests this does not read (no credential,
 * forwarded by the portal, compressed, too large, not JSON) go to Express untouched.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AnswerCache, type RequestWithAnswerKey } from './answer-cache.js';
import type { IngestLane } from './ingest-lane.js';

/** Report queries are small; only bodies up to this size are keyed for the answer cache. */
const MAX_KEYED_BODY = 64 * 1024;

/** What Express's JSON parser accepts without decoding: JSON in UTF-8 (the default). */
const JSON_TYPE = /^application\/json\s*(;\s*charset=("?)utf-8\2\s*)?$/i;

export interface FrontDoor {
  answers: AnswerCache | null;
  lane: IngestLane;
  /** Counts the request against the rate limits (Express's limiters then skip it); the refusal or null. */
  admit: (req: IncomingMessage) => Promise<string | null>;
  /** Express's own limit: a larger body is left to Express, which refuses it. */
  bodyLimit: number;
}

export function frontDoor(
  { answers, lane, admit, bodyLimit }: FrontDoor,
  express: (req: IncomingMessage, res: ServerResponse) => void,
) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const authorization = req.headers.authorization;
    const length = Number(req.headers['content-length'] ?? Number.NaN);
    const encoding = req.headers['content-encoding'];
    if (
      req.method !== 'POST' ||
      req.url !== '/graphql' ||
      !authorization ||
      // The portal forwards its users' addresses; Express's rate limits read them, so it goes there.
      req.headers['x-forwarded-for'] !== undefined ||
      (encoding !== undefined && encoding !== 'identity') ||
      !(length <= bodyLimit) ||
      !JSON_TYPE.test(req.headers['content-type'] ?? '')
    ) {
      express(req, res);
      return;
    }
    const dispatch = async (raw: Buffer, authorization: string) => {
      const answerKey =
        answers && raw.length <= MAX_KEYED_BODY ? AnswerCache.keyOf(authorization, raw) : undefined;
      if (answerKey && (await answers!.replayOrLead(answerKey, req, res))) return;
      let body: unknown;
      try {
        body = JSON.parse(raw.toString('utf8'));
        // Strict, as Express's parser: an object or an array, nothing else.
        if (typeof body !== 'object' || body === null) throw new SyntaxError('not an object or array');
      } catch {
        answerError(res, 400, 'the request body is not valid JSON', 'BAD_REQUEST');
        return;
      }
      if (await lane.serve(body, req, res)) return;
      (req as RequestWithAnswerKey).body = body;
      (req as RequestWithAnswerKey).answerKey = answerKey;
      express(req, res);
    };

    const read = async () => {
      const refusal = await admit(req);
      if (refusal) return answerError(res, 429, refusal, 'RATE_LIMITED');
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('error', () => res.destroy());
      req.on('end', () => {
        dispatch(Buffer.concat(chunks), authorization).catch(() => res.destroy());
      });
    };
    read().catch(() => res.destroy());
  };
}

function answerError(res: ServerResponse, status: number, message: string, code: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}
