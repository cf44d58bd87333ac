/**
 * `GET /api/export/<YYYY-MM>/<csv|pdf>`: the monthly report file, fetched from the API's
 * `/reports/<month>.<format>` with the session's API token added here, on the server, so the browser
 * never holds the token. The API scopes the file to the caller (a tenant gets its own tenant only).
 */
import { type NextRequest, NextResponse } from 'next/server';
import { getApiToken } from '@/lib/auth/session';
import { API_TIMEOUT_MS, apiUrl } from '@/lib/graphql/config';
import { isMonth } from '@/lib/month';

const FORMATS = new Set(['csv', 'pdf']);

/** The API's base URL: its GraphQL endpoint without the `/graphql` path. */
function reportUrl(month: string, format: string): string {
  const url = new URL(apiUrl());
  url.pathname = `${url.pathname.replace(/\/graphql\/?$/, '')}/reports/${month}.${format}`;
  url.search = '';
  return url.toString();
}

export async function GET(
  _request: NextRequest,
  { params }: { params: Promise<{ month: string; format: string }> },
): Promise<Response> {
  const { month, format } = await params;
  if (!isMonth(month) || !FORMATS.has(format))
    return NextResponse.json({ error: 'not found' }, { status: 404 });
  const token = await getApiToken();
  if (!token) return NextResponse.json({ error: 'sign in again' }, { status: 401 });
  let upstream: Response;
  try {
    upstream = await fetch(reportUrl(month, format), {
      headers: { authorization: `Bearer ${token}` },
      cache: 'no-store',
      signal: AbortSignal.timeout(API_TIMEOUT_MS * 6),
    });
  } catch {
    return NextResponse.json({ error: 'the API could not be reached' }, { status: 502 });
  }
  if (!upstream.ok) {
    return NextResponse.json({ error: 'the report could not be exported' }, { status: upstream.status });
  }
  return new Response(upstream.body, {
    status: 200,
    headers: {
      'content-type': upstream.headers.get('content-type') ?? 'application/octet-stream',
      'content-disposition':
        upstream.headers.get('content-disposition') ?? `attachment; filename="vcc-report-${month}.${format}"`,
      'cache-control': 'private, no-store',
    },
  });
}
