/** Every error the proxy answers has one shape: `{ message, field?, problems? }`. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ProxyError } from '../contract/index.ts';

export function problem(c: Context, status: ContentfulStatusCode, message: string, extra: Omit<ProxyError, 'message'> = {}): Response {
  return c.json({ message, ...extra } satisfies ProxyError, status);
}
