/**
 * Route A as README tells an administrator to follow it, on both iMIS versions the stand-in
 * plays (src/imis-standin/profiles.ts): the zip stored in $/ContentItems and unpacked where
 * that version unpacks it, the content type pointed at the unpacked files, the item placed
 * and configured, and a gift recorded in headless Chromium through the real proxy on another
 * origin. Also: an upgrade on iMIS 2017 with its 2-day static cache in place, and every way a
 * placement can fail to load shows a sentence, never a blank.
 */
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import { unzipSync, zipSync } from 'fflate';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { CALLER_KEY_HEADER } from '../../src/contract/proxy-routes.ts';
import type { Journal } from '../../src/contract/proxy-api.ts';
import { IMIS_VERIFICATION_HEADER } from '../../src/contract/imis-party.ts';
import { buildIpartZip } from '../../src/packaging/ipart.ts';
import { IPART_LAYOUTS, IPART_ZIP_NAME, ipartConfigurationUrl, ipartDisplayUrl, ipartRoot } from '../../src/packaging/ipart-layout.ts';
import { PROFILES, type ImisProfile } from '../../src/imis-standin/profiles.ts';
import { DEMO_VERIFICATION_TOKEN, IMIS_SITE_PATH, imisStandInRoutes } from '../../src/imis-standin/routes.ts';
import { CONTENT_ITEM_PAGE, CONTENT_TYPES_PATH, PLACE_PATH, STAFF_PAGE, UPLOAD_PATH } from '../../src/imis-standin/site-routes.ts';
import { startProxy, type ProxyHandle } from '../../src/proxy/server.ts';
import { CHROMIUM } from '../chromium.ts';
import { buildWidgetTo } from './widget-build.ts';

const KEY = 'ipart-install-key-0123456789';
const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const dataDir = mkdtempSync(join(tmpdir(), 'gift-ipart-'));
const widgetBundle = join(dataDir, 'gift-entry.js');
let proxy: ProxyHandle;
let browser: Browser;
let amount = 40;

interface Site {
  profile: ImisProfile;
  server: ServerType;
  /** The site's application root URL, e.g. http://127.0.0.1:1234/imis/. */
  url: string;
}
const sites = new Map<string, Site>();

