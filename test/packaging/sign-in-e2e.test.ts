/**
 * Signing in through iMIS from end to end, in headless Chromium: the widget on a page of its own
 * origin (as in iMIS), the real proxy with sign-in on, and the iMIS stand-in playing the client
 * application (src/imis-standin/sso.ts: the Single Sign-On page, /token, /api/user with roles).
 * Staff press Sign in, the stand-in's page posts the refresh token to the proxy in the popup, the
 * proxy's page hands the session back to the widget, and gifts go with it: recorded, kept through
 * a renewal and an expiry mid-batch, refused to a member without the role, and seen by a
 * supervisor but not by another staff member.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import Database from 'better-sqlite3';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { DEMO_SIGN_IN, SIGN_IN_PATH } from '../../src/contract/session-api.ts';
import { imisStandInRoutes } from '../../src/imis-standin/routes.ts';
import { JOURNAL_FILE } from '../../src/proxy/journal-file.ts';
import { SSO_CONTROL_PATH } from '../../src/imis-standin/sso.ts';
import { startProxy, type ProxyHandle } from '../../src/proxy/server.ts';
import { CHROMIUM } from '../chromium.ts';
import { buildWidgetTo } from './widget-build.ts';

const KEY = 'sign-in-e2e-key-0123456789';
const dataDir = mkdtempSync(join(tmpdir(), 'gift-sign-in-e2e-'));
const widgetBundle = join(dataDir, 'gift-entry.js');
let standIn: ServerType;
let imisUrl = '';
let host: Server;
let origin = '';
let proxy: ProxyHandle;
let browser: Browser;
/** What the next page holds (set before each `open`). */
let markup = '';

/** The stand-in's control: who is signed in to iMIS, and where its content item posts. */
async function imis(control: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${imisUrl}/${SSO_CONTROL_PATH}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(control),
  });
  assert.ok(response.ok, await response.text());
}

/** A new tab (its own sessionStorage: signed out) on the page holding `html`. */
async function open(html: string): Promise<Page> {
  markup = html;
  const tab = await browser.newPage();
  await tab.goto(`${origin}/`);
  return tab;
}

const widget = (attributes: string) => `<gift-entry endpoint="${proxy.url}" key="${KEY}" ${attributes}></gift-entry>`;

const panelText = (tab: Page) => tab.$eval('gift-sign-in', (el) => (el as HTMLElement).innerText.replace(/\s+/g, ' ').trim());
/** Who the widget says is signed in (the status line alone, without its Sign out button). */
const signedInAs = (tab: Page) => tab.$eval('gift-sign-in [role="status"]', (el) => (el as HTMLElement).innerText.trim());

async function waitForPanel(tab: Page, text: string): Promise<void> {
  await tab
    .waitForFunction((wanted) => document.querySelector('gift-sign-in')?.textContent?.includes(wanted), { timeout: 10_000 }, text)
    .catch(async (error: Error) => assert.fail(`${error.message}; the panel says: ${await panelText(tab).catch(() => '(none)')}`));
}

/** Presses Sign in as `user` is signed in to iMIS; the popup goes through the stand-in and the proxy and closes. */
async function signIn(tab: Page, user: string, expect: string): Promise<void> {
  await imis({ signedInAs: user });
  await tab.waitForSelector('gift-sign-in .sign-in-prompt button', { timeout: 10_000 });
  await tab.click('gift-sign-in .sign-in-prompt button');
  await waitForPanel(tab, expect);
}

async function fillGift(tab: Page, amount: number, lastName: string): Promise<void> {
  await tab.waitForSelector('gift-entry select[name="distribution"]:not([disabled])', { timeout: 10_000 });
  const fields = { amount: String(amount), firstName: 'Ada', lastName, emailAddress: 'ada@example.org' };
  for (const [field, text] of Object.entries(fields)) {
    await tab.$eval(`gift-entry [name="${field}"]`, (el) => ((el as HTMLInputElement).value = ''));
    await tab.type(`gift-entry [name="${field}"]`, text);
  }
  if (!(await tab.$eval('gift-entry [name="distribution"]', (el) => (el as HTMLSelectElement).value))) {
    await tab.select('gift-entry select[name="distribution"]', 'GEN');
  }
}

