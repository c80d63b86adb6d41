/**
 * The files of the client-based iPart, written for the way iMIS renders one:
 *
 * - iMIS reads the display (and configuration) HTML on the server and pastes it into the
 *   page: no iframe, no document of its own. So each is a fragment, not a document, and its
 *   only URLs are `~/`-rooted `script src`s, which iMIS rewrites to the site's application
 *   path; a relative URL would resolve against the page's URL and fail. The `[x-contentKey]`
 *   and `[x-contentItemKey]` placeholders are filled by iMIS per placement (Advsol/Asi.Web.iPart.Html
 *   Examples/innov/JsonDemo/index.html uses `~/Areas/...` script srcs and the placeholders;
 *   Advsol/Innovations2019-settings-demo src/index.html carries them in hidden inputs).
 * - An uploaded zip is unpacked under a folder named after the zip, so files are addressed as
 *   `~/iPartSource/<zip name>/<folder>/…` (Advsol/Innovations2019-settings-demo README,
 *   "--deployUrl=~/iPartSource/[zipfileName]/[foldername]").
 * - Settings are per placement: the configuration page keeps iMIS's hidden `#JsonSettings`
 *   field up to date and iMIS saves it with the content item (Advsol/Innovations2019-config-page
 *   src/app/app.component.ts; Advsol/Asi.Web.iPart.Html Examples/innov/JsonDemo/config.ts); the
 *   display reads them at run time from `api/ContentItem?contentKey=…&contentItemKey=…`, joined
 *   to `__ClientContext.baseUrl` (Advsol/Innovations2019-settings-demo src/app/app.component.ts,
 *   ipart-settings.service.ts). Nothing secret sits in a downloadable file.
 * - Scripts are external modules (no inline script): a page may run a strict CSP.
 */
import { IMIS_API, IMIS_VERIFICATION_HEADER } from '../contract/imis-party.ts';
import { IPART_SETTINGS } from './ipart-settings.ts';

export const IPART_ZIP_NAME = 'gift-entry-ipart';
export const IPART_FOLDER = 'GiftEntry';
/** Where iMIS serves the unpacked folder, `~`-rooted as content type URLs are given. */
export const IPART_ROOT = `~/iPartSource/${IPART_ZIP_NAME}/${IPART_FOLDER}/`;
export const IPART_DISPLAY_URL = `${IPART_ROOT}index.html`;
export const IPART_CONFIGURATION_URL = `${IPART_ROOT}configure.html`;
/** What iMIS keeps of an uploaded zip by default; anything else is dropped. */
export const IMIS_ALLOWED_EXTENSIONS = ['.js', '.html', '.htm', '.css', '.json', '.map', '.ts'] as const;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => `&${({ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' } as Record<string, string>)[c]};`);

export const DISPLAY_HTML = `<gift-entry data-content-key="[x-contentKey]" data-content-item-key="[x-contentItemKey]"></gift-entry>
<script type="module" src="${IPART_ROOT}ipart-display.js"></script>
`;

const settingField = (s: (typeof IPART_SETTINGS)[number]) => {
  const id = `gift-entry-setting-${s.name}`;
  const input =
    s.type === 'checkbox'
      ? `<input type="checkbox" id="${id}" data-setting="${s.name}" aria-describedby="${id}-hint">`
      : `<input type="${s.type}" id="${id}" data-setting="${s.name}" class="InputLarge" aria-describedby="${id}-hint"${s.type === 'url' ? ' placeholder="https://"' : ''}>`;
  return `  <div class="PanelField Left">
    <label for="${id}">${escapeHtml(s.label)}</label>
    <div class="PanelFieldValue">${input}
      <span class="Description" id="${id}-hint">${escapeHtml(s.hint)}</span>
    </div>
  </div>`;
};

export const CONFIGURATION_HTML = `<fieldset class="gift-entry-settings">
  <legend>Gift entry settings for this placement</legend>
  <p class="gift-entry-settings-status" role="status"></p>
${IPART_SETTINGS.map(settingField).join('\n')}
</fieldset>
<script type="module" src="${IPART_ROOT}ipart-configure.js"></script>
`;

const ATTRIBUTES = JSON.stringify(IPART_SETTINGS.map(({ name, attribute, type }) => ({ name, attribute, flag: type === 'checkbox' })));

