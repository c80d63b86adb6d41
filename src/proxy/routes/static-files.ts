/**
 * The demo page (an iMIS-like staff page embedding the widget exactly as README
 * tells administrators to) and the widget bundle. Served under a strict CSP to
 * prove the widget needs no inline script or style.
 */
import { Hono } from 'hono';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { problem } from '../http-problem.ts';

/**
 * The checkout's root: the nearest folder above this module holding package.json. This code
 * runs from src/proxy/routes/ under tsx (tests) and from dist/server/ once compiled (npm start),
 * so a fixed number of '../' would be right in only one of them.
 */
function packageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return from;
  }
}

const ROOT = packageRoot(dirname(fileURLToPath(import.meta.url)));
export const DEMO_DIR = join(ROOT, 'src', 'demo');
export const WIDGET_BUNDLE = join(ROOT, 'dist', 'gift-entry.js');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
};

export const DEMO_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

const PLACEHOLDER = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Gift entry proxy</title></head>
<body><h1>Gift entry proxy</h1><p>The proxy is running. The demo page is not installed in this checkout.</p></body></html>`;

async function readOrUndefined(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch {
    return undefined;
  }
}

export function staticRoutes(): Hono {
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', DEMO_CSP);
    c.header('X-Content-Type-Options', 'nosniff');
  });

  app.get('/', async (c) => {
    const page = await readOrUndefined(join(DEMO_DIR, 'index.html'));
    c.header('Cache-Control', 'no-cache');
    return c.html(page ? page.toString('utf8') : PLACEHOLDER);
  });

  // Only plain file names: no path separators, so nothing outside src/demo can be reached.
  app.get('/demo/:file{[A-Za-z0-9_-]+\\.[a-z]+}', async (c) => {
    const file = c.req.param('file');
    const type = CONTENT_TYPES[extname(file)];
    const content = type && (await readOrUndefined(join(DEMO_DIR, file)));
    if (!type || !content) return problem(c, 404, `No demo file named ${file}.`);
    c.header('Content-Type', type);
    c.header('Cache-Control', 'no-cache');
    return c.body(new Uint8Array(content));
  });

  app.get('/gift-entry.js', async (c) => {
    const bundle = await readOrUndefined(WIDGET_BUNDLE);
    if (!bundle) return problem(c, 404, 'The widget bundle is missing: run npm run build.');
    c.header('Content-Type', CONTENT_TYPES['.js']!);
    c.header('Cache-Control', 'no-cache');
    // Any iMIS origin may load the script itself; the API calls it makes are what the caller checks guard.
    c.header('Access-Control-Allow-Origin', '*');
    return c.body(new Uint8Array(bundle));
  });
  return app;
}
