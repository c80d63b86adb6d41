/**
 * `npm run package`: an iMIS client-based iPart (content item) zip, ASI's
 * recommended way to add client-side content to iMIS pages. Upload it through
 * RiSE > Document system, then register it under RiSE > Maintenance > Content
 * types > Client-based with GiftEntry/index.html as the display URL.
 * Deterministic: fixed file times, so the same bundle gives the same zip.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { WIDGET_BUNDLE } from '../proxy/routes/static-files.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUT_DIR = join(ROOT, 'ipart');
const FOLDER = 'GiftEntry';
const FIXED_TIME = new Date('2026-01-01T00:00:00Z');

const INDEX_HTML = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Gift entry</title>
  <script type="module" src="./configure.js"></script>
</head>
<body>
  <gift-entry></gift-entry>
</body>
</html>
`;

const SETTINGS_JS = `// Edit these before uploading (or after, in the document system), then re-register if needed.
// endpoint: the gift proxy's URL, e.g. https://gifts.example.org (its ALLOWED_ORIGINS must list your iMIS site).
// key: one of the proxy's GIFT_ENTRY_KEYS. fund/appeal/campaign: defaults for a new gift. prefix: transaction-ID prefix.
export default {
  endpoint: '',
  key: '',
  fund: '',
  appeal: '',
  campaign: '',
  prefix: '',
};
`;

const CONFIGURE_JS = `// Applies settings.js to the element, then loads the widget (external files only: no inline script).
import settings from './settings.js';
const element = document.querySelector('gift-entry');
for (const [name, value] of Object.entries(settings)) if (value) element.setAttribute(name, value);
await import('./gift-entry.js');
`;

const README_TXT = `Gift entry: iMIS client-based content item
==========================================

1. Edit GiftEntry/settings.js: endpoint (your gift proxy URL) and key (a caller key from the proxy's
   GIFT_ENTRY_KEYS). Make sure the proxy's ALLOWED_ORIGINS lists your iMIS site's origin.
2. In the Staff site, go to RiSE > Document system, open (or create) the iPartSource folder, and upload
   this zip; extract it there.
3. Go to RiSE > Maintenance > Content types, choose New > Content Type > Client-based, and give the URL of
   GiftEntry/index.html as the file used to display items of this type.
4. Add the new content type to a staff page with the page builder and publish.

If your iMIS restricts content item file extensions (Settings > RiSE > Quick setup), allow .html and .js.
Screens and menu names differ between iMIS versions: check your version's documentation.
`;

export function buildIpartZip(bundle: Uint8Array): Uint8Array {
  const file = (data: Uint8Array): Zippable[string] => [data, { mtime: FIXED_TIME }];
  const files: Zippable = {
    [`${FOLDER}/index.html`]: file(strToU8(INDEX_HTML)),
    [`${FOLDER}/configure.js`]: file(strToU8(CONFIGURE_JS)),
    [`${FOLDER}/settings.js`]: file(strToU8(SETTINGS_JS)),
    [`${FOLDER}/gift-entry.js`]: file(bundle),
    [`${FOLDER}/README.txt`]: file(strToU8(README_TXT)),
  };
  return zipSync(files, { level: 9 });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  let bundle: Uint8Array;
  try {
    bundle = readFileSync(WIDGET_BUNDLE);
  } catch {
    process.stderr.write('dist/gift-entry.js is missing: run npm run build first (npm run package does).\n');
    process.exit(1);
  }
  const zip = buildIpartZip(bundle);
  mkdirSync(OUT_DIR, { recursive: true });
  const target = join(OUT_DIR, 'gift-entry-ipart.zip');
  writeFileSync(target, zip);
  process.stdout.write(`iMIS client-based iPart written to ${target} (${(zip.length / 1024).toFixed(1)} KB)\n`);
}
