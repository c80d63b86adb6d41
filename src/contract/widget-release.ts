/**
 * How a widget and its proxy tell whether they are the same release. The proxy serves the
 * widget bundle at a path named after a hash of its content (cached for good: a new release
 * is a new URL), names that path in a small no-cache loader at /gift-entry.js, and sends the
 * same hash on every API answer. A widget loaded from a hashed path compares the two.
 */
export const RELEASE_HEADER = 'X-Gift-Entry-Release';
const BUNDLE_PREFIX = '/widget/gift-entry.';

/** Where the proxy serves the bundle whose content hashes to `release`. */
export function widgetBundlePath(release: string): string {
  return `${BUNDLE_PREFIX}${release}.js`;
}

/** The release a script URL names, when it is a hashed bundle path; undefined otherwise (a dev server, a test). */
export function releaseOfScript(url: string): string | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const match = /\/widget\/gift-entry\.([0-9a-f]{8,64})\.js$/.exec(path);
  return match?.[1];
}

/**
 * Marks the text a page places inside <gift-entry> for when the widget cannot load (README
 * route B, the iPart's index.html); the widget's CSS hides it once the element is defined.
 */
export const FALLBACK_ATTRIBUTE = 'data-gift-entry-fallback';