function startSite(profile: ImisProfile): Promise<Site> {
  return new Promise((resolve) => {
    const server = serve({ fetch: imisStandInRoutes({ autoInstall: false, profile }).fetch, hostname: '127.0.0.1', port: 0 }, () =>
      resolve({ profile, server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${IMIS_SITE_PATH}` }),
    );
  });
}

const admin = (site: Site, path: string, body: BodyInit) =>
  fetch(`${site.url}${path}`, { method: 'POST', headers: { [IMIS_VERIFICATION_HEADER]: DEMO_VERIFICATION_TOKEN }, body });

/** README route A, steps 1-3: store the zip in $/ContentItems, create the content type at the unpacked files, place it. */
async function installRouteA(site: Site, zip: Uint8Array): Promise<string> {
  const upload = await admin(
    site,
    `${UPLOAD_PATH}?name=${IPART_ZIP_NAME}.zip&folder=${encodeURIComponent('$/ContentItems')}`,
    new Uint8Array(zip),
  );
  assert.equal(upload.status, 201, await upload.clone().text());
  assert.deepEqual(((await upload.json()) as { dropped: string[] }).dropped, [], 'iMIS keeps every file of the package');
  const layout = site.profile.unpackRoot;
  // "Confirm the files are where the content type will point": the display file answers at its URL.
  assert.equal((await fetch(`${site.url}${ipartDisplayUrl(layout).slice(2)}`)).status, 200);
  const type = (await (
    await admin(
      site,
      CONTENT_TYPES_PATH,
      JSON.stringify({ name: 'Gift entry', displayUrl: ipartDisplayUrl(layout), configurationUrl: ipartConfigurationUrl(layout) }),
    )
  ).json()) as { contentTypeKey: string };
  return (
    (await (await admin(site, PLACE_PATH, JSON.stringify({ contentTypeKey: type.contentTypeKey }))).json()) as { contentItemKey: string }
  ).contentItemKey;
}

/** Whatever went wrong in a page: failed requests, console errors (CSP violations included). */
function watch(page: Page, site: Site): string[] {
  const problems: string[] = [];
  // index.html names its script in both places iMIS may unpack the zip; the other one is expected to miss.
  const otherLayouts = IPART_LAYOUTS.filter((l) => l !== site.profile.unpackRoot).map((l) => `${site.url}${ipartRoot(l).slice(2)}`);
  // iMIS 2017 has no api/ContentItem: the display script asks it first, then api/ContentTypeSettings.
  const legacy = site.profile.contentItemApi ? [] : [`${site.url}api/ContentItem?`];
  const expected = (url: string) => [...otherLayouts, ...legacy].some((prefix) => url.startsWith(prefix));
  page.on('console', (m) => m.type() === 'error' && !expected(m.location().url ?? '') && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (error) => problems.push(`page error: ${(error as Error).message}`));
  page.on('response', (r) => r.status() >= 400 && !expected(r.url()) && problems.push(`${r.status()} ${r.url()}`));
  return problems;
}

async function configure(
  site: Site,
  itemKey: string,
  settings: { endpoint: string; fund?: string; prefill?: boolean; immediate?: boolean },
): Promise<void> {
  const editor = await browser.newPage();
  await editor.goto(`${site.url}${CONTENT_ITEM_PAGE}?contentItemKey=${itemKey}`);
  await editor.waitForSelector('[data-setting="endpoint"]');
  await editor.$eval('[data-setting="endpoint"]', (el) => ((el as HTMLInputElement).value = ''));
  await editor.type('[data-setting="endpoint"]', settings.endpoint);
  await editor.$eval('[data-setting="key"]', (el) => ((el as HTMLInputElement).value = ''));
  await editor.type('[data-setting="key"]', KEY);
  if (settings.fund) await editor.type('[data-setting="fund"]', settings.fund);
  if (settings.prefill) await editor.click('[data-setting="prefillDonor"]');
  if (settings.immediate) await editor.click('[data-setting="immediate"]');
  await Promise.all([editor.waitForNavigation(), editor.click('.CommandBar button[type="submit"]')]);
  assert.equal(new URL(editor.url()).pathname, `${IMIS_SITE_PATH}${STAFF_PAGE}`);
  await editor.close();
}

/**
 * Types into each field a staff member would see empty, records, and finds the gift in the
 * proxy's journal. A placement in review mode (the default) first starts a batch of one
 * gift, then posts it.
 */
async function recordGift(page: Page): Promise<Journal['gifts'][number]> {
  await page.waitForSelector('gift-entry select[name="distribution"]:not([disabled])', { timeout: 10_000 });
  const value = ++amount;
  const review = await page.$('gift-entry form.batch-setup');
  if (review) {
    await page.type('gift-entry [name="batch-count"]', '1');
    await page.type('gift-entry [name="batch-total"]', String(value));
    await page.click('gift-entry form.batch-setup button[type="submit"]');
    await page.waitForSelector('gift-entry .batch-line', { timeout: 10_000 });
  }
  const fields = { amount: String(value), firstName: 'Ada', lastName: 'Lovelace', emailAddress: 'ada@example.org' };
  for (const [field, text] of Object.entries(fields)) {
    const input = await page.$(`gift-entry [name="${field}"]`);
    if (!input || !(await input.boundingBox()) || (await input.evaluate((el) => (el as HTMLInputElement).value))) continue;
    await input.type(text);
  }
  if (!(await page.$eval('gift-entry [name="distribution"]', (el) => (el as HTMLSelectElement).value))) {
    await page.select('gift-entry select[name="distribution"]', 'GEN');
  }
  await page.click('gift-entry form.gift-form button[type="submit"]');
  await page
    .waitForSelector('gift-entry .AsiSuccess', { timeout: 10_000 })
    .catch(async (error: Error) => assert.fail(`${error.message}; the page says: ${await noticeIn(page)}`));
  if (review) {
    await page.click('gift-entry .batch-post button.PrimaryButton');
    await page
      .waitForFunction(() => document.querySelector('gift-entry .batch-line')?.textContent?.includes('(posted)'), { timeout: 10_000 })
      .catch(async (error: Error) => assert.fail(`${error.message}; the page says: ${await noticeIn(page)}`));
  }
  const journal = (await (await fetch(`${proxy.url}/api/gifts`, { headers: { [CALLER_KEY_HEADER]: KEY } })).json()) as Journal;
  const gift = journal.gifts.find((g) => g.amount === value);
  assert.ok(gift, 'the proxy journaled the gift');
  return gift;
}

const noticeIn = (page: Page) => page.$eval('.ContentItem', (el) => (el as HTMLElement).innerText);

before(async () => {
  await buildWidgetTo(widgetBundle);
  // One site per scenario, all started first: the proxy's ALLOWED_ORIGINS must list each.
  const scenarios = {
    EMS: PROFILES.EMS,
    '2017': PROFILES['2017'],
    upgrade: PROFILES['2017'],
    'proxy-down': PROFILES.EMS,
    'no-script': PROFILES['2017'],
  };
  for (const [scenario, profile] of Object.entries(scenarios)) sites.set(scenario, await startSite(profile));
  proxy = await startProxy(
    {
      PORT: '0',
      DATA_DIR: dataDir,
      SIMULATOR_DELAY_MS: '0',
      GIFT_SIMULATOR: '1',
      GIFT_UPSTREAM_SPACING_MS: '0',
      GIFT_ENTRY_KEYS: KEY,
      ALLOWED_ORIGINS: [...sites.values()].map((s) => new URL(s.url).origin).join(','),
    },
    { log: () => {}, widgetBundle },
  );
  browser = await puppeteer.launch(CHROMIUM);
});

after(async () => {
  await browser?.close();
  await proxy?.close();
  for (const site of sites.values()) await new Promise((resolve) => site.server.close(resolve));
  rmSync(dataDir, { recursive: true, force: true });
});

for (const name of ['EMS', '2017'] as const) {
  describe(`route A on iMIS ${name}`, () => {
    let itemKey = '';
    test('installed as README says, the placement says what to do before its settings are saved', async () => {
      const site = sites.get(name)!;
      itemKey = await installRouteA(site, await buildIpartZip());
      const page = await browser.newPage();
      await page.goto(`${site.url}${STAFF_PAGE}`);
      await page.waitForSelector('.ContentItem .AsiError[role="alert"]');
      assert.match(await noticeIn(page), /not set up on this page yet: edit this content item in RiSE/);
      await page.close();
    });

    test('configured on its configuration page, it loads the widget from the proxy and records a gift', async () => {
      const site = sites.get(name)!;
      await configure(site, itemKey, { endpoint: proxy.url, fund: 'ZEBE' });
      const page = await browser.newPage();
      const problems = watch(page, site);
      await page.goto(`${site.url}${STAFF_PAGE}`);
      const gift = await recordGift(page);
      assert.equal(await page.$eval('gift-entry [name="distribution"]', (el) => (el as HTMLSelectElement).value), 'ZEBE');
      assert.ok(!gift.gift?.imisId, 'a plain staff page: the staff member is not made the donor');
      assert.equal(gift.enteredBy, 'STAFF1', 'entered by the logged-in staff member from __ClientContext');
      assert.equal(gift.distribution, 'ZEBE', 'the placement’s default fund');
      assert.doesNotMatch(await noticeIn(page), /is loading/, 'the fallback text is gone once the widget runs');
      for (const width of [320, 1280]) {
        await page.setViewport({ width, height: 900 });
        const fit = await page.evaluate(() => {
          const widget = document.querySelector('gift-entry')!.getBoundingClientRect();
          const zone = document.querySelector('.ContentItem')!.getBoundingClientRect();
          return { page: document.documentElement.scrollWidth, widget: widget.width, zone: zone.width, right: widget.right - zone.right };
        });
        assert.ok(fit.page <= width, `at ${width} px the page scrolls sideways (${fit.page} px wide)`);
        assert.ok(fit.right <= 0.5, `at ${width} px the widget sticks out of its content item`);
        if (width > 1000) assert.ok(fit.zone > 600, `the staff page gives its content area the page's width, not a ${fit.zone} px column`);
      }
      assert.deepEqual(problems, [], 'no failed request, console error or CSP violation');
      await page.close();
    });

    test('on a contact’s page (?ID=) with prefill on, the gift is recorded for that contact', async () => {
      const site = sites.get(name)!;
      await configure(site, itemKey, { endpoint: proxy.url, prefill: true, immediate: true });
      const page = await browser.newPage();
      await page.goto(`${site.url}${STAFF_PAGE}?ID=101`);
      assert.equal((await recordGift(page)).gift?.imisId, '101');
      await page.close();
    });
  });
}

