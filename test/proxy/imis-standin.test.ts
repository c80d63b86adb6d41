import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { Hono } from 'hono';
import {
  IMIS_VERIFICATION_HEADER,
  pagedItems,
  type PagedResult,
  type PartyData,
  type PartySummary,
} from '../../src/contract/imis-party.ts';
import { demoRoutes } from '../../src/demo/routes.ts';
import { buildIpartZip } from '../../src/packaging/ipart.ts';
import { ipartConfigurationUrl, ipartDisplayUrl } from '../../src/packaging/ipart-layout.ts';
import { PROFILES, type ImisProfile } from '../../src/imis-standin/profiles.ts';
import { DEMO_VERIFICATION_TOKEN, imisStandInRoutes } from '../../src/imis-standin/routes.ts';
import { CONTENT_ITEM_PAGE, CONTENT_TYPES_PATH, PLACE_PATH, STAFF_PAGE, UPLOAD_PATH } from '../../src/imis-standin/site-routes.ts';
import { startProxy, type ProxyHandle } from '../../src/proxy/server.ts';
import { startHarness } from './harness.ts';

describe('the iMIS REST stand-in on the demo proxy', () => {
  let proxy: ProxyHandle;
  const dataDir = mkdtempSync(join(tmpdir(), 'gift-standin-'));
  before(async () => {
    proxy = await startProxy(
      { PORT: '0', DATA_DIR: dataDir, SIMULATOR_DELAY_MS: '0', GIFT_SIMULATOR: '1', GIFT_ENTRY_KEYS: 'demo-key-0123456789abcdef' },
      { log: () => {}, demo: async () => demoRoutes() },
    );
  });
  after(async () => {
    await proxy.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const get = (path: string, token = DEMO_VERIFICATION_TOKEN) =>
    fetch(`${proxy.url}${path}`, { headers: token ? { [IMIS_VERIFICATION_HEADER]: token } : {} });
  const names = async (path: string) => pagedItems((await (await get(path)).json()) as PagedResult<PartySummary>).map((p) => p.Name);

  test('finds contacts with iMIS filter syntax, in the paged envelope, with the page’s token and no caller key', async () => {
    const response = await get('/api/PartySummary?lastName=startsWith:love&limit=10');
    assert.equal(response.status, 200);
    const page = (await response.json()) as PagedResult<PartySummary>;
    assert.deepEqual(
      pagedItems(page).map((p) => p.Name),
      ['Ada Lovelace', 'Byron Lovelace'],
    );
    assert.equal(page.TotalCount, 2);
    assert.equal(page.HasNext, false);
    assert.deepEqual(await names('/api/PartySummary?email=contains:acme'), ['Acme Foundation']);
    assert.equal(((await (await get('/api/PartySummary/103')).json()) as PartySummary).Name, 'Grace Hopper');
  });

  test('an organisation is found by the start of its name, not by lastName; an unknown filter is refused as iMIS refuses it', async () => {
    assert.deepEqual(await names('/api/PartySummary?name=startsWith:acme'), ['Acme Foundation']);
    assert.deepEqual(await names('/api/PartySummary?lastName=startsWith:acme'), []);
    const refused = await get('/api/PartySummary?majorKey=eq:1');
    assert.equal(refused.status, 400);
    assert.match(((await refused.json()) as { Message: string }).Message, /majorKey is not a known property name/);
  });

  test('the full Party record carries the names and email a gift needs', async () => {
    const person = (await (await get('/api/Party/101')).json()) as PartyData;
    assert.deepEqual(person.PersonName, { FirstName: 'Ada', LastName: 'Lovelace' });
    assert.deepEqual(person.Emails, { $values: [{ Address: 'ada@example.org', EmailType: '_Primary', IsPrimary: true }] });
    const organisation = (await (await get('/api/Party/200')).json()) as PartyData;
    assert.equal(organisation.OrganizationName, 'Acme Foundation');
    assert.equal(organisation.PersonName, undefined);
  });

  test('pages long lists', async () => {
    const first = (await (await get('/api/PartySummary?lastName=startsWith:smith&limit=10')).json()) as PagedResult<PartySummary>;
    assert.equal(first.Count, 10);
    assert.equal(first.HasNext, true);
    assert.equal(first.NextOffset, 10);
  });

  test('refuses calls without the verification token, as iMIS does for an expired login', async () => {
    assert.equal((await get('/api/PartySummary?lastName=startsWith:love', '')).status, 401);
    assert.equal((await get('/api/PartySummary?lastName=startsWith:love', 'stale-token')).status, 401);
    assert.equal((await get('/imis/api/Party/101', '')).status, 401);
  });

  test('our own API still needs the caller key', async () => {
    assert.equal((await get('/api/gifts')).status, 401);
  });

  test('the iMIS-like site answers under its application path', async () => {
    assert.deepEqual(await names('/imis/api/PartySummary?lastName=startsWith:hop'), ['Grace Hopper']);
    const page = await (await get(`/imis/${STAFF_PAGE}`)).text();
    assert.match(page, /id="__ClientContext" value="[^"]*&quot;baseUrl&quot;:&quot;\/imis\/&quot;/);
  });
});

const zip = await buildIpartZip();
/** The same package as a zip without folder entries (as `npm run package` wrote it before). */
const withoutFolderEntries = (() => {
  const files: Record<string, Uint8Array> = {};
  for (const [path, data] of Object.entries(unzipSync(zip))) if (!path.endsWith('/')) files[path] = data;
  return zipSync(files);
})();

function standIn(profile: ImisProfile) {
  const site = imisStandInRoutes({ autoInstall: false, profile });
  const call = (path: string, init: RequestInit = {}) =>
    site.request(`http://imis.test/imis/${path}`, {
      ...init,
      headers: { [IMIS_VERIFICATION_HEADER]: DEMO_VERIFICATION_TOKEN, ...(init.headers as Record<string, string>) },
    });
  const upload = (name: string, body: Uint8Array, folder = '$/ContentItems') =>
    call(`${UPLOAD_PATH}?name=${name}&folder=${encodeURIComponent(folder)}`, { method: 'POST', body: new Uint8Array(body) });
  /** Upload, register the content type at the layout's URLs, place it: README's route A. */
  const install = async () => {
    assert.equal((await upload('gift-entry-ipart.zip', zip)).status, 201);
    const layout = profile.unpackRoot;
    const type = await call(CONTENT_TYPES_PATH, {
      method: 'POST',
      body: JSON.stringify({ name: 'Gift entry', displayUrl: ipartDisplayUrl(layout), configurationUrl: ipartConfigurationUrl(layout) }),
    });
    const { contentTypeKey } = (await type.json()) as { contentTypeKey: string };
    return (await (await call(PLACE_PATH, { method: 'POST', body: JSON.stringify({ contentTypeKey }) })).json()) as {
      contentKey: string;
      contentItemKey: string;
    };
  };
  const save = (itemKey: string, fields: Record<string, string>) =>
    site.request(`http://imis.test/imis/${CONTENT_ITEM_PAGE}?contentItemKey=${itemKey}`, {
      method: 'POST',
      body: new URLSearchParams(fields),
    });
  return { call, upload, install, save };
}

describe('the iMIS-like site (EMS profile) installs an iPart zip and assembles its page as iMIS does', () => {
  const { call, upload, install, save } = standIn(PROFILES.EMS);
  let itemKey = '';
  let contentKey = '';

  test('unpacks the zip under iPartSource/<zip name>/, with or without folder entries, dropping extensions iMIS does not allow', async () => {
    const withReadme = zipSync({
      'GiftEntry/index.html': strToU8('<p>x</p>'),
      'GiftEntry/README.txt': strToU8('read me'),
      'GiftEntry/app.js': strToU8(''),
    });
    const response = await upload('other.zip', withReadme);
    assert.equal(response.status, 201);
    assert.deepEqual(await response.json(), {
      folder: 'iPartSource/other/',
      installed: ['iPartSource/other/GiftEntry/index.html', 'iPartSource/other/GiftEntry/app.js'],
      dropped: ['GiftEntry/README.txt'],
    });
    assert.equal((await call('iPartSource/other/GiftEntry/README.txt')).status, 404);
    assert.equal(await (await call('iPartSource/other/GiftEntry/index.html')).text(), '<p>x</p>');
    const bad = await upload('broken.zip', strToU8('not a zip'));
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as { Message: string }).Message, /not a valid zip/);
  });

  test('pastes the display fragment into the staff page with ~ rewritten and the placeholders filled', async () => {
    ({ contentItemKey: itemKey, contentKey } = await install());
    const page = await (await call(STAFF_PAGE)).text();
    const script =
      /<script type="module" src="(\/imis\/iPartSource\/gift-entry-ipart\/GiftEntry\/ipart-display\.[0-9a-f]+\.js)"><\/script>/.exec(page);
    assert.ok(script, 'the display script, rooted at the application path');
    assert.ok(page.includes(`<gift-entry data-content-key="${contentKey}" data-content-item-key="${itemKey}">`));
    assert.doesNotMatch(page, /\[x-content/);
    const served = await call(script[1]!.slice('/imis/'.length));
    assert.equal(served.headers.get('Content-Type'), 'text/javascript; charset=utf-8');
    assert.equal(served.headers.get('Cache-Control'), 'no-cache');
  });

  test('__ClientContext: selectedPartyId is the staff member on a plain page and the URL’s ID when given', async () => {
    const context = async (query: string) => {
      const page = await (await call(`${STAFF_PAGE}${query}`)).text();
      const value = /id="__ClientContext" value="([^"]*)"/.exec(page)![1]!.replaceAll('&quot;', '"');
      return JSON.parse(value) as { baseUrl: string; loggedInPartyId: string; selectedPartyId: string };
    };
    assert.deepEqual(await context(''), { baseUrl: '/imis/', loggedInPartyId: 'STAFF1', selectedPartyId: 'STAFF1', isAnonymous: false });
    assert.equal((await context('?ID=101')).selectedPartyId, '101');
  });

  test('settings round trip: the configuration page’s #JsonSettings is saved with the item and served by api/ContentItem as an object', async () => {
    const editor = await (await call(`${CONTENT_ITEM_PAGE}?contentItemKey=${itemKey}`)).text();
    assert.match(editor, /<input type="hidden" name="JsonSettings" id="JsonSettings" value="">/);
    assert.match(editor, /src="\/imis\/iPartSource\/gift-entry-ipart\/GiftEntry\/ipart-configure\.[0-9a-f]+\.js"/);
    assert.equal((await save(itemKey, { __RequestVerificationToken: 'stale', JsonSettings: '{}' })).status, 401);
    assert.equal((await save(itemKey, { __RequestVerificationToken: DEMO_VERIFICATION_TOKEN, JsonSettings: '[1]' })).status, 400);
    const saved = await save(itemKey, {
      __RequestVerificationToken: DEMO_VERIFICATION_TOKEN,
      JsonSettings: '{"endpoint":"https://gifts.example.org","fund":"GEN"}',
    });
    assert.equal(saved.status, 303);
    const item = (await (await call(`api/ContentItem?contentKey=${contentKey}&contentItemKey=${itemKey}`)).json()) as PagedResult<{
      Data: { Settings: object };
    }>;
    assert.deepEqual(pagedItems(item)[0]!.Data.Settings, { endpoint: 'https://gifts.example.org', fund: 'GEN' });
    assert.match(
      await (await call(`${CONTENT_ITEM_PAGE}?contentItemKey=${itemKey}`)).text(),
      /value="\{&quot;endpoint&quot;:&quot;https:\/\/gifts\.example\.org&quot;/,
    );
  });
});

