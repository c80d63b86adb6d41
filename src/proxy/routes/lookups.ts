/** GET /api/lookups: the three upstream lists in one response, cached, with ETag/304. */
import { Hono } from 'hono';
import { problem } from '../http-problem.ts';
import type { LookupsCache } from '../lookups-cache.ts';

export function lookupRoutes(cache: LookupsCache): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    const result = await cache.get();
    if (result.kind === 'unauthorized') {
      return problem(
        c,
        502,
        'The gift service rejected the proxy’s credentials, so funds, appeals and campaigns cannot be loaded. Ask your administrator to check GIFT_API_TOKEN.',
      );
    }
    if (result.kind === 'failed') {
      return problem(c, 502, `Funds, appeals and campaigns could not be loaded: ${result.reason}. Try again in a moment.`);
    }
    const { body, etag, stale } = result.lookups;
    c.header('ETag', etag);
    c.header('Cache-Control', 'private, no-cache');
    if (stale) c.header('Warning', '110 - "Response is stale: the gift service could not be reached"');
    if (c.req.header('If-None-Match') === etag) return c.body(null, 304);
    c.header('Content-Type', 'application/json; charset=utf-8');
    return c.body(body, 200);
  });
  return app;
}
