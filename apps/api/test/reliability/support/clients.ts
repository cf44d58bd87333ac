/**
 * Ingestion clients as partner tooling should write them: a batch is sent until it is acknowledged,
 * always with the same idempotency key; anything but an answer (a dropped connection, a 5xx, an
 * error the server could not avoid) is retried after a short pause. A refusal that retrying cannot
 * cure (CONFLICT, BAD_USER_INPUT, FORBIDDEN…) is a failure of the system under test.
 */

import { gql } from './estate.js';
import { type Batch, INGEST } from './reference.js';

export interface IngestAnswer {
  accepted: number;
  duplicates: number;
  replayed: boolean;
}

export class IngestLog {
  /** Every answer received, per idempotency key. */
  readonly answers = new Map<string, IngestAnswer[]>();
  readonly acknowledged = new Map<string, Batch>();
  /** Transient failures seen (then retried), by kind. */
  readonly retried = new Map<string, number>();
  /** Refusals that retrying could not cure. */
  readonly fatal: string[] = [];
  sent = 0;

  note(kind: string): void {
    this.retried.set(kind, (this.retried.get(kind) ?? 0) + 1);
  }

  retries(): number {
    return [...this.retried.values()].reduce((a, b) => a + b, 0);
  }

  /** Keys whose answers disagree (other than `replayed`), or with more than one first answer. */
  inconsistent(): string[] {
    const bad: string[] = [];
    for (const [key, list] of this.answers) {
      const shapes = new Set(list.map((a) => `${a.accepted}/${a.duplicates}`));
      if (shapes.size > 1 || list.filter((a) => !a.replayed).length > 1)
        bad.push(`${key}: ${JSON.stringify(list)}`);
    }
    return bad;
  }

  /** The sum of `accepted` over each batch's answer: new points stored, each counted once. */
  acceptedTotal(): number {
    let n = 0;
    for (const list of this.answers.values()) n += list[0]?.accepted ?? 0;
    return n;
  }
}

const FATAL = new Set(['CONFLICT', 'BAD_USER_INPUT', 'FORBIDDEN', 'NOT_FOUND', 'GRAPHQL_VALIDATION_FAILED']);

/** Sends one batch until it is acknowledged or `deadline` passes; returns whether it was. */
export async function sendUntilAcknowledged(
  url: string,
  token: string,
  batch: Batch,
  log: IngestLog,
  deadline: number,
  headers: Record<string, string> = {},
): Promise<boolean> {
  while (Date.now() < deadline) {
    log.sent++;
    let kind: string;
    try {
      const res = await gql<{ ingestRestorePoints: IngestAnswer }>(
        url,
        INGEST,
        { input: batch },
        token,
        headers,
      );
      const answer = res.data?.ingestRestorePoints;
      if (answer && !res.errors?.length) {
        const list = log.answers.get(batch.idempotencyKey) ?? [];
        list.push(answer);
        log.answers.set(batch.idempotencyKey, list);
        log.acknowledged.set(batch.idempotencyKey, batch);
        return true;
      }
      const code = res.errors?.[0]?.extensions?.code ?? `HTTP ${res.status}`;
      const message = res.errors?.[0]?.message ?? res.raw ?? '';
      if (FATAL.has(code) || (code === 'UNAUTHENTICATED' && !/unavailable/.test(message))) {
        log.fatal.push(`${batch.idempotencyKey}: ${code} ${message}`);
        return false;
      }
      kind = `${code}${res.status >= 500 ? ` (HTTP ${res.status})` : ''}`;
    } catch (error) {
      kind = `network: ${(error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message}`;
    }
    log.note(kind);
    await new Promise((r) => setTimeout(r, 50 + Math.random() * 150));
  }
  log.fatal.push(`${batch.idempotencyKey}: not acknowledged before the deadline`);
  return false;
}

/** Each client sends its batches one after another. */
export function runClients(
  url: string,
  token: string,
  perClient: Batch[][],
  log: IngestLog,
  deadline: number,
): Promise<void> {
  return Promise.all(
    perClient.map(async (batches) => {
      for (const batch of batches) await sendUntilAcknowledged(url, token, batch, log, deadline);
    }),
  ).then(() => undefined);
}
