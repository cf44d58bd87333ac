/**
 * The ingestion lane: `ingestRestorePoints` served without Apollo's execution of its variables.
 *
 * A batch of 10,000 points is 80,000 input fields; GraphQL's variable coercion, the input class
 * instances and the garbage they leave took more of the API's thread than all the rest of the
 * request (docs/performance.md). A request whose operation is exactly that mutation (recognised once
 * per query text: parsed, validated against the schema, a single `ingestRestorePoints(input: $var)`
 * selecting only the result's scalar fields) has its variable decoded by `decodeIngestInput` and is
 * run by the same service, in the same scoped transaction, under the same credential check, role
 * check and rate limits (counted by the front door) as through Apollo. Anything else, and any
 * request that fails (bad input, a conflict, a refused key, a database error), goes on through
 * Apollo from the start: nothing was written (the transaction rolled back), and the error is
 * Apollo's own, words, path and status. A failing batch thus costs its work twice; the rate limits
 * bound how often a caller can ask for that.
 * Its transaction holds the batch alone, so the machines it reads are committed ones, which the
 * machine directory may keep, and once it commits, the usage bits it stored are remembered so that a
 * later batch of the same day leaves those rows alone (usage-memory.ts). Apollo's, which may hold
 * several mutations, uses neither.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Database, withScope } from '@vcc/db';
import {
  type DocumentNode,
  type GraphQLSchema,
  getOperationAST,
  Kind,
  type OperationDefinitionNode,
  parse,
  validate,
} from 'graphql';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import { authenticate } from '../auth/authenticate.js';
import { scopeOf, WRITER_ROLES } from '../auth/principal.js';
import { decodeIngestInput } from '../ingest/decode-batch.js';
import { ingestRestorePoints } from '../ingest/ingest-restore-points.js';
import type { MachineDirectory } from '../ingest/machine-directory.js';
import { UsageMemory } from '../ingest/usage-memory.js';
import type { IngestResult } from '../schema/ingest/ingest.types.js';
import type { ChangeFeed } from './change-feed.js';
import { requestId } from './request-id.js';

/** How a recognised operation is answered: its variable and the response keys of what it selects. */
interface LanePlan {
  variable: string;
  responseKey: string;
  /** [response key, field] in the order selected. */
  fields: [string, keyof IngestResult | '__typename'][];
}

const RESULT_FIELDS = new Set(['accepted', 'duplicates', 'replayed', '__typename']);
/** The mutation is a line of text; a longer document is not what the lane serves. */
const MAX_QUERY = 2_000;

interface GraphQLBody {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
}

