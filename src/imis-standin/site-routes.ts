/**
 * An iMIS-like site under a non-root application path (e.g. /imis/), for the demo and the
 * tests: RiSE's document system (zip upload), content types, one staff page whose content
 * items are assembled as iMIS assembles them (page-assembly.ts), each item's configuration
 * page with the hidden #JsonSettings field iMIS saves with the item, the REST API slice, and
 * the unpacked iPart files served as static files, all as the profile's iMIS version does.
 *
 * The staff member is STAFF1. As in iMIS, `selectedPartyId` is the URL's `ID` when given,
 * else the logged-in user (no one is being acted for here).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import { IMIS_VERIFICATION_HEADER } from '../contract/imis-party.ts';
import { DEMO_DIR, IPART_DIR } from '../checkout-paths.ts';
import { IPART_ZIP_NAME, ipartConfigurationUrl, ipartDisplayUrl } from '../packaging/ipart-layout.ts';
import { ContentItems, type ContentItem } from './content-items.ts';
import { BadUpload, DocumentSystem } from './document-system.ts';
import { contentItemContainer, escapeHtml, imisPage, pasteFragment } from './page-assembly.ts';
import { CONTENT_ITEMS_FOLDER, type ImisProfile } from './profiles.ts';
import { DEMO_VERIFICATION_TOKEN, imisRestRoutes } from './rest-routes.ts';

export const STAFF_USER = 'STAFF1';
export const STAFF_PAGE = 'Staff/Record_a_gift.aspx';
export const CONTENT_ITEM_PAGE = 'RiSE/ContentItem.aspx';
/** POST the zip's bytes with ?name=<file name>&folder=<document system folder> (iMIS takes iPart zips from $/ContentItems). */
export const UPLOAD_PATH = 'RiSE/DocumentSystem/Upload';
export const CONTENT_TYPES_PATH = 'RiSE/ContentTypes';
export const PLACE_PATH = 'RiSE/Staff/Record_a_gift/ContentItems';

// Proves the pasted fragments need no inline script; scripts come from the site or a proxy on loopback.
const SITE_CSP = "script-src 'self' http://127.0.0.1:*; style-src 'self'; object-src 'none'; base-uri 'none'";
const FILE_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};

export interface SiteOptions {
  /** Where the site is mounted, with slashes: "/imis/". */
  appPath: string;
  /** Install `npm run package`'s zip, register it and place it on the staff page when first asked (the demo). */
  autoInstall: boolean;
  profile: ImisProfile;
}

