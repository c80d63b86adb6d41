/**
 * The demo, mounted by src/proxy/main.ts only while the proxy runs its own simulator, and
 * built into its own file (dist/server/demo.js): the production proxy carries none of it.
 *
 * - `/`: a page playing an iMIS page with route B's snippet (src/demo/index.html), under a
 *   strict CSP to prove the widget needs no inline script or style, with the iMIS REST slice
 *   its donor search calls (an iMIS page whose application path is "/");
 * - `/imis/`: an iMIS-like site that installs the packaged iPart from its zip and assembles
 *   its staff page as iMIS does, playing the iMIS version IMIS_STANDIN_PROFILE names
 *   ("EMS", the default, or "2017"; src/imis-standin/profiles.ts).
 *
 * Registered before the caller checks: these calls carry iMIS's credentials, not ours.
 */
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { Hono } from 'hono';
import { DEMO_DIR } from '../checkout-paths.ts';
import { parseProfile } from '../imis-standin/profiles.ts';
import { imisStandInRoutes } from '../imis-standin/routes.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export const DEMO_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

const notFound = (file: string) =>
  new Response(JSON.stringify({ message: `No demo file named ${file}.` }), {
    status: 404,
    headers: { 'Content-Type': 'application/problem+json; charset=utf-8' },
  });

export function demoRoutes(env: Record<string, string | undefined> = {}): Hono {
  const app = new Hono();
  const page = (body: Uint8Array, type: string) =>
    new Response(new Uint8Array(body), {
      headers: { 'Content-Type': type, 'Cache-Control': 'no-cache', 'Content-Security-Policy': DEMO_CSP },
    });

  app.get('/', async () => page(await readFile(join(DEMO_DIR, 'index.html')), CONTENT_TYPES['.html']!));
  // Only plain file names: no path separators, so nothing outside src/demo can be reached.
  app.get('/demo/:file{[A-Za-z0-9_-]+\\.[a-z]+}', async (c) => {
    const file = c.req.param('file');
    const type = CONTENT_TYPES[extname(file)];
    const content = type && (await readFile(join(DEMO_DIR, file)).catch(() => undefined));
    return type && content ? page(content, type) : notFound(file);
  });
  app.route('/', imisStandInRoutes({ profile: parseProfile(env.IMIS_STANDIN_PROFILE) }));
  return app;
}
