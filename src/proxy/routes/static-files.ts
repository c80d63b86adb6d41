/**
 * The widget, as every page that embeds it loads it: /gift-entry.js is a few bytes that are
 * never cached and name the current bundle, which is served at a path carrying a hash of
 * its content and cached for good. So after an upgrade the next page load runs the new
 * widget, whatever caches sit between (iMIS's own static-file cache is 2 days), and route A
 * and route B always run the widget of the proxy they talk to.
 *
 * The demo page and the iMIS stand-in are not here: src/demo/routes.ts, mounted by main.ts
 * only when the proxy runs its own simulator.
 */
import { Hono, type Context } from 'hono';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PROXY_PATHS } from '../../contract/proxy-routes.ts';
import { FALLBACK_ATTRIBUTE, widgetBundlePath } from '../../contract/widget-release.ts';
import { problem } from '../http-problem.ts';
import type { WidgetRelease } from '../widget-release.ts';

export { WIDGET_BUNDLE } from '../../checkout-paths.ts';

const JS = 'text/javascript; charset=utf-8';
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** How vite names a chunk of the bundle (vite.config.ts): a module name and an 8-character content hash. */
export const CHUNK_NAME = /^[a-z-]+-[A-Za-z0-9_-]{8}\.js$/;
const MISSING = 'The widget bundle is missing on the gift proxy: run npm run build there.';

const PLACEHOLDER = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Gift entry proxy</title></head>
<body><h1>Gift entry proxy</h1><p>The proxy is running. Pages load the widget from <code>/gift-entry.js</code>.</p></body></html>`;

/** A fallback text inside <gift-entry> (see README) is hidden by the widget's CSS once it runs; this also removes it. */
const loader = (
  release: string,
) => `// Gift entry: loads the widget release this proxy serves (this file is never cached; the bundle it names is).
await import('.${widgetBundlePath(release)}');
for (const fallback of document.querySelectorAll('gift-entry > [${FALLBACK_ATTRIBUTE}]')) fallback.remove();
`;

const script = (c: Context, body: string | Uint8Array, cache: string) => {
  c.header('Content-Type', JS);
  c.header('Cache-Control', cache);
  // Any iMIS origin may load the script itself; the API calls it makes are what the caller checks guard.
  c.header('Access-Control-Allow-Origin', '*');
  return typeof body === 'string' ? c.body(body) : c.body(new Uint8Array(body));
};

export function staticRoutes(readRelease: () => Promise<WidgetRelease | undefined>): Hono {
  const app = new Hono();

  app.get('/', (c) => {
    c.header('Cache-Control', 'no-cache');
    return c.html(PLACEHOLDER);
  });

  app.get(PROXY_PATHS.widget, async (c) => {
    const current = await readRelease();
    if (!current) return problem(c, 404, MISSING);
    return script(c, loader(current.release), 'no-cache');
  });

  // The bundle and its chunks (e.g. gift-today-C23zFzqH.js, named by their content), in the
  // release's folder: a chunk's import of the bundle resolves to the same URL the loader used.
  app.get('/widget/:release{[0-9a-f]+}/:file{[A-Za-z0-9_-]+\\.js}', async (c) => {
    const current = await readRelease();
    if (!current) return problem(c, 404, MISSING);
    const file = c.req.param('file');
    if (c.req.param('release') !== current.release) {
      return problem(c, 404, 'That widget release is no longer served by this gift proxy: reload the page.');
    }
    if (file === 'gift-entry.js') return script(c, current.bundle, IMMUTABLE);
    const chunk = CHUNK_NAME.test(file) ? await readFile(join(current.chunkDir, file)).catch(() => undefined) : undefined;
    if (!chunk) return problem(c, 404, `No part of the widget is called ${file}.`);
    return script(c, new Uint8Array(chunk), IMMUTABLE);
  });
  return app;
}