export const DISPLAY_JS = `// Gift entry iPart: gives each placed <gift-entry> the settings saved with its content item, then loads the widget.
const field = (id) => document.getElementById(id)?.value ?? '';
let context = {};
try { context = JSON.parse(field('__ClientContext') || '{}'); } catch { /* not an iMIS page: no settings to read */ }
const base = String(context.baseUrl || '/').replace(/\\/*$/, '/');
const ATTRIBUTES = ${ATTRIBUTES};

async function placementSettings(element) {
  const query = new URLSearchParams({ contentKey: element.dataset.contentKey, contentItemKey: element.dataset.contentItemKey });
  const response = await fetch(base + '${IMIS_API.contentItem}?' + query, {
    headers: { '${IMIS_VERIFICATION_HEADER}': field('__RequestVerificationToken'), Accept: 'application/json' },
    credentials: 'same-origin',
  });
  if (!response.ok) throw new Error('iMIS answered ' + response.status + ' when asked for them');
  const body = await response.json();
  const item = (Array.isArray(body.Items) ? body.Items : (body.Items?.$values ?? [body]))[0] ?? {};
  let settings = item.Data?.Settings ?? item.Settings ?? {};
  if (typeof settings === 'string') settings = settings.trim() ? JSON.parse(settings) : {};
  return settings;
}

function replaceWithNotice(element, text) {
  const notice = document.createElement('p');
  notice.className = 'AsiError';
  notice.setAttribute('role', 'alert');
  notice.textContent = text;
  element.replaceWith(notice);
}

for (const element of document.querySelectorAll('gift-entry[data-content-item-key]')) {
  let settings;
  try {
    settings = await placementSettings(element);
  } catch (error) {
    replaceWithNotice(element, 'Gift entry could not read this content item’s settings (' + error.message + '). Reload the page; if this persists, sign in again or check the item in RiSE.');
    continue;
  }
  for (const { name, attribute, flag } of ATTRIBUTES) {
    const value = settings[name];
    if (flag ? value === true : typeof value === 'string' && value.trim()) element.setAttribute(attribute, flag ? '' : value.trim());
  }
  if (!element.getAttribute('endpoint')) {
    replaceWithNotice(element, 'Gift entry is not set up on this page yet: edit this content item in RiSE and fill in the gift proxy address and caller key.');
  }
}
await import('./gift-entry.js');
`;

export const CONFIGURE_JS = `// Gift entry iPart, configuration page: keeps iMIS's hidden #JsonSettings field (saved with the content item) in step with the form.
const store = document.getElementById('JsonSettings');
const form = document.querySelector('.gift-entry-settings');
const status = form.querySelector('.gift-entry-settings-status');
const inputs = [...form.querySelectorAll('[data-setting]')];
if (!store) {
  status.textContent = 'These settings can only be saved from iMIS: edit the content item in RiSE.';
  for (const input of inputs) input.disabled = true;
} else {
  let settings = {};
  try { settings = JSON.parse(store.value || '{}'); } catch { status.textContent = 'The saved settings could not be read; saving replaces them.'; }
  for (const input of inputs) {
    const value = settings[input.dataset.setting];
    if (input.type === 'checkbox') input.checked = value === true;
    else input.value = typeof value === 'string' ? value : '';
  }
  const write = () => {
    const next = {};
    for (const input of inputs) next[input.dataset.setting] = input.type === 'checkbox' ? input.checked : input.value.trim();
    store.value = JSON.stringify(next);
    const endpoint = form.querySelector('[data-setting="endpoint"]');
    status.textContent = endpoint && !endpoint.checkValidity() ? 'The gift proxy address must be a full URL, e.g. https://gifts.example.org.' : '';
  };
  form.addEventListener('input', write);
  form.addEventListener('change', write);
}
`;

/** The package's files, by path inside the zip. */
export function ipartFiles(bundle: Uint8Array): Record<string, Uint8Array> {
  const text = (s: string) => new TextEncoder().encode(s);
  return {
    [`${IPART_FOLDER}/index.html`]: text(DISPLAY_HTML),
    [`${IPART_FOLDER}/configure.html`]: text(CONFIGURATION_HTML),
    [`${IPART_FOLDER}/ipart-display.js`]: text(DISPLAY_JS),
    [`${IPART_FOLDER}/ipart-configure.js`]: text(CONFIGURE_JS),
    [`${IPART_FOLDER}/gift-entry.js`]: bundle,
  };
}

/** Where `npm run package` writes the zip. */
export const IPART_ZIP_URL = new URL(`../../ipart/${IPART_ZIP_NAME}.zip`, import.meta.url);