describe('upgrading on iMIS 2017, with its 2-day static cache in place', () => {
  test('the next page load runs the new package and the new widget, and records a gift', async () => {
    const site = sites.get('upgrade')!;
    {
      const itemKey = await installRouteA(site, await buildIpartZip({ release: 'previous' }));
      await configure(site, itemKey, { endpoint: proxy.url });
      const page = await browser.newPage();
      const scripts: string[] = [];
      page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
      const problems = watch(page, site);
      await page.goto(`${site.url}${STAFF_PAGE}`);
      await page
        .waitForSelector('gift-entry select[name="distribution"]:not([disabled])', { timeout: 10_000 })
        .catch(async (error: Error) =>
          assert.fail(`${error.message}: ${await noticeIn(page)} ${problems.join(', ')} ${scripts.join(' ')}`),
        );
      assert.equal(await page.$eval('gift-entry', (el) => (el as HTMLElement).dataset.ipartRelease), 'previous');
      const oldWidget = scripts.find((url) => /\/widget\/[0-9a-f]+\/gift-entry\.js/.test(url));
      assert.ok(oldWidget, 'the widget came from the proxy at a hashed path');

      // The upgrade: the new zip stored over the old one, and the proxy serving a new widget build.
      assert.equal(
        (
          await admin(
            site,
            `${UPLOAD_PATH}?name=${IPART_ZIP_NAME}.zip&folder=${encodeURIComponent('$/ContentItems')}`,
            new Uint8Array(await buildIpartZip()),
          )
        ).status,
        201,
      );
      appendFileSync(widgetBundle, '\n// the next release\n');
      scripts.length = 0;
      await page.reload();
      await page
        .waitForSelector('gift-entry select[name="distribution"]:not([disabled])', { timeout: 10_000 })
        .catch(async (error: Error) =>
          assert.fail(`${error.message}: ${await noticeIn(page)} ${problems.join(', ')} ${scripts.join(' ')}`),
        );
      assert.equal(await page.$eval('gift-entry', (el) => (el as HTMLElement).dataset.ipartRelease), VERSION, 'the new display script ran');
      const newWidget = scripts.find((url) => /\/widget\/[0-9a-f]+\/gift-entry\.js/.test(url));
      assert.ok(newWidget && newWidget !== oldWidget, `the new widget was loaded (${newWidget} after ${oldWidget})`);
      assert.ok(await recordGift(page));
      await page.close();
    }
  });
});

describe('a placement that cannot load says so in the page, never a blank', () => {
  test('its proxy cannot be reached', async () => {
    const site = sites.get('proxy-down')!;
    {
      const itemKey = await installRouteA(site, await buildIpartZip());
      await configure(site, itemKey, { endpoint: 'http://127.0.0.1:9' });
      const page = await browser.newPage();
      await page.goto(`${site.url}${STAFF_PAGE}`);
      await page.waitForSelector('.ContentItem .AsiError[role="alert"]', { timeout: 10_000 });
      assert.match(await noticeIn(page), /could not load its form from the gift proxy at http:\/\/127\.0\.0\.1:9: the proxy may be down/);
      await page.close();
    }
  });

  test('its script is not where index.html names it', async () => {
    const site = sites.get('no-script')!;
    {
      const files = unzipSync(await buildIpartZip());
      for (const path of Object.keys(files)) if (path.includes('ipart-display')) delete files[path];
      await installRouteA(site, zipSync(files));
      const page = await browser.newPage();
      await page.goto(`${site.url}${STAFF_PAGE}`);
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.match(await noticeIn(page), /If this message stays, the page could not load Gift entry from this iMIS site/);
      await page.close();
    }
  });
});
