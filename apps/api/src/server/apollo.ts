/**
 * Apollo Server, hardened: graphql-armor limits (depth, cost, aliases, tokens, directives), no
 * introspection or field suggestions in production, errors that carry a code and never a stack
 * trace, and the request transaction ended with the response (rolled back when the request raised
 * any error).
 */

import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { type DocumentNode, GraphQLError, type GraphQLFormattedError } from 'graphql';
import { getSchema } from '../schema/build-schema.js';
import type { AnswerCacheContext } from './answer-cache.js';
import type { Context } from './context.js';
import type { RequestTransaction } from './request-transaction.js';
import { MAX_TOKENS } from './token-limit.js';

export type ApolloContext = Context & AnswerCacheContext & { transaction: RequestTransaction };

const KNOWN_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

const endTransaction: ApolloServerPlugin<ApolloContext> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ contextValue, errors }) {
        for (const error of errors) {
          const code = error.extensions?.code;
          if (typeof code !== 'string' || !KNOWN_CODES.has(code))
            contextValue.log.error({ err: error.originalError ?? error }, 'request failed');
        }
      },
      async willSendResponse({ contextValue, response, errors, operation }) {
        const ok = !errors || errors.length === 0;
        try {
          await contextValue.transaction.end(ok);
          if (ok && operation?.operation === 'mutation') await contextValue.catchUpWithWrites();
        } catch (error) {
          contextValue.log.error({ err: error }, 'commit failed');
          if (response.body.kind === 'single') {
            response.body.singleResult.data = null;
            response.body.singleResult.errors = [
              {
                message: 'the change could not be saved; nothing was written',
                extensions: { code: 'INTERNAL_SERVER_ERROR' },
              },
            ];
          }
        }
      },
    };
  },
};

export function createApollo(
  production: boolean,
  plugins: ApolloServerPlugin<ApolloContext>[] = [],
): ApolloServer<ApolloContext> {
  const armor = new ApolloArmor({
    maxDepth: { n: 15 },
    costLimit: { maxCost: 5000 },
    maxAliases: { n: 15 },
    maxDirectives: { n: 50 },
    maxTokens: { n: MAX_TOKENS },
    blockFieldSuggestion: { enabled: production },
  });
  const protection = armor.protect();
  return new ApolloServer<ApolloContext>({
    schema: getSchema(),
    introspection: !production,
    ...protection,
    // Never, in any mode: a stack trace tells a client how the inside is built.
    includeStacktraceInErrorResponses: false,
    // Parsed and validated documents by query text. Apollo's default keeps 30 MiB of them as
    // measured by their JSON, several times that in memory: a stream of distinct query texts took
    // the API up by ~290 MB. An API sees few distinct queries (the portal's, partners' tools').
    documentStore: new InMemoryLRUCache<DocumentNode>({
      maxSize: 4 * 2 ** 20,
      sizeCalculation: InMemoryLRUCache.sizeCalculation,
    }),
    // No cache hints are used (answers are cached by estate version, answer-cache.ts); the default
    // cache-control plugin would wrap every field's resolver to compute them.
    plugins: [...protection.plugins, endTransaction, ApolloServerPluginCacheControlDisabled(), ...plugins],
    validationRules: [...protection.validationRules],
    formatError,
  });
}

/**
 * Whether PostgreSQL refused a text value the caller sent: NUL (22021), a character it cannot
 * convert (22P05), or JSON with an unpaired surrogate escape (22P02 on a JSON value). GraphQL strings
 * may hold both; the database's refusal is the caller's bad input, not an internal error.
 */
function isUnstorableText(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (code === '22021' || code === '22P05') return true;
    if (code === '22P02' && typeof message === 'string' && /surrogate|\\u0000|type json/i.test(message))
      return true;
  }
  return false;
}

function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && KNOWN_CODES.has(code)) return formatted;
  const original = unwrapResolverError(error);
  if (original instanceof GraphQLError && typeof original.extensions?.code === 'string') return formatted;
  if (isUnstorableText(original)) {
    const path = formatted.path?.join('.');
    return {
      message: 'a text value holds a character the database cannot store (NUL or an unpaired surrogate)',
      path: formatted.path,
      extensions: { code: 'BAD_USER_INPUT', path, problems: [{ path, message: 'unstorable character' }] },
    };
  }
  // Anything unexpected: the client learns nothing of the inside.
  return { message: 'internal error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