describe('the iMIS-like site playing iMIS 2017', () => {
  const { call, upload, install, save } = standIn(PROFILES['2017']);

  test('takes zips only from $/ContentItems', async () => {
    const elsewhere = await upload('gift-entry-ipart.zip', zip, '$/Common/Uploaded Files');
    assert.equal(elsewhere.status, 400);
    assert.match(((await elsewhere.json()) as { Message: string }).Message, /only from \$\/ContentItems/);
  });

  test('its unpacker needs a folder entry for each folder: the old zip fails, the package installs under Areas/<zip name>/', async () => {
    const old = await upload('gift-entry-ipart.zip', withoutFolderEntries);
    assert.equal(old.status, 400);
    assert.match(
      ((await old.json()) as { Message: string }).Message,
      /Could not find a part of the path '~\/Areas\/gift-entry-ipart\/GiftEntry\//,
    );
    const { contentItemKey, contentKey } = await install();
    const page = await (await call(STAFF_PAGE)).text();
    const script = /src="\/imis\/(Areas\/gift-entry-ipart\/GiftEntry\/ipart-display\.[0-9a-f]+\.js)"/.exec(page);
    assert.ok(script, 'the display fragment, read from ~/Areas/, names its script there');
    const served = await call(script[1]!);
    assert.equal(served.status, 200);
    assert.equal(served.headers.get('Cache-Control'), 'public, max-age=172800', 'static files cached for 2 days, as its web.config says');
    assert.equal((await call(script[1]!.replace('Areas/', 'iPartSource/'))).status, 404, 'nothing under iPartSource');

    assert.equal(
      (
        await save(contentItemKey, {
          __RequestVerificationToken: DEMO_VERIFICATION_TOKEN,
          JsonSettings: '{"endpoint":"https://g.example.org"}',
        })
      ).status,
      303,
    );
    const query = `contentKey=${contentKey}&contentItemKey=${contentItemKey}`;
    assert.equal((await call(`api/ContentItem?${query}`)).status, 404, 'no ContentItemData in 20.2.64');
    const legacy = (await (await call(`api/ContentTypeSettings?${query}`)).json()) as { Settings: unknown };
    assert.equal(legacy.Settings, '{"endpoint":"https://g.example.org"}', 'the settings as the JSON text that was saved');
  });

  test('ignores the name filter on PartySummary instead of refusing it', async () => {
    const all = (await (await call('api/PartySummary?name=startsWith:acme&limit=500')).json()) as PagedResult<PartySummary>;
    assert.ok(all.TotalCount > 1, 'every contact comes back, not only Acme Foundation');
  });
});

