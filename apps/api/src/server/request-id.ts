import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The caller's request id (at most 64 characters) or a new one; it names the request in every log line. */
export function requestId(req: IncomingMessage): string {
  return (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) || randomUUID();
}
