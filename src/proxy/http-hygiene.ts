/**
 * Headers and connection handling every answer gets. Answers carry donor details,
 * so nothing is cached, sniffed or leaked through a Referer. An answer sent before
 * the request body was read (401, 403, 413, 415…) closes the connection: Node would
 * otherwise drop the socket a moment later under a client that was told keep-alive,
 * and its next request would fail with "socket hang up".
 */
import type { MiddlewareHandler } from 'hono';

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
    c.res.headers.set('Referrer-Policy', 'no-referrer');
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
  };
}

function hasBody(request: Request): boolean {
  const length = request.headers.get('Content-Length');
  return (length !== null && length !== '0') || request.headers.has('Transfer-Encoding');
}

export function closeAfterEarlyAnswer(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.res.status >= 400 && hasBody(c.req.raw) && (c.res.status === 413 || !c.req.raw.bodyUsed)) {
      c.res.headers.set('Connection', 'close');
    }
  };
}

/** While the proxy stops, new requests are turned away clearly rather than cut off. */
export function refuseWhileStopping(stopping: () => boolean): MiddlewareHandler {
  return async (c, next) => {
    if (!stopping()) return next();
    c.header('Connection', 'close');
    c.header('Retry-After', '5');
    return c.json({ message: 'The gift proxy is restarting; try again in a few seconds. Gifts it already acknowledged are kept.' }, 503);
  };
}
