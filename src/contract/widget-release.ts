/**
 * How a widget and its proxy tell whether they are the same release. The proxy serves the
 * widget bundle in a folder named after a hash of its content (cached for good: a new release
 * is a new URL), with the bundle's chunks beside it, so their relative imports of each other
 * stay within one release; names that path in a small no-cache loader at /gift-entry.js; and
 * sends the same hash on every API answer. A widget loaded from a hashed path compares the two.
 */
export const RELEASE_HEADER = 'X-Gift-Entry-Release';

/** Where the proxy serves the bundle whose content hashes to `release` (its chunks sit beside it). */
export function widgetBundlePath(release: string): string {
  return `/widget/${release}/gift-entry.js`;
}

/** The release a script URL names, when it is a hashed bundle path; undefined otherwise (a dev server, a test). */
export function releaseOfScript(url: string): string | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const match = /\/widget\/([0-9a-f]{8,64})\/gift-entry\.js$/.exec(path);
  return match?.[1];
}

/**
 * Marks the text a page places inside <gift-entry> for when the widget cannot load (README
 * route B, the iPart's index.html); the widget's CSS hides it once the element is defined.
 */
export const FALLBACK_ATTRIBUTE = 'data-gift-entry-fallback';