export class IngestLane {
  /** Query text (and operation name) -> its plan, or null when the lane does not serve it. */
  private readonly plans = new LRUCache<string, LanePlan | { none: true }>({ max: 500 });

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly db: Database,
    private readonly secret: string,
    private readonly log: Logger,
    private readonly changes: ChangeFeed | undefined,
    /** Known machines (only while the database's change feed runs). */
    private readonly directory: MachineDirectory | undefined,
    private readonly usage = new UsageMemory(),
  ) {}

  /** Serves the request and resolves true, or resolves false (having written nothing) to pass it on. */
  async serve(body: unknown, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const { query, operationName, variables } = (body ?? {}) as GraphQLBody;
    if (typeof query !== 'string' || query.length > MAX_QUERY || Array.isArray(body)) return false;
    if (operationName !== undefined && operationName !== null && typeof operationName !== 'string')
      return false;
    if (typeof variables !== 'object' || variables === null) return false;
    const plan = this.planFor(query, operationName ?? undefined);
    if (!plan) return false;
    const input = decodeIngestInput((variables as Record<string, unknown>)[plan.variable]);
    const authorization = req.headers.authorization;
    if (!input || !authorization) return false;

    const id = requestId(req);
    let result: IngestResult;
    try {
      const principal = await authenticate(this.db, authorization, this.secret);
      if (!principal || !WRITER_ROLES.includes(principal.role)) return false;
      const committed: (() => void)[] = [];
      result = await withScope(this.db, scopeOf(principal), (tx) =>
        ingestRestorePoints(tx, principal, input, {
          directory: this.directory,
          usage: { memory: this.usage, afterCommit: (effect) => committed.push(effect) },
          onUsageVersion: (tenantIds, version) =>
            committed.push(() => this.changes?.usageWritten(principal.spId, tenantIds, version)),
        }),
      );
      for (const effect of committed) effect();
    } catch (error) {
      // The reason only: a failed statement's error carries the whole batch as its parameters.
      const reason = error instanceof Error ? error.message.slice(0, 200) : String(error);
      this.log.debug({ requestId: id, reason }, 'ingestion lane passed a failed batch on to Apollo');
      return false;
    }
    const selected: Record<string, unknown> = {};
    for (const [key, field] of plan.fields)
      selected[key] = field === '__typename' ? 'IngestResult' : result[field];
    res.setHeader('x-request-id', id);
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('cache-control', 'no-store');
    // Tells a client (and the tests) which way the batch went.
    res.setHeader('x-ingest', 'lane');
    res.end(`${JSON.stringify({ data: { [plan.responseKey]: selected } })}\n`);
    return true;
  }

  private planFor(query: string, operationName: string | undefined): LanePlan | null {
    const cacheKey = JSON.stringify([operationName ?? null, query]);
    let plan = this.plans.get(cacheKey);
    if (!plan) {
      plan = this.recognise(query, operationName) ?? { none: true };
      this.plans.set(cacheKey, plan);
    }
    return 'none' in plan ? null : plan;
  }

  private recognise(query: string, operationName: string | undefined): LanePlan | null {
    let document: DocumentNode;
    try {
      document = parse(query, { noLocation: true });
    } catch {
      return null;
    }
    if (document.definitions.length !== 1 || validate(this.schema, document).length > 0) return null;
    const operation = getOperationAST(document, operationName);
    if (operation?.operation !== 'mutation' || operation.directives?.length) return null;
    const [root, ...others] = operation.selectionSet.selections;
    if (!root || others.length > 0 || root.kind !== Kind.FIELD || root.name.value !== 'ingestRestorePoints')
      return null;
    if (root.directives?.length || root.arguments?.length !== 1) return null;
    const argument = root.arguments[0]!.value;
    if (argument.kind !== Kind.VARIABLE) return null;
    const variable = variableDefinition(operation, argument.name.value);
    if (!variable) return null;
    const fields: LanePlan['fields'] = [];
    for (const selection of root.selectionSet?.selections ?? []) {
      if (
        selection.kind !== Kind.FIELD ||
        selection.directives?.length ||
        !RESULT_FIELDS.has(selection.name.value)
      )
        return null;
      fields.push([
        selection.alias?.value ?? selection.name.value,
        selection.name.value as LanePlan['fields'][0][1],
      ]);
    }
    // The plain form selects each field once; more (aliases by the dozen) is left to Apollo's limits.
    if (fields.length > RESULT_FIELDS.size) return null;
    return { variable, responseKey: root.alias?.value ?? root.name.value, fields };
  }
}

/** The operation's only variable, when it is `$name` of the batch's input type with no default. */
function variableDefinition(operation: OperationDefinitionNode, name: string): string | null {
  const definitions = operation.variableDefinitions ?? [];
  if (definitions.length !== 1) return null;
  const [definition] = definitions;
  if (definition!.variable.name.value !== name || definition!.defaultValue || definition!.directives?.length)
    return null;
  const type = definition!.type.kind === Kind.NON_NULL_TYPE ? definition!.type.type : definition!.type;
  return type.kind === Kind.NAMED_TYPE && type.name.value === 'IngestRestorePointsInput' ? name : null;
}