export function imisSiteRoutes(options: SiteOptions): Hono {
  const { appPath, profile } = options;
  const documents = new DocumentSystem(profile);
  const content = new ContentItems();
  const app = new Hono();
  const html = (c: Context, page: string) => {
    c.header('Content-Security-Policy', SITE_CSP);
    c.header('Cache-Control', 'no-store');
    return c.html(page);
  };
  const staff = (c: Context) => c.req.header(IMIS_VERIFICATION_HEADER) === DEMO_VERIFICATION_TOKEN;
  const denied = (c: Context) =>
    c.json({ Message: 'Sign in to iMIS as staff: this request carries no valid RequestVerificationToken.' }, 401);

  let autoInstall: Promise<void> | undefined;
  const ensureDemoInstalled = () =>
    (autoInstall ??= (async () => {
      const zip = await readFile(join(IPART_DIR, `${IPART_ZIP_NAME}.zip`)).catch(() => undefined);
      if (!zip) {
        autoInstall = undefined; // try again on the next visit, after `npm run package`
        return;
      }
      await documents.installZip(`${IPART_ZIP_NAME}.zip`, new Uint8Array(zip));
      const layout = profile.unpackRoot;
      content.place(content.registerType('Gift entry', ipartDisplayUrl(layout), ipartConfigurationUrl(layout)).key);
    })());

  const fragment = (url: string | undefined, item: ContentItem): string => {
    const file = url?.startsWith('~/') ? documents.read(url) : undefined;
    if (!file) return `<p class="AsiError">The content type's file ${escapeHtml(url ?? '(none)')} is not in the document system.</p>`;
    return pasteFragment(new TextDecoder().decode(file), appPath, item);
  };

  app.get(`/${STAFF_PAGE}`, async (c) => {
    if (options.autoInstall && content.placed.length === 0) await ensureDemoInstalled();
    const loggedInPartyId = STAFF_USER;
    const selectedPartyId = c.req.query('ID')?.trim() || loggedInPartyId;
    const items = content.placed.map((item) =>
      contentItemContainer(`${fragment(item.contentType.displayUrl, item)}
            <p class="EditLink"><a href="${appPath}${CONTENT_ITEM_PAGE}?contentItemKey=${item.contentItemKey}">Edit this content item's settings</a></p>`),
    );
    const empty = `<p class="AsiWarning">No content item on this page yet. For the demo, run <code>npm run package</code> and reload.</p>`;
    return html(
      c,
      imisPage({
        appPath,
        title: 'Record a gift',
        token: DEMO_VERIFICATION_TOKEN,
        clientContext: { baseUrl: appPath, loggedInPartyId, selectedPartyId, isAnonymous: false },
        profile: profile.name,
        action: new URL(c.req.url).pathname + new URL(c.req.url).search,
        body: items.join('\n') || empty,
      }),
    );
  });

  // RiSE's editor for one content item: the configuration page pasted inside the form that saves #JsonSettings.
  app.get(`/${CONTENT_ITEM_PAGE}`, (c) => {
    const item = content.find(undefined, c.req.query('contentItemKey'));
    if (!item) return c.text('No such content item.', 404);
    const body = `${contentItemContainer(`            <input type="hidden" name="JsonSettings" id="JsonSettings" value="${escapeHtml(item.settings)}">
${fragment(item.contentType.configurationUrl, item)}`)}
      <div class="CommandBar"><button type="submit" class="TextButton PrimaryButton">Save &amp; Publish</button></div>`;
    return html(
      c,
      imisPage({
        appPath,
        title: `Edit content item: ${item.contentType.name}`,
        token: DEMO_VERIFICATION_TOKEN,
        clientContext: { baseUrl: appPath, loggedInPartyId: STAFF_USER, selectedPartyId: STAFF_USER, isAnonymous: false },
        profile: profile.name,
        action: `${appPath}${CONTENT_ITEM_PAGE}?contentItemKey=${item.contentItemKey}`,
        body,
      }),
    );
  });

  app.post(`/${CONTENT_ITEM_PAGE}`, async (c) => {
    const item = content.find(undefined, c.req.query('contentItemKey'));
    if (!item) return c.text('No such content item.', 404);
    const form = await c.req.parseBody();
    if (form.__RequestVerificationToken !== DEMO_VERIFICATION_TOKEN) return c.text('Your iMIS session has expired: sign in again.', 401);
    const settings = typeof form.JsonSettings === 'string' ? form.JsonSettings.trim() : '';
    try {
      const parsed: unknown = settings ? JSON.parse(settings) : {};
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
    } catch {
      return c.text('JsonSettings must hold a JSON object; nothing was saved.', 400);
    }
    item.settings = settings;
    return c.redirect(`${appPath}${STAFF_PAGE}`, 303);
  });

  // RiSE administration, as JSON calls (the tests, or curl), for a signed-in staff member.
  app.post(`/${UPLOAD_PATH}`, async (c) => {
    if (!staff(c)) return denied(c);
    const name = c.req.query('name') ?? '';
    const folder = c.req.query('folder') ?? CONTENT_ITEMS_FOLDER;
    try {
      return c.json(await documents.installZip(name, new Uint8Array(await c.req.arrayBuffer()), folder), 201);
    } catch (error) {
      if (error instanceof BadUpload) return c.json({ Message: error.message }, 400);
      throw error;
    }
  });
  app.post(`/${CONTENT_TYPES_PATH}`, async (c) => {
    if (!staff(c)) return denied(c);
    const body = (await c.req.json().catch(() => ({}))) as { name?: unknown; displayUrl?: unknown; configurationUrl?: unknown };
    if (typeof body.name !== 'string' || typeof body.displayUrl !== 'string') {
      return c.json({ Message: 'A client-based content type needs a name and a displayUrl.' }, 400);
    }
    const type = content.registerType(
      body.name,
      body.displayUrl,
      typeof body.configurationUrl === 'string' ? body.configurationUrl : undefined,
    );
    return c.json({ contentTypeKey: type.key }, 201);
  });
  app.post(`/${PLACE_PATH}`, async (c) => {
    if (!staff(c)) return denied(c);
    const body = (await c.req.json().catch(() => ({}))) as { contentTypeKey?: unknown };
    const item = typeof body.contentTypeKey === 'string' ? content.place(body.contentTypeKey) : undefined;
    if (!item) return c.json({ Message: 'No content type with that contentTypeKey.' }, 400);
    return c.json({ contentKey: item.contentKey, contentItemKey: item.contentItemKey }, 201);
  });

  app.get('/App_Themes/Default/theme.css', async (c) => {
    c.header('Content-Type', FILE_TYPES['.css']!);
    return c.body(await readFile(join(DEMO_DIR, 'imis-theme.css'), 'utf8'));
  });

  app.get(`/${profile.unpackRoot}/*`, (c) => {
    const path = decodeURIComponent(new URL(c.req.url).pathname.slice(appPath.length - 1));
    const file = documents.read(path);
    const type = FILE_TYPES[/\.[^./]+$/.exec(path)?.[0].toLowerCase() ?? ''];
    if (!file || !type) return c.text(`Nothing at ${path}.`, 404);
    c.header('Content-Type', type);
    c.header('Cache-Control', profile.staticCache);
    return c.body(new Uint8Array(file));
  });

  app.route('/', imisRestRoutes(content, profile));
  return app;
}
