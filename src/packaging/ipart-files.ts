/**
 * The HTML files of the client-based iPart, written for the way iMIS renders one:
 *
 * - iMIS reads the display (and configuration) HTML on the server and pastes it into the
 *   page: no iframe, no document of its own. So each is a fragment, and its only URLs are
 *   `~/`-rooted `script src`s, which iMIS rewrites to the site's application path; a relative
 *   URL would resolve against the page's URL and fail. `[x-contentKey]` and `[x-contentItemKey]`
 *   are filled by iMIS per placement (Advsol/Asi.Web.iPart.Html Examples/innov/JsonDemo/index.html).
 * - Where the zip is unpacked depends on the iMIS version (ipart-layout.ts), so each fragment
 *   names its script in both places; the browser finds one (the other answers 404).
 * - Script names carry a hash of their content: iMIS 2017 caches static files for 2 days, and
 *   the fragments themselves are read on the server at every page view, so a new package is
 *   a new URL at once.
 * - ASCII only: iMIS 2017 reads a file without a byte-order mark in the server's Windows code
 *   page, which would garble any other character (ASI's own samples carry a BOM instead).
 * - Scripts are external modules (no inline script): a page may run a strict CSP.
 */
import { FALLBACK_ATTRIBUTE } from '../contract/widget-release.ts';
import { IPART_LAYOUTS, ipartRoot } from './ipart-layout.ts';
import { IPART_SETTINGS, type IpartSetting } from './ipart-settings.ts';

/** Escapes markup and writes every non-ASCII character as a numeric reference. */
export const asciiHtml = (text: string) =>
  text.replace(
    /[&<>"]|[^\x20-\x7e\n]/gu,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? `&#${c.codePointAt(0)};`,
  );

/** One module script per place iMIS may have unpacked the zip. */
const scripts = (file: string) =>
  IPART_LAYOUTS.map((layout) => `<script type="module" src="${ipartRoot(layout)}${file}"></script>`).join('\n');

/**
 * Shown until the widget runs (its CSS hides it once <gift-entry> is defined, and the display
 * script removes it): if no script can load, this is what staff see instead of a blank.
 */
export const FALLBACK_TEXT =
  'Gift entry is loading. If this message stays, the page could not load Gift entry from this iMIS site: ask your iMIS administrator to check that the "Gift entry" content type points to where gift-entry-ipart.zip was unpacked.';

export function displayHtml(displayScript: string): string {
  return `<gift-entry data-content-key="[x-contentKey]" data-content-item-key="[x-contentItemKey]"><p class="AsiWarning" ${FALLBACK_ATTRIBUTE}>${asciiHtml(FALLBACK_TEXT)}</p></gift-entry>
${scripts(displayScript)}
`;
}

const settingField = (s: IpartSetting) => {
  const id = `gift-entry-setting-${s.name}`;
  const input =
    s.type === 'checkbox'
      ? `<input type="checkbox" id="${id}" data-setting="${s.name}" aria-describedby="${id}-hint">`
      : `<input type="${s.type}" id="${id}" data-setting="${s.name}" class="InputLarge" aria-describedby="${id}-hint"${s.type === 'url' ? ' placeholder="https://"' : ''}>`;
  return `  <div class="PanelField Left">
    <label for="${id}">${asciiHtml(s.label)}</label>
    <div class="PanelFieldValue">${input}
      <span class="Description" id="${id}-hint">${asciiHtml(s.hint)}</span>
    </div>
  </div>`;
};

export function configurationHtml(configureScript: string): string {
  return `<fieldset class="gift-entry-settings">
  <legend>Gift entry settings for this placement</legend>
  <p class="gift-entry-settings-status" role="status"></p>
${IPART_SETTINGS.map(settingField).join('\n')}
</fieldset>
${scripts(configureScript)}
`;
}
