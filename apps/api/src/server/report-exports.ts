/**
 * `GET /reports/<YYYY-MM>.csv` and `.pdf`: the monthly report as a file, with the same Bearer
 * authentication as /graphql and read in one transaction under the caller's scope (row-level
 * security as the application role), so a tenant's file holds its own tenant only. Figures are
 * `monthlyReport(month).adjusted`: the engine's with adjustments, or the approved snapshot.
 */
import { type Database, withScope } from '@vcc/db';
import { type Request, type Response, Router } from 'express';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { authenticate } from '../auth/authenticate.js';
import { scopeOf } from '../auth/principal.js';
import { loadMonthlyReport } from '../reports/monthly-report.js';
import { renderReportFile } from '../reports/report-file.js';

const FILE = /^(\d{4}-(?:0[1-9]|1[0-2]))\.(csv|pdf)$/;

const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
};

function fail(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

export function reportExports({ db, log, secret }: { db: Database; log: Logger; secret: string }): Router {
  const router = Router();
  router.get('/:file', async (req: Request<{ file: string }>, res: Response) => {
    const match = FILE.exec(req.params.file);
    if (!match) return fail(res, 404, 'NOT_FOUND', 'expected /reports/YYYY-MM.csv or /reports/YYYY-MM.pdf');
    const [, month, format] = match as unknown as [string, string, 'csv' | 'pdf'];
    try {
      const principal = await authenticate(db, req.headers.authorization, secret);
      if (!principal) return fail(res, 401, 'UNAUTHENTICATED', 'sign in or pass a valid API key');
      const report = await withScope(db, scopeOf(principal), (tx) => loadMonthlyReport(tx, principal, month));
      const file = await renderReportFile(report, format);
      res.setHeader('content-disposition', `attachment; filename="${file.filename}"`);
      // Per-caller figures: no shared cache may keep them.
      res.setHeader('cache-control', 'private, no-store');
      res.type(file.contentType).send(file.content);
    } catch (error) {
      const code = error instanceof GraphQLError ? error.extensions.code : undefined;
      if (typeof code === 'string' && STATUS[code])
        return fail(res, STATUS[code]!, code, (error as Error).message);
      log.error({ err: error }, 'report export failed');
      fail(res, 500, 'INTERNAL_SERVER_ERROR', 'internal error');
    }
  });
  return router;
}
