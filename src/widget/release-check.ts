/**
 * Tells staff when the widget in their page is not the release its proxy now serves (the
 * proxy was upgraded while the page stayed open, or something cached the old widget): the
 * proxy names its release on every API answer, and a widget loaded from the proxy's hashed
 * bundle path knows its own (src/contract/widget-release.ts). Outside that (a dev server, a
 * test page) there is nothing to compare and nothing is said.
 *
 * Wiring (gift-entry.ts): call `releaseNotice(response.headers)` on the answer to
 * GET /api/lookups and show a returned sentence as a warning above the form.
 */
import { RELEASE_HEADER, releaseOfScript } from '../contract/widget-release.ts';

const OWN_RELEASE = releaseOfScript(import.meta.url);

export function releaseNotice(headers: Headers, ownRelease: string | undefined = OWN_RELEASE): string | undefined {
  const served = headers.get(RELEASE_HEADER);
  if (!ownRelease || !served || served === ownRelease) return undefined;
  return 'This form is an older or different release than the gift proxy now runs: reload the page before recording more gifts. Gifts already recorded are safe.';
}
