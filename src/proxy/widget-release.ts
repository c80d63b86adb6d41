/**
 * The widget bundle this proxy serves and its release (a hash of its content), so that a
 * page never runs a stale widget against a newer proxy: the bundle's URL changes with its
 * content, and every API answer says which release the proxy serves (see
 * src/contract/widget-release.ts). Re-read when the file changes, so a rebuild needs no restart.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { MiddlewareHandler } from 'hono';
import { RELEASE_HEADER } from '../contract/widget-release.ts';
import { WIDGET_BUNDLE } from '../checkout-paths.ts';

export interface WidgetRelease {
  release: string;
  bundle: Uint8Array;
  /** Where the bundle's chunks are (beside it): parts only some pages load. */
  chunkDir: string;
}

export function widgetReleaseReader(path = WIDGET_BUNDLE): () => Promise<WidgetRelease | undefined> {
  let cached: { stamp: string; value: WidgetRelease } | undefined;
  return async () => {
    const info = await stat(path).catch(() => undefined);
    if (!info) return undefined;
    const stamp = `${info.mtimeMs}:${info.size}`;
    if (cached?.stamp !== stamp) {
      const bundle = new Uint8Array(await readFile(path));
      // The bundle names its chunks by their own content hashes, so hashing it covers them too.
      const release = createHash('sha256').update(bundle).digest('hex').slice(0, 16);
      cached = { stamp, value: { release, bundle, chunkDir: dirname(path) } };
    }
    return cached.value;
  };
}

/** Names the served release on every answer, readable by a widget on another origin. */
export function releaseHeader(read: () => Promise<WidgetRelease | undefined>): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const current = await read();
    if (!current) return;
    c.header(RELEASE_HEADER, current.release);
    const exposed = c.res.headers.get('Access-Control-Expose-Headers');
    if (c.res.headers.has('Access-Control-Allow-Origin')) {
      c.header('Access-Control-Expose-Headers', exposed ? `${exposed}, ${RELEASE_HEADER}` : RELEASE_HEADER);
    }
  };
}
