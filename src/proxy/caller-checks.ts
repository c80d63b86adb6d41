/**
 * Who may call the proxy. Browsers must come from an allowed Origin (answered
 * with matching CORS headers) and every API call must carry a caller key: a
 * revocable secret for a staff-only iMIS page, never the upstream token.
 */
import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { CALLER_KEY_HEADER } from '../contract/index.ts';
import type { ProxyConfig } from './config.ts';
import { problem } from './http-problem.ts';

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function callerChecks(config: Pick<ProxyConfig, 'allowedOrigins' | 'callerKeys' | 'callerChecksOff'>): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('Origin');
    const ownOrigin = new URL(c.req.url).origin;
    const originAllowed =
      origin === undefined || origin === ownOrigin || config.callerChecksOff || config.allowedOrigins.includes(origin);
    if (!originAllowed) {
      return problem(c, 403, `Pages on ${origin} may not use this gift proxy. Add that origin to ALLOWED_ORIGINS on the proxy.`);
    }
    if (origin !== undefined && origin !== ownOrigin) {
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Vary', 'Origin');
      c.header('Access-Control-Expose-Headers', 'ETag');
    }
    if (c.req.method === 'OPTIONS') {
      c.header('Access-Control-Allow-Methods', 'GET, POST');
      c.header('Access-Control-Allow-Headers', `Content-Type, ${CALLER_KEY_HEADER}, If-None-Match`);
      c.header('Access-Control-Max-Age', '600');
      return c.body(null, 204);
    }
    if (!config.callerChecksOff) {
      const key = c.req.header(CALLER_KEY_HEADER);
      if (key === undefined || key === '') {
        return problem(c, 401, `This page has no gift entry key. Set the widget's key attribute (sent as the ${CALLER_KEY_HEADER} header).`);
      }
      if (!config.callerKeys.some((expected) => sameSecret(key, expected))) {
        return problem(c, 401, 'The gift entry key is not recognised (it may have been rotated). Ask your administrator for the current key.');
      }
    }
    await next();
  };
}
