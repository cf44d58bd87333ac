/**
 * The baseline: a bare `node:http` server that answers each page with fixed HTML (the portal's own
 * rendered page, scripts removed) and the portal's built CSS and fonts from disk. Navigating to it
 * costs what any page of that size costs this browser on this machine: the floor under the portal.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { PORTAL_DIR } from '../test/e2e/portal-server';

const STATIC_DIR = join(PORTAL_DIR, '.next', 'static');
const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
};

export interface StaticBaseline {
  url: string;
  /** Serves `html` at `path` from now on. */
  set(path: string, html: string): void;
  stop(): Promise<void>;
}

/** The rendered page without its scripts: what a browser must parse, style and paint. */
export function withoutScripts(html: string): string {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
    .replace(/<link\b[^>]*rel="preload"[^>]*as="script"[^>]*>/gi, '');
}

export async function startStaticBaseline(): Promise<StaticBaseline> {
  const pages = new Map<string, Buffer>();
  const server: Server = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const page = pages.get(req.url ?? '/');
    if (page) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': page.length });
      res.end(page);
      return;
    }
    if (path.startsWith('/_next/static/')) {
      const file = normalize(join(STATIC_DIR, path.slice('/_next/static/'.length)));
      if (file.startsWith(STATIC_DIR)) {
        try {
          const body = await readFile(file);
          res.writeHead(200, {
            'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
            // As `next start` serves its hashed assets.
            'cache-control': 'public, max-age=31536000, immutable',
          });
          res.end(body);
          return;
        } catch {
          // not there: 404 below
        }
      }
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('baseline server has no address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    set: (path, html) => pages.set(path, Buffer.from(html)),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
