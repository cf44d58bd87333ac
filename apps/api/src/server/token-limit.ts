/**
 * The token limit of a GraphQL document, checked before Apollo sees the request. graphql-armor
 * enforces the same limit (maxTokens) from Apollo's parsing hook, but an error thrown there is
 * answered with HTTP 500; a refusal of what the client sent must be a 400 with its code.
 */
import type { NextFunction, Request, Response } from 'express';
import { Lexer, Source, TokenKind } from 'graphql';

export const MAX_TOKENS = 20_000;

/** Whether the document has more than `limit` tokens (one that does not lex is the parser's to report). */
export function exceedsTokens(source: string, limit = MAX_TOKENS): boolean {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance())
      if (++count > limit) return true;
  } catch {
    return false;
  }
  return false;
}

export function tokenLimit(req: Request, res: Response, next: NextFunction): void {
  const query = (req.body as { query?: unknown } | undefined)?.query;
  if (typeof query === 'string' && exceedsTokens(query)) {
    res.status(400).json({
      errors: [
        {
          message: `Syntax Error: Token limit of ${MAX_TOKENS} exceeded.`,
          extensions: { code: 'GRAPHQL_PARSE_FAILED' },
        },
      ],
    });
    return;
  }
  next();
}