const rows = (tab: Page) => tab.$$eval('gift-entry .batch-table tbody tr', (trs) => trs.length);

before(async () => {
  await buildWidgetTo(widgetBundle);
  standIn = await new Promise((resolve) => {
    const server = serve({ fetch: imisStandInRoutes({ autoInstall: false }).fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(server));
  });
  imisUrl = `http://127.0.0.1:${(standIn.address() as AddressInfo).port}${DEMO_SIGN_IN.imisPath}`;
  host = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><html lang="en"><head><title>iMIS page</title>
<script type="module" src="${proxy.url}/gift-entry.js"></script></head><body><main>${markup}</main></body></html>`);
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
  proxy = await startProxy(
    {
      PORT: '0',
      DATA_DIR: dataDir,
      SIMULATOR_DELAY_MS: '0',
      GIFT_SIMULATOR: '1',
      GIFT_UPSTREAM_SPACING_MS: '0',
      GIFT_ENTRY_KEYS: KEY,
      ALLOWED_ORIGINS: origin,
      GIFT_IMIS_URL: imisUrl,
      GIFT_IMIS_CLIENT_ID: DEMO_SIGN_IN.clientId,
      GIFT_IMIS_CLIENT_SECRET: DEMO_SIGN_IN.clientSecret,
      GIFT_IMIS_SIGN_IN_PAGE: `${imisUrl}/${DEMO_SIGN_IN.pagePath.slice(DEMO_SIGN_IN.imisPath.length + 1)}`,
      GIFT_IMIS_ENTRY_ROLES: DEMO_SIGN_IN.entryRole,
      GIFT_IMIS_SUPERVISOR_ROLES: DEMO_SIGN_IN.supervisorRole,
    },
    { log: () => {}, widgetBundle },
  );
  // The client application's login redirect URL: the proxy's sign-in path.
  await imis({ loginRedirectUrl: `${proxy.url}${SIGN_IN_PATH}` });
  browser = await puppeteer.launch(CHROMIUM);
});

after(async () => {
  await browser?.close();
  await proxy?.close();
  await new Promise((resolve) => host?.close(resolve));
  await new Promise((resolve) => standIn?.close(resolve));
  rmSync(dataDir, { recursive: true, force: true });
});

test('signed out, the widget asks for a sign-in; signed in through iMIS, it names the person and records a gift as theirs', async () => {
  const tab = await open(widget('mode="immediate" fund="GEN"'));
  await waitForPanel(tab, 'Sign in to iMIS to record gifts.');
  await signIn(tab, 'STAFF1', 'Signed in as Sam Carter');
  await fillGift(tab, 41, 'Lovelace');
  await tab.click('gift-entry form.gift-form button[type="submit"]');
  await tab.waitForSelector('gift-entry .AsiSuccess', { timeout: 10_000 });
  await tab.close();
});

test('mid-batch, a renewal goes unnoticed and an expiry asks for a sign-in again: nothing typed is lost, the gift that waited is kept once', async () => {
  const tab = await open(widget('mode="review" fund="GEN"'));
  await signIn(tab, 'STAFF1', 'Signed in as Sam Carter');
  await tab.waitForSelector('gift-entry select[name="batch-distribution"]:not([disabled])', { timeout: 10_000 });
  await tab.type('gift-entry [name="batch-count"]', '3');
  await tab.type('gift-entry [name="batch-total"]', '60');
  await tab.click('gift-entry form.batch-setup button[type="submit"]');
  await tab.waitForSelector('gift-entry .batch-line', { timeout: 10_000 });
  await fillGift(tab, 10, 'One');
  await tab.click('gift-entry form.gift-form button[type="submit"]');
  await tab.waitForFunction(() => document.querySelectorAll('gift-entry .batch-table tbody tr').length === 1, { timeout: 10_000 });

  // Renewal: the tab's grant is due (as after a sleep); waking the page renews it with the proxy.
  const tokenNow = () =>
    tab.evaluate(
      (endpoint) => JSON.parse(sessionStorage.getItem(`gift-entry:session:${endpoint}`) ?? 'null')?.grant?.token as string,
      proxy.url,
    );
  const before = await tokenNow();
  await tab.evaluate((endpoint) => {
    const key = `gift-entry:session:${endpoint}`;
    sessionStorage.setItem(key, JSON.stringify({ ...JSON.parse(sessionStorage.getItem(key)!), renewAt: Date.now() - 1 }));
    window.dispatchEvent(new Event('focus'));
  }, proxy.url);
  await tab.waitForFunction(
    (endpoint, old) => JSON.parse(sessionStorage.getItem(`gift-entry:session:${endpoint}`) ?? 'null')?.grant?.token !== old,
    { timeout: 10_000 },
    proxy.url,
    before,
  );
  await fillGift(tab, 20, 'Two');
  await tab.click('gift-entry form.gift-form button[type="submit"]');
  await tab.waitForFunction(() => document.querySelectorAll('gift-entry .batch-table tbody tr').length === 2, { timeout: 10_000 });
  assert.equal(await signedInAs(tab), 'Signed in as Sam Carter', 'never asked to sign in for the renewal');

  // Expiry: the proxy's sessions end (the laptop slept through the renewal).
  const journal = new Database(join(dataDir, JOURNAL_FILE));
  journal.prepare('UPDATE sessions SET expires_at = 0').run();
  journal.close();
  await fillGift(tab, 30, 'Three');
  await tab.click('gift-entry form.gift-form button[type="submit"]');
  await waitForPanel(tab, 'Your sign-in expired — sign in again; the gift you were typing is kept.');
  assert.equal(await tab.$eval('gift-entry [name="lastName"]', (el) => (el as HTMLInputElement).value), 'Three');
  assert.equal(await rows(tab), 2, 'the batch is still there');
  await signIn(tab, 'STAFF1', 'Signed in as Sam Carter');
  await tab.waitForFunction(() => document.querySelectorAll('gift-entry .batch-table tbody tr').length === 3, { timeout: 10_000 });
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(await rows(tab), 3, 'the gift that waited is kept once');
  await tab.close();
});

test('a member without the gift entry role is told so in words', async () => {
  const tab = await open(widget('mode="immediate"'));
  await signIn(tab, 'MEMBER1', 'Your iMIS account is not allowed to enter gifts');
  assert.ok(await tab.$('gift-sign-in .AsiError'));
  await tab.close();
});

test('a supervisor sees every gift entered today; another staff member sees only their own', async () => {
  const today = `<gift-today endpoint="${proxy.url}" key="${KEY}"></gift-today>`;
  const counted = (tab: Page) =>
    tab.waitForFunction(() => !document.querySelector('gift-today .today-count')?.textContent?.includes('Loading'), { timeout: 10_000 });
  const count = (tab: Page) => tab.$eval('gift-today .today-count', (el) => el.textContent!.trim());

  const staff = await open(today);
  await signIn(staff, 'STAFF2', 'Signed in as Lee Chen');
  await counted(staff);
  assert.equal(await count(staff), '0 gifts, $0.00', 'Lee sees none of Sam’s gifts');
  await staff.close();

  const supervisor = await open(today);
  await signIn(supervisor, 'SUPER1', 'Signed in as Pat Morgan (supervisor: sees every gift)');
  await counted(supervisor);
  assert.equal(await count(supervisor), '1 gift, $41.00', 'Pat sees the gift Sam recorded');
  const enteredBy = await supervisor.$$eval('gift-today td[data-label="Entered by"]', (cells) => cells.map((td) => td.textContent!.trim()));
  assert.deepEqual(enteredBy, ['STAFF1'], 'entered by the verified party (the page said nothing of who was there)');
  await supervisor.close();
});
