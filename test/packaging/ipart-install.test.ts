/**
 * The packaged iPart, installed from its zip into the iMIS-like stand-in at /imis/ (its own
 * origin, as an iMIS site is), configured on its configuration page and used from the staff
 * page in headless Chromium, recording a gift through the real proxy on another origin.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { build } from 'vite';
import { CALLER_KEY_HEADER } from '../../src/contract/proxy-routes.ts';
import type { Journal } from '../../src/contract/proxy-api.ts';
import { IMIS_VERIFICATION_HEADER } from '../../src/contract/imis-party.ts';
import { buildIpartZip } from '../../src/packaging/ipart.ts';
import { IPART_CONFIGURATION_URL, IPART_DISPLAY_URL, IPART_ZIP_NAME } from '../../src/packaging/ipart-files.ts';
import { DEMO_VERIFICATION_TOKEN, IMIS_SITE_PATH, imisStandInRoutes } from '../../src/imis-standin/routes.ts';
import { CONTENT_ITEM_PAGE, CONTENT_TYPES_PATH, PLACE_PATH, STAFF_PAGE, UPLOAD_PATH } from '../../src/imis-standin/site-routes.ts';
import { startProxy, type ProxyHandle } from '../../src/proxy/server.ts';
import { CHROMIUM } from '../chromium.ts';

const KEY = 'ipart-install-key-0123456789';
let site: ServerType;
let imis = '';
let proxy: ProxyHandle;
let browser: Browser;
let itemKey = '';
const dataDir = mkdtempSync(join(tmpdir(), 'gift-ipart-'));
/** Whatever went wrong in the page: failed requests, console errors (CSP violations included). */
const problems: string[] = [];

async function widgetBundle(): Promise<Uint8Array> {
  const output = await build({ configFile: 'vite.config.ts', logLevel: 'silent', build: { write: false, emptyOutDir: false } });
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => ('output' in o ? o.output : []));
  const entry = chunks.find((chunk) => chunk.type === 'chunk' && chunk.fileName === 'gift-entry.js');
  assert.ok(entry && entry.type === 'chunk', 'vite built the widget bundle');
  return new TextEncoder().encode(entry.code);
}

const admin = (path: string, body: BodyInit) =>
  fetch(`${imis}${path}`, { method: 'POST', headers: { [IMIS_VERIFICATION_HEADER]: DEMO_VERIFICATION_TOKEN }, body });

async function openPage(url: string): Promise<Page> {
  const page = await browser.newPage();
  page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
  page.on('pageerror', (error) => problems.push(`page error: ${(error as Error).message}`));
  page.on('response', (response) => response.status() >= 400 && problems.push(`${response.status()} ${response.url()}`));
  await page.goto(url);
  return page;
}

/** Types into each field a staff member would see empty (a prefilled donor may hide or fill the name fields). */
async function fillGift(page: Page, values: Record<string, string>): Promise<void> {
  for (const [field, value] of Object.entries(values)) {
    const input = await page.$(`gift-entry [name="${field}"]`);
    if (!input || !(await input.boundingBox()) || (await input.evaluate((el) => (el as HTMLInputElement).value))) continue;
    await input.type(value);
  }
}

async function recordedGift(page: Page, amount: number): Promise<Journal['gifts'][number]> {
  await page.click('gift-entry button[type="submit"]');
  await page.waitForSelector('gift-entry .AsiSuccess', { timeout: 10_000 });
  const journal = (await (await fetch(`${proxy.url}/api/gifts`, { headers: { [CALLER_KEY_HEADER]: KEY } })).json()) as Journal;
  const gift = journal.gifts.find((g) => g.amount === amount);
  assert.ok(gift, 'the proxy journaled the gift');
  return gift;
}

