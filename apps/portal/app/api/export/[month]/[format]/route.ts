/**
 * `GET /api/export/<YYYY-MM>/<csv|pdf>`: the monthly report file, asked of the API (`reportFile`)
 * with the session's API token, here on the server, so the browser never holds the token. The API
 * scopes the file to the caller (a tenant gets its own tenant only).
 */
import { type NextRequest, NextResponse } from 'next/server';
import { getApiToken } from '@/lib/auth/session';
import { ApiError } from '@/lib/graphql/errors';
import { fetchReportFile, type ReportFormat } from '@/lib/graphql/operations/monthly-reports';
import { isMonth } from '@/lib/month';

const FORMATS: Record<string, ReportFormat> = { csv: 'CSV', pdf: 'PDF' };

/** What the browser is told when the API refuses: its own words stay in the portal's log. */
const STATUS_OF: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
};

export async function GET(
  _request: NextRequest,
  { params }: { params: Promise<{ month: string; format: string }> },
): Promise<Response> {
  const { month, format } = await params;
  const reportFormat = FORMATS[format];
  if (!isMonth(month) || !reportFormat) return NextResponse.json({ error: 'not found' }, { status: 404 });
  const token = await getApiToken();
  if (!token) return NextResponse.json({ error: 'sign in again' }, { status: 401 });
  try {
    const file = await fetchReportFile(token, month, reportFormat);
    return new Response(Buffer.from(file.contentBase64, 'base64'), {
      status: 200,
      headers: {
        'content-type': file.contentType,
        'content-disposition': `attachment; filename="${file.filename}"`,
        'cache-control': 'private, no-store',
      },
    });
  } catch (error) {
    const code = error instanceof ApiError ? error.code : 'INTERNAL_SERVER_ERROR';
    console.error('[export] report file failed:', code, (error as Error).message);
    return NextResponse.json(
      { error: 'the report could not be exported' },
      { status: STATUS_OF[code] ?? 502 },
    );
  }
}
