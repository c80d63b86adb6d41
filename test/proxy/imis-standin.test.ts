import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { zipSync, strToU8 } from 'fflate';
import {
  IMIS_VERIFICATION_HEADER,
  pagedItems,
  type PagedResult,
  type PartyData,
  type PartySummary,
} from '../../src/contract/imis-party.ts';
import { buildIpartZip } from '../../src/packaging/ipart.ts';
import { IPART_CONFIGURATION_URL, IPART_DISPLAY_URL } from '../../src/packaging/ipart-files.ts';
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
      { log: () => {} },
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

describe('the iMIS-like site installs an iPart zip and assembles its page as iMIS does', () => {
  const site = imisStandInRoutes({ autoInstall: false });
  const call = (path: string, init: RequestInit = {}) =>
    site.request(`http://imis.test/imis/${path}`, {
      ...init,
      headers: { [IMIS_VERIFICATION_HEADER]: DEMO_VERIFICATION_TOKEN, ...(init.headers as Record<string, string>) },
    });
  const zip = buildIpartZip(strToU8('/* widget */'));
  let itemKey = '';
  let contentKey = '';

  test('unpacks the zip under a folder named after it, dropping extensions iMIS does not allow', async () => {
    const withReadme = zipSync({
      'GiftEntry/index.html': strToU8('<p>x</p>'),
      'GiftEntry/README.txt': strToU8('read me'),
      'GiftEntry/app.js': strToU8(''),
    });
    const response = await call(`${UPLOAD_PATH}?name=other.zip`, { method: 'POST', body: new Uint8Array(withReadme) });
    assert.equal(response.status, 201);
    assert.deepEqual(await response.json(), {
      folder: 'iPartSource/other/',
      installed: ['iPartSource/other/GiftEntry/index.html', 'iPartSource/other/GiftEntry/app.js'],
      dropped: ['GiftEntry/README.txt'],
    });
    assert.equal((await call('iPartSource/other/GiftEntry/README.txt')).status, 404);
    assert.equal(await (await call('iPartSource/other/GiftEntry/index.html')).text(), '<p>x</p>');
    const bad = await call(`${UPLOAD_PATH}?name=broken.zip`, { method: 'POST', body: new Uint8Array(strToU8('not a zip')) });
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as { Message: string }).Message, /not a valid zip/);
  });

  test('pastes the display fragment into the staff page with ~ rewritten and the placeholders filled', async () => {
    assert.equal((await call(`${UPLOAD_PATH}?name=gift-entry-ipart.zip`, { method: 'POST', body: new Uint8Array(zip) })).status, 201);
    const type = await call(CONTENT_TYPES_PATH, {
      method: 'POST',
      body: JSON.stringify({ name: 'Gift entry', displayUrl: IPART_DISPLAY_URL, configurationUrl: IPART_CONFIGURATION_URL }),
    });
    const { contentTypeKey } = (await type.json()) as { contentTypeKey: string };
    const placed = (await (await call(PLACE_PATH, { method: 'POST', body: JSON.stringify({ contentTypeKey }) })).json()) as {
      contentKey: string;
      contentItemKey: string;
    };
    ({ contentItemKey: itemKey, contentKey } = placed);
    const page = await (await call(STAFF_PAGE)).text();
    assert.match(page, /<script type="module" src="\/imis\/iPartSource\/gift-entry-ipart\/GiftEntry\/ipart-display\.js"><\/script>/);
    assert.ok(page.includes(`<gift-entry data-content-key="${contentKey}" data-content-item-key="${itemKey}">`));
    assert.doesNotMatch(page, /\[x-content/);
    assert.equal(
      (await call('iPartSource/gift-entry-ipart/GiftEntry/ipart-display.js')).headers.get('Content-Type'),
      'text/javascript; charset=utf-8',
    );
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

  test('settings round trip: the configuration page’s #JsonSettings is saved with the item and served by api/ContentItem', async () => {
    const editor = await (await call(`${CONTENT_ITEM_PAGE}?contentItemKey=${itemKey}`)).text();
    assert.match(editor, /<input type="hidden" name="JsonSettings" id="JsonSettings" value="">/);
    assert.match(editor, /src="\/imis\/iPartSource\/gift-entry-ipart\/GiftEntry\/ipart-configure\.js"/);
    const save = (fields: Record<string, string>) =>
      site.request(`http://imis.test/imis/${CONTENT_ITEM_PAGE}?contentItemKey=${itemKey}`, {
        method: 'POST',
        body: new URLSearchParams(fields),
      });
    assert.equal((await save({ __RequestVerificationToken: 'stale', JsonSettings: '{}' })).status, 401);
    assert.equal((await save({ __RequestVerificationToken: DEMO_VERIFICATION_TOKEN, JsonSettings: '[1]' })).status, 400);
    const saved = await save({
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

test('a proxy talking to a real upstream has no iMIS stand-in', async () => {
  const h = await startHarness();
  try {
    const response = await fetch(`${h.proxy.url}/api/PartySummary?lastName=startsWith:love`, {
      headers: { [IMIS_VERIFICATION_HEADER]: DEMO_VERIFICATION_TOKEN },
    });
    assert.equal(response.status, 404);
    assert.equal((await fetch(`${h.proxy.url}/imis/${STAFF_PAGE}`)).status, 404);
  } finally {
    await h.close();
  }
});