before(async () => {
  const zip = buildIpartZip(await widgetBundle());
  site = await new Promise<ServerType>((resolve) => {
    const server = serve({ fetch: imisStandInRoutes({ autoInstall: false }).fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(server));
  });
  const origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  imis = `${origin}${IMIS_SITE_PATH}`;
  proxy = await startProxy(
    {
      PORT: '0',
      DATA_DIR: dataDir,
      SIMULATOR_DELAY_MS: '0',
      GIFT_SIMULATOR: '1',
      GIFT_UPSTREAM_SPACING_MS: '0',
      GIFT_ENTRY_KEYS: KEY,
      ALLOWED_ORIGINS: origin,
    },
    { log: () => {} },
  );
  // What an administrator does in RiSE: upload the zip, register the content type, place it on a staff page.
  const upload = await admin(`${UPLOAD_PATH}?name=${IPART_ZIP_NAME}.zip`, new Uint8Array(zip));
  assert.equal(upload.status, 201);
  assert.deepEqual(((await upload.json()) as { dropped: string[] }).dropped, [], 'iMIS keeps every file of the package');
  const type = (await (
    await admin(
      CONTENT_TYPES_PATH,
      JSON.stringify({ name: 'Gift entry', displayUrl: IPART_DISPLAY_URL, configurationUrl: IPART_CONFIGURATION_URL }),
    )
  ).json()) as {
    contentTypeKey: string;
  };
  itemKey = (
    (await (await admin(PLACE_PATH, JSON.stringify({ contentTypeKey: type.contentTypeKey }))).json()) as { contentItemKey: string }
  ).contentItemKey;
  browser = await puppeteer.launch(CHROMIUM);
});

after(async () => {
  await browser?.close();
  await proxy?.close();
  await new Promise((resolve) => site?.close(resolve));
  rmSync(dataDir, { recursive: true, force: true });
});

test('before its settings are saved, the placed iPart says what to do instead of failing obscurely', async () => {
  const page = await openPage(`${imis}${STAFF_PAGE}`);
  await page.waitForSelector('.ContentItem .AsiError[role="alert"]');
  const text = await page.$eval('.ContentItem .AsiError', (el) => el.textContent ?? '');
  assert.match(text, /not set up on this page yet: edit this content item in RiSE/);
  await page.close();
});

test('installed from its zip at /imis/, the iPart reads its placement settings and records a gift through the proxy', async () => {
  problems.length = 0;
  const editor = await openPage(`${imis}${CONTENT_ITEM_PAGE}?contentItemKey=${itemKey}`);
  await editor.waitForSelector('[data-setting="endpoint"]');
  await editor.type('[data-setting="endpoint"]', proxy.url);
  await editor.type('[data-setting="key"]', KEY);
  await editor.type('[data-setting="fund"]', 'ZEBE');
  await editor.click('[data-setting="prefillDonor"]');
  await Promise.all([editor.waitForNavigation(), editor.click('.CommandBar button[type="submit"]')]);
  assert.equal(new URL(editor.url()).pathname, `${IMIS_SITE_PATH}${STAFF_PAGE}`);
  await editor.close();

  const page = await openPage(`${imis}${STAFF_PAGE}`);
  await page.waitForSelector('gift-entry select[name="distribution"]:not([disabled])', { timeout: 10_000 });
  assert.equal(
    await page.$eval('gift-entry [name="distribution"]', (el) => (el as HTMLSelectElement).value),
    'ZEBE',
    'the placement’s default fund',
  );
  await fillGift(page, { amount: '42', firstName: 'Ada', lastName: 'Lovelace', emailAddress: 'ada@example.org' });
  const gift = await recordedGift(page, 42);
  assert.ok(!gift.gift?.imisId, 'a plain staff page: the staff member is not made the donor');
  assert.equal(gift.enteredBy, 'STAFF1', 'entered by the logged-in staff member from __ClientContext');
  assert.equal(gift.distribution, 'ZEBE');
  assert.deepEqual(problems, [], 'no failed request, console error or CSP violation');
  await page.close();
});

test('on a contact’s page (?ID=), the iPart with prefill on records the gift for that contact', async () => {
  const page = await openPage(`${imis}${STAFF_PAGE}?ID=101`);
  await page.waitForSelector('gift-entry select[name="distribution"]:not([disabled])', { timeout: 10_000 });
  await fillGift(page, { amount: '43', firstName: 'Ada', lastName: 'Lovelace', emailAddress: 'ada@example.org' });
  const gift = await recordedGift(page, 43);
  assert.equal(gift.gift?.imisId, '101');
  await page.close();
});