test('the demo plays the profile IMIS_STANDIN_PROFILE names and refuses an unknown one', async () => {
  const page = async (app: Hono) => (await app.request(`http://imis.test/imis/${STAFF_PAGE}`)).text();
  assert.match(await page(demoRoutes({ IMIS_STANDIN_PROFILE: '2017' })), /2017 stand-in/);
  assert.match(await page(demoRoutes({})), /EMS stand-in/);
  assert.throws(() => demoRoutes({ IMIS_STANDIN_PROFILE: '2019' }), /IMIS_STANDIN_PROFILE must be one of EMS, 2017; it is "2019"/);
});

test('a proxy talking to a real upstream has no iMIS stand-in', async () => {
  const h = await startHarness();
  try {
    const response = await fetch(`${h.proxy.url}/api/PartySummary?lastName=startsWith:love`, {
      headers: { [IMIS_VERIFICATION_HEADER]: DEMO_VERIFICATION_TOKEN },
    });
    assert.equal(response.status, 404);
    assert.equal((await fetch(`${h.proxy.url}/imis/${STAFF_PAGE}`)).status, 404);
    assert.doesNotMatch(await (await fetch(`${h.proxy.url}/`)).text(), /iMIS|demo/i, 'no demo page either');
  } finally {
    await h.close();
  }
});
